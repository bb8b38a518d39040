package cn.js.reduction.intake;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.InputLimits;
import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.discover.Field;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.HeaderLocator;
import cn.js.reduction.discover.RawCell;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.Unit;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import cn.js.reduction.discover.Values;
import cn.js.reduction.discover.Values.Parsed;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The row rules of docs/rules.md: reads one row of a recognised sheet into a record, or says, cell by cell, why it
 * cannot. Every error of a row is reported, not just the first, so that a city fixes a row in one go.
 * Set-based rules (DUPLICATE_PROJECT_ID) and file rules are applied elsewhere.
 *
 * <p>Messages are for the city clerk who typed the row: the row, the column as the template heads it, the cell
 * as Excel shows it, the value as typed and what was expected, in Chinese, then a short English gloss after
 * " | ".
 */
public final class RowValidator {

    // what follows the digits of a number typed with its unit: 12.5万吨, 3t, 1,200(吨), 0.8吨/年
    private static final Pattern TYPED_UNIT = Pattern.compile("[0-9.]([\\p{L}/()\\[\\]【】·]+)$");

    /** Decimals the staging tables keep (NUMERIC(24, 6)). */

    private static final String DATE_EXAMPLE = "应填写如 2020-06-30 或 2020年6月";

    private final ReferenceData reference;
    private final int year;
    private final LocalDate yearEnd;
    /** The project list's claim columns: one per pollutant of the plan year. */
    private final List<Field> claimFields;

    public RowValidator(ReferenceData reference, int year) {
        this.reference = reference;
        this.year = year;
        this.yearEnd = LocalDate.of(year, 12, 31);
        this.claimFields = Field.claims(reference.claimPollutants());
    }

    /** The reference data the rows are checked against. */
    public ReferenceData reference() {
        return reference;
    }

    /** One row of a 项目清单 below its header. */
    public RowOutcome<ProjectRecord> validateProject(RawRow row, Header header, String file) {
        requireKind(header, FileKind.PROJECTS);
        if (isIgnorable(row, header)) {
            return RowOutcome.ignored(file, row);
        }
        Check check = new Check(row, header, file);
        check.cityCode = city(check);
        String projectId = check.requiredText(Field.PROJECT_ID);
        String district = check.optionalText(Field.DISTRICT);
        String projectName = check.requiredText(Field.PROJECT_NAME);
        String responsibleUnit = check.requiredText(Field.RESPONSIBLE_UNIT);
        String creditCode = creditCode(check);
        Category category = category(check);
        check.groupCode = category == null ? null : category.code();
        ProjectStatus status = status(check);
        LocalDate planned = check.date(Field.PLANNED_COMPLETION, true);
        LocalDate actual = check.date(Field.ACTUAL_COMPLETION, false);
        ProjectStatus counted = completion(check, status, actual);
        BigDecimal investment = check.number(Field.INVESTMENT, false, null);
        Map<String, BigDecimal> claims = new LinkedHashMap<>();
        for (Field claim : claimFields) {
            claims.put(claim.pollutant().code(), check.number(claim, false, BigDecimal.ZERO));
        }
        String remarks = check.optionalText(Field.REMARKS);
        if (check.hasErrors()) {
            return check.outcome(null);
        }
        return check.outcome(new ProjectRecord(projectId, check.cityCode, district, projectName, responsibleUnit,
                creditCode, category.code(), status, counted, planned, actual, investment, claims, remarks));
    }

    /** One row of a 排放量报表 below its header. */
    public RowOutcome<EmissionRecord> validateEmission(RawRow row, Header header, String file) {
        requireKind(header, FileKind.EMISSIONS);
        if (isIgnorable(row, header)) {
            return RowOutcome.ignored(file, row);
        }
        Check check = new Check(row, header, file);
        check.cityCode = city(check);
        Pollutant pollutant = pollutant(check);
        check.groupCode = pollutant == null ? untargeted(check) : pollutant.code();
        String sector = check.optionalText(Field.SECTOR);
        BigDecimal baseT = check.number(Field.BASE_T, true, null);
        BigDecimal reportingT = check.number(Field.REPORTING_T, true, null);
        String remarks = check.optionalText(Field.REMARKS);
        if (check.hasErrors()) {
            return check.outcome(null);
        }
        return check.outcome(new EmissionRecord(check.cityCode, pollutant, sector, baseT, reportingT, remarks));
    }

