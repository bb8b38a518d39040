package cn.js.reduction.report.csv;

import cn.js.reduction.core.InputLimits;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.sheet.FormulaGuard;
import com.opencsv.CSVReader;
import com.opencsv.ICSVWriter;
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
import java.util.Optional;
import java.util.stream.Stream;

import static cn.js.reduction.report.csv.CsvFiles.row;

/**
 * manifest.csv: every input and output file of a run with its size and SHA-256, so an auditor can prove that
 * the reconciled workbooks came from exactly these submissions. Written last, so it covers every output. Read back
 * here too: before a run is published (a folder that waited for a restart may have been damaged meanwhile: a file
 * cut short by a full disk, edited, removed), and by the next run, before it compares itself with this one's tables.
 */
public final class Manifest {

    public static final String FILE = "manifest.csv";

    private Manifest() {
    }

    public static void write(Path runFolder, List<RunInfo.InputFile> inputs, Path inputFolder) throws IOException {
        List<Path> outputs;
        try (Stream<Path> walk = Files.walk(runFolder)) {
            outputs = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(FILE))
                    .sorted().toList();
        }
        try (ICSVWriter csv = CsvFiles.open(runFolder.resolve(FILE))) {
            row(csv, "role", "file", "bytes", "sha256");
            for (RunInfo.InputFile in : inputs) {
                Path p = inputFolder.resolve(in.file());
                row(csv, "input", name(in.file()), Files.exists(p) ? String.valueOf(Files.size(p)) : "", in.sha256());
            }
            for (Path out : outputs) {
                row(csv, "output", name(runFolder.relativize(out).toString().replace('\\', '/')),
                        String.valueOf(Files.size(out)), InputSet.sha256(out));
            }
        }
    }

    /** One output file as the manifest records it: its name there, its size in bytes and its SHA-256. */
    public record Output(String name, String bytes, String sha256) {

        /** How the file in {@code folder} differs from this record ("x.csv: 12 bytes, the manifest says 10"), or empty. */
        public Optional<String> difference(Path folder) throws IOException {
            Path file = folder.resolve(name).normalize();
            if (!file.startsWith(folder)) {
                return Optional.of(name + ": outside the run's folder");
            }
            if (!Files.isRegularFile(file)) {
                return Optional.of(name + ": missing");
            }
            long size = Files.size(file);
            if (!String.valueOf(size).equals(bytes)) {
                return Optional.of(name + ": " + size + " bytes, the manifest says " + bytes);
            }
            if (!InputSet.sha256(file).equalsIgnoreCase(sha256)) {
                return Optional.of(name + ": its content differs from the manifest's SHA-256");
            }
            return Optional.empty();
        }
    }

    /**
     * The output files the manifest of {@code folder} lists, by their names there; empty where it has none.
     *
     * @throws IOException the manifest cannot be read (as a CSV, or at all), its message naming the manifest
     */
    public static Map<String, Output> outputs(Path folder) throws IOException {
        Map<String, Output> outputs = new LinkedHashMap<>();
        Path manifest = folder.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            return outputs;
        }
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                if (row.length >= 4 && row[0].equals("output")) {
                    outputs.put(row[1], new Output(row[1], row[2], row[3]));
                }
            }
        } catch (CsvValidationException | IOException e) {
            // opencsv's own IOException (an unterminated quote) names neither the file nor the line: both said here
            String why = String.valueOf(e.getMessage()).strip().lines().findFirst().orElse("");
            throw new IOException(FILE + ": unreadable (" + InputLimits.printable(why) + ")", e);
        }
        return outputs;
    }

    /**
     * What differs between a run's folder and its manifest, one line per output file ("cities/x.xlsx: 1234 bytes, the
     * manifest says 5678"); empty when every output is as written. A missing, empty or unreadable manifest is a
     * difference.
     */
    public static List<String> differences(Path folder) throws IOException {
        Path manifest = folder.resolve(FILE);
        if (!Files.isRegularFile(manifest)) {
            return List.of(FILE + ": missing (the report was not finished)");
        }
        if (Files.size(manifest) == 0) {
            return List.of(FILE + ": empty");
        }
        List<String> found = new ArrayList<>();
        try {
            for (Output output : outputs(folder).values()) {
                output.difference(folder).ifPresent(found::add);
            }
        } catch (IOException e) {
            found.add(e.getMessage());
        }
        return found;
    }

    /**
     * A file's name as the manifest records it. The manifest is an audit record: it must name the real file,
     * so the apostrophe the other CSVs put before formula-like text (which would become part of the name) is
     * not used. A name that a spreadsheet could run as a formula ({@code =cmd|' /C calc'!A0.xlsx}) is written
     * as {@code ./=cmd|' /C calc'!A0.xlsx} instead: the same file, relative to the same folder, for every
     * program and script that resolves it, and text that no spreadsheet program takes for a formula. Every
     * other name is written exactly as it is.
     */
    public static String name(String file) {
        return FormulaGuard.isFormulaLike(file) ? "./" + file : file;
    }
}
