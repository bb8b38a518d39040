package cn.js.reduction.discover;

import java.util.regex.Pattern;

/**
 * What a raw row under a header is, and why: the one owner of that decision (docs/input-format.md, "Rows of the
 * form that are not data"). Intake validates only {@link Kind#DATA} rows; every other row is ignored and counted
 * as ignored, never rejected; the totals-row check ({@link SheetAccount}) uses it too.
 *
 * @param kind what the row is
 * @param why  for a row that is not data, what made it so, as the clerk would say it (the label read, the cell);
 *             null for data
 */
public record RowKind(Kind kind, String why) {

    public enum Kind {
        /** A row to validate. */
        DATA,
        /** None of the header's columns holds anything of the row's own (but a cell beside them does). */
        BLANK,
        /** The header, the title or the unit note above it again (printed pages pasted one under another). */
        REPEATED_HEADER,
        /** A heading merged across the table (一、锅炉提标改造项目). */
        SECTION_HEADING,
        /** 合计, 小计, 总计, 汇总, Total …, or an Excel table's totals row. */
        TOTALS,
        /** A row of one source under a 排放源类别 合计 of its city and pollutant that was read as data: its breakdown. */
        BREAKDOWN,
        /** The form's footer: 填表人, 审核人, 负责人, 联系电话, 填报日期, 制表 … */
        FOOTER,
        /** A note under the table: 说明：…, 注：… */
        NOTE
    }

    private static final RowKind DATA = new RowKind(Kind.DATA, null);

    // the footer of a printed form, the label at the start of its first cell, with or without a colon
    private static final Pattern FOOTER = Pattern.compile(
            "^(?:填表人|填报人|填表单位|填报单位|审核人|审核|审批人|负责人|单位负责人|主要负责人|分管领导|联系人|联系电话|电话|手机"
                    + "|填报日期|填表日期|报送日期|制表人?|制表日期|制表单位)(?:[:：(（].*|$|\\s.*)");
    private static final Pattern PROVINCE = Pattern.compile("(?:全省|江苏省?|省|全省各设区市|全省合计|320000)(?:\\.0)?");
    private static final Pattern NOTE = Pattern.compile("^(?:说明|注|附注|备注说明|填表说明|注\\d{1,2})[:：、.].*|^注[:：]?$");

    public boolean isData() {
        return kind == Kind.DATA;
    }

    /**
     * True for a row that holds no value in any cell of its own (a template's pre-formatted rows, rows a
     * spreadsheet program stores for their height or style, a formula that shows nothing, a row only a merged cell
     * runs over): no row read at all, so that rows read = accepted + rejected + ignored counts what a person sees.
     * A row with anything of its own is read, and {@link #of} says what it is.
     */
    public static boolean holdsNothing(RawRow row) {
        return row.isBlank();
    }

    /**
     * What the row is under the header. A row with any data of its own in the header's columns is data unless
     * it is a totals row (a label in any of its cells, whatever is typed beside it), a footer or note (its first
     * cell of its own starts with the label), a repeated header or a section heading.
     */
    public static RowKind of(RawRow row, Header header) {
        return of(row, header, false);
    }

    /**
     * @param tableTotals true when the row is the totals row of an Excel table (a table part with totalsRowCount)
     */
    public static RowKind of(RawRow row, Header header, boolean tableTotals) {
        // values a merged cell carries into the row (a 设区市 merged down past the last project) are not the row's
        boolean blank = header.readColumns().stream()
                .allMatch(c -> (Values.isBlank(row.cell(c)) || row.isMergedFromElsewhere(c)) && row.formula(c) == null);
        if (blank) {
            // a footer or a note typed past the header's columns is still not data; the row is blank either way
            return new RowKind(Kind.BLANK, "空行");
        }
        if (tableTotals) {
            return new RowKind(Kind.TOTALS, "Excel 表格的汇总行");
        }
        RawCell first = firstOwn(row);
        for (RawCell c : row.cells()) {
            if (!c.text().isBlank() && Values.isTotalLabel(c.text())) {
                return new RowKind(Kind.TOTALS, "「" + c.text().strip() + "」（" + c.reference(row.rowNumber()) + "）");
            }
        }
        // the province in an emission report's 设区市 column, as annex 2 ends: the cities' total, not a city
        Integer cityColumn = header.kind() == cn.js.reduction.core.FileKind.EMISSIONS ? header.column(Field.CITY) : null;
        RawCell city = cityColumn == null || row.isMergedFromElsewhere(cityColumn) ? null : row.cell(cityColumn);
        if (city != null && PROVINCE.matcher(cn.js.reduction.reference.Text.key(city.text())).matches()) {
            return new RowKind(Kind.TOTALS, "「" + city.text().strip() + "」（" + city.reference(row.rowNumber()) + "）");
        }
        if (first != null && first.type() == RawCell.Type.TEXT) {
            String text = first.text().strip();
            String squeezed = text.replaceAll("[\\s\u3000]+", "");
            if (text.length() < 2000 && (FOOTER.matcher(squeezed).matches() || FOOTER.matcher(text).matches())) {
                return new RowKind(Kind.FOOTER, "表尾「" + shown(text) + "」（" + first.reference(row.rowNumber()) + "）");
            }
            if (text.length() < 32_768 && NOTE.matcher(squeezed.length() > 200 ? squeezed.substring(0, 200) : squeezed)
                    .matches()) {
                return new RowKind(Kind.NOTE, "说明「" + shown(text) + "」（" + first.reference(row.rowNumber()) + "）");
            }
        }
        if (HeaderLocator.repeatsHeader(row, header)) {
            return new RowKind(Kind.REPEATED_HEADER, "重复的表头");
        }
        if (isSectionHeading(row, header)) {
            return new RowKind(Kind.SECTION_HEADING, "分类标题「" + shown(first.text()) + "」");
        }
        return DATA;
    }

    /** The row's first filled cell of its own (not carried in by a merge from elsewhere); null when none. */
    private static RawCell firstOwn(RawRow row) {
        for (RawCell c : row.cells()) {
            if (!c.text().isBlank() && !row.isMergedFromElsewhere(c.column())) {
                return c;
            }
        }
        return null;
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
        for (int column : header.readColumns()) {
            RawCell c = row.cell(column);
            if (c != null && column > own.column() && row.isMergedFromElsewhere(column) && c.text().equals(own.text())) {
                across++;
            }
        }
        return across >= 3;
    }

    private static String shown(String text) {
        return text.length() <= 30 ? text : text.substring(0, 30) + "…";
    }
}
