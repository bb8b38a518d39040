package cn.js.reduction.intake;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes findings into ra_finding. A finding is identified by its stage, file, sheet, row and its ordinal
 * within that place, so a stage that runs again replaces its findings instead of repeating them.
 */
public final class FindingStore {

    static final String INSERT = "INSERT INTO ra_finding (run_id, stage, file_name, sheet, row_no, ordinal, severity,"
            + " rule, city_code, cell, cell_value, message) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;

    public FindingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void deleteStage(long runId, String stage) {
        jdbc.update("DELETE FROM ra_finding WHERE run_id = ? AND stage = ?", runId, stage);
    }

    public void insert(long runId, String stage, int ordinal, Finding f) {
        jdbc.update(INSERT, row(runId, stage, ordinal, f));
    }

    public void insertAll(long runId, String stage, List<Finding> list) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rows.add(row(runId, stage, i, list.get(i)));
        }
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(INSERT, rows);
        }
    }

    /**
     * The finding as its columns hold it: the value and the message cut for display with a mark saying how long
     * they were ({@link InputLimits#forDisplay}), text the database cannot store (NUL) replaced, so that no
     * finding about a hostile cell can itself fail the run.
     */
    static Object[] row(long runId, String stage, int ordinal, Finding f) {
        return new Object[] {runId, stage, f.file() == null ? "" : f.file(),
                f.sheet() == null ? "" : InputLimits.storable(f.sheet()), f.row() == null ? 0 : f.row(), ordinal,
                f.severity().name(), f.rule().name(), f.cityCode(), f.cell(),
                stored(f.value(), InputLimits.FINDING_VALUE_CHARS), stored(f.message(), InputLimits.FINDING_MESSAGE_CHARS)};
    }

    static String stored(String text, int maxChars) {
        return InputLimits.storable(InputLimits.forDisplay(text, maxChars));
    }
}
