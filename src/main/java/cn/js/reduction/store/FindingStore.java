package cn.js.reduction.store;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.InputLimits;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * ra_finding. A finding is identified by its stage, file, sheet, row and its ordinal within that place, so a
 * stage that runs again replaces its findings instead of repeating them.
 */
public final class FindingStore {

    private static final String INSERT = """
            INSERT INTO ra_finding (run_id, stage, file_name, sheet, row_no, ordinal, severity, rule, city_code, cell,
                cell_value, message)
            VALUES (:run_id, :stage, :file_name, :sheet, :row_no, :ordinal, :severity, :rule, :city_code, :cell,
                :cell_value, :message)""";

    /** Findings in place order, reconciliation's (no file) after the rows'; stages in pipeline order. */
    private static final String PLACE_ORDER = """
            ORDER BY CASE WHEN f.file_name = '' THEN 1 ELSE 0 END, f.file_name, f.sheet, f.row_no,
                CASE f.stage WHEN 'DISCOVER' THEN 0 WHEN 'INTAKE' THEN 1 WHEN 'CONSOLIDATE' THEN 2 ELSE 3 END,
                f.ordinal""";

    /** The files that hold rows of :city_code: a handful, found by the staged rows' city index. */
    private static final String FILES_OF_CITY = """
            SELECT file_name FROM ra_project_row WHERE run_id = :run_id AND city_code = :city_code
            UNION SELECT file_name FROM ra_emission_row WHERE run_id = :run_id AND city_code = :city_code""";

    private static final String COLUMNS = "f.severity, f.rule, f.city_code, f.file_name, f.sheet, f.row_no, f.cell,"
            + " f.cell_value, f.message, f.stage, f.ordinal";

    private final NamedParameterJdbcTemplate jdbc;
    private final StagedRows.Streaming streaming;

    public FindingStore(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.streaming = new StagedRows.Streaming(jdbc);
    }

    /**
     * Streams the run's findings in place order: all of them or, with a city code, the city's part.
     *
     * @param rowErrorsOnly only the errors about a row (the rows a city must correct)
     */
    public void forEach(long runId, String cityCode, boolean rowErrorsOnly, Consumer<Finding> action) {
        String errors = rowErrorsOnly ? " AND f.severity = 'ERROR' AND f.row_no > 0" : "";
        MapSqlParameterSource parameters = new MapSqlParameterSource("run_id", runId).addValue("city_code", cityCode);
        String sql;
        if (cityCode == null) {
            sql = "SELECT " + COLUMNS + " FROM ra_finding f WHERE f.run_id = :run_id" + errors;
        } else {
            // a city's part: its own findings (by the city index), and the city-less findings of the files that
            // hold its rows (by file). Two index lookups per city, not a pass over every finding of the run: the
            // report asks this for each of hundreds of cities
            List<String> files = jdbc.queryForList(FILES_OF_CITY, parameters, String.class);
            sql = "SELECT " + COLUMNS + " FROM ra_finding f WHERE f.run_id = :run_id AND f.city_code = :city_code" + errors
                    + (files.isEmpty() ? "" : "\nUNION ALL SELECT " + COLUMNS + " FROM ra_finding f WHERE f.run_id = :run_id"
                    + " AND f.city_code IS NULL AND f.file_name IN (:files)" + errors);
            parameters.addValue("files", files);
        }
        streaming.query("SELECT * FROM (" + sql + ") f\n" + PLACE_ORDER, parameters,
                (RowCallbackHandler) rs -> action.accept(finding(rs)));
    }

    /** A finding as its columns hold it; the empty file, sheet and row 0 of a finding without a place are none. */
    private static Finding finding(ResultSet rs) throws SQLException {
        String file = rs.getString("file_name");
        String sheet = rs.getString("sheet");
        int row = rs.getInt("row_no");
        return new Finding(Severity.valueOf(rs.getString("severity")), Rule.valueOf(rs.getString("rule")),
                rs.getString("city_code"), file.isEmpty() ? null : file, sheet.isEmpty() ? null : sheet,
                row == 0 ? null : row, rs.getString("cell"), rs.getString("cell_value"), rs.getString("message"));
    }

