package cn.js.reduction.report.csv;

import cn.js.reduction.discover.InputSet;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.sheet.FormulaGuard;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static cn.js.reduction.report.csv.CsvFiles.row;

/**
 * manifest.csv: every input and output file of a run with its size and SHA-256, so an auditor can prove that
 * the reconciled workbooks came from exactly these submissions. Written last, so it covers every output.
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
