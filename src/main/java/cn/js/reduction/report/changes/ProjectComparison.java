package cn.js.reduction.report.changes;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projects that changed between two runs, joined on project_id over their accepted_projects.csv, never on row
 * numbers: a deleted row shifts the rows after it, and two status changes in opposite directions leave a count as
 * it was. Read from the published CSVs, like changes.csv, so that it works after the state was cleaned up or the
 * database switched.
 */
final class ProjectComparison {

    static final String FILE = cn.js.reduction.report.csv.AcceptedProjects.FILE;

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
     * The changed projects, worse statuses first, then withdrawn ones, then the rest, each group in city order;
     * null where the previous run published no accepted_projects.csv (a run of an earlier release): nothing to
     * join on, which is not the same as no change.
     */
    static List<ProjectChange> of(Path previousFolder, Path current) throws IOException {
        PublishedTable prev = PublishedTable.read(previousFolder.resolve(FILE), "project_id");
        if (prev == PublishedTable.ABSENT) {
            return null;
        }
        PublishedTable cur = PublishedTable.read(current.resolve(FILE), "project_id");
        List<String> columns = new ArrayList<>(cur.header());
        prev.header().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        columns.removeIf(NOT_COMPARED::contains);
        List<ProjectChange> changes = new ArrayList<>();
        Map<String, String[]> unmatched = new LinkedHashMap<>(prev.rows());
        for (Map.Entry<String, String[]> e : cur.rows().entrySet()) {
            String[] c = e.getValue();
            String[] p = unmatched.remove(e.getKey());
            String city = cur.cell(c, "city_code");
            String category = cur.cell(c, "category_code");
            if (p == null) {
                changes.add(new ProjectChange(e.getKey(), city, category, ProjectChange.ADDED, "", where(cur, c)));
                continue;
            }
            for (String column : columns) {
                String was = prev.cell(p, column);
                String is = cur.cell(c, column);
                if (!was.equals(is)) {
                    changes.add(new ProjectChange(e.getKey(), city, category, column, was, is));
                }
            }
        }
        unmatched.forEach((id, p) -> changes.add(new ProjectChange(id, prev.cell(p, "city_code"),
                prev.cell(p, "category_code"), ProjectChange.WITHDRAWN, where(prev, p), "")));
        changes.sort(Comparator.comparingInt(ProjectChange::order).thenComparing(ProjectChange::cityCode));
        return List.copyOf(changes);
    }

    /** Where a project's row was read from: file, sheet (a CSV has only the one) and row, as a person finds it. */
    private static String where(PublishedTable table, String[] row) {
        String file = table.cell(row, "file");
        String sheet = file.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? "" : table.cell(row, "sheet");
        return file + (sheet.isEmpty() ? "" : " " + sheet) + " 第" + table.cell(row, "row") + "行";
    }
}
