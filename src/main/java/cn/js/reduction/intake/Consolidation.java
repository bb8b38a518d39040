package cn.js.reduction.intake;

import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.StagedRows;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks that need every file at once, done set-based after intake (SPEC §3, §4):
 * <ol>
 *   <li>Resubmission: a file submits for the cities it has accepted rows of; if its name names cities
 *       ({@link FileNameCities}), for those of them only. For each city and kind only the newest file that
 *       submits for that city counts; the older ones' rows of that city become ignored (superseded), with one
 *       SUPERSEDED_FILE finding each. A row of a city its file does not submit for (ROW_OF_OTHER_CITY, flagged at
 *       intake) stays accepted and supersedes nothing: one stray row never wipes out another city's submission.
 *       Rejected rows never make a file a submission.</li>
 *   <li>DUPLICATE_PROJECT_ID: among the rows still accepted, the first occurrence of an id by file name then
 *       row is kept, the later ones are rejected naming the first.</li>
 * </ol>
 * One aggregate query per kind decides supersession (its result is a handful of rows per file), and the changes
 * are applied per file and city, never per row: the work stays linear in the rows staged. Runs in one
 * transaction: either all of it is applied or none, so a restart simply runs it again.
 */
public final class Consolidation {

    public static final String STAGE = "CONSOLIDATE";

    private static final Logger log = LoggerFactory.getLogger(Consolidation.class);

    private final JdbcTemplate jdbc;
    private final FindingStore findings;

