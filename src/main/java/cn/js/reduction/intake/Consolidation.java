package cn.js.reduction.intake;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks that need every file at once, done set-based after intake (SPEC §3, §4):
 * <ol>
 *   <li>Resubmission: for each city and kind only the newest file holding rows of that city counts; the
 *       older files' rows of that city become ignored (superseded), with one SUPERSEDED_FILE finding each.</li>
 *   <li>DUPLICATE_PROJECT_ID: among the rows still accepted, the first occurrence of an id by file name then
 *       row is kept, the later ones are rejected naming the first.</li>
 * </ol>
 * Runs in one transaction: either all of it is applied or none, so a restart simply runs it again.
 */
public final class Consolidation {

    public static final String STAGE = "CONSOLIDATE";

    private final JdbcTemplate jdbc;
    private final FindingStore findings;

    public Consolidation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.findings = new FindingStore(jdbc);
    }

    public void consolidate(long runId) {
        findings.deleteStage(runId, STAGE);
        List<Finding> out = new ArrayList<>();
        supersede(runId, "ra_project_row", FileKind.PROJECTS, out);
        supersede(runId, "ra_emission_row", FileKind.EMISSIONS, out);
        rejectDuplicates(runId, out);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            rows.add(FindingStore.row(runId, STAGE, i, out.get(i)));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(FindingStore.INSERT, rows);
        }
    }

    private record FileCity(String file, String city, Timestamp submittedAt) {
    }

    private void supersede(long runId, String table, FileKind kind, List<Finding> out) {
        jdbc.update("UPDATE " + table + " SET superseded = FALSE WHERE run_id = ?", runId);
        List<FileCity> pairs = jdbc.query("SELECT DISTINCT r.file_name, r.city_code, f.submitted_at FROM " + table
                        + " r JOIN ra_input_file f ON f.run_id = r.run_id AND f.file_name = r.file_name"
                        + " WHERE r.run_id = ? AND r.city_code IS NOT NULL AND r.disposition <> 'IGNORED'",
                (rs, i) -> new FileCity(rs.getString(1), rs.getString(2), rs.getTimestamp(3)), runId);
        Map<String, FileCity> newest = new HashMap<>();
        for (FileCity p : pairs) {
            newest.merge(p.city(), p, (a, b) -> newer(a, b) ? a : b);
        }
        Map<String, FileCity> superseded = new LinkedHashMap<>();
        pairs.stream().sorted((a, b) -> (a.file() + a.city()).compareTo(b.file() + b.city()))
                .filter(p -> !newest.get(p.city()).file().equals(p.file()))
                .forEach(p -> superseded.put(p.file() + "|" + p.city(), p));
        for (FileCity p : superseded.values()) {
            jdbc.update("UPDATE " + table + " SET superseded = TRUE WHERE run_id = ? AND file_name = ? AND city_code = ?",
                    runId, p.file(), p.city());
            // the rows now count as ignored: their row findings no longer ask the city for anything
            jdbc.update("DELETE FROM ra_finding WHERE run_id = ? AND stage = ? AND file_name = ? AND city_code = ?",
                    runId, StagingWriter.STAGE, p.file(), p.city());
            FileCity winner = newest.get(p.city());
            out.add(Finding.of(Rule.SUPERSEDED_FILE, p.city(), p.file(), null, null, null, null,
                    kind.title() + "「" + p.file() + "」中本市的行已被较新的报送文件「" + winner.file()
                            + "」替代，不再计入 (superseded by " + winner.file() + ")"));
        }
    }

    /** True when a is the newer submission: later date, or the same date and the later file name. */
    private static boolean newer(FileCity a, FileCity b) {
        int c = a.submittedAt().compareTo(b.submittedAt());
        return c != 0 ? c > 0 : a.file().compareTo(b.file()) > 0;
    }

    private record IdRow(String projectId, String file, String sheet, int row, String cityCode, String idCell) {
    }

    private void rejectDuplicates(long runId, List<Finding> out) {
        // a join on the duplicated ids, not IN (subquery): H2 would run the subquery once per row
        List<IdRow> rows = jdbc.query("SELECT r.project_id, r.file_name, r.sheet, r.row_no, r.city_code, r.id_cell"
                        + " FROM ra_project_row r JOIN ("
                        + "   SELECT project_id FROM ra_project_row WHERE run_id = ? AND disposition = 'ACCEPTED'"
                        + "   AND NOT superseded GROUP BY project_id HAVING COUNT(*) > 1) d ON d.project_id = r.project_id"
                        + " WHERE r.run_id = ? AND r.disposition = 'ACCEPTED' AND NOT r.superseded"
                        + " ORDER BY r.project_id, r.file_name, r.row_no, r.sheet",
                (rs, i) -> new IdRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6)), runId, runId);
        IdRow first = null;
        for (IdRow r : rows) {
            if (first == null || !first.projectId().equals(r.projectId())) {
                first = r;
                continue;
            }
            jdbc.update("UPDATE ra_project_row SET disposition = 'REJECTED' WHERE run_id = ? AND file_name = ? AND sheet = ?"
                    + " AND row_no = ?", runId, r.file(), r.sheet(), r.row());
            out.add(Finding.of(Rule.DUPLICATE_PROJECT_ID, r.cityCode(), r.file(), r.sheet(), r.row(), r.idCell(),
                    r.projectId(), "第" + r.row() + "行 项目编号（" + r.idCell() + "）「" + r.projectId() + "」与「" + first.file()
                            + "」第" + first.row() + "行重复，只保留首次出现的一行。请核对并使用唯一的项目编号"
                            + " (duplicate of " + first.file() + " row " + first.row() + ")"));
        }
    }
}
