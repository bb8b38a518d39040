package cn.js.reduction.publish;

import cn.js.reduction.discover.InputSet;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Before a run is published, every output file in its working folder is checked against the manifest written for
 * it (size and SHA-256): a folder that waited for a restart (a run stopped or failed after its report) may have been
 * damaged meanwhile (a file truncated by a full disk, edited, removed), and a damaged run must never be published
 * as complete.
 */
public final class ManifestCheck {

    /** The manifest's file name (report's Manifest.FILE; publish reads what report writes). */
    static final String MANIFEST = "manifest.csv";

    private ManifestCheck() {
    }

    /**
     * What differs between the folder and its manifest, one line per file ("cities/x.xlsx: 1234 bytes, the manifest
     * says 5678"); empty when every output file is as written. A missing or unreadable manifest is a difference.
     */
    public static List<String> differences(Path folder) throws IOException {
        List<String> found = new ArrayList<>();
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            found.add(MANIFEST + ": missing (the report was not finished)");
            return found;
        }
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
             CSVReader csv = new CSVReader(in)) {
            String[] row = csv.readNext(); // header
            if (row == null) {
                found.add(MANIFEST + ": empty");
                return found;
            }
            while ((row = csv.readNext()) != null) {
                if (row.length < 4 || !row[0].equals("output")) {
                    continue;
                }
                found.addAll(differs(folder, row[1], row[2], row[3]));
            }
        } catch (CsvValidationException e) {
            found.add(MANIFEST + ": unreadable (" + e.getMessage() + ")");
        }
        return found;
    }

    private static List<String> differs(Path folder, String name, String bytes, String sha256) throws IOException {
        Path file = folder.resolve(name).normalize();
        if (!file.startsWith(folder)) {
            return List.of(name + ": outside the run's folder");
        }
        if (!Files.isRegularFile(file)) {
            return List.of(name + ": missing");
        }
        long size = Files.size(file);
        if (!String.valueOf(size).equals(bytes)) {
            return List.of(name + ": " + size + " bytes, the manifest says " + bytes);
        }
        if (!InputSet.sha256(file).equalsIgnoreCase(sha256)) {
            return List.of(name + ": its content differs from the manifest's SHA-256");
        }
        return List.of();
    }
}