    public Consolidation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.findings = new FindingStore(jdbc);
    }

    public void consolidate(long runId, ReferenceData reference) {
        findings.deleteStage(runId, STAGE);
        List<Finding> out = new ArrayList<>();
        supersede(runId, "ra_project_row", FileKind.PROJECTS, reference, out);
        supersede(runId, "ra_emission_row", FileKind.EMISSIONS, reference, out);
        rejectDuplicates(runId, out);
        identicalFiles(runId, out);
        findings.insertAll(runId, STAGE, out);
    }

    /** A file that has accepted rows of a city, and when it was submitted. */
    private record FileCity(String file, String city, Timestamp submittedAt) {
    }

    private void supersede(long runId, String table, FileKind kind, ReferenceData reference, List<Finding> out) {
        jdbc.update("UPDATE " + table + " SET superseded = FALSE WHERE run_id = ? AND superseded", runId);
        List<FileCity> accepted = jdbc.query("SELECT r.file_name, r.city_code, f.submitted_at FROM " + table
                        + " r JOIN ra_input_file f ON f.run_id = r.run_id AND f.file_name = r.file_name"
                        + " WHERE r.run_id = ? AND r.city_code IS NOT NULL AND r.disposition = 'ACCEPTED'"
                        + " GROUP BY r.file_name, r.city_code, f.submitted_at ORDER BY r.file_name, r.city_code",
                (rs, i) -> new FileCity(rs.getString(1), rs.getString(2), rs.getTimestamp(3)), runId);
        Map<String, Set<String>> named = new HashMap<>();
        List<FileCity> submissions = accepted.stream().filter(p -> {
            Set<String> cities = named.computeIfAbsent(p.file(), f -> FileNameCities.of(f, reference));
            return cities.isEmpty() || cities.contains(p.city());
        }).toList();
        Map<String, FileCity> newest = new HashMap<>();
        for (FileCity p : submissions) {
            newest.merge(p.city(), p, (a, b) -> newer(a, b) ? a : b);
        }
        List<FileCity> superseded = submissions.stream().filter(p -> newest.get(p.city()) != p).toList();
        if (superseded.isEmpty()) {
            return;
        }
        List<Object[]> keys = superseded.stream().map(p -> new Object[] {runId, p.file(), p.city()}).toList();
        int[] marked = jdbc.batchUpdate("UPDATE " + table + " SET superseded = TRUE WHERE run_id = ? AND file_name = ?"
                + " AND city_code = ?", keys);
        // the rows now count as ignored: their row findings no longer ask the city for anything
        jdbc.batchUpdate("DELETE FROM ra_finding WHERE run_id = ? AND stage = '" + StagingWriter.STAGE + "'"
                + " AND file_name = ? AND city_code = ?", keys);
        for (int i = 0; i < superseded.size(); i++) {
            FileCity p = superseded.get(i);
            FileCity winner = newest.get(p.city());
            String city = reference.city(p.city()).map(c -> c.name()).orElse(p.city());
            int rows = marked[i] >= 0 ? marked[i] : 0;
            log.info("  {}: {} rows of {} {} superseded by {}; they count as ignored", p.file(), rows, p.city(), city,
                    winner.file());
            out.add(Finding.of(Rule.SUPERSEDED_FILE, p.city(), p.file(), null, null, null, null,
                    kind.title() + "「" + p.file() + "」中" + city + "市的" + rows + "行已被较新的报送文件「" + winner.file()
                            + "」替代，不再计入 (" + rows + " rows of " + p.city() + " superseded by " + winner.file()
                            + ")"));
        }
    }

    /**
     * DUPLICATE_FILE on each file whose content (SHA-256) another file of the run also has, naming it: the same
     * list sent twice under two names is counted once for its city by supersession, but the clerk should know.
     * Empty files, all alike, have their own finding.
     */
    private void identicalFiles(long runId, List<Finding> out) {
        Map<String, List<String>> bySha = new LinkedHashMap<>();
        jdbc.query("SELECT f.sha256, f.file_name FROM ra_input_file f JOIN (SELECT sha256 FROM ra_input_file"
                        + " WHERE run_id = ? AND size_bytes > 0 GROUP BY sha256 HAVING COUNT(*) > 1) d"
                        + " ON d.sha256 = f.sha256 WHERE f.run_id = ? ORDER BY f.sha256, f.file_name",
                rs -> {
                    bySha.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, runId, runId);
        for (List<String> same : bySha.values()) {
            for (String file : same) {
                String other = same.get(same.get(0).equals(file) ? 1 : 0);
                String more = same.size() > 2 ? "等 " + (same.size() - 1) + " 个文件" : "";
                out.add(Finding.of(Rule.DUPLICATE_FILE, null, file, null, null, null, null,
                        "文件「" + file + "」与「" + other + "」" + more + "内容完全相同（SHA-256 一致），是同一份文件报送了两次；"
                                + "请删除多余的一份 (the same content as " + other + ": sent twice; remove one)"));
            }
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
                        + "   SELECT project_id FROM ra_project_row WHERE run_id = ? AND " + StagedRows.COUNTED
                        + "   GROUP BY project_id HAVING COUNT(*) > 1) d ON d.project_id = r.project_id"
                        + " WHERE r.run_id = ? AND " + StagedRows.COUNTED
                        + " ORDER BY r.project_id, r.file_name, r.row_no, r.sheet",
                (rs, i) -> new IdRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6)), runId, runId);
        IdRow first = null;
        List<Object[]> later = new ArrayList<>();
        for (IdRow r : rows) {
            if (first == null || !first.projectId().equals(r.projectId())) {
                first = r;
                continue;
            }
            later.add(new Object[] {runId, r.file(), r.sheet(), r.row()});
            out.add(Finding.of(Rule.DUPLICATE_PROJECT_ID, r.cityCode(), r.file(), r.sheet(), r.row(), r.idCell(),
                    r.projectId(), "第" + r.row() + "行 项目编号（" + r.idCell() + "）「" + r.projectId() + "」与「" + first.file()
                            + "」第" + first.row() + "行重复，只保留首次出现的一行。请核对并使用唯一的项目编号"
                            + " (duplicate of " + first.file() + " row " + first.row() + ")"));
        }
        if (!later.isEmpty()) {
            jdbc.batchUpdate("UPDATE ra_project_row SET disposition = 'REJECTED' WHERE run_id = ? AND file_name = ?"
                    + " AND sheet = ? AND row_no = ?", later);
            log.info("  {} rows rejected as duplicate project ids (DUPLICATE_PROJECT_ID)", later.size());
        }
    }
}
