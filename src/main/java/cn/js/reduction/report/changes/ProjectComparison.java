package cn.js.reduction.report.changes;

import cn.js.reduction.report.csv.AcceptedProjects;
import com.opencsv.CSVReader;
import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The projects that changed between two runs, joined on project_id over their accepted_projects.csv, never on row
 * numbers: a deleted row shifts the rows after it, and two status changes in opposite directions leave a count as
 * it was. Read from the published CSVs, like changes.csv, so that it works after the state was cleaned up or the
 * database switched.
 *
 * <p>One part of the two files is held in memory at a time: where they are larger than {@link #PART_BYTES}, both are
 * first split by project id into parts (a project is in the same part of both), so that a national run's million
 * projects compare in the heap a run has.
 */
final class ProjectComparison {

    static final String FILE = AcceptedProjects.FILE;

    /** About how many bytes of the two CSVs are compared in memory at once. */
    static final long PART_BYTES = 32L << 20;
    private static final int MAX_PARTS = 256;

    /**
     * Compared: what decides the counts and the claims. Not compared: the key, the names that go with codes,
     * counted_status (it follows from status and actual_completion, which are compared) and the lineage, which moves
     * with every edit of the file.
     */
    private static final Set<String> NOT_COMPARED = Set.of("project_id", "city_name", "counted_status", "file",
            "sheet", "row");

    private ProjectComparison() {
    }

    /**
     * The changed projects; null where the previous run published no accepted_projects.csv (a run of an earlier
     * release): nothing to join on, which is not the same as no change.
     */
    static ProjectChanges of(Path previousFolder, Path current) throws IOException {
        return of(previousFolder, current, PART_BYTES);
    }

    /** As {@link #of(Path, Path)}, split into parts of about {@code partBytes} (a test splits small files). */
    static ProjectChanges of(Path previousFolder, Path current, long partBytes) throws IOException {
        Path before = previousFolder.resolve(FILE);
        Path now = current.resolve(FILE);
        if (!Files.isRegularFile(before)) {
            return null;
        }
        long bytes = Files.size(before) + (Files.isRegularFile(now) ? Files.size(now) : 0);
        int parts = (int) Math.min(MAX_PARTS, bytes / partBytes + 1);
        ProjectChanges.Gatherer gatherer = new ProjectChanges.Gatherer();
        if (parts == 1) {
            compare(before, now, gatherer);
            return gatherer.result();
        }
        // in the command's temp folder under the run state, as every temp file of a run (the system's /tmp may be
        // small, and a killed run's leftovers there are nobody's to clean)
        Path tmp = org.apache.poi.util.TempFile.createTempDirectory("project-changes").toPath();
        try {
            List<Path> was = split(before, Files.createDirectory(tmp.resolve("before")), parts);
            List<Path> is = split(now, Files.createDirectory(tmp.resolve("now")), parts);
            for (int i = 0; i < parts; i++) {
                compare(was.get(i), is.get(i), gatherer);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return gatherer.result();
    }

    /** One part of each run's projects: the previous ones held by id, the current ones read past them. */
    private static void compare(Path before, Path now, ProjectChanges.Gatherer gatherer) throws IOException {
        PublishedTable prev = PublishedTable.read(before, "project_id");
        Map<String, String[]> unmatched = new java.util.HashMap<>(prev.rows());
        try (Reader in = Files.newBufferedReader(now, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            String[] first = csv.readNext();
            if (first != null) {
                PublishedTable cur = new PublishedTable(List.of(stripBom(first)), Map.of());
                // the columns both runs have: one only a run has (a pollutant added to the plan year) would show
                // as a change of every project
                List<String> columns = new ArrayList<>(cur.header());
                columns.retainAll(prev.header());
                columns.removeIf(NOT_COMPARED::contains);
                // each column's place in either file, found once (not per cell of a million rows)
                int[] was = columns.stream().mapToInt(prev.header()::indexOf).toArray();
                int[] is = columns.stream().mapToInt(cur.header()::indexOf).toArray();
                for (String[] c = csv.readNext(); c != null; c = csv.readNext()) {
                    String id = cur.cell(c, "project_id");
                    gatherer.project(changes(id, unmatched.remove(id), c, cur, columns, was, is));
                }
            }
        } catch (CsvValidationException e) {
            throw new IOException("cannot read " + now + ": " + e.getMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            // this run has no projects file (nothing accepted was written): every previous project is withdrawn
        }
        unmatched.forEach((id, p) -> gatherer.project(List.of(new ProjectChange(id, prev.cell(p, "city_code"),
                prev.cell(p, "category_code"), ProjectChange.WITHDRAWN, where(prev, p), ""))));
    }

    private static List<ProjectChange> changes(String id, String[] p, String[] c, PublishedTable cur,
                                               List<String> columns, int[] was, int[] is) {
        String city = cur.cell(c, "city_code");
        String category = cur.cell(c, "category_code");
        if (p == null) {
            return List.of(new ProjectChange(id, city, category, ProjectChange.ADDED, "", where(cur, c)));
        }
        List<ProjectChange> changes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String before = at(p, was[i]);
            String now = at(c, is[i]);
            if (!before.equals(now)) {
                changes.add(new ProjectChange(id, city, category, columns.get(i), before, now));
            }
        }
        return changes;
    }

    /** A row's cell, blank where a hand-edited file's row is short. */
    private static String at(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }

    /** The file's rows in {@code parts} files by project id, each with the header; empty parts for no file. */
    private static List<Path> split(Path file, Path folder, int parts) throws IOException {
        List<Path> out = new ArrayList<>();
        List<ICSVWriter> writers = new ArrayList<>();
        try {
            for (int i = 0; i < parts; i++) {
                out.add(folder.resolve(i + ".csv"));
                writers.add(new CSVWriter(Files.newBufferedWriter(out.get(i), StandardCharsets.UTF_8)));
            }
            if (!Files.isRegularFile(file)) {
                return out;
            }
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
                String[] header = csv.readNext();
                if (header == null) {
                    return out;
                }
                stripBom(header);
                int key = List.of(header).indexOf("project_id");
                if (key < 0) {
                    throw new IOException(file + " has no column project_id");
                }
                writers.forEach(w -> w.writeNext(header, false));
                for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
                    String id = key < row.length ? row[key] : "";
                    writers.get(Math.floorMod(id.hashCode(), parts)).writeNext(row, false);
                }
            } catch (CsvValidationException e) {
                throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            return out;
        } finally {
            for (ICSVWriter w : writers) {
                try {
                    w.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private static String[] stripBom(String[] header) {
        if (header.length > 0 && header[0].startsWith("\uFEFF")) {
            header[0] = header[0].substring(1);
        }
        return header;
    }

    /** Where a project's row was read from: file, sheet (a CSV has only the one) and row, as a person finds it. */
    private static String where(PublishedTable table, String[] row) {
        String file = table.cell(row, "file");
        String sheet = file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "" : table.cell(row, "sheet");
        return file + (sheet.isEmpty() ? "" : " " + sheet) + " 第" + table.cell(row, "row") + "行";
    }
}
