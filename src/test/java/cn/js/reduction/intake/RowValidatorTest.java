package cn.js.reduction.intake;

import cn.js.reduction.discover.Sheet;
import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.HeaderLocator;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import static cn.js.reduction.discover.Sheet.error;
import static cn.js.reduction.discover.Sheet.row;
import static cn.js.reduction.discover.Sheet.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The row rules of docs/rules.md, on rows laid out as a city's sheet is: the header in row 3 (序号 in A, which is not a
 * field), data from row 4. Each rule has a row that breaks it and a row that passes.
 */
class RowValidatorTest {

    private static final String FILE = "nanjing_20200701.xlsx";
    private static final String VALID_CODE = "91320000134767063W";

    private final RowValidator validator = new RowValidator(ReferenceFixture.jiangsu2020(), 2020);
    private final HeaderLocator locator = new HeaderLocator(ReferenceFixture.jiangsu2020());

    @Nested
    class ProjectList {

        //        A       B           C        D              E           F           G                   H
        //        I           J               K               L               M                   N
        //        O                   P                   Q
        private final Header header = locator.locate(Sheet.NAME, List.of(
                row(1, "南京市2020年大气污染防治工程项目清单"),
                row(3, "序号", "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别",
                        "进展状态", "计划完成时间", "实际完成时间", "总投资（万元）", "VOCs减排量（吨/年）",
                        "二氧化硫减排量（吨/年）", "氮氧化物减排量（吨/年）", "颗粒物减排量（吨/年）", "备注"))).orElseThrow();

        private final RawRow good = row(12,
                9, " NJ-2020-009 ", "南京", "江宁区", "某化工公司无组织排放治理", "南京某化工有限公司", VALID_CODE,
                "无组织排放治理项目", "已完成", "2020-06-30", "2020-05-20", 120.5, "3.2", null, null, null, " 已验收 ");

        private RowOutcome<ProjectRecord> validate(RawRow row) {
            return validator.validateProject(row, header, FILE);
        }

        private Finding onlyFinding(RowOutcome<?> outcome) {
            assertThat(outcome.findings()).hasSize(1);
            return outcome.findings().get(0);
        }

        @Test
        void aGoodRowIsAcceptedAndNormalised() {
            RowOutcome<ProjectRecord> outcome = validate(good);

            assertThat(outcome.disposition()).isEqualTo(Disposition.ACCEPTED);
            assertThat(outcome.findings()).isEmpty();
            assertThat(outcome.file()).isEqualTo(FILE);
            assertThat(outcome.sheet()).isEqualTo(Sheet.NAME);
            assertThat(outcome.rowNumber()).isEqualTo(12);
            assertThat(outcome.cityCode()).isEqualTo("320100");
            assertThat(outcome.record()).isEqualTo(new ProjectRecord("NJ-2020-009", "320100", "江宁区",
                    "某化工公司无组织排放治理", "南京某化工有限公司", VALID_CODE, "VOC_FUGITIVE", ProjectStatus.COMPLETED,
                    ProjectStatus.COMPLETED, LocalDate.of(2020, 6, 30), LocalDate.of(2020, 5, 20),
                    new BigDecimal("120.5"), java.util.Map.of("VOCS", new BigDecimal("3.2"), "SO2", BigDecimal.ZERO,
                    "NOX", BigDecimal.ZERO, "PM", BigDecimal.ZERO), "已验收"));
        }

        @Test
        void blankTonnesAreZeroButABlankInvestmentIsUnknown() {
            ProjectRecord record = validate(with(with(good, "L", null), "M", "—")).record();

            assertThat(record.investment()).isNull();
            assertThat(record.claim("VOCS")).isEqualByComparingTo("0");
            assertThat(record.claim("PM")).isEqualByComparingTo("0");
        }

