package cn.js.reduction.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * What the staged row tables (ra_project_row, ra_emission_row) share: the one definition of a row that counts.
 */
public final class StagedRows {

    /**
     * A row that counts: accepted at intake and not superseded by a newer submission of its city. Unqualified
     * columns, so a query using it reads it in the scope of one staged row table (or a join where only that
     * table has these columns). Every figure that counts rows uses this, nothing else.
     */
    public static final String COUNTED = "disposition = 'ACCEPTED' AND NOT superseded";

    /** Rows fetched at a time where a query streams a run's rows (report writing): never a million in memory. */
    static final int STREAM_FETCH_SIZE = 1000;

    /** A template over the same data source (and so the same transaction) that streams its results. */
    static NamedParameterJdbcTemplate streaming(JdbcTemplate jdbc) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(STREAM_FETCH_SIZE);
        return new NamedParameterJdbcTemplate(streaming);
    }

    private StagedRows() {
    }
}
