package cn.js.reduction.discover;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One physical row of a sheet, as read.
 *
 * @param sheet         the sheet name as Excel shows it (for CSV: the file name without its extension)
 * @param rowNumber     1-based row number as Excel shows it
 * @param cells         the non-blank cells, in column order, including those a merged cell covers
 * @param mergedColumns the 0-based columns whose value comes from a merged cell that starts elsewhere (the
 *                      top-left cell of a merge above or to the left): a person sees the value there, but the
 *                      row did not type it, so a row made only of such cells is blank
 * @param formulas      the 0-based columns holding a formula the file stored without its value (a workbook
 *                      written by a program, not by Excel), each with the formula as written (without =): where
 *                      the formula could be evaluated from its own row, {@link #cells} holds the value computed
 *                      (FORMULA_EVALUATED), else the column has no cell (FORMULA_NOT_CALCULATED); never 0, never
 *                      blank without a word
 */
public record RawRow(String sheet, int rowNumber, List<RawCell> cells, Set<Integer> mergedColumns,
                     Map<Integer, String> formulas) {

    public RawRow {
        cells = List.copyOf(cells);
        mergedColumns = Set.copyOf(mergedColumns);
        formulas = formulas.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(formulas));
    }

    public RawRow(String sheet, int rowNumber, List<RawCell> cells, Set<Integer> mergedColumns) {
        this(sheet, rowNumber, cells, mergedColumns, Map.of());
    }

    /** The formula stored without a value in the 0-based column, or null when the column holds none. */
    public String formula(int column) {
        return formulas.get(column);
    }

    public RawRow(String sheet, int rowNumber, List<RawCell> cells) {
        this(sheet, rowNumber, cells, Set.of(), Map.of());
    }

    /** The cell in the 0-based column, or null when blank. */
    public RawCell cell(int column) {
        for (RawCell c : cells) {
            if (c.column() == column) {
                return c;
            }
            if (c.column() > column) {
                break;
            }
        }
        return null;
    }

    /** The cell's text, or null when blank. */
    public String text(int column) {
        RawCell c = cell(column);
        return c == null ? null : c.text();
    }

    /** True when the cell's value is the top-left value of a merged cell that starts in another cell. */
    public boolean isMergedFromElsewhere(int column) {
        return mergedColumns.contains(column);
    }

    /**
     * True when no cell of the row's own holds anything but white space: values that merged cells carry down
     * or across into it do not count.
     */
    public boolean isBlank() {
        for (RawCell c : cells) {
            if (!c.text().isBlank() && !mergedColumns.contains(c.column())) {
                return false;
            }
        }
        return formulas.isEmpty(); // a formula without its value is not nothing
    }
}