        @Test
        void aBlankRowIsIgnoredWithoutAFinding() {
            RowOutcome<ProjectRecord> outcome = validate(row(13));

            assertThat(outcome.disposition()).isEqualTo(Disposition.IGNORED);
            assertThat(outcome.findings()).isEmpty();
            assertThat(outcome.record()).isNull();
            assertThat(outcome.rowNumber()).isEqualTo(13);
        }

        @Test
        void aTemplateRowWithOnlyItsSerialNumberIsBlank() {
            assertThat(validate(row(13, 10, null, null, "   ")).disposition()).isEqualTo(Disposition.IGNORED);
        }

        @Test
        void totalRowsAreIgnoredWithoutAFinding() {
            for (String label : List.of("合计", "小 计", "总计：")) {
                RowOutcome<ProjectRecord> outcome = validate(row(40, label, null, null, null, null, null, null, null,
                        null, null, null, 5230, 12.5, 3, 4, 0));
                assertThat(outcome.disposition()).as(label).isEqualTo(Disposition.IGNORED);
                assertThat(outcome.findings()).isEmpty();
            }
            // the label may sit in a later column when the first ones are empty
            assertThat(validate(row(40, null, null, "合计", null, null, null, null, null, null, null, null, 5230))
                    .disposition()).isEqualTo(Disposition.IGNORED);
        }

        @Test
        void requiredMissing() {
            RowOutcome<ProjectRecord> outcome = validate(with(good, "E", null));

            assertThat(outcome.disposition()).isEqualTo(Disposition.REJECTED);
            assertThat(outcome.record()).isNull();
            Finding f = onlyFinding(outcome);
            assertThat(f.rule()).isEqualTo(Rule.REQUIRED_MISSING);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.cell()).as("the cell where the value should be").isEqualTo("E12");
            assertThat(f.value()).isNull();
            assertThat(f.file()).isEqualTo(FILE);
            assertThat(f.sheet()).isEqualTo(Sheet.NAME);
            assertThat(f.row()).isEqualTo(12);
            assertThat(f.cityCode()).isEqualTo("320100");
            assertThat(f.message()).startsWith("第12行 项目名称（E12）为空，此项必填，请填写项目名称");
        }

        @Test
        void everyRequiredColumnIsChecked() {
            RawRow sparse = row(12, 9, null, "南京", null, null, null, null, null, null, null, null, null, "1");

            assertThat(validate(sparse).findings()).extracting(Finding::rule, Finding::cell).containsExactly(
                    tuple(Rule.REQUIRED_MISSING, "B12"),
                    tuple(Rule.REQUIRED_MISSING, "E12"),
                    tuple(Rule.REQUIRED_MISSING, "F12"),
                    tuple(Rule.REQUIRED_MISSING, "H12"),
                    tuple(Rule.REQUIRED_MISSING, "I12"),
                    tuple(Rule.REQUIRED_MISSING, "J12"));
        }

        @Test
        void aLoneDashInARequiredCellIsMissing() {
            assertThat(onlyFinding(validate(with(good, "F", "—"))).rule()).isEqualTo(Rule.REQUIRED_MISSING);
        }

        @Test
        void unknownCity() {
            RowOutcome<ProjectRecord> outcome = validate(with(good, "C", "南景"));

            Finding f = onlyFinding(outcome);
            assertThat(outcome.disposition()).isEqualTo(Disposition.REJECTED);
            assertThat(outcome.cityCode()).isNull();
            assertThat(f.rule()).isEqualTo(Rule.UNKNOWN_CITY);
            assertThat(f.cell()).isEqualTo("C12");
            assertThat(f.value()).isEqualTo("南景");
            assertThat(f.cityCode()).isNull();
            assertThat(f.message()).startsWith("第12行 设区市（C12）「南景」不是江苏省的设区市，应填写");
        }

        @Test
        void theProvinceIsNotACity() {
            assertThat(onlyFinding(validate(with(good, "C", "全省"))).rule()).isEqualTo(Rule.UNKNOWN_CITY);
        }

