package cn.js.reduction.report;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.EvaluationCell;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationSheet;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.WorkbookEvaluator;
import org.apache.poi.ss.formula.eval.BoolEval;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.eval.NumberEval;
import org.apache.poi.ss.formula.eval.StringEval;
import org.apache.poi.ss.formula.eval.ValueEval;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.udf.UDFFinder;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFEvaluationWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code XSSFFormulaEvaluator.evaluateAllFormulaCells(wb)} does, by POI's own {@link WorkbookEvaluator} (the same
 * functions, references and evaluation order), over a view of the workbook that reads each cell that is not a
 * formula once. The summary sheets' thousands of COUNTIFS and SUMIFS each walk the detail sheets' columns, and POI
 * reads a cell of an .xlsx through its XML beans on every visit: two thirds of the evaluation went to reading the same
 * constant cells again (JFR of RecalculatedWorkbooksTest). A formula cell is never memoised: the evaluator computes it
 * from its formula, and its cached value (removed beforehand by {@link RecalculatedFigures#removeCachedValues}) is
 * what this writes back, as evaluateAllFormulaCells does.
 */
final class PoiRecalculation {

    private PoiRecalculation() {
    }

    /**
     * Evaluates every formula cell of the workbook and caches its result in the cell.
     *
     * @return how many formula cells were evaluated
     */
    static int evaluateAllFormulaCells(XSSFWorkbook wb) {
        assertThat(wb.getExternalLinksTable()).as("no links to other workbooks (the view does not resolve them)").isEmpty();
        Book book = new Book(XSSFEvaluationWorkbook.create(wb));
        WorkbookEvaluator evaluator = new WorkbookEvaluator(book, null, null);
        int evaluated = 0;
        for (int s = 0; s < wb.getNumberOfSheets(); s++) {
            Sheet sheet = wb.getSheetAt(s);
            EvaluationSheet view = book.getSheet(s);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.FORMULA) {
                        continue;
                    }
                    ValueEval value = evaluator.evaluate(view.getCell(cell.getRowIndex(), cell.getColumnIndex()));
                    // as BaseXSSFFormulaEvaluator.evaluateFormulaCellValue and BaseFormulaEvaluator.setCellValue
                    if (value instanceof NumberEval n) {
                        cell.setCellValue(n.getNumberValue());
                    } else if (value instanceof BoolEval b) {
                        cell.setCellValue(b.getBooleanValue());
                    } else if (value instanceof StringEval t) {
                        cell.setCellValue(t.getStringValue());
                    } else if (value instanceof ErrorEval e) {
                        cell.setCellErrorValue((byte) e.getErrorCode());
                    } else {
                        throw new IllegalStateException("Unexpected eval class (" + value.getClass().getName() + ") at "
                                + sheet.getSheetName() + "!" + cell.getAddress());
                    }
                    evaluated++;
                }
            }
        }
        return evaluated;
    }

    /** POI's evaluation workbook of the .xlsx, its sheets seen through {@link View}. */
    private static final class Book implements EvaluationWorkbook {
        private final XSSFEvaluationWorkbook poi;
        private final Map<Integer, View> sheets = new HashMap<>();

        Book(XSSFEvaluationWorkbook poi) {
            this.poi = poi;
        }

        @Override
        public String getSheetName(int sheetIndex) {
            return poi.getSheetName(sheetIndex);
        }

        @Override
        public int getSheetIndex(EvaluationSheet sheet) {
            return poi.getSheetIndex(((View) sheet).poi);
        }

        @Override
        public int getSheetIndex(String sheetName) {
            return poi.getSheetIndex(sheetName);
        }

        @Override
        public EvaluationSheet getSheet(int sheetIndex) {
            return sheets.computeIfAbsent(sheetIndex, i -> new View(poi.getSheet(i)));
        }

        @Override
        public ExternalSheet getExternalSheet(int externSheetIndex) {
            return poi.getExternalSheet(externSheetIndex);
        }

        @Override
        public ExternalSheet getExternalSheet(String firstSheetName, String lastSheetName, int externalWorkbookNumber) {
            return poi.getExternalSheet(firstSheetName, lastSheetName, externalWorkbookNumber);
        }

        @Override
        public int convertFromExternSheetIndex(int externSheetIndex) {
            return poi.convertFromExternSheetIndex(externSheetIndex);
        }

        @Override
        public ExternalName getExternalName(int externSheetIndex, int externNameIndex) {
            return poi.getExternalName(externSheetIndex, externNameIndex);
        }

        @Override
        public ExternalName getExternalName(String nameName, String sheetName, int externalWorkbookNumber) {
            return poi.getExternalName(nameName, sheetName, externalWorkbookNumber);
        }

        @Override
        public EvaluationName getName(NamePtg namePtg) {
            return poi.getName(namePtg);
        }

        @Override
        public EvaluationName getName(String name, int sheetIndex) {
            return poi.getName(name, sheetIndex);
        }

        @Override
        public String resolveNameXText(NameXPtg ptg) {
            return poi.resolveNameXText(ptg);
        }

        @Override
        public Ptg[] getFormulaTokens(EvaluationCell cell) {
            return poi.getFormulaTokens(((Memo) cell).poi);
        }

        @Override
        public UDFFinder getUDFFinder() {
            return poi.getUDFFinder();
        }

        @Override
        public SpreadsheetVersion getSpreadsheetVersion() {
            return poi.getSpreadsheetVersion();
        }

        @Override
        public void clearAllCachedResultValues() {
            poi.clearAllCachedResultValues();
            sheets.clear();
        }
    }

    /** A sheet whose cells are {@link Memo}s of POI's, one per cell. */
    private static final class View implements EvaluationSheet {
        private final EvaluationSheet poi;
        private final Map<EvaluationCell, Memo> cells = new IdentityHashMap<>();

        View(EvaluationSheet poi) {
            this.poi = poi;
        }

        @Override
        public EvaluationCell getCell(int rowIndex, int columnIndex) {
            EvaluationCell cell = poi.getCell(rowIndex, columnIndex);
            return cell == null ? null : cells.computeIfAbsent(cell, c -> new Memo(c, this));
        }

        @Override
        public void clearAllCachedResultValues() {
            poi.clearAllCachedResultValues();
            cells.clear();
        }

        @Override
        public int getLastRowNum() {
            return poi.getLastRowNum();
        }

        @Override
        public boolean isRowHidden(int rowIndex) {
            return poi.isRowHidden(rowIndex);
        }
    }

    /**
     * A cell that remembers its type and, when it is not a formula, its value as first read: evaluating never changes
     * such a cell. A formula cell answers everything from POI's cell, as its cached result changes as it is evaluated.
     */
    private static final class Memo implements EvaluationCell {
        private final EvaluationCell poi;
        private final View sheet;
        private final CellType type;
        private final boolean constant;
        private Object value;

        Memo(EvaluationCell poi, View sheet) {
            this.poi = poi;
            this.sheet = sheet;
            this.type = poi.getCellType();
            this.constant = type != CellType.FORMULA;
        }

        @Override
        public Object getIdentityKey() {
            return poi.getIdentityKey();
        }

        @Override
        public EvaluationSheet getSheet() {
            return sheet;
        }

        @Override
        public int getRowIndex() {
            return poi.getRowIndex();
        }

        @Override
        public int getColumnIndex() {
            return poi.getColumnIndex();
        }

        @Override
        public CellType getCellType() {
            return type;
        }

        @Override
        public double getNumericCellValue() {
            return read(poi::getNumericCellValue);
        }

        @Override
        public String getStringCellValue() {
            return read(poi::getStringCellValue);
        }

        @Override
        public boolean getBooleanCellValue() {
            return read(poi::getBooleanCellValue);
        }

        @Override
        public int getErrorCellValue() {
            return read(poi::getErrorCellValue);
        }

        /** A formula cell's value as POI has it now; a constant cell's as first read. */
        @SuppressWarnings("unchecked")
        private <T> T read(java.util.function.Supplier<T> fromPoi) {
            if (!constant) {
                return fromPoi.get();
            }
            if (value == null) {
                value = fromPoi.get();
            }
            return (T) value;
        }

        @Override
        public CellRangeAddress getArrayFormulaRange() {
            return poi.getArrayFormulaRange();
        }

        @Override
        public boolean isPartOfArrayFormulaGroup() {
            return poi.isPartOfArrayFormulaGroup();
        }

        @Override
        public CellType getCachedFormulaResultType() {
            return poi.getCachedFormulaResultType();
        }
    }
}
