package cn.js.reduction.report.csv;

import cn.js.reduction.report.sheet.FormulaGuard;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CSV dialect of every table the pipeline writes (docs/outputs.md): UTF-8 with a BOM so that Excel shows Chinese
 * correctly, comma-separated, CRLF line ends, fields quoted only when they must be, numbers plain.
 */
public final class CsvFiles {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private CsvFiles() {
    }

    /** Opens a CSV writer on a new file, BOM written; the header row is the caller's first row. */
    public static ICSVWriter open(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        out.write(BOM);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return new CSVWriter(writer, ',', CSVWriter.DEFAULT_QUOTE_CHARACTER, CSVWriter.DEFAULT_ESCAPE_CHARACTER, "\r\n");
    }

    /** Writes a row, quoting only the fields that need it. */
    public static void row(ICSVWriter csv, String... fields) {
        csv.writeNext(fields, false);
    }

    /** An exact decimal in plain notation (no exponent, no grouping, no trailing zeros); blank for null. */
    public static String plain(BigDecimal v) {
        if (v == null) {
            return "";
        }
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    /** A decimal rounded half-up for display; blank for null. */
    public static String rounded(BigDecimal v, int decimals) {
        return v == null ? "" : v.setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * Text that came from a submission, as a CSV field that no spreadsheet program runs as a formula (docs/outputs.md):
     * the rule is {@link FormulaGuard}'s, the same as the workbooks'; plain numbers stay as they are.
     */
    public static String inert(String text) {
        return FormulaGuard.csvField(text);
    }
}
