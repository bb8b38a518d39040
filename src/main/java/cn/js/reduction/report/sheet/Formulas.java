package cn.js.reduction.report.sheet;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;

/**
 * The formulas the summary sheets put over the detail lists, written once: COUNTIFS and SUMIFS over every sheet a
 * list was written into (a list longer than a sheet goes on in "…（续2）", and a formula that covered only the first
 * sheet would miss rows), bounded ranges (whole-column references make every recalculation scan a million rows),
 * and text criteria only (a criterion that looks like a number matches numbers and text differently in different
 * programs).
 */
public final class Formulas {

    /** Decimals a quotient is rounded to inside a formula: binary floating point would otherwise put 12.345 at
     * 12.344999…, which a program that rounds the binary value shows as 12.34 where the exact figure shows 12.35. */
    public static final int QUOTIENT_DECIMALS = 10;

    private Formulas() {
    }

    /** A sheet name as a formula names it: always quoted, quotes doubled. */
    public static String sheetRef(String sheetName) {
        return "'" + sheetName.replace("'", "''") + "'";
    }

    /** An absolute range over one column of a list part's data rows: '项目明细'!$B$2:$B$4537. */
    public static String column(TableSheet.Part part, int column) {
        String c = CellReference.convertNumToColString(column);
        return sheetRef(part.sheetName()) + "!$" + c + "$2:$" + c + "$" + Math.max(2, part.lastRow());
    }

    /** A text constant in a formula, quotes doubled. */
    public static String text(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** One criterion of COUNTIFS / SUMIFS: the list's column and the text it must equal. */
    public record Criterion(int column, String equals) {
    }

    /** COUNTIFS over every part of the list, added up. */
    public static String countIfs(List<TableSheet.Part> parts, Criterion... criteria) {
        List<String> terms = new ArrayList<>();
        for (TableSheet.Part part : parts) {
            terms.add("COUNTIFS(" + criteria(part, criteria) + ")");
        }
        return String.join("+", terms);
    }

    /** SUMIFS of a column over every part of the list, added up. */
    public static String sumIfs(List<TableSheet.Part> parts, int sumColumn, Criterion... criteria) {
        List<String> terms = new ArrayList<>();
        for (TableSheet.Part part : parts) {
            terms.add("SUMIFS(" + column(part, sumColumn) + "," + criteria(part, criteria) + ")");
        }
        return String.join("+", terms);
    }

    private static String criteria(TableSheet.Part part, Criterion... criteria) {
        List<String> args = new ArrayList<>();
        for (Criterion c : criteria) {
            if (c.equals().matches(".*[*?~].*")) {
                throw new IllegalArgumentException("通配符不能作为条件 (a criterion with a wildcard): " + c.equals());
            }
            args.add(column(part, c.column()));
            args.add(text(c.equals()));
        }
        return String.join(",", args);
    }

    /** round(x, QUOTIENT_DECIMALS) as a formula. */
    public static String rounded(String expression) {
        return "ROUND(" + expression + "," + QUOTIENT_DECIMALS + ")";
    }
}
