package cn.js.reduction.intake;

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
 * UTF-8 (with or without BOM) or in the ANSI code page of a Chinese Windows (GBK): a BOM decides; else a file
 * that decodes as strict UTF-8 from end to end is UTF-8; else GB18030, the superset of GBK.
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
            return new CsvEncoding(StandardCharsets.UTF_8, 3);
        }
        if (startsWith(head, 0xFF, 0xFE)) {
            return new CsvEncoding(StandardCharsets.UTF_16LE, 2);
        }
        if (startsWith(head, 0xFE, 0xFF)) {
            return new CsvEncoding(StandardCharsets.UTF_16BE, 2);
        }
        if (looksBinary(head)) {
            throw Unreadable.binary();
        }
        return isStrictUtf8(file) ? new CsvEncoding(StandardCharsets.UTF_8, 0) : new CsvEncoding(GB18030, 0);
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

    /** Decodes the whole file as UTF-8, reporting any malformed byte; streamed, never loaded whole. */
    static boolean isStrictUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
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
                    if (result.isError()) {
                        return false;
                    }
                    chars.clear(); // only validity matters, not the characters
                    if (result.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact(); // keeps a multi-byte sequence split across reads
                if (end) {
                    chars.clear();
                    return !decoder.flush(chars).isError() && bytes.position() == 0;
                }
            }
        }
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
