package cn.js.reduction.intake;

import cn.js.reduction.store.WrittenWords;
import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.InputLimits;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import cn.js.reduction.discover.Field;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.RawCell;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.Unit;
import cn.js.reduction.discover.Values;
import cn.js.reduction.discover.Values.Parsed;
import cn.js.reduction.reference.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings of one row as {@link RowValidator} makes them, each with the cell it points at, and the reading of
 * the row's cells (texts, numbers, dates) with the limits of the input. Split from RowValidator.
 */
final class RowCheck {

    // what follows the digits of a number typed with its unit: 12.5万吨, 3t, 1,200(吨), 0.8吨/年
    private static final Pattern TYPED_UNIT = Pattern.compile("[0-9.]([\\p{L}/()\\[\\]【】·]+)$");

    static final String DATE_EXAMPLE = "应填写如 2020-06-30、2020年6月 或 2020年底";

    final RawRow row;
    /** The plan year: 年底 typed without a year is its end. */
    private final int planYear;
    private final Header header;
    private final String file;
    private final List<Located> findings = new ArrayList<>();
    String cityCode;
    /** the row's pollutant or category, when read: staged with a rejected row too */
    String groupCode;
    /** for a row ignored by the rules, why */
    String why;

    /** A finding waiting for the row's city, which is only known once the 设区市 cell has been read. */
    private record Located(int column, Rule rule, String cell, String value, String message) {
    }

    RowCheck(RawRow row, Header header, String file, int planYear) {
        this.row = row;
        this.planYear = planYear;
        this.header = header;
        this.file = file;
    }

    RawCell cell(Field field) {
        Header.PollutantColumns part = header.pollutantOfPart();
        if (part != null && field == Field.POLLUTANT) {
            return new RawCell(-1, RawCell.Type.TEXT, part.name()); // the group's pollutant, not a cell of the row
        }
        Integer column = header.column(field);
        return column == null ? null : row.cell(column);
    }

    /** A1 reference of the field's cell in this row (where it should be, if blank); null without a column. */
    String reference(Field field) {
        Header.PollutantColumns part = header.pollutantOfPart();
        if (part != null && field == Field.POLLUTANT) {
            return part.cell(); // the heading of the pollutant's group
        }
        Integer column = header.column(field);
        return column == null ? null : RawCell.columnName(column) + row.rowNumber();
    }

    /** "第12行 计划完成时间（G12）": the row, the column by its header, the cell as Excel shows it. */
    String where(Field field) {
        String ref = reference(field);
        return "第" + row.rowNumber() + "行 " + field.columnName() + (ref == null ? "（此列缺失）" : "（" + ref + "）");
    }

    /**
     * FORMULA_EVALUATED (INFO) for each column read whose formula the file stored without its value and that was
     * evaluated from its own row; FORMULA_NOT_CALCULATED (ERROR, the row is rejected) for each that could not be:
     * such a cell is never read as blank or 0.
     */
    void formulas() {
        for (Map.Entry<Field, Integer> e : header.columns().entrySet()) {
            String formula = row.formula(e.getValue());
            if (formula == null) {
                continue;
            }
            Field field = e.getKey();
            RawCell cell = row.cell(e.getValue());
            String shown = shown("=" + formula);
            if (cell != null) {
                add(Rule.FORMULA_EVALUATED, field, shown, where(field) + "是公式「" + shown + "」，文件未保存计算结果（文件可能由程序生成），"
                        + "已按本行的数值算得 " + cell.text());
            } else {
                add(Rule.FORMULA_NOT_CALCULATED, field, shown, where(field) + "是公式「" + shown + "」，文件未保存计算结果（文件可能由程序生成），"
                        + "且公式引用了本行以外的单元格、其他工作表或函数，无法可靠计算，本行未予受理。请用 Excel 或 WPS 打开文件并保存，"
                        + "使计算结果保存在文件中，再重新报送");
            }
        }
    }

