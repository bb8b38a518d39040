package cn.js.reduction.intake;

import cn.js.reduction.discover.Sheet;
import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.InputLimits;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.HeaderLocator;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.ThreadCpu;
import cn.js.reduction.discover.Values;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import static cn.js.reduction.discover.Sheet.row;
import static cn.js.reduction.discover.Sheet.with;
import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.store.FindingStore;
import java.math.BigDecimal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The limits of the input as the row rules check them, each with the value from the reports that once
 * reached the database and failed the run: every one now gives a finding on its cell, and what is accepted
 * fits the staging columns (V2__reduction_accounting.sql).
 */
class InputLimitsTest {

    private static final String FILE = "suzhou_20200701.csv";

    private final RowValidator validator = new RowValidator(ReferenceFixture.jiangsu2020(), 2020);
    private final HeaderLocator locator = new HeaderLocator(ReferenceFixture.jiangsu2020());

    private final Header projects = locator.locate(Sheet.NAME, List.of(
            row(1, "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别",
                    "进展状态", "计划完成时间", "实际完成时间", "总投资（万元）", "VOCs减排量（吨/年）",
                    "二氧化硫减排量（吨/年）", "氮氧化物减排量（吨/年）", "颗粒物减排量（吨/年）", "备注"))).orElseThrow();
    private final RawRow project = row(2, "SZ-1", "苏州", "姑苏区", "某项目", "某公司", null, "锅炉提标改造项目", "在建",
            "2020-06-30", null, "100", "1", "2", "3", "4", "备注");

    private final Header emissions = locator.locate(Sheet.NAME, List.of(
            row(1, "设区市", "污染物", "排放源类别", "基准年排放量（吨）", "核算年排放量（吨）", "备注"))).orElseThrow();
    private final RawRow emission = row(2, "苏州", "二氧化硫", "工业源", "5000", "3900", null);

    private RowOutcome<ProjectRecord> project(String column, Object value) {
        return validator.validateProject(with(project, column, value), projects, FILE);
    }

    private RowOutcome<EmissionRecord> emission(String column, Object value) {
        return validator.validateEmission(with(emission, column, value), emissions, FILE);
    }

    private static Finding only(RowOutcome<?> outcome) {
        assertThat(outcome.findings()).hasSize(1);
        return outcome.findings().get(0);
    }

    @Test
    void theUnchangedRowsAreAccepted() {
        assertThat(validator.validateProject(project, projects, FILE).findings()).isEmpty();
        assertThat(validator.validateEmission(emission, emissions, FILE).findings()).isEmpty();
    }

    @Test
    void aFigureBeyondAnyRealOneIsAnErrorOnItsCell() {
        for (String huge : List.of("100000000000000000000", "1e308", "1E401", "10000000000", "-1e308x")) {
            RowOutcome<EmissionRecord> outcome = emission("D", huge);
            assertThat(outcome.disposition()).as(huge).isEqualTo(Disposition.REJECTED);
            Finding f = only(outcome);
            assertThat(f.cell()).isEqualTo("D2");
            assertThat(f.value()).isEqualTo(huge);
            if (!huge.startsWith("-")) {
                assertThat(f.rule()).as(huge).isEqualTo(Rule.NUMBER_OUT_OF_RANGE);
                assertThat(f.message()).contains("第2行 基准年排放量（D2）").contains("10,000,000,000");
            }
        }
        RowOutcome<ProjectRecord> investment = project("K", "100000000000000000000");
        assertThat(only(investment).rule()).isEqualTo(Rule.NUMBER_OUT_OF_RANGE);
        assertThat(only(investment).cell()).isEqualTo("K2");
        // just below the bound is still a figure
        assertThat(emission("D", "9999999999.999999").record().baseT()).isEqualByComparingTo("9999999999.999999");
    }