    /**
     * A row is not data when none of the header's columns holds anything (a blank row, or a template row with
     * only its 序号 filled in), or when its first filled cell reads 合计, 小计 or 总计.
     */
    static boolean isIgnorable(RawRow row, Header header) {
        // values a merged cell carries into the row (a 设区市 merged down past the last project) are not the row's
        boolean blank = header.columns().values().stream()
                .allMatch(c -> Values.isBlank(row.cell(c)) || row.isMergedFromElsewhere(c));
        if (blank) {
            return true;
        }
        // the first filled cell, and the first the row typed itself (合计 in C, past a 设区市 merged down into B)
        boolean total = row.cells().stream()
                .filter(c -> !c.text().isBlank())
                .findFirst()
                .map(c -> Values.isTotalLabel(c.text()))
                .orElse(false)
                || row.cells().stream()
                .filter(c -> !c.text().isBlank() && !row.isMergedFromElsewhere(c.column()))
                .findFirst()
                .map(c -> Values.isTotalLabel(c.text()))
                .orElse(false);
        return total || repeatsHeader(row, header) || isSectionHeading(row, header);
    }

    /**
     * A heading inside the data, such as 一、锅炉提标改造项目 in one cell merged across the table: the row types
     * one cell and the merge carries it over at least three of the header's columns. A person reads it as a
     * heading, not as a project whose every column says the same.
     */
    private static boolean isSectionHeading(RawRow row, Header header) {
        RawCell own = null;
        for (RawCell c : row.cells()) {
            if (!c.text().isBlank() && !row.isMergedFromElsewhere(c.column())) {
                if (own != null) {
                    return false;
                }
                own = c;
            }
        }
        if (own == null) {
            return false;
        }
        int across = 0;
        for (int column : header.columns().values()) {
            RawCell c = row.cell(column);
            if (c != null && column > own.column() && row.isMergedFromElsewhere(column) && c.text().equals(own.text())) {
                across++;
            }
        }
        return across >= 3;
    }

    /** The header again inside the data (printed pages pasted one under another): not data, so ignored. */
    private static boolean repeatsHeader(RawRow row, Header header) {
        return HeaderLocator.repeatsHeader(row, header);
    }

    private String city(Check check) {
        RawCell cell = check.cell(Field.CITY);
        if (check.missing(Field.CITY, cell)) {
            return null;
        }
        return reference.findCity(Values.isError(cell) ? null : cell.text()).map(City::code).orElseGet(() -> {
            check.bad(Rule.UNKNOWN_CITY, Field.CITY, cell, "不是江苏省的设区市",
                    "应填写" + reference.cities().size() + "个设区市之一，如 南京、南京市、320100 或 Nanjing", "unknown city");
            return null;
        });
    }

    private Category category(Check check) {
        RawCell cell = check.cell(Field.CATEGORY);
        if (check.missing(Field.CATEGORY, cell)) {
            return null;
        }
        return reference.findCategory(Values.isError(cell) ? null : cell.text()).orElseGet(() -> {
            check.bad(Rule.UNKNOWN_CATEGORY, Field.CATEGORY, cell, "不是附件4的项目类别",
                    "应填写" + reference.categories().size() + "类之一的名称或代码，如 锅炉提标改造项目 或 BOILER", "unknown project category");
            return null;
        });
    }

    private ProjectStatus status(Check check) {
        RawCell cell = check.cell(Field.STATUS);
        if (check.missing(Field.STATUS, cell)) {
            return null;
        }
        return Values.status(Values.isError(cell) ? null : cell.text()).orElseGet(() -> {
            check.bad(Rule.UNKNOWN_STATUS, Field.STATUS, cell, "不是有效的进展状态", "应填写 未开工、在建 或 已完成",
                    "unknown status; expected NOT_STARTED, IN_PROGRESS or COMPLETED");
            return null;
        });
    }

