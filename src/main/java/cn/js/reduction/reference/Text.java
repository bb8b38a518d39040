package cn.js.reduction.reference;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one normalisation every matcher compares text after (headers, cities, categories, statuses, pollutants,
 * units): text is compared as a person reads it (docs/input-format.md). Unicode NFKC (NOₓ is NOx, SO₂ is SO2,
 * full-width letters, digits and brackets are half-width), traditional characters as simplified (縣 is 县), every
 * kind of space, zero-width character and line break removed, and brackets of any shape (【】〔〕［］) as ( ).
 * Case is kept by {@link #normalise}; {@link #key} also folds it.
 *
 * <p>ICU does NFKC and the Traditional-Simplified transliteration rather than hand-written tables (BENCHMARKS.md
 * has the cost per cell). The transliterator is the slow part, so it runs only on text with a CJK character, and
 * its results are remembered: the texts matched (headers, city and category names) repeat row after row.
 */
public final class Text {

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    /** Transliterators are not thread-safe to share while transliterating; one per thread. */
    private static final ThreadLocal<Transliterator> SIMPLIFIED =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    /** Texts with CJK characters already made simplified; bounded, cleared when full (names repeat, ids do not). */
    private static final ConcurrentHashMap<String, String> SIMPLIFIED_CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_LIMIT = 50_000;
    /** Longer texts are not looked up by any matcher (names, labels are short): no need to transliterate them. */
    private static final int TRANSLITERATE_MAX = 200;

    private Text() {
    }

    /**
     * NFKC, traditional as simplified, white space, zero-width characters and line breaks removed, brackets of any
     * shape as ( ). Case is kept.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = isPlainAscii(text) ? text : NFKC.normalize(text);
        StringBuilder out = new StringBuilder(s.length());
        boolean cjk = false;
        for (int i = 0; i < s.length(); i++) {
            char c = bracket(halfWidth(s.charAt(i)));
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || isInvisible(c)) {
                continue;
            }
            cjk |= c >= '\u2E80';
            out.append(c);
        }
        String result = out.toString();
        return cjk ? simplified(result) : result;
    }

    /** {@link #normalise} with case folded (upper case): the form matchers compare. */
    public static String key(String text) {
        return normalise(text).toUpperCase(Locale.ROOT);
    }

    /** Traditional characters as simplified; unchanged for text with none. */
    public static String simplified(String text) {
        if (text.length() > TRANSLITERATE_MAX || !Traditional.any(text)) {
            return text; // nearly every cell: simplified already, told by a table lookup per character
        }
        String known = SIMPLIFIED_CACHE.get(text);
        if (known != null) {
            return known;
        }
        String s = SIMPLIFIED.get().transliterate(text);
        if (SIMPLIFIED_CACHE.size() >= CACHE_LIMIT) {
            SIMPLIFIED_CACHE.clear();
        }
        SIMPLIFIED_CACHE.put(text, s);
        return s;
    }

    /**
     * The characters the transliterator changes, as a table shipped in reference/traditional-chars.txt (made from
     * ICU and checked against it by TextTest): a text with none of them is left alone without the transliterator,
     * which is what makes normalising cheap on the simplified text of nearly every cell, and keeps the
     * transliterator's rule compilation (most of a second) out of every command that never meets a traditional
     * character.
     */
    static final class Traditional {
        static final String RESOURCE = "reference/traditional-chars.txt";
        private static final java.util.BitSet CHANGED = load();

        private static java.util.BitSet load() {
            java.util.BitSet set = new java.util.BitSet(0x10000);
            try (java.io.InputStream in = Text.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                String chars = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                chars.chars().forEach(set::set);
            } catch (java.io.IOException | NullPointerException e) {
                throw new IllegalStateException("the program's " + RESOURCE + " cannot be read", e);
            }
            return set;
        }

        static boolean any(String text) {
            for (int i = 0; i < text.length(); i++) {
                if (CHANGED.get(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Full-width ASCII forms to half-width and the ideographic and no-break spaces to a space; white space kept. */
    public static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(halfWidth(text.charAt(i)));
        }
        return out.toString();
    }

    /** One character of {@link #halfWidth(String)}: １ is 1, （ is (, the ideographic space a space. */
    public static char halfWidth(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' || c == '\u00A0' ? ' ' : c;
    }

    /** Brackets of every shape a form uses, as round ones: 【万元】, 〔吨〕, ［t］ all bracket a unit. */
    private static char bracket(char c) {
        return switch (c) {
            case '【', '〔', '〖', '[', '［', '⦅', '〘' -> '(';
            case '】', '〕', '〗', ']', '］', '⦆', '〙' -> ')';
            default -> c;
        };
    }

    /** Zero-width and formatting characters a copy from a web page or Word leaves in a cell. */
    private static boolean isInvisible(char c) {
        return (c >= '\u200B' && c <= '\u200F') || (c >= '\u2028' && c <= '\u202E') || (c >= '\u2060' && c <= '\u2064')
                || c == '\uFEFF' || c == '\u00AD' || c == '\u180E'
                || c == '\u0085'; // NEL, a line break from old converters, which Character.isWhitespace leaves in
    }

    private static boolean isPlainAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
