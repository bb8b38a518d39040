package cn.js.reduction.report.data;

import org.apache.poi.ss.util.CellReference;

/**
 * The columns the rows of one input sheet were read from: the first and last (0-based) of its header. A detail
 * row's lineage names its cells with them, e.g. A5:P5, in the letters the clerk's own program shows (for a CSV,
 * the letters its fields get when opened in a spreadsheet).
 */
public record ReadColumns(int first, int last) {

    /** The row's cells, A5:P5; the whole row (5:5) when the columns are not known. */
    public static String range(ReadColumns columns, int row) {
        if (columns == null) {
            return row + ":" + row;
        }
        return CellReference.convertNumToColString(columns.first()) + row + ":"
                + CellReference.convertNumToColString(columns.last()) + row;
    }
}