    /**
     * The code of a pollutant the plan year knows but annex 2 sets no target for (颗粒物), named in a row's 污染物
     * cell: such a row is rejected, but it leaves no accounted pollutant of its city incomplete. Null otherwise.
     */
    private String untargeted(Check check) {
        RawCell cell = check.cell(Field.POLLUTANT);
        String text = cell == null || Values.isError(cell) ? null : cell.text();
        if (text == null || text.isBlank()) {
            return null;
        }
        String key = Text.normalise(text).toUpperCase(java.util.Locale.ROOT);
        for (Pollutant p : reference.claimPollutants()) {
            if (!p.targeted() && java.util.stream.Stream.of(p.code(), p.label(), p.chineseName(), p.written())
                    .anyMatch(n -> Text.normalise(n).toUpperCase(java.util.Locale.ROOT).equals(key))) {
                return p.code();
            }
        }
        return null;
    }

    private Pollutant pollutant(Check check) {
        RawCell cell = check.cell(Field.POLLUTANT);
        if (check.missing(Field.POLLUTANT, cell)) {
            return null;
        }
        return reference.findPollutant(Values.isError(cell) ? null : cell.text()).orElseGet(() -> {
            List<Pollutant> all = reference.pollutants();
            check.bad(Rule.UNKNOWN_POLLUTANT, Field.POLLUTANT, cell, "不是核算的污染物",
                    "应填写 " + either(all.stream().map(Pollutant::written).toList(), "、", " 或 "),
                    "unknown pollutant; expected " + either(all.stream().map(Pollutant::label).toList(), ", ", " or "));
            return null;
        });
    }

    /** "a、b 或 c": the names joined, the last one with {@code last}. */
    private static String either(List<String> names, String separator, String last) {
        return names.size() == 1 ? names.get(0)
                : String.join(separator, names.subList(0, names.size() - 1)) + last + names.get(names.size() - 1);
    }

    /** Optional; a wrong check digit is only a WARNING (the row is kept, with the code as typed). */
    private String creditCode(Check check) {
        RawCell cell = check.cell(Field.CREDIT_CODE);
        if (Values.isBlank(cell)) {
            return null;
        }
        if (!Values.isError(cell) && check.withinLimit(Field.CREDIT_CODE, cell.text().strip()) == null) {
            return null;
        }
        if (Values.isError(cell) || !CreditCode.isValid(cell.text())) {
            check.bad(Rule.BAD_CREDIT_CODE, Field.CREDIT_CODE, cell, "不是有效的统一社会信用代码",
                    "应为18位且校验位符合 GB 32100-2015，请核对；本行仍予受理",
                    "credit code fails the GB 32100-2015 check; row kept");
            return Values.isError(cell) ? null : cell.text().strip();
        }
        return cell.text().strip();
    }

    /**
     * The status the totals count, after the completion rules: a completed project needs its actual completion
     * date; one completed after the plan year counts as in progress this year; a date on a project not
     * completed is suspicious but kept.
     */
    /**
     * A date as the clerk sees it: what they typed, except a bare number, which is a date only to the program
     * (a serial such as 44286 when the cell lost its date format) and is shown as the date it was read as.
     */
    private static String shownDate(RawCell cell, LocalDate read) {
        return cell.type() == RawCell.Type.NUMBER ? read.toString() : cell.text();
    }