    /** REQUIRED_MISSING when the cell is blank; true if so, so that the caller looks no further. */
    boolean missing(Field field, RawCell cell) {
        if (!Values.isBlank(cell)) {
            return false;
        }
        Integer column = header.column(field);
        if (cell == null && column != null && row.formula(column) != null) {
            return true; // a formula without its value: FORMULA_NOT_CALCULATED says so
        }
        String unit = field.unit() == null ? "" : "（单位：" + field.unit() + "）";
        add(Rule.REQUIRED_MISSING, field, cell == null ? null : cell.text(),
                where(field) + "为空，此项必填，请填写" + field.columnName() + unit);
        return true;
    }

    /**
     * A finding on a cell that holds the wrong thing: "第12行 设区市（B12）「南景」不是江苏省的设区市，应填写…".
     * A formula error says so instead of the problem, since the clerk must fix the formula.
     */
    void bad(Rule rule, Field field, RawCell cell, String problem, String expected) {
        String what = Values.isError(cell) ? "是公式错误，公式无法算出结果" : problem;
        add(rule, field, cell.text(), where(field) + "「" + shown(cell.text()) + "」" + what + "，" + expected);
    }

    void add(Rule rule, Field field, String value, String message) {
        Integer column = header.column(field);
        findings.add(new Located(column == null ? Integer.MAX_VALUE : column, rule, reference(field), value,
                message));
    }

    String requiredText(Field field) {
        RawCell cell = cell(field);
        if (missing(field, cell)) {
            return null;
        }
        if (Values.isError(cell)) {
            add(Rule.REQUIRED_MISSING, field, cell.text(), where(field) + "「" + shown(cell.text())
                    + "」是公式错误，公式无法算出结果，请填写" + field.columnName());
            return null;
        }
        return withinLimit(field, cell.text().strip());
    }

    /** Optional text, trimmed; a formula error in an optional text cell is read as blank. */
    String optionalText(Field field) {
        RawCell cell = cell(field);
        return withinLimit(field, Values.isError(cell) ? null : Values.text(cell));
    }

    BigDecimal number(Field field, boolean required, BigDecimal blankValue) {
        RawCell cell = cell(field);
        if (required && missing(field, cell)) {
            return null;
        }
        Parsed<BigDecimal> parsed = Values.number(cell);
        String unit = unitWritten(field);
        if (parsed.isBad()) {
            bad(Rule.BAD_NUMBER, field, cell, "不是有效数字", "应填写数字，如 12.5 或 1,234.5" + unit);
            return null;
        }
        if (parsed.isBlank()) {
            return blankValue;
        }
        if (parsed.value().signum() < 0) {
            bad(Rule.NEGATIVE_NUMBER, field, cell, "为负数", "应填写 0 或正数" + unit);
            return null;
        }
        Unit typed = unitTyped(cell, field);
        if (typed != null && (!typed.isKnown() || typed.dimension() != Header.dimension(field))) {
            bad(Rule.BAD_NUMBER, field, cell, "的单位「" + typed.text() + "」无法换算",
                    "应只填写数字" + unit);
            return null;
        }
        // converted first, then checked as stored: the limits hold for the figure in the contract's unit
        BigDecimal figure = storedFigure(field, cell, inContractUnit(field, parsed.value(), typed));
        if (figure != null && typed != null) {
            interpreted(field, cell, figure.stripTrailingZeros().toPlainString()
                    + (field.unit() == null ? "" : "（" + field.unit() + "）"));
        }
        return figure;
    }

    /**
     * VALUE_INTERPRETED: the cell was read as something it does not literally say (2020年6月 as 2020-06-30, 12.5吨
     * as 12.5, 已建成 as 已完成), so that the clerk sees how the file was understood.
     */
    void interpreted(Field field, RawCell cell, String readAs) {
        add(Rule.VALUE_INTERPRETED, field, cell.text(), where(field) + "「" + shown(cell.text()) + "」读作 " + readAs);
    }

    /**
     * The value in the contract's unit: a unit typed in the cell (12.5万吨) is the cell's own; else the column's,
     * from its header or unit note (a column headed in 万吨 is multiplied by 10000), exactly.
     */
    private BigDecimal inContractUnit(Field field, BigDecimal value, Unit typed) {
        BigDecimal factor = typed != null ? typed.factor() : header.factor(field);
        if (factor == null || factor.compareTo(BigDecimal.ONE) == 0) {
            return value;
        }
        // exact; more decimals than are stored (0.1234567 t from 123.4567 kg) are rounded by storedFigure,
        // with a WARNING, like a typed figure
        BigDecimal converted = value.multiply(factor).stripTrailingZeros();
        return converted.scale() < 0 ? converted.setScale(0) : converted;
    }

