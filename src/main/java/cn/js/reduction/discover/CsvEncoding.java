package cn.js.reduction.discover;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a CSV file's bytes are to be read, decided from the bytes alone. Cities save CSV from Excel or WPS as
 * UTF-8 (with or without BOM) or in the ANSI code page of a Chinese Windows (GBK): a file whose text decodes as
 * UTF-8 is UTF-8; else GB18030, the superset of GBK. "Decodes as UTF-8" is decided on the whole file and
 * forgives a few broken sequences among many good ones (a character cut by a tool, a lone surrogate written by
 * a careless program): such a file is UTF-8 with those bytes read as U+FFFD, which the row rules report
 * (CHARACTER_REPLACED), rather than a whole city's list read as GB18030 mojibake and lost for "no recognisable
 * header". GBK text read as UTF-8 is broken nearly everywhere, so the two never meet. A UTF-8 BOM is skipped
 * but does not decide alone: a GBK file behind one (some tools prepend it) is GBK.
 *
 * @param charset  the encoding to read the text with
 * @param bomBytes how many leading bytes are a byte order mark, to skip
 */
record CsvEncoding(Charset charset, int bomBytes) {

    static final Charset GB18030 = Charset.forName("GB18030");

    /** How much of the file's start is looked at to tell text from binary data. */
    static final int SNIFF_BYTES = 64 * 1024;

    /**
     * Share of control bytes (other than tab, line feed, carriage return, form feed) above which a file is
     * binary data, not text. Real CSV text has none: neither UTF-8 nor GBK multi-byte sequences use them.
     */
    static final double MAX_CONTROL_SHARE = 0.01;

    /**
     * @throws UnreadableFileException when the start of the file holds a NUL byte or too many other control
     *                                 bytes: a binary file, not CSV
     */
    static CsvEncoding detect(Path file) throws IOException, UnreadableFileException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            return new CsvEncoding(utf8Tally(file).isUtf8() ? StandardCharsets.UTF_8 : GB18030, 3);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new CsvEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new CsvEncoding(StandardCharsets.UTF_16BE, 2);
        }
        Charset utf16 = utf16WithoutBom(head);
        if (utf16 != null) {
            return new CsvEncoding(utf16, 0);
        }
        if (looksBinary(head)) {
            throw Unreadable.binary();
        }
        return new CsvEncoding(utf8Tally(file).isUtf8() ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /**
     * UTF-16 written without its byte order mark: the ASCII of a table (separators, digits, line breaks) leaves a
     * NUL in every other byte, in the odd places for little-endian, the even ones for big-endian. Null when the
     * bytes are not so.
     */
    static Charset utf16WithoutBom(byte[] head) {
        int even = 0;
        int odd = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            even += head[i] == 0 ? 1 : 0;
            odd += head[i + 1] == 0 ? 1 : 0;
        }
        int pairs = head.length / 2;
        if (pairs < 4) {
            return null;
        }
        if (odd * 5 >= pairs && even * 10 <= odd) {
            return StandardCharsets.UTF_16LE;
        }
        if (even * 5 >= pairs && odd * 10 <= even) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    static boolean looksBinary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            int u = b & 0xFF;
            if (u == 0) {
                return true;
            }
            if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f') || u == 0x7F) {
                control++;
            }
        }
        return control > head.length * MAX_CONTROL_SHARE;
    }

    /**
     * How a file's bytes fare when decoded as UTF-8 (a BOM is decoded as one more character).
     *
     * @param multiByte characters of more than one byte that decoded well (Chinese text, in a real file)
     * @param malformed byte sequences that are no UTF-8 at all, a sequence cut at the end of the file among them
     */
    record Utf8Tally(long multiByte, long malformed) {

        /**
         * At most one broken sequence per this many good ones is a UTF-8 file with damaged characters. GBK text
         * read as UTF-8 is the other way round: about one good character per four broken sequences (measured on
         * the sample's GBK list and on random GBK Chinese), so the two are far apart.
         */
        static final int GOOD_PER_BROKEN = 4;

        boolean isUtf8() {
            return malformed == 0 || multiByte >= GOOD_PER_BROKEN * malformed;
        }
    }

    /** True when the whole file decodes as UTF-8 without a single malformed byte. */
    static boolean isStrictUtf8(Path file) throws IOException {
        return utf8Tally(file).malformed() == 0;
    }

    /** Decodes the whole file as UTF-8, counting good multi-byte characters and malformed sequences; streamed. */
    static Utf8Tally utf8Tally(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        long multiByte = 0;
        long malformed = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (true) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                boolean end = n < 0;
                if (!end) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                while (true) {
                    CoderResult result = decoder.decode(bytes, chars, end);
                    multiByte += nonAscii(chars);
                    chars.clear();
                    if (result.isError()) {
                        malformed++;
                        bytes.position(bytes.position() + result.length()); // past the broken sequence
                        continue;
                    }
                    if (result.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact(); // keeps a multi-byte sequence split across reads
                if (end) {
                    if (decoder.flush(chars).isError() || bytes.position() > 0) {
                        malformed++; // a sequence cut at the end of the file
                    }
                    return new Utf8Tally(multiByte, malformed);
                }
            }
        }
    }

    private static int nonAscii(CharBuffer decoded) {
        int count = 0;
        for (int i = 0; i < decoded.position(); i++) {
            if (decoded.get(i) > 0x7F) {
                count++;
            }
        }
        return count;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
