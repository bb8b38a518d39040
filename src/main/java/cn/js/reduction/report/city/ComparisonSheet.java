package cn.js.reduction.report.city;

import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.Link;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import cn.js.reduction.store.ChangeStore.Change;
import cn.js.reduction.store.ChangeStore.ChangeType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 前后对比, in a city's feedback workbook when a newer file of the city replaced an older one: every row added,
 * withdrawn and changed, by project id (project lists) or pollutant and sector (emission reports); a changed row
 * one line per changed cell, old and new value side by side and marked; each line linked to the row in both files
 * (a spreadsheet's cell; a CSV file as a whole, which has no cells to point at). No sheet when nothing was replaced.
 */
public final class ComparisonSheet {

    public static final String NAME = "前后对比";
    public static final String[] HEADERS = {"报表", "变化", "项目编号 / 污染物 排放源", "列", "原值", "新值", "原文件", "原文件位置",
        "新文件", "新文件位置"};
    private static final int[] WIDTHS = {10, 8, 24, 14, 20, 20, 34, 18, 34, 18};
    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("project_name", "项目名称"),
            Map.entry("responsible_unit", "责任单位"), Map.entry("district", "县（市、区）"),
            Map.entry("category_code", "项目类别"), Map.entry("status", "进展状态"),
            Map.entry("planned_completion", "计划完成时间"), Map.entry("actual_completion", "实际完成时间"),
            Map.entry("investment", "总投资（万元）"), Map.entry("remarks", "备注"), Map.entry("base_t", "基准年排放量（吨）"),
            Map.entry("reporting_t", "核算年排放量（吨）"));

    /** Links this sheet holds at most: SXSSF keeps a sheet's hyperlinks in memory; beyond, the place is plain text. */
    public static final int MAX_LINKS = 100_000;

    private ComparisonSheet() {
    }

    /**
     * @param inputFolder the run's submitted files, for the links into them; null for no links
     */
    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, List<Change> changes, Path inputFolder) {
        if (changes.isEmpty()) {
            return;
        }
        SXSSFSheet sheet = workbook.createSheet(NAME);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        int r = 0;
        new RowWriter(sheet.createRow(r++), styles, false).text("本市前后两次报送的变化：较新的文件替代了较早的文件，以下为新增、撤回和修改的行"
                + "（修改的行每个改动的单元格一行，原值与新值并列）", Kind.TITLE, Mark.NONE);
        int header = r;
        Row headerRow = sheet.createRow(r++);
        RowWriter h = new RowWriter(headerRow, styles, false);
        for (String text : HEADERS) {
            h.text(text, Kind.HEADER, Mark.NONE);
        }
        int[] links = {0};
        for (Change c : changes) {
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, false);
            Mark changed = c.type() == ChangeType.CHANGED ? Mark.ATTENTION : Mark.NONE;
            w.text(c.of().kind().title()).text(label(c.type()), Kind.TEXT, mark(c.type())).text(c.key())
                    .text(c.column() == null ? null : COLUMNS.getOrDefault(c.column(), c.column()))
                    .text(c.previous(), Kind.TEXT, changed).text(c.current(), Kind.TEXT, changed)
                    .text(c.of().olderFile());
            place(w, links[0]++ < MAX_LINKS ? inputFolder : null, c.of().olderFile(), c.olderSheet(), c.olderRow());
            w.text(c.of().newerFile());
            place(w, links[0]++ < MAX_LINKS ? inputFolder : null, c.of().newerFile(), c.newerSheet(), c.newerRow());
        }
        sheet.createFreezePane(0, header + 1);
        sheet.setAutoFilter(new CellRangeAddress(header, r - 1, 0, HEADERS.length - 1));
        PrintLayout.wide(sheet);
    }

    /** "工作表「s」第5行", linked to that row of the submitted file where it is a spreadsheet. */
    private static void place(RowWriter w, Path inputFolder, String file, String sheet, Integer row) {
        if (row == null) {
            w.text(null);
            return;
        }
        String text = "工作表「" + sheet + "」第" + row + "行";
        if (inputFolder == null) {
            w.text(text);
            return;
        }
        String target = inputFolder.resolve(file).toAbsolutePath().toUri().toString();
        boolean cells = !file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        w.link(text, new Link(target, cells ? Formulas.sheetRef(sheet) + "!A" + row : null));
    }

    private static String label(ChangeType type) {
        return switch (type) {
            case ADDED -> "新增";
            case WITHDRAWN -> "撤回";
            case CHANGED -> "修改";
        };
    }

    private static Mark mark(ChangeType type) {
        return switch (type) {
            case ADDED -> Mark.EXCESS;
            case WITHDRAWN -> Mark.SHORTFALL;
            case CHANGED -> Mark.ATTENTION;
        };
    }
}
