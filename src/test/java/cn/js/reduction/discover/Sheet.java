package cn.js.reduction.discover;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds RawRows the way a sheet looks: one value per column from A, null for a blank cell. A String is a text
 * cell, a Number a numeric cell, a LocalDate a date cell, {@link #error} a formula error.
 */
public final class Sheet {

    public static final String NAME = "Sheet1";

    private Sheet() {
    }

    public record Error(String text) {
    }

    public static Error error(String text) {
        return new Error(text);
    }

    public static RawRow row(int rowNumber, Object... values) {
        return new RawRow(NAME, rowNumber, cells(values));
    }

    /** The same row with the cell in the column (A, B, …) replaced; null blanks it. */
    public static RawRow with(RawRow row, String column, Object value) {
        int index = columnIndex(column);
        List<RawCell> cells = new ArrayList<>();
        for (RawCell c : row.cells()) {
            if (c.column() != index) {
                cells.add(c);
            }
        }
        RawCell replacement = cell(index, value);
        if (replacement != null) {
            cells.add(replacement);
        }
        cells.sort((a, b) -> Integer.compare(a.column(), b.column()));
        return new RawRow(row.sheet(), row.rowNumber(), cells);
    }

    public static RawCell cell(int column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Error e) {
            return new RawCell(column, RawCell.Type.ERROR, e.text());
        }
        if (value instanceof LocalDate d) {
            return new RawCell(column, RawCell.Type.DATE, d.toString());
        }
        if (value instanceof BigDecimal n) {
            return new RawCell(column, RawCell.Type.NUMBER, n.toPlainString());
        }
        if (value instanceof Number n) {
            return new RawCell(column, RawCell.Type.NUMBER, new BigDecimal(n.toString()).toPlainString());
        }
        if (value instanceof Boolean b) {
            return new RawCell(column, RawCell.Type.BOOLEAN, b ? "TRUE" : "FALSE");
        }
        return new RawCell(column, RawCell.Type.TEXT, value.toString());
    }

    public static int columnIndex(String column) {
        int index = 0;
        for (char c : column.toCharArray()) {
            index = index * 26 + (c - 'A' + 1);
        }
        return index - 1;
    }

    private static List<RawCell> cells(Object[] values) {
        List<RawCell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            RawCell c = cell(i, values[i]);
            if (c != null) {
                cells.add(c);
            }
        }
        return cells;
    }
}
