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
            char c = text.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                c = ' ';
            }
            if (!Character.isWhitespace(c) && c != '\u200B' && c != '\uFEFF') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
