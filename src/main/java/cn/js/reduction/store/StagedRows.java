package cn.js.reduction.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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

    /**
     * Queries whose rows stream to a handler, {@link #STREAM_FETCH_SIZE} at a time, each in a read-only
     * transaction (or the one already running on the thread): PostgreSQL's driver honours the fetch size only with
     * auto-commit off, and otherwise reads the whole result into memory first. The report's threads query outside
     * any transaction, and a million detail rows read at once do not fit the 512 MB a run is given (issue 9).
     */
    static final class Streaming {

        private final NamedParameterJdbcTemplate template;
        private final TransactionTemplate readOnly;

        Streaming(JdbcTemplate jdbc) {
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(STREAM_FETCH_SIZE);
            this.template = new NamedParameterJdbcTemplate(streaming);
            this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
            this.readOnly.setReadOnly(true);
        }

        void query(String sql, SqlParameterSource parameters, RowCallbackHandler rows) {
            readOnly.executeWithoutResult(status -> template.query(sql, parameters, rows));
        }
    }

    private StagedRows() {
    }
}