    private ProjectStatus completion(Check check, ProjectStatus status, LocalDate actual) {
        if (status == null) {
            return null;
        }
        RawCell cell = check.cell(Field.ACTUAL_COMPLETION);
        if (status == ProjectStatus.COMPLETED && Values.isBlank(cell)) {
            // the column is optional in the header, so a list without it can still hold completed projects
            String what = check.reference(Field.ACTUAL_COMPLETION) == null
                    ? "第" + check.row.rowNumber() + "行 进展状态为「已完成」，但表中没有实际完成时间列，应增加该列并填写实际完成日期，如 2020-06-30"
                    : check.where(Field.ACTUAL_COMPLETION) + "为空，但进展状态为「已完成」，应填写实际完成日期，如 2020-06-30";
            check.add(Rule.COMPLETED_WITHOUT_DATE, Field.ACTUAL_COMPLETION, cell == null ? null : cell.text(),
                    what + " | completed project without an actual completion date");
            return null;
        }
        if (actual == null) {
            return status;
        }
        if (status == ProjectStatus.COMPLETED && actual.isAfter(yearEnd)) {
            check.add(Rule.COMPLETION_AFTER_YEAR_END, Field.ACTUAL_COMPLETION, shownDate(cell, actual),
                    check.where(Field.ACTUAL_COMPLETION) + "「" + shownDate(cell, actual) + "」晚于" + year + "年12月31日，本年度按在建项目统计"
                            + " | completed after " + yearEnd + ": counted as in progress this year");
            return ProjectStatus.IN_PROGRESS;
        }
        if (status != ProjectStatus.COMPLETED) {
            check.add(Rule.ACTUAL_DATE_NOT_COMPLETED, Field.ACTUAL_COMPLETION, shownDate(cell, actual),
                    check.where(Field.ACTUAL_COMPLETION) + "「" + shownDate(cell, actual) + "」已填写，但进展状态为「"
                            + status.chineseName() + "」，请核对进展状态或删除实际完成时间；本行仍予受理"
                            + " | actual completion date on a project that is not completed; row kept");
        }
        return status;
    }

    private static void requireKind(Header header, FileKind kind) {
        if (header.kind() != kind) {
            throw new IllegalArgumentException("a " + header.kind() + " header cannot validate " + kind + " rows");
        }
    }

    /** The findings of one row as they are made, with the cell each points at. */
    private static final class Check {

        private final RawRow row;
        private final Header header;
        private final String file;
        private final List<Located> findings = new ArrayList<>();
        private String cityCode;
        /** the row's pollutant or category, when read: staged with a rejected row too */
        private String groupCode;

        /** A finding waiting for the row's city, which is only known once the 设区市 cell has been read. */
        private record Located(int column, Rule rule, String cell, String value, String message) {
        }

        Check(RawRow row, Header header, String file) {
            this.row = row;
            this.header = header;
            this.file = file;
        }

        RawCell cell(Field field) {
            Integer column = header.column(field);
            return column == null ? null : row.cell(column);
        }

        /** A1 reference of the field's cell in this row (where it should be, if blank); null without a column. */
        String reference(Field field) {
            Integer column = header.column(field);
            return column == null ? null : RawCell.columnName(column) + row.rowNumber();
        }

        /** "第12行 计划完成时间（G12）": the row, the column by its header, the cell as Excel shows it. */
        String where(Field field) {
            String ref = reference(field);
            return "第" + row.rowNumber() + "行 " + field.columnName() + (ref == null ? "（此列缺失）" : "（" + ref + "）");
        }

        /** REQUIRED_MISSING when the cell is blank; true if so, so that the caller looks no further. */
        boolean missing(Field field, RawCell cell) {
            if (!Values.isBlank(cell)) {
                return false;
            }
            String unit = field.unit() == null ? "" : "（单位：" + field.unit() + "）";
            add(Rule.REQUIRED_MISSING, field, cell == null ? null : cell.text(),
                    where(field) + "为空，此项必填，请填写" + field.columnName() + unit
                            + " | required value missing: " + field.key());
            return true;
        }

