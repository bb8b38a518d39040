package cn.js.reduction.discover;

import cn.js.reduction.core.InputLimits;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvMultilineLimitBrokenException;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file: one sheet, named after the file without its extension. Every field is TEXT, trimmed of white
 * space (full-width spaces too). Quotes are standard (RFC 4180: a field in double quotes may hold commas,
 * line breaks and doubled quotes); there is no escape character, so a backslash in a Chinese name stays.
 *
 * <p>Row numbers count records, not physical lines: a quoted field holding a line break is still one row,
 * as Excel shows the file. Without such fields the two are the same.
 *
 * <p>Limits (README, "Limits of the input"): a record is at most {@link InputLimits#MAX_CSV_RECORD_CHARS}
 * characters, counted as the text streams in, so a file of one endless line is stopped with a finding instead
 * of filling the heap; a record of more than 16,384 fields stops the file there too; a field is kept to
 * {@link InputLimits#MAX_CELL_CHARS} + 1 characters, which the row rules then reject as too long.
 */
public final class CsvSheetSource implements SheetSource {

    /**
     * A quoted field may span at most this many lines. A stray, unbalanced quote would otherwise swallow the
     * rest of the file into one field, in memory.
     */
    static final int MAX_LINES_PER_RECORD = 1000;

    private final Path file;
    private final CsvEncoding encoding;
    private final char separator;
    private final String sheetName;
    private Cursor openCursor;

    private CsvSheetSource(Path file, CsvEncoding encoding, char separator, String sheetName) {
        this.file = file;
        this.encoding = encoding;
        this.separator = separator;
        this.sheetName = sheetName;
    }

    static CsvSheetSource open(Path file) throws IOException, UnreadableFileException {
        CsvEncoding encoding = CsvEncoding.detect(file);
        return new CsvSheetSource(file, encoding, CsvSeparator.sniff(file, encoding), sheetNameOf(file));
    }

    /** The field separator the file was read with: comma, tab or semicolon. */
    public char separator() {
        return separator;
    }

    /** The file name without its extension: 苏州市_20200630.csv → 苏州市_20200630. */
    static String sheetNameOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The encoding the file was read with, for the log and for anyone puzzled by the text. */
    public String encodingName() {
        return encoding.charset().name();
    }

    @Override
    public List<String> sheetNames() {
        return List.of(sheetName);
    }

    @Override
    public RowCursor rows(int sheetIndex) throws IOException {
        if (sheetIndex != 0) {
            throw new IndexOutOfBoundsException("a CSV file has one sheet, not " + (sheetIndex + 1));
        }
        closeOpenCursor();
        InputStream in = Files.newInputStream(file);
        try {
            in.skipNBytes(encoding.bomBytes());
            ICSVParser parser = new CSVParserBuilder()
                    .withSeparator(separator)
                    .withQuoteChar('"')
                    .withEscapeChar(ICSVParser.NULL_CHARACTER)
                    .build();
            CSVReader reader = new CSVReaderBuilder(
                    new BufferedReader(new RecordLengthLimit(new InputStreamReader(in, encoding.charset()),
                            InputLimits.MAX_CSV_RECORD_CHARS), 64 * 1024))
                    .withCSVParser(parser)
                    .withMultilineLimit(MAX_LINES_PER_RECORD)
                    .build();
            openCursor = new Cursor(sheetName, reader);
            return openCursor;
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        closeOpenCursor();
    }

    private void closeOpenCursor() throws IOException {
        if (openCursor != null) {
            openCursor.close();
            openCursor = null;
        }
    }

    /** Thrown by {@link RecordLengthLimit} through opencsv, which passes I/O failures on as they are. */
    static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("CSV record too long");
        }
    }

    /**
     * Counts the characters of the current record as they are read (a record ends at a line break outside
     * double quotes) and fails once one is longer than the limit: the reader above never has to hold more.
     * The characters up to the limit are still handed over, so every record before the long one is read.
     */
    static final class RecordLengthLimit extends FilterReader {
        private final int limit;
        private long inRecord;
        private boolean quoted;
        private boolean exceeded;

        RecordLengthLimit(Reader in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (exceeded) {
                throw new RecordTooLongException();
            }
            int n = in.read(buffer, offset, length);
            for (int i = 0; i < n; i++) {
                char c = buffer[offset + i];
                if (c == '"') {
                    quoted = !quoted; // a doubled quote inside a quoted field flips twice
                } else if ((c == '\n' || c == '\r') && !quoted) {
                    inRecord = 0; // a line ends at either, as the line reader below sees it (old Macs wrote \r)
                    continue;
                }
                if (++inRecord > limit) {
                    exceeded = true;
                    if (i == 0) {
                        throw new RecordTooLongException();
                    }
                    return i; // what came before the limit; the next read fails
                }
            }
            return n;
        }
    }

    private static final class Cursor implements RowCursor {
        private final String sheet;
        private final CSVReader reader;

        Cursor(String sheet, CSVReader reader) {
            this.sheet = sheet;
            this.reader = reader;
        }

        @Override
        public RawRow next() throws IOException, UnreadableFileException {
            String[] fields;
            try {
                fields = reader.readNext();
            } catch (RecordTooLongException e) {
                throw Unreadable.csvRecordTooLong(reader.getRecordsRead() + 1, InputLimits.MAX_CSV_RECORD_CHARS);
            } catch (CsvMalformedLineException | CsvMultilineLimitBrokenException | CsvValidationException e) {
                // an unclosed quote at the end of the file, or one that runs over the multi-line limit
                throw Unreadable.unbalancedQuotes(reader.getRecordsRead() + 1, e);
            } catch (RuntimeException e) {
                throw Unreadable.corruptSheet(sheet, Math.toIntExact(reader.getRecordsRead() + 1), e);
            }
            if (fields == null) {
                return null;
            }
            if (fields.length > InputLimits.MAX_COLUMNS) {
                throw Unreadable.csvTooManyFields(reader.getRecordsRead(), fields.length);
            }
            List<RawCell> cells = new ArrayList<>();
            for (int i = 0; i < fields.length; i++) {
                String text = fields[i] == null ? "" : fields[i].strip();
                if (text.length() > InputLimits.MAX_CELL_CHARS + 1) {
                    text = text.substring(0, InputLimits.MAX_CELL_CHARS + 1); // too long either way: the rules say so
                }
                if (!text.isEmpty()) {
                    cells.add(new RawCell(i, RawCell.Type.TEXT, text));
                }
            }
            return new RawRow(sheet, Math.toIntExact(reader.getRecordsRead()), cells);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
