package cn.js.reduction.intake;

import java.util.List;

/**
 * One physical row of a sheet, as read.
 *
 * @param sheet     the sheet name as Excel shows it (for CSV: the file name without its extension)
 * @param rowNumber 1-based row number as Excel shows it
 * @param cells     the non-blank cells, in column order
 */
public record RawRow(String sheet, int rowNumber, List<RawCell> cells) {

    public RawRow {
        cells = List.copyOf(cells);
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

    /** True when no cell holds anything but white space. */
    public boolean isBlank() {
        for (RawCell c : cells) {
            if (!c.text().isBlank()) {
                return false;
            }
        }
        return true;
    }
}