    /** The run's findings of this severity. */
    public long count(long runId, Severity severity) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ra_finding WHERE run_id = :run_id AND severity = :severity",
                new MapSqlParameterSource("run_id", runId).addValue("severity", severity.name()), Long.class);
    }

    public void deleteStage(long runId, String stage) {
        jdbc.update("DELETE FROM ra_finding WHERE run_id = :run_id AND stage = :stage",
                new MapSqlParameterSource("run_id", runId).addValue("stage", stage));
    }

    /** The findings of one stage's file, e.g. of an intake attempt that is started again. */
    public void deleteStageFile(long runId, String stage, String fileName) {
        jdbc.update("DELETE FROM ra_finding WHERE run_id = :run_id AND stage = :stage AND file_name = :file_name",
                new MapSqlParameterSource("run_id", runId).addValue("stage", stage).addValue("file_name", fileName));
    }

    /** The findings of one stage about the rows of these files and cities (rows that no longer count), one batch. */
    public void deleteStageFileCities(long runId, String stage, List<StagedRowStore.FileCity> places) {
        jdbc.batchUpdate("""
                DELETE FROM ra_finding
                WHERE run_id = :run_id AND stage = :stage AND file_name = :file_name AND city_code = :city_code""",
                places.stream().map(p -> StagedRowStore.fileCity(runId, p).addValue("stage", stage))
                        .toArray(SqlParameterSource[]::new));
    }

    /** A stage's findings about a file as a whole (row 0), e.g. the breakage of a file's earlier attempt. */
    public void deleteFileLevel(long runId, String stage, String fileName) {
        jdbc.update("""
                DELETE FROM ra_finding
                WHERE run_id = :run_id AND stage = :stage AND file_name = :file_name AND row_no = 0""",
                new MapSqlParameterSource("run_id", runId).addValue("stage", stage).addValue("file_name", fileName));
    }

    /** How many findings of this stage and rule each file has. */
    public Map<String, Long> countPerFile(long runId, String stage, Rule rule) {
        Map<String, Long> out = new HashMap<>();
        jdbc.query("""
                SELECT file_name, COUNT(*) AS n FROM ra_finding
                WHERE run_id = :run_id AND stage = :stage AND rule = :rule
                GROUP BY file_name""",
                new MapSqlParameterSource("run_id", runId).addValue("stage", stage).addValue("rule", rule.name()),
                (RowCallbackHandler) rs -> out.put(rs.getString("file_name"), rs.getLong("n")));
        return out;
    }

    public void insert(long runId, String stage, int ordinal, Finding f) {
        jdbc.update(INSERT, parameters(runId, stage, ordinal, f));
    }

    /** The findings of one place, numbered in their order: one batch. */
    public void insertAll(long runId, String stage, List<Finding> list) {
        insertBatch(IntStream.range(0, list.size()).mapToObj(i -> parameters(runId, stage, i, list.get(i))).toList());
    }

    /** Findings already numbered ({@link #parameters}), e.g. the findings of a chunk's rows: one batch. */
    public void insertBatch(List<? extends SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows.toArray(SqlParameterSource[]::new));
        }
    }

    /**
     * The finding as its columns hold it, named by column: the value and the message cut for display with a mark
     * saying how long they were ({@link InputLimits#forDisplay}), text the database cannot store (NUL) replaced,
     * so that no finding about a hostile cell can itself fail the run.
     */
    public static MapSqlParameterSource parameters(long runId, String stage, int ordinal, Finding f) {
        return new MapSqlParameterSource()
                .addValue("run_id", runId)
                .addValue("stage", stage)
                .addValue("file_name", f.file() == null ? "" : f.file())
                .addValue("sheet", f.sheet() == null ? "" : InputLimits.storable(f.sheet()))
                .addValue("row_no", f.row() == null ? 0 : f.row())
                .addValue("ordinal", ordinal)
                .addValue("severity", f.severity().name())
                .addValue("rule", f.rule().name())
                .addValue("city_code", f.cityCode())
                .addValue("cell", f.cell())
                .addValue("cell_value", stored(f.value(), InputLimits.FINDING_VALUE_CHARS))
                .addValue("message", stored(f.message(), InputLimits.FINDING_MESSAGE_CHARS));
    }

    private static String stored(String text, int maxChars) {
        return InputLimits.storable(InputLimits.forDisplay(text, maxChars));
    }
}