    @Test
    void aFigureWrittenOutAtLengthIsOutOfRangeNotANumberMistyped() {
        // 1E+308 in a numeric xlsx cell reaches the rules written out plainly: 309 digits. It is a figure beyond
        // any real one (as the README says), not "not a number"; so is a figure typed with 4,100 nines
        RowOutcome<EmissionRecord> stored = emission("D", new BigDecimal("1E+308"));
        assertThat(only(stored).rule()).isEqualTo(Rule.NUMBER_OUT_OF_RANGE);
        assertThat(only(stored).cell()).isEqualTo("D2");
        assertThat(only(stored).message()).contains("第2行 基准年排放量（D2）").contains("10,000,000,000")
                .hasSizeLessThan(400);
        assertThat(only(project("M", "9".repeat(4100))).rule()).isEqualTo(Rule.NUMBER_OUT_OF_RANGE);
        assertThat(only(project("M", "-" + "9".repeat(4100))).rule()).isEqualTo(Rule.NEGATIVE_NUMBER);
        // and one written out with 300 zeros after the point is too small to store
        assertThat(only(emission("E", "0." + "0".repeat(300) + "1")).rule()).isEqualTo(Rule.NUMBER_OUT_OF_RANGE);
        assertThat(only(emission("E", new BigDecimal("1E-308"))).rule()).isEqualTo(Rule.NUMBER_OUT_OF_RANGE);
        // a long text that is no number stays BAD_NUMBER, and a figure with a long tail of zeros is that figure
        assertThat(only(emission("D", "1x".repeat(60))).rule()).isEqualTo(Rule.BAD_NUMBER);
        assertThat(only(emission("D", "9".repeat(200) + "x")).rule()).isEqualTo(Rule.BAD_NUMBER);
        assertThat(emission("D", "5000." + "0".repeat(200)).record().baseT()).isEqualByComparingTo("5000");
    }