    /** The unit typed after the number in a text cell (12.5万吨, 3 t), or null when none. */
    private static Unit unitTyped(RawCell cell, Field field) {
        if (cell.type() != RawCell.Type.TEXT) {
            return null;
        }
        Matcher m = TYPED_UNIT.matcher(Text.normalise(cell.text()));
        if (!m.find()) {
            return null;
        }
        String unit = m.group(1).replaceAll("[()\\[\\]【】]", "");
        // 3.2万 in an investment column is 3.2万元, 1.2万 in a tonnage column 1.2万吨
        return Unit.of(unit.equals("万") ? "万" + (Header.dimension(field) == Unit.Dimension.MONEY ? "元" : "吨")
                : unit);
    }

    /** "（单位：万吨）": the unit the column is filled in, as its header (or unit note) says. */
    private String unitWritten(Field field) {
        Header.ColumnUnit own = header.units().get(field);
        String written = own != null ? own.unit().text() : field.unit();
        return written == null ? "" : "（单位：" + written + "）";
    }

    // ---- limits of the input (README, "Limits of the input"): checked here, before the database ----

    /**
     * A text as typed, or what happens to it when it is longer than its staging column holds: 备注 is
     * free text and is kept cut, with a WARNING; any other text names or identifies the project, and a cut
     * one would be a different name or id, so the row is rejected.
     */
    String withinLimit(Field field, String text) {
        int max = storedChars(field);
        if (text != null && text.length() <= InputLimits.MAX_CELL_CHARS) {
            replacedCharacters(field, text);
        }
        if (text == null || text.length() <= max) {
            return text;
        }
        if (text.length() > InputLimits.MAX_CELL_CHARS) {
            // the reader kept one character past Excel's limit to show it was passed: no cut is honest then
            add(Rule.TEXT_TOO_LONG, field, text, String.format(
                    "%s 超过 Excel 单元格的上限 %,d 个字符，文件不是 Excel 正常保存的，请检查后重新报送",
                    where(field), InputLimits.MAX_CELL_CHARS));
            return null;
        }
        if (field == Field.REMARKS) {
            add(Rule.TEXT_TRUNCATED, field, text, String.format(
                    "%s 长达 %,d 个字符，超过可保存的 %,d 个字符，已截断保存；本行仍予受理",
                    where(field), text.length(), max));
            return InputLimits.forDisplay(text, max);
        }
        add(Rule.TEXT_TOO_LONG, field, text, String.format(
                "%s 长达 %,d 个字符，超过上限 %,d 个字符，请核对是否误粘贴了其他内容",
                where(field), text.length(), max));
        return null;
    }

    /**
     * A WARNING when the text holds a character no file should (stored as U+FFFD, InputLimits.storable):
     * U+FFFD itself (bytes that were no text in the file's encoding), NUL, a lone surrogate. The row is kept;
     * the clerk learns that the cell did not arrive as typed.
     */
    private void replacedCharacters(Field field, String text) {
        if (InputLimits.storable(text).indexOf('\uFFFD') >= 0) {
            add(Rule.CHARACTER_REPLACED, field, text, where(field) + "「" + shown(text)
                    + "」含无法识别的字符（文件编码损坏、空字符或孤立的代理码元），已按 � 保存；本行仍予受理，请核对");
        }
    }

