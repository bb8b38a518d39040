package cn.js.reduction.core;

import java.math.BigDecimal;

/**
 * The limits of what a submission may hold, checked by the readers and the row rules before anything reaches
 * the database (README, "Limits of the input"). Excel's own limits bound a real workbook; the others are
 * generous bounds on what a real figure or text can be, so that a hostile or broken file gives a finding on
 * its row or on the file, never a failed step, a full heap or a hang.
 */
public final class InputLimits {

    /** Excel holds at most this many characters in a cell. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** Excel's last column is XFD: 16,384 columns. */
    public static final int MAX_COLUMNS = 16_384;
    /** Excel's last row. */
    public static final int MAX_ROWS = 1_048_576;
    /**
     * One CSV record (a line, or several lines inside quotes) of more characters than this is not a row of
     * a submission: a real one is a few hundred characters.
     */
    public static final int MAX_CSV_RECORD_CHARS = 1 << 20;
    /**
     * The text of one row of a sheet, all cells together: a row is held whole while it is read, and 16,384
     * cells of 32,767 characters would be a gigabyte. A real row is a few hundred characters.
     */
    public static final int MAX_ROW_CHARS = MAX_CSV_RECORD_CHARS;
    /** A sheet name longer than this (Excel allows 31) is not a real workbook's. */
    public static final int MAX_SHEET_NAME_CHARS = 255;

    /** A number typed in a cell is never longer than this ("1,234,567,890.123456 万元" is 25). */
    public static final int MAX_NUMBER_CHARS = 100;
    /** A date typed in a cell is never longer than this ("2020年06月30日 00:00:00.000" is 24). */
    public static final int MAX_DATE_CHARS = 40;

    /**
     * No tonnage or investment (万元) of a real project or city comes near this: 10 billion tonnes is more than
     * the world emits, 10 billion 万元 is a hundred trillion yuan. Summed over a million rows it still fits the
     * database's NUMERIC(24, 6) with room to spare.
     */
    public static final BigDecimal MAX_FIGURE = new BigDecimal("10000000000");
    /** Decimals the database stores (NUMERIC(24, 6)): a gram per year, finer than any measurement. */
    public static final int STORED_DECIMALS = 6;

    /** How much of an offending value a message quotes. */
    public static final int MESSAGE_VALUE_CHARS = 100;
    /** How much of an offending value findings.csv keeps (the column holds 4,000). */
    public static final int FINDING_VALUE_CHARS = 1000;
    /** The message column holds 4,000 characters. */
    public static final int FINDING_MESSAGE_CHARS = 4000;

    private InputLimits() {
    }

    /**
     * The text cut to at most {@code max} characters for display, marked so that nobody takes the cut for the
     * whole: "abc…（共 40,000 字符）". Never splits a surrogate pair.
     */
    public static String forDisplay(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        String mark = String.format("…（共 %,d 字符）", text.length());
        int keep = Math.max(0, max - mark.length());
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + mark;
    }

    /**
     * The text as a database can store it: PostgreSQL refuses the NUL character and a lone surrogate cannot be
     * encoded, so both become U+FFFD (the replacement character), keeping the length. Null stays null.
     */
    public static String storable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
                if (!bad) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else {
                bad = c == '\u0000' || Character.isLowSurrogate(c);
            }
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The invisible marks that reorder text on a terminal (Trojan Source): they can make a name read as another. */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    /**
     * A name (a file's, a sheet's) as it may be written into a log line or a one-line message: control
     * characters (a line break would forge a log line) and the marks that reorder text shown as \n, \r, \t or
     * \\uXXXX.
     */
    public static String printable(String name) {
        if (name == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u0085'
                            || isBidiControl(c)) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