        @Test
        void citiesAsPeopleWriteThem() {
            assertThat(validate(with(good, "C", "南京市")).cityCode()).isEqualTo("320100");
            assertThat(validate(with(good, "C", 320100)).cityCode()).isEqualTo("320100");
            assertThat(validate(with(good, "C", "nanjing")).cityCode()).isEqualTo("320100");
            assertThat(validate(with(good, "C", "连云港")).record().cityCode()).isEqualTo("320700");
        }

        @Test
        void unknownCategory() {
            Finding f = onlyFinding(validate(with(good, "H", "大气治理项目")));

            assertThat(f.rule()).isEqualTo(Rule.UNKNOWN_CATEGORY);
            assertThat(f.cell()).isEqualTo("H12");
            assertThat(f.value()).isEqualTo("大气治理项目");
            assertThat(f.message()).contains("项目类别（H12）「大气治理项目」不是附件4的项目类别");
        }

        @Test
        void categoriesByCodeOrNameWithOrWithoutTheirSuffix() {
            assertThat(validate(with(good, "H", "BOILER")).record().categoryCode()).isEqualTo("BOILER");
            assertThat(validate(with(good, "H", "锅炉提标改造")).record().categoryCode()).isEqualTo("BOILER");
            assertThat(validate(with(good, "H", "移动源（船舶）排放遥感监测系统项目")).record().categoryCode())
                    .isEqualTo("MOBILE_SHIP_RS");
        }

        @Test
        void unknownStatus() {
            Finding f = onlyFinding(validate(with(good, "I", "已暂停")));

            assertThat(f.rule()).isEqualTo(Rule.UNKNOWN_STATUS);
            assertThat(f.cell()).isEqualTo("I12");
            assertThat(f.message()).contains("「已暂停」不是有效的进展状态，应填写 未开工、在建 或 已完成");
        }

        @Test
        void statusesAsPeopleWriteThem() {
            RawRow inProgress = with(good, "K", null);
            assertThat(validate(with(inProgress, "I", "实施中")).record().status()).isEqualTo(ProjectStatus.IN_PROGRESS);
            assertThat(validate(with(inProgress, "I", "未启动")).record().status()).isEqualTo(ProjectStatus.NOT_STARTED);
            assertThat(validate(with(good, "I", "已建成")).record().status()).isEqualTo(ProjectStatus.COMPLETED);
        }

        @Test
        void badNumber() {
            RowOutcome<ProjectRecord> outcome = validate(with(good, "M", "约3吨"));

            Finding f = onlyFinding(outcome);
            assertThat(outcome.disposition()).isEqualTo(Disposition.REJECTED);
            assertThat(f.rule()).isEqualTo(Rule.BAD_NUMBER);
            assertThat(f.cell()).isEqualTo("M12");
            assertThat(f.value()).isEqualTo("约3吨");
            assertThat(f.message()).startsWith("第12行 VOCs减排量（M12）「约3吨」不是有效数字，应填写数字，如 12.5 或 1,234.5（单位：吨/年）");
        }

        @Test
        void numbersAsPeopleTypeThemPass() {
            ProjectRecord record = validate(with(with(with(good, "L", "1,234.5万元"), "N", "０．８吨"), "O", 2)).record();

            assertThat(record.investment()).isEqualByComparingTo("1234.5");
            assertThat(record.claim("SO2")).isEqualByComparingTo("0.8");
            assertThat(record.claim("NOX")).isEqualByComparingTo("2");
        }

        @Test
        void aFormulaErrorIsABadNumber() {
            Finding f = onlyFinding(validate(with(good, "P", error("#DIV/0!"))));

            assertThat(f.rule()).isEqualTo(Rule.BAD_NUMBER);
            assertThat(f.value()).isEqualTo("#DIV/0!");
            assertThat(f.message()).contains("「#DIV/0!」是公式错误");
        }