        /**
         * A finding on a cell that holds the wrong thing: "第12行 设区市（B12）「南景」不是江苏省的设区市，应填写…".
         * A formula error says so instead of the problem, since the clerk must fix the formula.
         */
        void bad(Rule rule, Field field, RawCell cell, String problem, String expected, String english) {
            String what = Values.isError(cell) ? "是公式错误，公式无法算出结果" : problem;
            add(rule, field, cell.text(), where(field) + "「" + shown(cell.text()) + "」" + what + "，" + expected
                    + " | " + english);
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
                        + "」是公式错误，公式无法算出结果，请填写" + field.columnName() + " | formula error in a required cell");
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
                bad(Rule.BAD_NUMBER, field, cell, "不是有效数字", "应填写数字，如 12.5 或 1,234.5" + unit,
                        "not a number");
                return null;
            }
            if (parsed.isBlank()) {
                return blankValue;
            }
            if (parsed.value().signum() < 0) {
                bad(Rule.NEGATIVE_NUMBER, field, cell, "为负数", "应填写 0 或正数" + unit, "negative number");
                return null;
            }
            Unit typed = unitTyped(cell, field);
            if (typed != null && (!typed.isKnown() || typed.dimension() != Header.dimension(field))) {
                bad(Rule.BAD_NUMBER, field, cell, "的单位「" + typed.text() + "」无法换算",
                        "应只填写数字" + unit, "unknown unit '" + typed.text() + "' in the cell");
                return null;
            }
            // converted first, then checked as stored: the limits hold for the figure in the contract's unit
            return storedFigure(field, cell, inContractUnit(field, parsed.value(), typed));
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
                        "%s 超过 Excel 单元格的上限 %,d 个字符，文件不是 Excel 正常保存的，请检查后重新报送"
                                + " | more than Excel's %,d characters in a cell",
                        where(field), InputLimits.MAX_CELL_CHARS, InputLimits.MAX_CELL_CHARS));
                return null;
            }
            if (field == Field.REMARKS) {
                add(Rule.TEXT_TRUNCATED, field, text, String.format(
                        "%s 长达 %,d 个字符，超过可保存的 %,d 个字符，已截断保存；本行仍予受理"
                                + " | text of %,d characters cut to %,d; row kept",
                        where(field), text.length(), max, text.length(), max));
                return InputLimits.forDisplay(text, max);
            }
            add(Rule.TEXT_TOO_LONG, field, text, String.format(
                    "%s 长达 %,d 个字符，超过上限 %,d 个字符，请核对是否误粘贴了其他内容 | text of %,d characters,"
                            + " at most %,d allowed",
                    where(field), text.length(), max, text.length(), max));
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
                        + "」含无法识别的字符（文件编码损坏、空字符或孤立的代理码元），已按 � 保存；本行仍予受理，请核对"
                        + " | a character that is no text, stored as U+FFFD; row kept");
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
                        + "」超出可能的范围，应小于 10,000,000,000" + unit + "，请核对单位和数值"
                        + " | number beyond any real figure (at most 10,000,000,000)");
                return null;
            }
            if (value.scale() <= InputLimits.STORED_DECIMALS) {
                return value;
            }
            BigDecimal rounded = value.setScale(InputLimits.STORED_DECIMALS, RoundingMode.HALF_UP);
            if (rounded.signum() == 0) {
                add(Rule.NUMBER_OUT_OF_RANGE, field, cell.text(), where(field) + "「" + shown(cell.text())
                        + "」过小，保留6位小数后为 0，请核对单位和数值 | number too small: it is 0 at 6 decimals");
                return null;
            }
            add(Rule.NUMBER_ROUNDED, field, cell.text(), where(field) + "「" + shown(cell.text()) + "」超过6位小数，已按"
                    + rounded.stripTrailingZeros().toPlainString() + "保存；本行仍予受理"
                    + " | more than 6 decimals: stored rounded half-up");
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
            Parsed<LocalDate> parsed = Values.date(cell);
            if (parsed.isBad()) {
                bad(Rule.BAD_DATE, field, cell, "不是有效日期", DATE_EXAMPLE,
                        "not a valid date; expected e.g. 2020-06-30 or 2020年6月");
                return null;
            }
            return parsed.value();
        }

        boolean hasErrors() {
            return findings.stream().anyMatch(f -> f.rule().severity() == Severity.ERROR);
        }

        /** The outcome, the findings in column order and all carrying the row's city. */
        <T> RowOutcome<T> outcome(T record) {
            List<Finding> out = findings.stream()
                    .sorted(Comparator.comparingInt(Located::column))
                    .map(l -> Finding.of(l.rule(), cityCode, file, row.sheet(), row.rowNumber(), l.cell(), l.value(),
                            l.message()))
                    .toList();
            Disposition disposition = record != null ? Disposition.ACCEPTED : Disposition.REJECTED;
            return new RowOutcome<>(file, row.sheet(), row.rowNumber(), disposition, cityCode, groupCode, record, out);
        }
    }
}
