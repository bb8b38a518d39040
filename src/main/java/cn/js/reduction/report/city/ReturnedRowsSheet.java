package cn.js.reduction.report.city;

import cn.js.reduction.clerk.AnnotatedRows;
import cn.js.reduction.clerk.Annotator;
import cn.js.reduction.clerk.FindingListSheet;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Severity;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.HeaderLocator;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.SheetSource;
import cn.js.reduction.discover.SheetSources;
import cn.js.reduction.report.data.ReportData;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.PrintLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 原表标注, in a city's feedback workbook: the city's rejected and warned rows returned as they stood in its own
 * sheets, under their header, every faulty cell filled and commented exactly as {@code validate} does it
 * ({@link Annotator}, {@link AnnotatedRows}). Column A holds the row number in the original sheet, so the
 * original columns sit one to the right; each comment names the original cell.
 *
 * <p>The submitted files are read again, streaming, one at a time; only the rows with findings are kept.
 */
public final class ReturnedRowsSheet {

    public static final String NAME = "原表标注";
    public static final String ROW_COLUMN = "原行号";
    /** Findings returned in place; a city with more gets the first ones and a note (memory stays bounded). */
    public static final int MAX_FINDINGS = 100_000;

    /** Columns sized: the row number and the widest submissions' columns; each 8 to 40 characters wide. */
    private static final int COLUMNS = 30;
    private static final int MIN_WIDTH = 8 * 256;
    private static final int MAX_WIDTH = 40 * 256;

    private ReturnedRowsSheet() {
    }

