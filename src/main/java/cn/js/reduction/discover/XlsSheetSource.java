package cn.js.reduction.discover;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * An Excel 97-2003 .xls workbook, read with HSSF. The format caps a sheet at 65,536 rows, so the workbook is
 * parsed whole when opened; rows are then handed out one at a time like the other readers.
 */
public final class XlsSheetSource implements SheetSource {

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private final List<String> sheetNames;

    private XlsSheetSource(POIFSFileSystem fs, HSSFWorkbook workbook, List<String> sheetNames) {
        this.fs = fs;
        this.workbook = workbook;
        this.sheetNames = List.copyOf(sheetNames);
    }

    /** Reads the workbook stream of an OLE2 file already known to hold one; closes {@code fs} on failure. */
    static XlsSheetSource open(POIFSFileSystem fs) throws UnreadableFileException {
        try {
            // preserveNodes=false: macros, pictures and other streams are not needed to read cells
            HSSFWorkbook workbook = new HSSFWorkbook(fs.getRoot(), false);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
                names.add(workbook.getSheetName(i));
            }
            return new XlsSheetSource(fs, workbook, names);
        } catch (Exception | StackOverflowError e) {
            try {
                fs.close();
            } catch (IOException ignored) {
                // already failing with a better reason
            }
            throw Unreadable.from(e);
        }
    }

    @Override
    public List<String> sheetNames() {
        return sheetNames;
    }

    @Override
    public RowCursor rows(int sheetIndex) throws UnreadableFileException {
        Sheet sheet = workbook.getSheetAt(sheetIndex);
        if (sheet.getNumMergedRegions() > MergedCells.MAX_REGIONS) {
            throw Unreadable.tooManyMergedCells(sheet.getSheetName(), MergedCells.MAX_REGIONS);
        }
        List<MergedCells.Region> merges = new ArrayList<>();
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            merges.add(new MergedCells.Region(range.getFirstRow() + 1, range.getLastRow() + 1,
                    range.getFirstColumn(), range.getLastColumn()));
        }
        return MergedCells.over(new Cursor(sheet), merges);
    }

    @Override
    public RowCursor storedRows(int sheetIndex) {
        return new Cursor(workbook.getSheetAt(sheetIndex));
    }

    @Override
    public boolean isHidden(int sheetIndex) {
        return workbook.isSheetHidden(sheetIndex) || workbook.isSheetVeryHidden(sheetIndex);
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            fs.close();
        }
    }

    private static final class Cursor implements RowCursor {
        private final String sheet;
        private final Iterator<Row> rows;
        private int lastRow;

        Cursor(Sheet sheet) {
            this.sheet = sheet.getSheetName();
            this.rows = sheet.rowIterator(); // stored rows only, in row order
        }

        @Override
        public RawRow next() throws UnreadableFileException {
            try {
                if (!rows.hasNext()) {
                    return null;
                }
                Row row = rows.next();
                lastRow = row.getRowNum() + 1;
                List<RawCell> cells = new ArrayList<>();
                Map<Integer, String> formulas = new TreeMap<>();
                Set<Integer> storedEmpty = new HashSet<>();
                for (Cell cell : row) {
                    RawCell raw = read(cell);
                    if (raw != null) {
                        cells.add(raw);
                    } else if (cell.getCellType() == CellType.FORMULA) {
                        // a result stored empty: a program may have written it without calculating it (Excel
                        // would on opening); evaluated from its row, or the row says why not. An IF(…,"",…) may
                        // rightly be empty, and stays so where it cannot be evaluated.
                        formulas.put(cell.getColumnIndex(), formulaText(cell));
                        if (formulaText(cell).contains("\"\"")) {
                            storedEmpty.add(cell.getColumnIndex());
                        }
                    }
                }
                return formulas.isEmpty() ? new RawRow(sheet, lastRow, cells)
                        : RowFormula.withFormulas(sheet, lastRow, cells, formulas, storedEmpty);
            } catch (RuntimeException e) {
                throw Unreadable.corruptSheet(sheet, lastRow + 1, e);
            }
        }

        @Override
        public void close() {
            // the workbook is closed with the source
        }
    }

    private static String formulaText(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException unsupported) {
            return ""; // a formula POI cannot render is not evaluated either
        }
    }

    private static RawCell read(Cell cell) {
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        int column = cell.getColumnIndex();
        return switch (type) {
            case STRING -> text(column, RawCell.Type.TEXT, cell.getStringCellValue());
            case NUMERIC -> number(cell);
            case BOOLEAN -> new RawCell(column, RawCell.Type.BOOLEAN, cell.getBooleanCellValue() ? "TRUE" : "FALSE");
            case ERROR -> new RawCell(column, RawCell.Type.ERROR, CellTexts.errorText(cell.getErrorCellValue()));
            default -> null; // BLANK
        };
    }

    private static RawCell number(Cell cell) {
        int column = cell.getColumnIndex();
        double value = cell.getNumericCellValue();
        if (DateUtil.isCellDateFormatted(cell)) {
            return new RawCell(column, RawCell.Type.DATE, CellTexts.isoDate(cell.getLocalDateTimeCellValue()));
        }
        String plain = CellTexts.plainNumber(value);
        return plain == null ? new RawCell(column, RawCell.Type.TEXT, Double.toString(value))
                : new RawCell(column, RawCell.Type.NUMBER, plain);
    }

    private static RawCell text(int column, RawCell.Type type, String text) {
        return text == null || text.isEmpty() ? null : new RawCell(column, type, text);
    }
}
