package cn.js.reduction.store;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.reference.Pollutant;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The staged rows: ra_project_row (with its claims in ra_project_claim, one row per pollutant claimed) and
 * ra_emission_row, keyed by (run, file, sheet, row, part: a row laid out like annex 2 is one row per pollutant).
 * What counts of them is {@link StagedRows#COUNTED}.
 */
public final class StagedRowStore {

    private static final String INSERT_PROJECT = """
            INSERT INTO ra_project_row (run_id, file_name, sheet, row_no, disposition, city_code, project_id, id_cell,
                district, project_name, responsible_unit, credit_code, category_code, status, counted_status,
                planned_completion, actual_completion, investment, remarks, city_written, category_written,
                status_written, planned_written, actual_written, ignored_why)
            VALUES (:run_id, :file_name, :sheet, :row_no, :disposition, :city_code, :project_id, :id_cell,
                :district, :project_name, :responsible_unit, :credit_code, :category_code, :status, :counted_status,
                :planned_completion, :actual_completion, :investment, :remarks, :city_written, :category_written,
                :status_written, :planned_written, :actual_written, :ignored_why)""";

    private static final String INSERT_CLAIM = """
            INSERT INTO ra_project_claim (run_id, file_name, sheet, row_no, pollutant, claimed_t)
            VALUES (:run_id, :file_name, :sheet, :row_no, :pollutant, :claimed_t)""";

    private static final String INSERT_EMISSION = """
            INSERT INTO ra_emission_row (run_id, file_name, sheet, row_no, part_no, disposition, city_code, pollutant,
                sector, base_t, reporting_t, remarks, city_written, pollutant_written, ignored_why, read_cells)
            VALUES (:run_id, :file_name, :sheet, :row_no, :part_no, :disposition, :city_code, :pollutant,
                :sector, :base_t, :reporting_t, :remarks, :city_written, :pollutant_written, :ignored_why, :read_cells)""";

    private final NamedParameterJdbcTemplate jdbc;
    private final StagedRows.Streaming streaming;

    public StagedRowStore(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.streaming = new StagedRows.Streaming(jdbc);
    }

    /**
     * Brings PostgreSQL's statistics of the staged rows up to date before consolidation, reconciliation and the report
     * query a run's rows. Autovacuum refreshes them a minute or more after intake filled the tables, and until then
     * the planner takes the new run for a handful of rows and joins thousands with nested loops: 17 s of
     * consolidation for 5,000 rows (6.3 s for the shared ids of two files, 10.9 s for the duplicated ids;
     * DistributedRunTest, PostgreSQL's slow-statement log), and on a second run of the sample 15 s of consolidation,
     * 4 s of reconciliation and 15 s of report against 0.3, 0.0 and 5 s. ANALYZE reads a sample of each table, not
     * the whole. H2 plans well without it.
     *
     * @return PostgreSQL's reason when it skipped a table (only the tables' owner may analyze them), else empty
     */
    public java.util.Optional<String> refreshStatistics() {
        if (streaming.isH2()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(jdbc.getJdbcTemplate().execute((java.sql.Statement s) -> {
            s.execute("ANALYZE ra_project_row, ra_project_claim, ra_emission_row");
            java.sql.SQLWarning skipped = s.getWarnings();
            return skipped == null ? null : skipped.getMessage();
        }));
    }

    /** One batch of project rows ({@link #project}). */
    public void insertProjects(List<? extends SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            StagedRange.clear(jdbc, rows, "ra_project_claim", "ra_project_row"); // idempotent with the chunk
            jdbc.batchUpdate(INSERT_PROJECT, rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** One batch of project claims ({@link #claims}), after the batch of their project rows. */
    public void insertClaims(List<? extends SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT_CLAIM, rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** One batch of emission rows ({@link #emission}). */
    public void insertEmissions(List<? extends SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            StagedRange.clear(jdbc, rows, "ra_emission_row");
            jdbc.batchUpdate(INSERT_EMISSION, rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** Removes a file's staged rows of both kinds. */
    public void deleteFile(long runId, String fileName) {
        MapSqlParameterSource key = new MapSqlParameterSource("run_id", runId).addValue("file_name", fileName);
        jdbc.update("DELETE FROM ra_project_claim WHERE run_id = :run_id AND file_name = :file_name", key);
        jdbc.update("DELETE FROM ra_project_row WHERE run_id = :run_id AND file_name = :file_name", key);
        jdbc.update("DELETE FROM ra_emission_row WHERE run_id = :run_id AND file_name = :file_name", key);
    }

    /** A file that has accepted rows of a city, and when it was submitted. */
    public record FileCity(String fileName, String cityCode, Timestamp submittedAt) {
    }

    /** An accepted project row that counts, with the id it gives. */
    public record IdRow(String projectId, String fileName, String sheet, int rowNo, String cityCode, String idCell) {
    }

    /** A staged row's key within its run. */
    public record RowKey(String fileName, String sheet, int rowNo) {
    }

    /**
     * Every city with rows of this kind that count: the cities that submitted. A city whose rows were all rejected
     * has not: a file of rejected rows is no submission.
     */
    public List<String> submittingCities(long runId, FileKind kind) {
        return jdbc.queryForList("""
                SELECT DISTINCT city_code FROM %s
                WHERE run_id = :run_id AND %s AND city_code IS NOT NULL""".formatted(table(kind), StagedRows.COUNTED),
                new MapSqlParameterSource("run_id", runId), String.class);
    }

    /** Undoes an earlier supersession of the run (consolidation decides it afresh). */
    public void clearSuperseded(long runId, FileKind kind) {
        jdbc.update("UPDATE %s SET superseded = FALSE WHERE run_id = :run_id AND superseded".formatted(table(kind)),
                new MapSqlParameterSource("run_id", runId));
    }

    /**
     * Each file with accepted rows of a city, with the file's submission time: one aggregate row per file and
     * city, by file then city.
     */
    public List<FileCity> acceptedFileCities(long runId, FileKind kind) {
        return jdbc.query("""
                SELECT r.file_name, r.city_code, f.submitted_at
                FROM %s r JOIN ra_input_file f ON f.run_id = r.run_id AND f.file_name = r.file_name
                WHERE r.run_id = :run_id AND r.city_code IS NOT NULL AND r.disposition = 'ACCEPTED'
                GROUP BY r.file_name, r.city_code, f.submitted_at
                ORDER BY r.file_name, r.city_code""".formatted(table(kind)),
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new FileCity(rs.getString("file_name"), rs.getString("city_code"),
                        rs.getTimestamp("submitted_at")));
    }

    /** Marks the rows of each file and city superseded, one batch; returns the rows marked per file and city. */
    public int[] markSuperseded(long runId, FileKind kind, List<FileCity> superseded) {
        return jdbc.batchUpdate("""
                UPDATE %s SET superseded = TRUE
                WHERE run_id = :run_id AND file_name = :file_name AND city_code = :city_code""".formatted(table(kind)),
                superseded.stream().map(p -> fileCity(runId, p)).toArray(SqlParameterSource[]::new));
    }

    static MapSqlParameterSource fileCity(long runId, FileCity p) {
        return new MapSqlParameterSource("run_id", runId).addValue("file_name", p.fileName())
                .addValue("city_code", p.cityCode());
    }

    /**
     * The project rows that count whose id another row that counts also gives, by id, file, row and sheet.
     * A join on the duplicated ids, not IN (subquery): H2 would run the subquery once per row.
     */
    public List<IdRow> duplicateIds(long runId) {
        return jdbc.query("""
                SELECT r.project_id, r.file_name, r.sheet, r.row_no, r.city_code, r.id_cell
                FROM ra_project_row r JOIN (
                    SELECT project_id FROM ra_project_row WHERE run_id = :run_id AND %1$s
                    GROUP BY project_id HAVING COUNT(*) > 1) d ON d.project_id = r.project_id
                WHERE r.run_id = :run_id AND %1$s
                ORDER BY r.project_id, r.file_name, r.row_no, r.sheet""".formatted(StagedRows.COUNTED),
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new IdRow(rs.getString("project_id"), rs.getString("file_name"),
                        rs.getString("sheet"), rs.getInt("row_no"), rs.getString("city_code"), rs.getString("id_cell")));
    }

    /** Rejects these project rows, one batch. */
    public void rejectProjects(long runId, List<RowKey> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("""
                    UPDATE ra_project_row SET disposition = 'REJECTED'
                    WHERE run_id = :run_id AND file_name = :file_name AND sheet = :sheet AND row_no = :row_no""",
                    rows.stream().map(r -> new MapSqlParameterSource("run_id", runId)
                                    .addValue("file_name", r.fileName())
                                    .addValue("sheet", r.sheet())
                                    .addValue("row_no", r.rowNo()))
                            .toArray(SqlParameterSource[]::new));
        }
    }

    /** A project row that counts, with its place and the city's own words for what was normalised. */
    public record CountedProject(ProjectRecord project, String fileName, String sheet, int rowNo, WrittenWords written) {
    }

    /**
     * Streams the run's project rows that count, all or a city's, by file, sheet and row, each with every claim
     * of the pollutants {@code claimed} (in that order; 0 where the row claims none).
     */
    public void forEachCountedProject(long runId, String cityCode, List<String> claimed,
                                      Consumer<CountedProject> action) {
        // one row per claim (or one without): the rows of a project arrive together, in claim order
        String sql = """
                SELECT r.project_id, r.city_code, r.district, r.project_name, r.responsible_unit, r.credit_code,
                    r.category_code, r.status, r.counted_status, r.planned_completion, r.actual_completion,
                    r.investment, r.remarks, r.file_name, r.sheet, r.row_no, c.pollutant, c.claimed_t,
                    r.city_written, r.category_written, r.status_written, r.planned_written, r.actual_written
                FROM ra_project_row r %s LEFT JOIN ra_project_claim c ON c.run_id = r.run_id
                    AND c.file_name = r.file_name AND c.sheet = r.sheet AND c.row_no = r.row_no
                WHERE r.run_id = :run_id AND %s%s
                ORDER BY r.run_id, r.file_name, r.sheet, r.row_no""".formatted(
                cityCode == null ? streaming.inKeyOrder("ra_project_row") : "", StagedRows.COUNTED,
                cityCode == null ? "" : " AND r.city_code = :city_code");
        ProjectAssembler rows = new ProjectAssembler(claimed, action);
        streaming.query(sql, new MapSqlParameterSource("run_id", runId).addValue("city_code", cityCode),
                (RowCallbackHandler) rows::add);
        rows.flush();
    }

    /**
     * An emission row that counts, with its place and the city's own words for its city and pollutant; {@code
     * cells} the cells it was read from where not its sheet's columns from first to last (annex 2's layout), else null.
     */
    public record CountedEmission(EmissionRecord emission, String fileName, String sheet, int rowNo, WrittenWords written,
                                  String cells) {
    }

    /**
     * Streams the run's emission rows that count, all or a city's, by file, sheet and row: the rows behind the
     * reduction tallies, for the workbooks' 排放明细.
     */
    public void forEachCountedEmission(long runId, String cityCode, List<Pollutant> pollutants,
                                       Consumer<CountedEmission> action) {
        Map<String, Pollutant> byCode = new HashMap<>();
        pollutants.forEach(p -> byCode.put(p.code(), p));
        String sql = """
                SELECT city_code, pollutant, sector, base_t, reporting_t, remarks, file_name, sheet, row_no,
                    city_written, pollutant_written, read_cells
                FROM ra_emission_row
                WHERE run_id = :run_id AND %s%s
                ORDER BY file_name, sheet, row_no, part_no""".formatted(StagedRows.COUNTED,
                cityCode == null ? "" : " AND city_code = :city_code");
        streaming.query(sql, new MapSqlParameterSource("run_id", runId).addValue("city_code", cityCode),
                (RowCallbackHandler) rs -> action.accept(new CountedEmission(new EmissionRecord(rs.getString("city_code"),
                        byCode.get(rs.getString("pollutant")), rs.getString("sector"), rs.getBigDecimal("base_t"),
                        rs.getBigDecimal("reporting_t"), rs.getString("remarks")),
                        rs.getString("file_name"), rs.getString("sheet"), rs.getInt("row_no"),
                        new WrittenWords(rs.getString("city_written"), rs.getString("pollutant_written"), null, null, null),
                        rs.getString("read_cells"))));
    }

    /**
     * One file's staged rows after consolidation (read = accepted + rejected + ignored; superseded rows count as
     * ignored) and those of them consolidation superseded, by what intake had decided.
     */
    public record FileRowCounts(String fileName, long readRows, long accepted, long rejected, long ignored,
                                long supersededAccepted, long supersededRejected) {
    }

    /** Every file's row counts, both kinds of rows together. */
    public List<FileRowCounts> rowCountsPerFile(long runId) {
        return jdbc.query("""
                SELECT file_name, COUNT(*) AS read_rows,
                    SUM(CASE WHEN %s THEN 1 ELSE 0 END) AS accepted,
                    SUM(CASE WHEN disposition = 'REJECTED' AND NOT superseded THEN 1 ELSE 0 END) AS rejected,
                    SUM(CASE WHEN disposition = 'IGNORED' OR superseded THEN 1 ELSE 0 END) AS ignored,
                    SUM(CASE WHEN superseded AND disposition = 'ACCEPTED' THEN 1 ELSE 0 END) AS superseded_accepted,
                    SUM(CASE WHEN superseded AND disposition = 'REJECTED' THEN 1 ELSE 0 END) AS superseded_rejected
                FROM (SELECT file_name, disposition, superseded FROM ra_project_row WHERE run_id = :run_id
                    UNION ALL SELECT file_name, disposition, superseded FROM ra_emission_row WHERE run_id = :run_id) x
                GROUP BY file_name""".formatted(StagedRows.COUNTED),
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new FileRowCounts(rs.getString("file_name"), rs.getLong("read_rows"),
                        rs.getLong("accepted"), rs.getLong("rejected"), rs.getLong("ignored"),
                        rs.getLong("superseded_accepted"), rs.getLong("superseded_rejected")));
    }

    /** A city a file holds rows of (not ignored at intake), and whether they were superseded. */
    public record FileCityRows(String fileName, String cityCode, boolean superseded) {
    }

    private static final RowMapper<FileCityRows> FILE_CITY_ROWS = (rs, i) -> new FileCityRows(rs.getString("file_name"),
            rs.getString("city_code"), rs.getBoolean("superseded"));

    /** Each file's cities of rows not ignored at intake, with whether consolidation superseded them. */
    public List<FileCityRows> citiesPerFile(long runId) {
        return jdbc.query("""
                SELECT DISTINCT file_name, city_code, superseded FROM (
                    SELECT file_name, city_code, superseded FROM ra_project_row WHERE run_id = :run_id
                        AND city_code IS NOT NULL AND disposition <> 'IGNORED'
                    UNION ALL SELECT file_name, city_code, superseded FROM ra_emission_row WHERE run_id = :run_id
                        AND city_code IS NOT NULL AND disposition <> 'IGNORED') x""",
                new MapSqlParameterSource("run_id", runId), FILE_CITY_ROWS);
    }

    /**
     * The files and cities whose rows consolidation superseded (a file that broke off has all its rows superseded,
     * those of no readable city too: they have no city to name).
     */
    public List<FileCityRows> supersededPerFile(long runId) {
        return jdbc.query("""
                SELECT DISTINCT file_name, city_code, superseded FROM ra_project_row
                WHERE run_id = :run_id AND superseded AND city_code IS NOT NULL
                UNION SELECT DISTINCT file_name, city_code, superseded FROM ra_emission_row
                WHERE run_id = :run_id AND superseded AND city_code IS NOT NULL""",
                new MapSqlParameterSource("run_id", runId), FILE_CITY_ROWS);
    }

    static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static String table(FileKind kind) {
        return switch (kind) {
            case PROJECTS -> "ra_project_row";
            case EMISSIONS -> "ra_emission_row";
        };
    }

}
