package cn.js.reduction.discover;

import cn.js.reduction.core.ProjectStatus;

import static cn.js.reduction.discover.Sheet.cell;
import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.discover.Values.Parsed;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

    private static final LocalDate JUNE_30 = LocalDate.of(2020, 6, 30);

    private static RawCell text(String s) {
        return new RawCell(0, RawCell.Type.TEXT, s);
    }

    private static RawCell number(String plain) {
        return new RawCell(0, RawCell.Type.NUMBER, plain);
    }

    private static BigDecimal numberOf(RawCell c) {
        Parsed<BigDecimal> p = Values.number(c);
        assertThat(p.isPresent()).as("%s reads as a number", c).isTrue();
        return p.value();
    }

    private static LocalDate dateOf(RawCell c) {
        Parsed<LocalDate> p = Values.date(c);
        assertThat(p.isPresent()).as("%s reads as a date", c).isTrue();
        return p.value();
    }

    // ---- numbers

    @Test
    void aNumericCellIsReadExactly() {
        assertThat(numberOf(number("1234.5"))).isEqualByComparingTo("1234.5");
        // a double would turn this into 0.30000000000000004 somewhere; BigDecimal keeps what was stored
        assertThat(numberOf(number("0.3"))).isEqualTo(new BigDecimal("0.3"));
        assertThat(numberOf(number("1234567890.123456789"))).isEqualTo(new BigDecimal("1234567890.123456789"));
    }

    @Test
    void aNumberStoredAsTextWithThousandsSeparators() {
        assertThat(numberOf(text("1,234.5"))).isEqualTo(new BigDecimal("1234.5"));
        assertThat(numberOf(text("12,345,678"))).isEqualTo(new BigDecimal("12345678"));
    }

    @Test
    void fullWidthDigitsCommaAndDot() {
        assertThat(numberOf(text("１２３"))).isEqualTo(new BigDecimal("123"));
        assertThat(numberOf(text("１，２３４．５"))).isEqualTo(new BigDecimal("1234.5"));
    }

    @Test
    void whiteSpaceAndATrailingUnitAreDroppedWithoutScaling() {
        assertThat(numberOf(text(" 12.5 吨"))).isEqualTo(new BigDecimal("12.5"));
        assertThat(numberOf(text("12.5t"))).isEqualTo(new BigDecimal("12.5"));
        assertThat(numberOf(text("3.2万元"))).isEqualTo(new BigDecimal("3.2"));
        assertThat(numberOf(text("0.8吨/年"))).isEqualTo(new BigDecimal("0.8"));
        assertThat(numberOf(text("15（吨）"))).isEqualTo(new BigDecimal("15"));
    }

    @Test
    void negativeNumbersAreReadSoTheRulesCanRejectThem() {
        assertThat(numberOf(text("-3"))).isEqualTo(new BigDecimal("-3"));
        assertThat(numberOf(text("－3.5"))).isEqualTo(new BigDecimal("-3.5"));
        assertThat(numberOf(number("-0.25"))).isEqualTo(new BigDecimal("-0.25"));
    }

    @Test
    void anExportedExponentIsWrittenOutPlainly() {
        assertThat(numberOf(text("1.2E3")).toPlainString()).isEqualTo("1200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-", "--", "—", "——", "–", "－", " - "})
    void aLoneDashIsBlank(String dash) {
        assertThat(Values.number(text(dash)).isBlank()).isTrue();
        assertThat(Values.date(text(dash)).isBlank()).isTrue();
        assertThat(Values.text(text(dash))).isNull();
    }

    /** A slash or 无 is how Chinese forms say "none / not applicable": 颗粒物 "/" on a VOCs project is no figure. */
    @ParameterizedTest
    @ValueSource(strings = {"/", "／", "//", "无", " 无 ", "\\"})
    void aSlashOrNoneIsBlank(String none) {
        assertThat(Values.number(text(none)).isBlank()).isTrue();
        assertThat(Values.date(text(none)).isBlank()).isTrue();
        assertThat(Values.text(text(none))).isNull();
        assertThat(Values.number(text("1/2")).isBlank()).isFalse();
        assertThat(Values.text(text("无锡"))).isEqualTo("无锡");
    }

    @Test
    void anAbsentOrWhiteCellIsBlank() {
        assertThat(Values.number((RawCell) null).isBlank()).isTrue();
        assertThat(Values.number(text("   ")).isBlank()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"约3吨", "12,5", "1.2.3", "12%", "三", "12吨3", ".", "吨"})
    void textThatIsNotANumberIsBad(String s) {
        assertThat(Values.number(text(s)).isBad()).as(s).isTrue();
    }

    @Test
    void formulaErrorsDatesAndBooleansAreNotNumbers() {
        assertThat(Values.number(new RawCell(0, RawCell.Type.ERROR, "#DIV/0!")).isBad()).isTrue();
        assertThat(Values.number(new RawCell(0, RawCell.Type.DATE, "2020-06-30")).isBad()).isTrue();
        assertThat(Values.number(new RawCell(0, RawCell.Type.BOOLEAN, "TRUE")).isBad()).isTrue();
    }

    // ---- dates

    @Test
    void anExcelDateCell() {
        assertThat(dateOf(cell(0, JUNE_30))).isEqualTo(JUNE_30);
    }

    @Test
    void aNumericCellHoldingAnExcelSerial() {
        assertThat(dateOf(number("44012"))).isEqualTo(JUNE_30);
        assertThat(dateOf(number("44012.75"))).as("the time of day is dropped").isEqualTo(JUNE_30);
        assertThat(dateOf(number("32874"))).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4401", "32873", "73416", "-44012", "2020"})
    void aSerialOutsideTheSaneYearsIsBad(String serial) {
        assertThat(Values.date(number(serial)).isBad()).as(serial).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-06-30", "2020/6/30", "2020.6.30", "2020年6月30日", "20200630", "2020-6-30 00:00:00",
            "2020/06/30 14:05", "2020-06-30T00:00:00", "２０２０年６月３０日", "2020 年 6 月 30 日", "2020年6月30号"})
    void aDateTypedAsText(String typed) {
        assertThat(dateOf(text(typed))).as(typed).isEqualTo(JUNE_30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020年6月", "2020-06", "2020/6", "2020.06", "2020.6", "2020年6月底", "2020-6"})
    void aYearMonthIsTheLastDayOfThatMonth(String typed) {
        assertThat(dateOf(text(typed))).as(typed).isEqualTo(JUNE_30);
    }

    @Test
    void theLastDayOfFebruaryKnowsLeapYears() {
        assertThat(dateOf(text("2020年2月"))).isEqualTo(LocalDate.of(2020, 2, 29));
        assertThat(dateOf(text("2021-02"))).isEqualTo(LocalDate.of(2021, 2, 28));
    }

    @Test
    void aDateTypedIntoANumericCell() {
        assertThat(dateOf(number("20200630"))).isEqualTo(JUNE_30);
        assertThat(dateOf(number("2020.6"))).as("2020.6 typed into Excel is a number").isEqualTo(JUNE_30);
        assertThat(dateOf(number("2020.12"))).isEqualTo(LocalDate.of(2020, 12, 31));
        // Excel keeps 2020.10 as 2020.1: January or October cannot be told, so it is refused, not guessed
        assertThat(Values.date(number("2020.1")).isBad()).isTrue();
    }

    @Test
    void aSerialWrittenAsText() {
        assertThat(dateOf(text("44012"))).isEqualTo(JUNE_30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020-13-45", "2020-02-30", "2020年13月", "1899-01-01", "2101-01-01", "六月底", "下半年",
            "2020", "20201332", "30/06/2020", "2020-06-30 25:00x"})
    void textThatIsNotADateIsBad(String typed) {
        assertThat(Values.date(text(typed)).isBad()).as(typed).isTrue();
    }

    @Test
    void formulaErrorsAndBooleansAreNotDates() {
        assertThat(Values.date(new RawCell(0, RawCell.Type.ERROR, "#REF!")).isBad()).isTrue();
        assertThat(Values.date(new RawCell(0, RawCell.Type.BOOLEAN, "FALSE")).isBad()).isTrue();
    }

    // ---- statuses

    @ParameterizedTest
    @CsvSource({
            "未开工, NOT_STARTED", "未启动, NOT_STARTED", "NOT_STARTED, NOT_STARTED", "not started, NOT_STARTED",
            "在建, IN_PROGRESS", "实施中, IN_PROGRESS", "进行中, IN_PROGRESS", "in_progress, IN_PROGRESS",
            "' 在 建 ', IN_PROGRESS", "已完成, COMPLETED", "已建成, COMPLETED", "完成, COMPLETED",
            "Completed, COMPLETED", "'已完成　', COMPLETED"})
    void statusesAsWritten(String typed, ProjectStatus expected) {
        assertThat(Values.status(typed)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"已暂停", "完成一半", "done", ""})
    void unknownStatuses(String typed) {
        assertThat(Values.status(typed)).isEmpty();
    }

    // ---- totals rows

    @ParameterizedTest
    @ValueSource(strings = {"合计", "小计", "总计", "合 计", "总计：", "　小计"})
    void totalLabels(String typed) {
        assertThat(Values.isTotalLabel(typed)).isTrue();
    }

    @Test
    void aProjectNamedAfterATotalIsNotATotal() {
        assertThat(Values.isTotalLabel("合计划项目")).isFalse();
    }
}