    @Test
    void aCharacterNoFileShouldHoldIsReplacedWithAWarningOnItsCell() {
        // U+FFFD from bytes that were no text, a NUL, a lone surrogate: stored as U+FFFD, and the clerk told
        for (String damaged : List.of("某项目\uFFFD", "某\u0000项目", "某项目\uD800", "\uDC00某项目")) {
            RowOutcome<ProjectRecord> outcome = project("D", damaged);
            assertThat(outcome.disposition()).as(damaged).isEqualTo(Disposition.ACCEPTED);
            Finding f = only(outcome);
            assertThat(f.rule()).isEqualTo(Rule.CHARACTER_REPLACED);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.cell()).isEqualTo("D2");
            assertThat(f.message()).contains("第2行 项目名称（D2）");
        }
        assertThat(only(project("P", "备注\u0000")).cell()).isEqualTo("P2");
        assertThat(only(emission("C", "工业源\uFFFD")).cell()).isEqualTo("C2");
        // an emoji is two chars in Java, and text
        assertThat(project("D", "某项目😀").findings()).isEmpty();
    }

    @Test
    void moreDecimalsThanStoredAreRoundedWithAWarningOrRefusedWhenTheyWouldVanish() {
        RowOutcome<EmissionRecord> rounded = emission("E", "3900.12345678");
        assertThat(rounded.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(rounded.record().reportingT()).isEqualTo(new BigDecimal("3900.123457"));
        assertThat(only(rounded).rule()).isEqualTo(Rule.NUMBER_ROUNDED);
        assertThat(only(rounded).message()).contains("3900.123457");

        // 0.0000001 t once became 0 in the database without a word, and the base turned into NO_DATA
        RowOutcome<EmissionRecord> vanishing = emission("D", "0.0000001");
        assertThat(vanishing.disposition()).isEqualTo(Disposition.REJECTED);
        assertThat(only(vanishing).rule()).isEqualTo(Rule.NUMBER_OUT_OF_RANGE);
        assertThat(only(vanishing).cell()).isEqualTo("D2");

        assertThat(emission("D", "0.000001").record().baseT()).isEqualByComparingTo("0.000001");
    }

    @Test
    void remarksLongerThanTheirColumnAreKeptCutWithAWarning() {
        String remarks = "很长的备注".repeat(820); // 4,100 characters
        RowOutcome<ProjectRecord> outcome = project("P", remarks);

        assertThat(outcome.disposition()).isEqualTo(Disposition.ACCEPTED);
        assertThat(outcome.record().remarks()).hasSize(4000).startsWith("很长的备注").endsWith("（共 4,100 字符）");
        Finding f = only(outcome);
        assertThat(f.rule()).isEqualTo(Rule.TEXT_TRUNCATED);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.cell()).isEqualTo("P2");
        assertThat(storedValue(f)).hasSize(InputLimits.FINDING_VALUE_CHARS).endsWith("（共 4,100 字符）");
    }

    /** The value as ra_finding holds it. */
    private static String storedValue(Finding f) {
        return (String) FindingStore.parameters(1, "INTAKE", 0, f).getValue("cell_value");
    }

    @Test
    void namesAndIdsLongerThanTheirColumnsRejectTheRow() {
        record Case(String column, int length) {
        }
        for (Case c : List.of(new Case("A", 201), new Case("C", 201), new Case("D", 2001), new Case("E", 501),
                new Case("F", 101))) {
            RowOutcome<ProjectRecord> outcome = project(c.column(), "x".repeat(c.length()));
            assertThat(outcome.disposition()).as(c.toString()).isEqualTo(Disposition.REJECTED);
            Finding f = outcome.findings().stream().filter(x -> x.rule() == Rule.TEXT_TOO_LONG).findFirst().orElseThrow();
            assertThat(f.cell()).isEqualTo(c.column() + "2");
            assertThat(f.message()).contains(String.format("%,d 个字符", c.length()));
        }
        RowOutcome<EmissionRecord> sector = emission("C", "工".repeat(201));
        assertThat(only(sector).rule()).isEqualTo(Rule.TEXT_TOO_LONG);
        assertThat(only(sector).cell()).isEqualTo("C2");
    }

    @Test
    void aCellPastExcelsLimitIsRejectedEvenInRemarks() {
        // the readers keep one character past the limit to show it was passed
        RowOutcome<ProjectRecord> outcome = project("P", "x".repeat(InputLimits.MAX_CELL_CHARS + 1));
        assertThat(outcome.disposition()).isEqualTo(Disposition.REJECTED);
        assertThat(only(outcome).rule()).isEqualTo(Rule.TEXT_TOO_LONG);
        assertThat(only(outcome).message()).contains("32,767");
    }

    @Test
    void anUnparseableNumberOfThousandsOfCharactersGivesABoundedFinding() {
        String junk = "1x".repeat(2050); // 4,100 characters: once longer than the value column
        RowOutcome<EmissionRecord> outcome = emission("D", junk);
        Finding f = only(outcome);
        assertThat(f.rule()).isEqualTo(Rule.BAD_NUMBER);
        assertThat(storedValue(f)).hasSize(InputLimits.FINDING_VALUE_CHARS).endsWith("（共 4,100 字符）");
        assertThat(f.message()).hasSizeLessThan(400).contains("第2行 基准年排放量（D2）");
    }

    @Test
    void aLongDateTextIsRefusedInLinearTime() {
        String hostile = "a" + " ".repeat(40_000) + "a"; // took 8 s in the date patterns
        long ms = ThreadCpu.millis(() -> {
            for (int i = 0; i < 20; i++) {
                assertThat(Values.date(hostile).isBad()).isTrue();
                assertThat(Values.date("2020-06-30" + " ".repeat(40_000) + "1:00").isBad()).isTrue();
                assertThat(Values.number("1" + ",000".repeat(10_000)).isBad()).isTrue();
            }
        });
        assertThat(ms).as("CPU ms for 60 hostile cells").isLessThan(2000);
        Finding f = only(project("I", hostile));
        assertThat(f.rule()).isEqualTo(Rule.BAD_DATE);
        assertThat(f.cell()).isEqualTo("I2");
        // what people type is still read
        assertThat(Values.date("2020年6月30日 00:00:00").value()).hasToString("2020-06-30");
    }

    @Test
    void textTheDatabaseCannotStoreIsReplacedAndNamesArePrintable() {
        assertThat(InputLimits.storable("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(InputLimits.storable("x\uD800y\uDC00")).isEqualTo("x\uFFFDy\uFFFD");
        assertThat(InputLimits.storable("苏州😀")).isEqualTo("苏州😀");
        assertThat(InputLimits.printable("a\nINFO forged.csv\r\u0007")).isEqualTo("a\\nINFO forged.csv\\r\\u0007");
        // a right-to-left override would show "report\u202Excl.csv" as "reportlsc.lxc" in a log line
        assertThat(InputLimits.printable("report\u202Excl.csv")).isEqualTo("report\\u202Excl.csv");
        assertThat(InputLimits.printable("a\u2066b\u200Fc\u061C")).isEqualTo("a\\u2066b\\u200Fc\\u061C");
        assertThat(InputLimits.printable("苏州😀 e\u0301")).isEqualTo("苏州😀 e\u0301");
        Finding f = Finding.of(Rule.BAD_NUMBER, null, FILE, "s\u0000", 2, "D2", "v\u0000" + "9".repeat(5000),
                "m".repeat(5000));
        MapSqlParameterSource stored = FindingStore.parameters(1, "INTAKE", 0, f);
        assertThat(stored.getValue("sheet")).isEqualTo("s\uFFFD");
        assertThat((String) stored.getValue("cell_value")).hasSize(InputLimits.FINDING_VALUE_CHARS).startsWith("v\uFFFD9");
        assertThat((String) stored.getValue("message")).hasSize(InputLimits.FINDING_MESSAGE_CHARS).endsWith("（共 5,000 字符）");
        assertThat(InputLimits.forDisplay("😀".repeat(100), 51)).doesNotContain("\uD83D…");
    }
}
