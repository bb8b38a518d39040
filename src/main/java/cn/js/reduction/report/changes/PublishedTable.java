package cn.js.reduction.report.changes;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One summary CSV of a run, read back cell by cell as written (the strings, not the numbers they stand for), each
 * row under its key: what changes.csv compares. Columns are found by name, so a run of an earlier release with
 * fewer columns compares on those it has.
 */
record PublishedTable(List<String> header, Map<String, String[]> rows) {

    static final PublishedTable ABSENT = new PublishedTable(List.of(), Map.of());

    /** The table in {@code file} keyed by the named columns joined; {@link #ABSENT} where there is no such file. */
    static PublishedTable read(Path file, String... keyColumns) throws IOException {
        if (file == null || !Files.isRegularFile(file)) {
            return ABSENT;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            String[] first = csv.readNext();
            if (first == null) {
                return ABSENT;
            }
            if (first.length > 0 && first[0].startsWith("\uFEFF")) {
                first[0] = first[0].substring(1);
            }
            List<String> header = List.of(first);
            int[] keys = new int[keyColumns.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = header.indexOf(keyColumns[i]);
                if (keys[i] < 0) {
                    throw new IOException(file + " has no column " + keyColumns[i]);
                }
            }
            Map<String, String[]> rows = new LinkedHashMap<>();
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                List<String> key = new ArrayList<>();
                for (int k : keys) {
                    key.add(k < row.length ? row[k] : "");
                }
                rows.put(String.join("\u0001", key), row);
            }
            return new PublishedTable(header, rows);
        } catch (CsvValidationException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The cell of {@code row} in {@code column}; empty where the row or the column is missing. */
    String cell(String[] row, String column) {
        int i = header.indexOf(column);
        return row == null || i < 0 || i >= row.length ? "" : row[i];
    }
}
