package cn.js.reduction.report.sheet;

import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A list sheet written row by row (findings, projects, rejections): one header row, frozen, with an
 * auto-filter over the rows written. A sheet holds at most 1,048,576 rows; beyond that the list goes on in
 * a sheet named "…（续2）" with the same header, so no row is ever lost, and every formula over the list covers
 * all its sheets ({@link Formulas}).
 */
public final class TableSheet {

    /** @param width column width in characters (a Chinese character counts about 2) */
    public record Column(String header, int width) {
    }

    private final SXSSFWorkbook workbook;
    private final WorkbookStyles styles;
    private final String name;
    private final List<Column> columns;
    private final int frozenColumns;
    private final int maxRowsPerSheet;
    private final List<Part> parts = new ArrayList<>();
    private SXSSFSheet sheet;
    private int part;
    private int nextRow;
    private long rowsWritten;

    /**
     * @param frozenColumns columns kept in view when scrolling right (e.g. the project id)
     * @param maxRowsPerSheet header included; Excel's limit in production, small in tests
     */
    public TableSheet(SXSSFWorkbook workbook, WorkbookStyles styles, String name, List<Column> columns,
               int frozenColumns, int maxRowsPerSheet) {
        this.workbook = workbook;
        this.styles = styles;
        this.name = name;
        this.columns = List.copyOf(columns);
        this.frozenColumns = frozenColumns;
        this.maxRowsPerSheet = maxRowsPerSheet;
        startPart();
    }

    public RowWriter nextRow() {
        if (nextRow >= maxRowsPerSheet) {
            closePart();
            startPart();
        }
        rowsWritten++;
        return new RowWriter(sheet.createRow(nextRow++), styles, false);
    }

    /** Rows written, headers not counted. */
    public long rowsWritten() {
        return rowsWritten;
    }

    public void finish() {
        closePart();
    }

    /** The name of a list's continuation sheet: 项目明细（续2）. */
    public static String partName(String name, int part) {
        return name + "（续" + part + "）";
    }

    /** One sheet of the list: its name and the 1-based number of its last data row (1 when it has none). */
    public record Part(String sheetName, int lastRow) {
    }

    /** The sheets the list was written into, in order; complete after {@link #finish()}. */
    public List<Part> parts() {
        return List.copyOf(parts);
    }

    /** Where row {@code index} (0-based, of this part) sits, as a link address: '项目明细'!A12. */
    public String address(int rowIndex) {
        return Formulas.sheetRef(sheet.getSheetName()) + "!A" + (rowIndex + 1);
    }

    /** The 0-based index of the row {@link #nextRow()} wrote last. */
    public int lastRowIndex() {
        return nextRow - 1;
    }

    private void startPart() {
        part++;
        sheet = workbook.createSheet(part == 1 ? name : partName(name, part));
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, columns.get(i).width() * 256);
        }
        Row header = sheet.createRow(0);
        header.setHeightInPoints(20);
        RowWriter w = new RowWriter(header, styles, false);
        for (Column c : columns) {
            w.text(c.header(), Kind.HEADER, WorkbookStyles.Mark.NONE);
            w.fitHeight(c.header(), c.width());
        }
        sheet.createFreezePane(frozenColumns, 1);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
        PrintLayout.wide(sheet);
        nextRow = 1;
    }

    private void closePart() {
        // the filter covers exactly the rows written, so Excel's filter and sort never miss the last ones
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, columns.size() - 1));
        parts.add(new Part(sheet.getSheetName(), nextRow));
    }
}
