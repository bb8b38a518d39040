package cn.js.reduction.reference;

/**
 * Text normalisation shared by every matcher (cities, categories, headers, statuses): people type
 * full-width letters, digits and brackets, and stray spaces, and mean the same thing.
 */
public final class Text {

    private Text() {
    }

    /**
     * Full-width ASCII forms (U+FF01..U+FF5E) to half-width, the ideographic space to a space, then every
     * white space character removed. Case is kept.
     */
    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = halfWidth(text.charAt(i));
            if (!Character.isWhitespace(c) && c != '\u200B' && c != '\uFEFF') {
                out.append(c);
            }
        }
        return out.toString();
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
}
