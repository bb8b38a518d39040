package cn.js.reduction.store;

import cn.js.reduction.intake.Finding;
import cn.js.reduction.intake.InputLimits;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;
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

    private final NamedParameterJdbcTemplate jdbc;

    public FindingStore(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
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
