package cn.js.reduction.discover;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.FormulaError;

/** The text forms {@link RawCell} promises, shared by the xlsx and xls readers so both read alike. */
final class CellTexts {

    /**
     * Beyond this many digits either side of the point, a plain form would be absurdly long (a hostile
     * "1E999999999" would take gigabytes): such a value is kept as text and fails number validation.
     */
    private static final int MAX_PLAIN_SCALE = 400;

    private CellTexts() {
    }

    /** Plain decimal form, no exponent, no trailing zeros: 1.50E+3 → "1500", "2.500" → "2.5", -0 → "0". */
    static String plainNumber(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        return stripped.toPlainString();
    }

    /**
     * Excel shows, and calculates with, 15 significant digits of a stored double: 8.279999999999999 (what a
     * program computing 8.28 stores) is 8.28 to the clerk, so it is 8.28 here, before any rule (NUMBER_ROUNDED
     * would otherwise warn about digits nobody typed).
     */
    static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    /**
     * The plain form of a number stored as a number in a workbook (xlsx &lt;v&gt;), at Excel's 15 significant
     * digits, or null when it is not a number or absurd.
     */
    static String plainNumberOrNull(String stored) {
        BigDecimal value;
        try {
            value = new BigDecimal(stored.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.abs((long) value.stripTrailingZeros().scale()) > MAX_PLAIN_SCALE) {
            return null;
        }
        BigDecimal stripped = value.round(EXCEL_DIGITS).stripTrailingZeros();
        if (Math.abs((long) stripped.scale()) > MAX_PLAIN_SCALE) {
            return null;
        }
        return plainNumber(stripped);
    }

    /**
     * The plain form of a stored double: {@link BigDecimal#valueOf(double)} takes the shortest decimal that
     * round-trips, then Excel's 15 significant digits ({@link #EXCEL_DIGITS}): what the person typed and sees
     * (1234.5, not 1234.5000000000002; 8.28, not 8.279999999999999); null for NaN/infinity.
     */
    static String plainNumber(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return plainNumber(BigDecimal.valueOf(value).round(EXCEL_DIGITS));
    }

    static String isoDate(LocalDateTime dateTime) {
        return dateTime.toLocalDate().toString();
    }

    static String errorText(int code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException unknownCode) {
            return "#N/A";
        }
    }
}
