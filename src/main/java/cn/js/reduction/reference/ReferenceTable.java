package cn.js.reduction.reference;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180Parser;
import com.opencsv.exceptions.CsvException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One reference CSV file (UTF-8, header row, comma-separated) with the problems found in it. Every problem
 * names the file, the line as a text editor shows it, the row (its first two cells, e.g. "320100 南京"), the
 * column, the expected and the found value, because the person fixing it has only the file in front of them.
 */
final class ReferenceTable {

    /** A data row; {@code line} is 1-based and counts the header, so it is the line a text editor shows. */
    record Row(int line, List<String> cells) {
        String label() {
            return cells.size() >= 2 ? cells.get(0) + " " + cells.get(1) : String.join(" ", cells);
        }
    }

    private final String file;
    private final List<String> header;
    private final List<Row> rows;
    private final List<String> problems = new ArrayList<>();

    private ReferenceTable(String file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    /** Reads the whole file (reference files are small); blank lines are skipped. */
    static ReferenceTable read(String file, InputStream in) throws IOException, CsvException {
        // RFC 4180: the default opencsv parser would treat a backslash as an escape character
        try (CSVReader reader = new CSVReaderBuilder(new InputStreamReader(in, StandardCharsets.UTF_8))
                .withCSVParser(new RFC4180Parser()).build()) {
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            String[] cells;
            while ((cells = reader.readNext()) != null) {
                int line = (int) reader.getLinesRead();
                List<String> trimmed = Arrays.stream(cells).map(ReferenceTable::clean).toList();
                if (trimmed.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (header == null) {
                    header = trimmed;
                } else {
                    rows.add(new Row(line, trimmed));
                }
            }
            ReferenceTable table = new ReferenceTable(file, header == null ? List.of() : header, rows);
            if (header == null) {
                table.problems.add(file + "：应为 expected 表头行 a header row，实为 found 空文件 an empty file");
            }
            return table;
        }
    }

    /** Trims, and drops the byte-order mark an editor such as Excel puts before the first cell. */
    private static String clean(String cell) {
        String c = cell.startsWith("\uFEFF") ? cell.substring(1) : cell;
        return c.strip();
    }

    String file() {
        return file;
    }

    List<Row> rows() {
        return rows;
    }

    /** The header row's cells, as read. */
    List<String> header() {
        return header;
    }

    List<String> problems() {
        return problems;
    }

    /**
     * The header must read exactly {@code expected}, and every row must have as many cells; rows that do not
     * are reported and dropped from {@link #rows()}. Returns false when the header is wrong (the columns
     * cannot be trusted then).
     */
    boolean requireColumns(List<String> expected) {
        boolean ok = true;
        for (int i = 0; i < Math.max(expected.size(), header.size()); i++) {
            String want = i < expected.size() ? expected.get(i) : "（无 none）";
            String got = i < header.size() ? header.get(i) : "（无 none）";
            if (!want.equals(got)) {
                problems.add(file + " 第1行（表头 header）第" + (i + 1) + "列 column " + (i + 1) + "：应为 expected "
                        + want + "，实为 found " + got);
                ok = false;
            }
        }
        rows.removeIf(row -> {
            if (row.cells().size() == expected.size()) {
                return false;
            }
            problems.add(file + " 第" + row.line() + "行 line [" + row.label() + "]：应为 expected " + expected.size()
                    + " 个单元格 cells，实为 found " + row.cells().size());
            return true;
        });
        return ok;
    }

    /** The cell under the header {@code column}; the header has been checked by {@link #requireColumns}. */
    String cell(Row row, String column) {
        return row.cells().get(header.indexOf(column));
    }

    /** A cell that must not be blank; null (and a problem) when it is. */
    String text(Row row, String column) {
        String value = cell(row, column);
        if (value.isEmpty()) {
            problem(row, column, "非空 a value", "空 blank");
            return null;
        }
        return value;
    }

    /** A plain decimal number such as 71.5 (no units, no separators); null (and a problem) otherwise. */
    BigDecimal decimal(Row row, String column) {
        String value = cell(row, column);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problem(row, column, "数字 a number such as 24.5", value.isEmpty() ? "空 blank" : value);
            return null;
        }
    }

    /** A whole number ≥ 0 (a blank annex cell is transcribed as 0); null (and a problem) otherwise. */
    Integer count(Row row, String column) {
        String value = cell(row, column);
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(row, column, "非负整数 a whole number ≥ 0 (annex blank = 0)", value.isEmpty() ? "空 blank" : value);
        return null;
    }

    void problem(Row row, String column, String expected, String found) {
        problems.add(file + " 第" + row.line() + "行 line [" + row.label() + "] 列 column " + column
                + "：应为 expected " + expected + "，实为 found " + found);
    }

    /** A problem about the file as a whole, e.g. a city with no row. */
    void problem(String what, String expected, String found) {
        problems.add(file + " " + what + "：应为 expected " + expected + "，实为 found " + found);
    }
}