    /** @return where each returned finding's cell sits in this sheet, as a link address ('原表标注'!E12) */
    public static Map<Finding, String> write(SXSSFWorkbook workbook, Scope scope, ReportData data, Path inputFolder) {
        // file → sheet → row → findings, in the order the findings come (file, sheet, row)
        Map<String, Map<String, NavigableMap<Integer, List<Finding>>>> rows = new LinkedHashMap<>();
        long[] seen = {0};
        data.forEachFinding(scope.cityCode(), f -> {
            if (f.file() != null && f.sheet() != null && f.row() != null && f.severity() != Severity.INFO
                    && ++seen[0] <= MAX_FINDINGS) {
                rows.computeIfAbsent(f.file(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(f.sheet(), k -> new TreeMap<>())
                        .computeIfAbsent(f.row(), k -> new ArrayList<>()).add(f);
            }
        });
        Sheet sheet = workbook.createSheet(NAME);
        // the columns sized to what they hold (headers overlapped and names were cut at a fixed width)
        ((org.apache.poi.xssf.streaming.SXSSFSheet) sheet).trackAllColumnsForAutoSizing();
        PrintLayout.wide(sheet);
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle title = workbook.createCellStyle();
        title.setFont(bold);
        sheet.setColumnWidth(0, 8 * 256);
        for (int c = 1; c < COLUMNS; c++) {
            sheet.setColumnWidth(c, 16 * 256);
        }
        Annotator annotator = new Annotator(workbook);
        AnnotatedRows copier = new AnnotatedRows(workbook, annotator);
        Map<Finding, String> placed = new java.util.LinkedHashMap<>(); // in the order shown
        int[] next = {0};
        line(sheet, next, title, rows.isEmpty()
                ? "本市报送的行没有错误或警告。"
                : "本市被退回（红色，错误）或需核实（黄色，警告）的行，按原表的列排列；批注说明问题和应如何填写。A列为原表行号，原表各列右移一列。");
        if (seen[0] > MAX_FINDINGS) {
            line(sheet, next, title, "问题过多（共 " + seen[0] + " 条），此处只标出前 " + MAX_FINDINGS + " 条，其余见“问题清单”。");
        }
        next[0]++;
        HeaderLocator locator = new HeaderLocator(data.reference());
        for (var file : rows.entrySet()) {
            Path path = inputFolder.resolve(file.getKey());
            if (!Files.isRegularFile(path)) {
                line(sheet, next, title, "文件「" + file.getKey() + "」已不在输入目录中，无法返回原行；请按“退回记录”修改。");
                continue;
            }
            try (SheetSource source = SheetSources.open(path)) {
                List<String> names = source.sheetNames();
                for (int i = 0; i < names.size(); i++) {
                    NavigableMap<Integer, List<Finding>> sheetRows = file.getValue().get(names.get(i));
                    if (sheetRows == null) {
                        continue;
                    }
                    line(sheet, next, title, "文件「" + file.getKey() + "」 工作表「" + names.get(i) + "」");
                    copy(sheet, next, source, i, names.get(i), sheetRows, locator, copier, title, placed);
                    next[0]++;
                }
            } catch (Exception e) {
                // the file was read during intake; if it cannot be read now, the lists still say everything
                line(sheet, next, title, "文件「" + file.getKey() + "」无法再次读取，请按“退回记录”修改 ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        sheet.createFreezePane(1, 0);
        for (int c = 1; c < COLUMNS; c++) {
            sheet.autoSizeColumn(c);
            sheet.setColumnWidth(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, sheet.getColumnWidth(c) + 512)));
        }
        return placed;
    }

    private static int copy(Sheet sheet, int[] next, SheetSource source, int index, String name,
                            NavigableMap<Integer, List<Finding>> wanted, HeaderLocator locator, AnnotatedRows copier,
                            CellStyle bold, Map<Finding, String> placed) throws Exception {
        List<RawRow> first = new ArrayList<>();
        int returned = 0;
        // the rows are in order: past the last one with a finding there is nothing left to return
        int last = wanted.lastKey();
        try (SheetSource.RowCursor cursor = source.rows(index)) {
            RawRow raw;
            Optional<Header> header = Optional.empty();
            boolean located = false;
            while ((raw = cursor.next()) != null) {
                if (located && raw.rowNumber() > last) {
                    break;
                }
                if (!located) {
                    if (raw.rowNumber() <= HeaderLocator.SEARCH_ROWS) {
                        first.add(raw);
                        continue;
                    }
                    header = locator.locate(name, first);
                    located = true;
                    returned += flush(sheet, next, first, header, wanted, copier, bold, placed);
                }
                if (wanted.containsKey(raw.rowNumber())) {
                    returned += row(sheet, next, raw, wanted.get(raw.rowNumber()), copier, placed);
                }
            }
            if (!located) {
                returned += flush(sheet, next, first, locator.locate(name, first), wanted, copier, bold, placed);
            }
        }
        return returned;
    }

    /** The header row (and the one above it), then the rows among the first ones that have findings. */
    private static int flush(Sheet sheet, int[] next, List<RawRow> first, Optional<Header> header,
                             Map<Integer, List<Finding>> wanted, AnnotatedRows copier, CellStyle bold,
                             Map<Finding, String> placed) {
        int headerRow = header.map(Header::headerRowNumber).orElse(0);
        int returned = 0;
        for (RawRow r : first) {
            // the row above the header too: in a two-row header it names the grouped columns (减排量 over VOCs …)
            boolean headerPart = r.rowNumber() == headerRow || (r.rowNumber() == headerRow - 1 && !r.isBlank());
            if (headerPart) {
                Row target = sheet.createRow(next[0]++);
                if (r.rowNumber() == headerRow) {
                    Cell c = target.createCell(0);
                    c.setCellValue(ROW_COLUMN);
                    c.setCellStyle(bold);
                }
                RawRow shown = r.rowNumber() == headerRow ? r : withoutMergedRepeats(r);
                record(copier.write(target, shown, 1, wanted.getOrDefault(r.rowNumber(), List.of())), placed);
            } else if (wanted.containsKey(r.rowNumber())) {
                returned += row(sheet, next, r, wanted.get(r.rowNumber()), copier, placed);
            }
        }
        return returned;
    }

    /**
     * The row above the header as its author saw it: a text merged across columns (a title over the whole table, a
     * group over its columns) once, in its first column, not in every column the reader filled it into.
     */
    public static RawRow withoutMergedRepeats(RawRow row) {
        List<cn.js.reduction.discover.RawCell> kept = new ArrayList<>();
        cn.js.reduction.discover.RawCell before = null;
        for (cn.js.reduction.discover.RawCell c : row.cells()) {
            boolean repeat = before != null && before.column() == c.column() - 1 && row.mergedColumns().contains(c.column())
                    && before.text().equals(c.text());
            if (!repeat) {
                kept.add(c);
            }
            before = c;
        }
        return new RawRow(row.sheet(), row.rowNumber(), kept, row.mergedColumns());
    }

    private static int row(Sheet sheet, int[] next, RawRow raw, List<Finding> findings, AnnotatedRows copier,
                           Map<Finding, String> placed) {
        Row target = sheet.createRow(next[0]++);
        target.createCell(0).setCellValue(raw.rowNumber());
        record(copier.write(target, raw, 1, findings), placed);
        return 1;
    }

    private static void record(Map<Finding, String> cells, Map<Finding, String> placed) {
        cells.forEach((f, ref) -> placed.put(f, FindingListSheet.address(NAME, ref)));
    }

    private static void line(Sheet sheet, int[] next, CellStyle style, String text) {
        Cell c = sheet.createRow(next[0]++).createCell(0);
        c.setCellValue(text);
        c.setCellStyle(style);
    }
}
