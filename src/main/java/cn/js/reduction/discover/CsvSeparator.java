package cn.js.reduction.discover;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The field separator of a text table, told from its first lines as Excel and WPS tell it: a comma (.csv), a
 * tab (Excel's "Unicode text" and "text (tab delimited)" saves, often under a .csv name) or a semicolon (a
 * European Excel's CSV). The one that splits some line of the top of the file into the most fields wins (the
 * header row has the most); on a tie, the comma. Separators inside double quotes do not count.
 */
final class CsvSeparator {

    /** Lines looked at: the header is within the first 20 rows, a title or two above it. */
    static final int SNIFF_LINES = 30;
    private static final int SNIFF_CHARS = 256 * 1024;
    private static final char[] CANDIDATES = {',', '\t', ';'};

    private CsvSeparator() {
    }

    static char sniff(Path file, CsvEncoding encoding) throws IOException {
        char[] text;
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(encoding.bomBytes());
            Reader reader = new InputStreamReader(in, encoding.charset());
            text = new char[SNIFF_CHARS];
            length = reader.read(text, 0, SNIFF_CHARS);
        }
        return length <= 0 ? ',' : sniff(new String(text, 0, length));
    }

    /**
     * True when a .txt file is a table a submission could be: text whose top lines split into at least three
     * fields and name a column of ours (设区市, 项目编号, 污染物). A readme.txt is not, and stays unread.
     */
    static boolean isTable(Path file) {
        try {
            CsvEncoding encoding = CsvEncoding.detect(file);
            char[] text = new char[64 * 1024];
            int length;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(encoding.bomBytes());
                length = new InputStreamReader(in, encoding.charset()).read(text, 0, text.length);
            }
            if (length <= 0) {
                return false;
            }
            String top = new String(text, 0, length);
            char separator = sniff(top);
            boolean named = top.contains("设区市") || top.contains("项目编号") || top.contains("污染物");
            return named && top.lines().limit(SNIFF_LINES).anyMatch(l -> l.chars().filter(c -> c == separator).count() >= 2);
        } catch (IOException | UnreadableFileException | RuntimeException e) {
            return false;
        }
    }

    /** The separator of these first characters of a file. */
    static char sniff(String text) {
        int[] most = new int[CANDIDATES.length];
        int[] inLine = new int[CANDIDATES.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < SNIFF_LINES; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                lines++;
                for (int k = 0; k < CANDIDATES.length; k++) {
                    most[k] = Math.max(most[k], inLine[k]);
                    inLine[k] = 0;
                }
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        inLine[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 0; k < CANDIDATES.length; k++) {
            most[k] = Math.max(most[k], inLine[k]);
            if (most[k] > most[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }
}