        @Test
        void negativeNumber() {
            Finding f = onlyFinding(validate(with(good, "N", -3)));

            assertThat(f.rule()).isEqualTo(Rule.NEGATIVE_NUMBER);
            assertThat(f.cell()).isEqualTo("N12");
            assertThat(f.value()).isEqualTo("-3");
            assertThat(f.message()).contains("二氧化硫减排量（N12）「-3」为负数，应填写 0 或正数");

            assertThat(onlyFinding(validate(with(good, "L", "-50"))).rule()).isEqualTo(Rule.NEGATIVE_NUMBER);
            assertThat(validate(with(good, "N", 0)).isAccepted()).isTrue();
        }

        @Test
        void badDate() {
            Finding f = onlyFinding(validate(with(good, "J", "2020-13-45")));

            assertThat(f.rule()).isEqualTo(Rule.BAD_DATE);
            assertThat(f.cell()).isEqualTo("J12");
            assertThat(f.value()).isEqualTo("2020-13-45");
            assertThat(f.message()).startsWith("第12行 计划完成时间（J12）「2020-13-45」不是有效日期，应填写如 2020-06-30、2020年6月 或 2020年底");
        }

        @Test
        void datesAsPeopleTypeThemPass() {
            ProjectRecord record = validate(with(with(good, "J", "2020年9月"), "K", 44012)).record();

            assertThat(record.plannedCompletion()).isEqualTo(LocalDate.of(2020, 9, 30));
            assertThat(record.actualCompletion()).isEqualTo(LocalDate.of(2020, 6, 30));
        }

        @Test
        void aBadActualDateIsABadDateAndNotAMissingOne() {
            Finding f = onlyFinding(validate(with(good, "K", "五月")));

            assertThat(f.rule()).isEqualTo(Rule.BAD_DATE);
            assertThat(f.cell()).isEqualTo("K12");
        }

        @Test
        void completedWithoutDate() {
            Finding f = onlyFinding(validate(with(good, "K", null)));

            assertThat(f.rule()).isEqualTo(Rule.COMPLETED_WITHOUT_DATE);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.cell()).isEqualTo("K12");
            assertThat(f.message()).startsWith("第12行 实际完成时间（K12）为空，但进展状态为「已完成」");

