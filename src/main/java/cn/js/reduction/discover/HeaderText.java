package cn.js.reduction.discover;

import cn.js.reduction.reference.Text;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A header cell's text as the matchers compare it ({@link #key}), split from {@link HeaderLocator}. The one
 * normalisation of {@link Text} first, then what only headers need: a pollutant's formula beside its name
 * dropped, required-column marks dropped, and the parts of a header printed in two languages or on two lines.
 */
public final class HeaderText {

    // a trailing bracketed unit or note: （吨/年） (万元) [吨] 【万元】; Text.normalise has folded （） to ()
    private static final Pattern TRAILING_BRACKET = Pattern.compile("[(\\[【][^()\\[\\]【】]*[)\\]】]$");
    // marks templates put on required columns, and a trailing colon
    // a pollutant named with its formula in brackets, or the other way round, as reports write it: 二氧化硫（SO2）
    // 减排量 is 二氧化硫减排量. Only the pairs that name one pollutant: 二氧化硫（NOx） stays what it is.
    private static final Pattern POLLUTANT_WITH_FORMULA = Pattern.compile(
            "(二氧化硫)[(\\[【]SO2[)\\]】]|(氮氧化物)[(\\[【]NOX[)\\]】]|(挥发性有机物)[(\\[【]VOCS?[)\\]】]"
                    + "|(SO2)[(\\[【]二氧化硫[)\\]】]|(NOX)[(\\[【]氮氧化物[)\\]】]|(VOCS?)[(\\[【]挥发性有机物[)\\]】]"
                    + "|(颗粒物)[(\\[【](?:PM|PM10|PM2\\.5|TSP)[)\\]】]");
    private static final Pattern MARKS = Pattern.compile("^[*※★]+|[*※★:]+$");

    // where a header printed in two languages or on two lines splits: a slash, a bar, a line break, or a space
    // between Chinese and Latin text (设区市 City, 项目编号 / Project ID, 减排量⏎（吨）)
    private static final Pattern PARTS = Pattern.compile("\\s*[/|｜／\\r\\n]+\\s*"
            + "|(?<=[\\p{IsHan}）)])[\\s\\u3000]+(?=[A-Za-z])|(?<=[A-Za-z)])[\\s\\u3000]+(?=[\\p{IsHan}])");

    private HeaderText() {
    }

    /**
     * The keys a header cell may name its column by, best first: the whole text, then each part of a text printed
     * in two languages or on two lines (设区市 City is 设区市 or CITY). A part of one or two Latin letters, or a
     * bracket alone (a unit on its own line), names nothing by itself and is left out.
     */
    public static List<String> names(String text) {
        return names(text, key(text));
    }

    /** {@link #names(String)} of a text whose {@link #key} is known already (null or empty: it names nothing). */
    static List<String> names(String text, String whole) {
        if (whole == null || whole.isEmpty()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        out.add(whole);
        if (text.length() <= 200) {
            for (String part : PARTS.split(text.strip())) {
                String k = key(part);
                if (k.length() > 1 && !k.startsWith("(")) {
                    out.add(k);
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * A header text reduced to what identifies it: white space and full-width forms folded (reference.Text), upper
     * case, subscript ₂ as 2, a pollutant's formula beside its name dropped (二氧化硫（SO2） as 二氧化硫), and
     * required-column marks (*) dropped. Units in brackets are kept here; see
     * {@link #stripUnit}.
     */
    public static String key(String text) {
        String k = Text.key(text);
        k = POLLUTANT_WITH_FORMULA.matcher(k).replaceAll(m -> {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    return m.group(g);
                }
            }
            return m.group();
        });
        return MARKS.matcher(k).replaceAll("");
    }

    /**
     * True when two header keys name the same column: equal, or equal once their units are dropped. Dropping a
     * unit keeps at least a key's first character, so keys that start differently (a data row's cells against
     * the header, the case of nearly every row) are told apart without the regular expressions.
     */
    static boolean readsAs(String headerKey, String key) {
        if (headerKey.equals(key)) {
            return true;
        }
        return !headerKey.isEmpty() && !key.isEmpty() && headerKey.charAt(0) == key.charAt(0)
                && stripUnit(headerKey).equals(stripUnit(key));
    }

    /**
     * The key without trailing units: bracketed (减排量(吨/年) → 减排量) or a known unit written bare
     * (排放量/万吨 → 排放量); never down to nothing. Read from the end of the key and no further back than the last
     * bracket or a bare unit's few characters, so that a cell of 40,000 characters costs no more than a short one:
     * every cell of the first rows is tried as a header, once per candidate row and kind, and a regular
     * expression anchored at the end ({@code ...$}) would try each of the text's positions in turn.
     */
    static String stripUnit(String key) {
        int end = key.length();
        while (end > 0) {
            if (isLineTerminator(key.charAt(end - 1))) {
                return stripUnitByPattern(key.substring(0, end)); // `$` may match before it: the patterns decide
            }
            int open = trailingBracket(key, end);
            int cut;
            if (open >= 0) {
                if (Unit.isQualifier(key.substring(open, end))) {
                    break; // 减排量(目标): the qualifier is part of the name
                }
                cut = open;
            } else {
                java.util.regex.Matcher bare = Unit.BARE_SUFFIX.matcher(key).region(Math.max(0, end - BARE_SUFFIX_MAX), end);
                cut = bare.find() ? bare.start() : end;
            }
            if (cut == end || cut == 0) {
                break;
            }
            end = cut;
        }
        return key.substring(0, end);
    }

    /** Longer than any match of {@link Unit#BARE_SUFFIX} ("/万吨/年" is 5 characters). */
    private static final int BARE_SUFFIX_MAX = 8;

    /**
     * Where the bracket that ends {@code key[0, end)} opens, or -1: its last character closes a bracket, and the last
     * bracket character before it opens one ({@code [(\[【][^()\[\]【】]*[)\]】]$}).
     */
    private static int trailingBracket(String key, int end) {
        if (")]】".indexOf(key.charAt(end - 1)) < 0) {
            return -1;
        }
        for (int i = end - 2; i >= 0; i--) {
            char c = key.charAt(i);
            if ("()[]【】".indexOf(c) >= 0) {
                return "([【".indexOf(c) >= 0 ? i : -1;
            }
        }
        return -1;
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** {@link #stripUnit} by the two patterns themselves: the definition, used for a key ending in a line break. */
    static String stripUnitByPattern(String key) {
        String k = key;
        while (true) {
            java.util.regex.Matcher bracket = TRAILING_BRACKET.matcher(k);
            if (bracket.find() && Unit.isQualifier(bracket.group())) {
                return k;
            }
            String shorter = TRAILING_BRACKET.matcher(k).replaceFirst("");
            if (shorter.equals(k)) {
                shorter = Unit.BARE_SUFFIX.matcher(k).replaceFirst("");
            }
            if (shorter.equals(k) || shorter.isEmpty()) {
                return k;
            }
            k = shorter;
        }
    }
}
