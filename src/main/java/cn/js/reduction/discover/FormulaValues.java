package cn.js.reduction.discover;

import cn.js.reduction.discover.FormulaParser.NotEvaluable;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a formula of {@link RowFormula} gives, and how Excel converts one kind into another: in arithmetic a number
 * typed as text is that number and TRUE is 1; in a condition a number is true unless 0; text is compared without
 * regard to case, numbers before text before FALSE and TRUE, a blank as 0 or "" as the other side is.
 */
final class FormulaValues {

    private FormulaValues() {
    }

    /** What a formula gives: a number, a text (perhaps empty: a cell that shows nothing) or TRUE/FALSE. */
    sealed interface Value permits Number, Text, Logical, Blank {
    }

    record Number(BigDecimal value) implements Value {
    }

    record Text(String value) implements Value {
    }

    record Logical(boolean value) implements Value {
    }

    /** A blank cell referred to: 0 or "" as the use makes it. */
    enum Blank implements Value { BLANK }

    /** A value in arithmetic: a number typed as text is that number; other text is #VALUE!. */
    static BigDecimal number(Value v) {
        if (v instanceof Number n) {
            return n.value();
        }
        if (v instanceof Logical l) {
            return l.value() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof Text t) {
            String plain = CellTexts.plainNumberOrNull(t.value().strip());
            if (plain == null) {
                throw new NotEvaluable();
            }
            return new BigDecimal(plain);
        }
        return BigDecimal.ZERO; // blank
    }

    static String text(Value v) {
        if (v instanceof Number n) {
            return CellTexts.plainNumber(n.value().round(CellTexts.EXCEL_DIGITS));
        }
        if (v instanceof Logical l) {
            return l.value() ? "TRUE" : "FALSE";
        }
        return v instanceof Text t ? t.value() : "";
    }

    /** A condition: a number is true unless 0; text is #VALUE! in Excel. */
    static boolean logical(Value v) {
        if (v instanceof Logical l) {
            return l.value();
        }
        if (v instanceof Number n) {
            return n.value().signum() != 0;
        }
        if (v instanceof Text) {
            throw new NotEvaluable();
        }
        return false; // blank
    }

    /** Excel's order: numbers, then text (without regard to case), then FALSE, TRUE; blank as the other side. */
    static int compare(Value left, Value right) {
        if (left == Blank.BLANK) {
            left = blankAs(right);
        }
        if (right == Blank.BLANK) {
            right = blankAs(left);
        }
        int rank = Integer.compare(rank(left), rank(right));
        if (rank != 0) {
            return rank;
        }
        if (left instanceof Number n) {
            return n.value().compareTo(number(right));
        }
        if (left instanceof Text t) {
            return t.value().toLowerCase(Locale.ROOT).compareTo(((Text) right).value().toLowerCase(Locale.ROOT));
        }
        if (left instanceof Logical l) {
            return Boolean.compare(l.value(), ((Logical) right).value());
        }
        return 0;
    }

    static Value blankAs(Value other) {
        if (other instanceof Text) {
            return new Text("");
        }
        return other instanceof Logical ? new Logical(false) : new Number(BigDecimal.ZERO);
    }

    static int rank(Value v) {
        return v instanceof Text ? 1 : v instanceof Logical ? 2 : 0;
    }
}
