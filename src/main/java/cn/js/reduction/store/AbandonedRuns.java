package cn.js.reduction.store;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staged rows of abandoned runs go: an abandoned run is never continued, so its rows (the bulk of the database:
 * every row of every file it read) are nobody's. {@code abandon} removes its run's rows; a later {@code run} removes
 * those of runs abandoned before the program did that. Its findings, files and figures stay, for status.
 */
public final class AbandonedRuns {

    private static final List<String> STAGING = List.of("ra_project_claim", "ra_project_row", "ra_emission_row");

    private final JdbcTemplate jdbc;

    public AbandonedRuns(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Removes the staged rows of one run (its job instance). */
    public void clear(long runId) {
        for (String table : STAGING) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
        }
    }

    /** Removes the staged rows of every run whose last execution is ABANDONED; returns how many runs had rows. */
    public int clearAll() {
        List<Long> runs = jdbc.queryForList("""
                SELECT DISTINCT e.JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION e
                WHERE e.STATUS = 'ABANDONED' AND NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION n
                    WHERE n.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND n.JOB_EXECUTION_ID > e.JOB_EXECUTION_ID)
                  AND (EXISTS (SELECT 1 FROM ra_project_row r WHERE r.run_id = e.JOB_INSTANCE_ID)
                    OR EXISTS (SELECT 1 FROM ra_emission_row r WHERE r.run_id = e.JOB_INSTANCE_ID))""", Long.class);
        runs.forEach(this::clear);
        return runs.size();
    }
}
