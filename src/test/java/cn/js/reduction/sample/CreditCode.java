package cn.js.reduction.sample;

import java.util.Random;

/**
 * 统一社会信用代码 (GB 32100-2015) for the sample: registration authority and kind (2), division code (6),
 * organisation code (9, GB 11714 with its own check character) and the check character. Real codes carry
 * both checks, so the sample does too; the pipeline only verifies the last one.
 */
final class CreditCode {

    /** GB 32100 character set: digits and capitals without I, O, S, V, Z. */
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** 91: an enterprise registered with market regulation; 11: a government organ; 12: a public institution. */
    static final String ENTERPRISE = "91";
    static final String GOVERNMENT = "11";
    static final String INSTITUTION = "12";

    private CreditCode() {
    }

    static String generate(String kind, String divisionCode, Random rng) {
        StringBuilder body = new StringBuilder(8);
        if (rng.nextInt(10) < 4) {
            // codes issued since 2015 start their organisation part with MA
            body.append("MA").append(rng.nextInt(4) + 1);
            while (body.length() < 8) {
                body.append(CHARSET.charAt(rng.nextInt(CHARSET.length())));
            }
        } else {
            body.append(rng.nextInt(9) + 1);
            while (body.length() < 8) {
                body.append(rng.nextInt(10));
            }
        }
        String first17 = kind + divisionCode + body + organisationCheck(body);
        return first17 + check(first17);
    }

    /** The 18th character of GB 32100 over the first 17: 31 − (Σ value × weight mod 31), 31 → 0. */
    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a GB 32100 character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return check(code.substring(0, 17)) == code.charAt(17);
    }

    /** The same code with a wrong check character, as a clerk's typo would make it. */
    static String withWrongCheck(String code) {
        char right = code.charAt(17);
        char wrong = CHARSET.charAt((CHARSET.indexOf(right) + 7) % CHARSET.length());
        return code.substring(0, 17) + wrong;
    }

    /** GB 11714 organisation-code check: 11 − (Σ value × weight mod 11); 10 → X, 11 → 0. */
    private static char organisationCheck(CharSequence body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body8.charAt(i);
            int value = Character.isDigit(ch) ? ch - '0' : ch - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }
}
