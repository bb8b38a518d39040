package cn.js.reduction.report.sheet;

import java.util.regex.Pattern;

/**
 * The one rule (docs/outputs.md) for text that came from a submission and is written into a CSV or a workbook: text
 * that a spreadsheet program would take for a formula is written so that none runs it.
 *
 * <p>A formula starts with = + - or @ (Excel, LibreOffice and WPS alike); a program that trims leading white
 * space on import (tab, carriage return, line feed, spaces) would see the same, so those are looked through.
 * A plain number ({@code -5}, {@code +3.2}, {@code -1,200.50}, {@code -2.5e3}, {@code -12%}) is not a formula
 * whatever its sign: a program reads it as that number and nothing else, so it is written as it is. Anything
 * else after the sign ({@code -2+3+cmd|'/C calc'!A0}) is guarded.
 *
 * <p>How the guard is written depends on the medium: in a CSV the text gets a leading apostrophe (what Excel
 * and LibreOffice themselves show for "text, not a formula", as OWASP advises); in a workbook the cell is a
 * string cell, which is never evaluated, and its style is quote-prefixed so that editing it in Excel keeps it
 * text. The decision, {@link #isFormulaLike(String)}, is the same for both.
 */
public final class FormulaGuard {

    /** A number as a spreadsheet reads it: sign, digits (optionally grouped by thousands), decimals, exponent, %. */
    private static final Pattern PLAIN_NUMBER =
            Pattern.compile("[+-]?(?=[.\\d])(?:\\d{1,3}(?:,\\d{3})+|\\d*)(?:\\.\\d+)?(?:[eE][+-]?\\d+)?%?");

    private FormulaGuard() {
    }

    /** True when a spreadsheet program could run the text as a formula. */
    public static boolean isFormulaLike(String text) {
        if (text == null) {
            return false;
        }
        int i = 0;
        while (i < text.length() && isLeadingSpace(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return false;
        }
        char c = text.charAt(i);
        if (c != '=' && c != '+' && c != '-' && c != '@') {
            return false;
        }
        // a plain number is only inert when nothing precedes it: "\t-5" is not what a number looks like
        return i > 0 || !PLAIN_NUMBER.matcher(text).matches();
    }

    /** The text as a CSV field: a leading apostrophe when it is formula-like, else unchanged; null is blank. */
    public static String csvField(String text) {
        if (text == null) {
            return "";
        }
        return isFormulaLike(text) ? "'" + text : text;
    }

    private static boolean isLeadingSpace(char c) {
        return c == '\t' || c == '\r' || c == '\n' || c == ' ' || c == '\u00A0' || c == '\u3000';
    }
}
