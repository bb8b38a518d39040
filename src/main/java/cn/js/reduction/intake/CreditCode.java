package cn.js.reduction.intake;

import cn.js.reduction.reference.Text;
import java.util.Locale;

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from 0-9 and the capitals without I, O, S, V and Z; the last
 * is a check character over the first 17, weighted 3^i mod 31.
 */
public final class CreditCode {

    /** The code's alphabet; a character's position is its value in the check sum. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /**
     * True when the code is well formed and its check character is right. White space, full-width forms and
     * lower case are forgiven, since clerks copy codes out of documents.
     */
    public static boolean isValid(String code) {
        if (code == null) {
            return false;
        }
        String c = Text.normalise(code).toUpperCase(Locale.ROOT);
        if (c.length() != 18) {
            return false;
        }
        Character expected = checkCharacter(c.substring(0, 17));
        return expected != null && expected == c.charAt(17);
    }

    /** The check character for the first 17 characters of a code, or null when one is outside the alphabet. */
    static Character checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                return null;
            }
            sum += value * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }
}
