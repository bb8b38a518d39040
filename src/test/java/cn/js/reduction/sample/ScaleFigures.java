package cn.js.reduction.sample;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares a run's CSVs with the figures {@link ScaleSetGenerator} wrote beside its set: every count of
 * projects_by_city_category.csv, the tonnes of reductions_by_city_pollutant.csv and each file's accepted, rejected and
 * ignored rows in files.csv. Used by the memory guard test and by the benchmark
 * ({@code java ... cn.js.reduction.sample.ScaleFigures EXPECTED_DIR RUN_DIR}, exit 1 on any difference).
 */
public final class ScaleFigures {

    private ScaleFigures() {
    }

    public static void main(String[] args) throws IOException {
        List<String> differences = compare(Path.of(args[0]), Path.of(args[1]));
        differences.stream().limit(20).forEach(System.out::println);
        System.out.println(differences.isEmpty() ? "figures: all as expected" : "figures: " + differences.size()
                + " differences");
        System.exit(differences.isEmpty() ? 0 : 1);
    }

    /** Every difference between the expected figures and the run's, as a line a person can read; empty when none. */
    public static List<String> compare(Path expected, Path run) throws IOException {
        List<String> differences = new ArrayList<>();
        compare("projects_by_city_category.csv", List.of("city_code", "category_code"), expected, run, differences);
        compare("reductions_by_city_pollutant.csv", List.of("city_code", "pollutant"), expected, run, differences);
        compare("files.csv", List.of("file"), expected, run, differences);
        return differences;
    }

    private static void compare(String name, List<String> key, Path expectedDir, Path runDir, List<String> differences)
            throws IOException {
        Map<String, Map<String, String>> expected = read(expectedDir.resolve(name), key);
        Map<String, Map<String, String>> actual = read(runDir.resolve(name), key);
        if (expected.size() != actual.size()) {
            differences.add(name + ": " + actual.size() + " rows, expected " + expected.size());
        }
        expected.forEach((k, want) -> {
            Map<String, String> got = actual.get(k);
            if (got == null) {
                differences.add(name + " " + k + ": missing");
                return;
            }
            want.forEach((column, value) -> {
                if (key.contains(column)) {
                    return;
                }
                String found = got.get(column);
                if (found == null || !same(value, found)) {
                    differences.add(name + " " + k + " " + column + ": " + found + ", expected " + value);
                }
            });
        });
    }

    private static boolean same(String expected, String found) {
        try {
            BigDecimal e = new BigDecimal(expected);
            return found.isBlank() ? e.signum() == 0 : e.compareTo(new BigDecimal(found)) == 0;
        } catch (NumberFormatException notANumber) {
            return expected.equals(found);
        }
    }

    private static Map<String, Map<String, String>> read(Path file, List<String> key) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (Reader in = new java.io.StringReader(text); CSVReader csv = new CSVReader(in)) {
            List<String[]> lines = csv.readAll();
            String[] header = lines.get(0);
            for (String[] line : lines.subList(1, lines.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length && i < line.length; i++) {
                    row.put(header[i], line[i]);
                }
                rows.put(String.join("|", key.stream().map(row::get).toList()), row);
            }
        } catch (CsvException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
        return rows;
    }
}
