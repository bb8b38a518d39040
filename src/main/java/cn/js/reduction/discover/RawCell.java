package cn.js.reduction.discover;

/**
 * One non-blank cell as the file stores it, before any interpretation.
 *
 * @param column 0-based column index (A = 0)
 * @param type   what the file says the cell is
 * @param text   TEXT: the string as typed; NUMBER: the plain decimal form of the stored value (no exponent,
 *               no grouping, e.g. "1234.5"); DATE: ISO date yyyy-MM-dd of a numeric cell with a date format;
 *               BOOLEAN: TRUE/FALSE; ERROR: the error text such as #DIV/0!. For formulas, the cached value's
 *               form.
 */
public record RawCell(int column, Type type, String text) {

    public enum Type {
        TEXT, NUMBER, DATE, BOOLEAN, ERROR
    }

    /** Column letters as Excel shows them: 0 → A, 26 → AA. */
    public static String columnName(int column) {
        StringBuilder s = new StringBuilder();
        int c = column + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            s.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return s.toString();
    }

    /** A1 reference of this cell in the given 1-based row. */
    public String reference(int rowNumber) {
        return columnName(column) + rowNumber;
    }
}