            assertThat(validate(with(with(good, "K", null), "I", "在建")).isAccepted()).isTrue();
        }

        @Test
        void completedWithoutTheActualCompletionColumnAtAll() {
            Header noActualColumn = locator.locate(Sheet.NAME, List.of(
                    row(1, "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间"))).orElseThrow();
            RawRow completed = row(2, "NJ-1", "南京", "某厂治理", "某厂", "BOILER", "已完成", "2020-06-30");

            RowOutcome<ProjectRecord> outcome = validator.validateProject(completed, noActualColumn, FILE);

            Finding f = onlyFinding(outcome);
            assertThat(f.rule()).isEqualTo(Rule.COMPLETED_WITHOUT_DATE);
            assertThat(f.cell()).isNull();
            assertThat(f.message()).startsWith("第2行 进展状态为「已完成」，但表中没有实际完成时间列");
            assertThat(validator.validateProject(with(completed, "F", "在建"), noActualColumn, FILE).isAccepted())
                    .isTrue();
        }

        @Test
        void badCreditCodeIsAWarningAndTheRowIsKept() {
            RowOutcome<ProjectRecord> outcome = validate(with(good, "G", "91320000134767063X"));

            Finding f = onlyFinding(outcome);
            assertThat(outcome.disposition()).isEqualTo(Disposition.ACCEPTED);
            assertThat(outcome.record().creditCode()).isEqualTo("91320000134767063X");
            assertThat(f.rule()).isEqualTo(Rule.BAD_CREDIT_CODE);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.cell()).isEqualTo("G12");
            assertThat(f.cityCode()).isEqualTo("320100");

            assertThat(validate(with(good, "G", null)).findings()).isEmpty();
        }

        @Test
        void completionAfterYearEndIsKeptAndCountedAsInProgress() {
            RowOutcome<ProjectRecord> outcome = validate(with(good, "K", "2021-03-01"));

            Finding f = onlyFinding(outcome);
            assertThat(outcome.disposition()).isEqualTo(Disposition.ACCEPTED);
            assertThat(outcome.record().status()).isEqualTo(ProjectStatus.COMPLETED);
            assertThat(outcome.record().countedStatus()).isEqualTo(ProjectStatus.IN_PROGRESS);
            assertThat(f.rule()).isEqualTo(Rule.COMPLETION_AFTER_YEAR_END);
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.cell()).isEqualTo("K12");
            assertThat(f.value()).isEqualTo("2021-03-01");
            assertThat(f.message()).contains("晚于2020年12月31日");

            // a date the reader got as a bare serial (a cell without its date style) is shown as a date, not 44286
            // (and the reading of the serial is said: VALUE_INTERPRETED, issue 22)
            List<Finding> serialFindings = validate(with(good, "K", 44286)).findings();
            assertThat(serialFindings).extracting(Finding::rule)
                    .containsExactly(Rule.VALUE_INTERPRETED, Rule.COMPLETION_AFTER_YEAR_END);
            assertThat(serialFindings.get(0).message()).endsWith("「44286」读作 2021-03-31");
            Finding serial = serialFindings.get(1);
            assertThat(serial.value()).isEqualTo("2021-03-31");
            assertThat(serial.message()).contains("「2021-03-31」晚于2020年12月31日").doesNotContain("44286");
            Finding notCompleted = validate(with(with(good, "I", "在建"), "K", 44196)).findings().stream()
                    .filter(f2 -> f2.rule() != Rule.VALUE_INTERPRETED).findFirst().orElseThrow();
            assertThat(notCompleted.rule()).isEqualTo(Rule.ACTUAL_DATE_NOT_COMPLETED);
            assertThat(notCompleted.message()).contains("「2020-12-31」已填写");

            RowOutcome<ProjectRecord> onTheLastDay = validate(with(good, "K", "2020-12-31"));
            assertThat(onTheLastDay.findings()).isEmpty();
            assertThat(onTheLastDay.record().countedStatus()).isEqualTo(ProjectStatus.COMPLETED);
        }

        @Test
        void actualDateOnAProjectNotCompletedIsAWarning() {
            RowOutcome<ProjectRecord> outcome = validate(with(good, "I", "在建"));

            Finding f = onlyFinding(outcome);
            assertThat(outcome.disposition()).isEqualTo(Disposition.ACCEPTED);
            assertThat(outcome.record().countedStatus()).isEqualTo(ProjectStatus.IN_PROGRESS);
            assertThat(f.rule()).isEqualTo(Rule.ACTUAL_DATE_NOT_COMPLETED);
            assertThat(f.cell()).isEqualTo("K12");
            assertThat(f.value()).isEqualTo("2020-05-20");
            assertThat(f.message()).contains("进展状态为「在建」");

            assertThat(validate(with(with(good, "I", "在建"), "K", "—")).findings()).isEmpty();
        }

        @Test
        void everyErrorOfARowIsReportedInColumnOrderWithTheRowsCity() {
            RawRow broken = with(with(with(with(good, "P", -1), "J", "6月底"), "H", "其他"), "G", "123");

            RowOutcome<ProjectRecord> outcome = validate(broken);

            assertThat(outcome.disposition()).isEqualTo(Disposition.REJECTED);
            assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(
                    Rule.BAD_CREDIT_CODE, Rule.UNKNOWN_CATEGORY, Rule.BAD_DATE, Rule.NEGATIVE_NUMBER);
            assertThat(outcome.findings()).extracting(Finding::cell).containsExactly("G12", "H12", "J12", "P12");
            assertThat(outcome.findings()).extracting(Finding::cityCode).containsOnly("320100");
        }

        @Test
        void anEmissionHeaderCannotValidateAProjectRow() {
            Header emissions = locator.locate(Sheet.NAME, List.of(row(1, "设区市", "污染物", "基准年排放量", "核算年排放量")))
                    .orElseThrow();
            assertThatThrownBy(() -> validator.validateProject(good, emissions, FILE))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class EmissionReport {

        //        A         B         C             D                     E                     F
        private final Header header = locator.locate(Sheet.NAME, List.of(
                row(1, "设区市", "污染物", "排放源类别", "2015年排放量（吨）", "2020年排放量（吨）", "备注"))).orElseThrow();

        private final RawRow good = row(5, "无锡市", "二氧化硫", "工业源", "12,345.6", 9876.5, null);

        private RowOutcome<EmissionRecord> validate(RawRow row) {
            return validator.validateEmission(row, header, "wuxi_emissions.csv");
        }

        @Test
        void aGoodRowIsAccepted() {
            RowOutcome<EmissionRecord> outcome = validate(good);

            assertThat(outcome.disposition()).isEqualTo(Disposition.ACCEPTED);
            assertThat(outcome.cityCode()).isEqualTo("320200");
            assertThat(outcome.record()).isEqualTo(new EmissionRecord("320200",
                    ReferenceFixture.pollutant("SO2"), "工业源", new BigDecimal("12345.6"),
                    new BigDecimal("9876.5"), null));
        }

        @Test
        void unknownPollutant() {
            RowOutcome<EmissionRecord> outcome = validate(with(good, "B", "PM2.5"));

            assertThat(outcome.disposition()).isEqualTo(Disposition.REJECTED);
            assertThat(outcome.findings()).hasSize(1);
            Finding f = outcome.findings().get(0);
            assertThat(f.rule()).isEqualTo(Rule.UNKNOWN_POLLUTANT);
            assertThat(f.cell()).isEqualTo("B5");
            assertThat(f.cityCode()).isEqualTo("320200");
            assertThat(f.message()).contains("污染物（B5）「PM2.5」不是核算的污染物，应填写 VOCs、二氧化硫 或 氮氧化物");

            assertThat(validate(with(good, "B", "NOx")).record().pollutant())
                    .isEqualTo(ReferenceFixture.pollutant("NOX"));
        }

        @Test
        void tonnagesAreRequiredAndALoneDashIsNotATonnage() {
            RowOutcome<EmissionRecord> outcome = validate(with(with(good, "D", null), "E", "-"));

            assertThat(outcome.findings()).extracting(Finding::rule, Finding::cell).containsExactly(
                    tuple(Rule.REQUIRED_MISSING, "D5"),
                    tuple(Rule.REQUIRED_MISSING, "E5"));
            assertThat(outcome.findings().get(0).message()).startsWith("第5行 基准年排放量（D5）为空");
        }

        @Test
        void tonnagesMustBeNonNegativeNumbers() {
            assertThat(validate(with(good, "D", "-1")).findings()).extracting(Finding::rule)
                    .containsExactly(Rule.NEGATIVE_NUMBER);
            assertThat(validate(with(good, "E", error("#REF!"))).findings()).extracting(Finding::rule)
                    .containsExactly(Rule.BAD_NUMBER);
            assertThat(validate(with(good, "E", 0)).isAccepted()).isTrue();
        }

        @Test
        void aMissingCityIsRequired() {
            RowOutcome<EmissionRecord> outcome = validate(with(good, "A", null));

            assertThat(outcome.findings()).extracting(Finding::rule).containsExactly(Rule.REQUIRED_MISSING);
            assertThat(outcome.cityCode()).isNull();
        }

        @Test
        void aTotalRowIsIgnored() {
            assertThat(validate(row(9, "合计", null, null, 30000, 25000)).disposition()).isEqualTo(Disposition.IGNORED);
        }
    }
}