    /**
     * A figure as the database stores it (NUMERIC(24, 6)): beyond {@link InputLimits#MAX_FIGURE} no real
     * figure goes, so it is an ERROR; more than 6 decimals are rounded half-up with a WARNING that shows
     * both, unless that would turn a figure that is not zero into zero (an ERROR: the clerk must look).
     */
    BigDecimal storedFigure(Field field, RawCell cell, BigDecimal value) {
        String unit = field.unit() == null ? "" : field.unit();
        if (value.abs().compareTo(InputLimits.MAX_FIGURE) >= 0) {
            add(Rule.NUMBER_OUT_OF_RANGE, field, cell.text(), where(field) + "「" + shown(cell.text())
                    + "」超出可能的范围，应小于 10,000,000,000" + unit + "，请核对单位和数值");
            return null;
        }
        if (value.scale() <= InputLimits.STORED_DECIMALS) {
            return value;
        }
        BigDecimal rounded = value.setScale(InputLimits.STORED_DECIMALS, RoundingMode.HALF_UP);
        if (rounded.signum() == 0) {
            add(Rule.NUMBER_OUT_OF_RANGE, field, cell.text(), where(field) + "「" + shown(cell.text())
                    + "」过小，保留6位小数后为 0，请核对单位和数值");
            return null;
        }
        add(Rule.NUMBER_ROUNDED, field, cell.text(), where(field) + "「" + shown(cell.text()) + "」超过6位小数，已按"
                + rounded.stripTrailingZeros().toPlainString() + "保存；本行仍予受理");
        return rounded;
    }

    /** A value as quoted in a message: cut, with a mark, when long. */
    static String shown(String value) {
        return InputLimits.forDisplay(value, InputLimits.MESSAGE_VALUE_CHARS);
    }

    /** Characters the staging column of a text field holds (V2__reduction_accounting.sql). */
    static int storedChars(Field field) {
        if (field == Field.PROJECT_ID || field == Field.DISTRICT || field == Field.SECTOR) {
            return 200;
        }
        if (field == Field.PROJECT_NAME) {
            return 2000;
        }
        if (field == Field.RESPONSIBLE_UNIT) {
            return 500;
        }
        if (field == Field.CREDIT_CODE) {
            return 100;
        }
        return field == Field.REMARKS ? 4000 : InputLimits.MAX_CELL_CHARS;
    }

    LocalDate date(Field field, boolean required) {
        RawCell cell = cell(field);
        if (required && missing(field, cell)) {
            return null;
        }
        Parsed<LocalDate> parsed = Values.date(cell, planYear);
        if (parsed.isBad()) {
            bad(Rule.BAD_DATE, field, cell, "不是有效日期", DATE_EXAMPLE);
            return null;
        }
        if (parsed.isPresent() && !Values.namesItsDay(cell)) {
            interpreted(field, cell, parsed.value().toString());
        }
        return parsed.value();
    }

    boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.rule().severity() == Severity.ERROR);
    }

    /** The outcome, the findings in column order and all carrying the row's city. */
    <T> RowOutcome<T> outcome(T record) {
        return outcome(record != null ? Disposition.ACCEPTED : Disposition.REJECTED, record);
    }

    /** A row that is not accounted, with its findings (INFO): ignored, never rejected. */
    <T> RowOutcome<T> ignored() {
        return outcome(Disposition.IGNORED, null);
    }

    private <T> RowOutcome<T> outcome(Disposition disposition, T record) {
        List<Finding> out = findings.stream()
                .sorted(Comparator.comparingInt(Located::column))
                .map(l -> Finding.of(l.rule(), cityCode, file, row.sheet(), row.rowNumber(), l.cell(), l.value(),
                        l.message()))
                .toList();
        return new RowOutcome<>(file, row.sheet(), row.rowNumber(), disposition, cityCode, groupCode, record, out,
                written(), header.part(), disposition == Disposition.IGNORED ? why : null, partCells());
    }

    /** For a part of a row laid out like annex 2, the cells it is read from: A5,D5,E5; else null. */
    private String partCells() {
        if (header.pollutantOfPart() == null) {
            return null;
        }
        return String.join(",", header.columns().values().stream().sorted()
                .map(c -> RawCell.columnName(c) + row.rowNumber()).toList());
    }

    /** The row's own words for what the rules normalise, as its cells hold them; null where blank. */
    private WrittenWords written() {
        boolean projects = header.kind() == cn.js.reduction.core.FileKind.PROJECTS;
        Header.PollutantColumns part = header.pollutantOfPart();
        return new WrittenWords(typed(Field.CITY), part != null ? part.written() : typed(projects ? Field.CATEGORY : Field.POLLUTANT),
                projects ? typed(Field.STATUS) : null, projects ? typed(Field.PLANNED_COMPLETION) : null,
                projects ? typed(Field.ACTUAL_COMPLETION) : null);
    }

    private String typed(Field field) {
        RawCell cell = cell(field);
        return Values.isBlank(cell) ? null : cell.text();
    }
}
