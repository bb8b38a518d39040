package cn.js.reduction.store;

import java.util.List;
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

        private final JdbcTemplate plain;
        private final NamedParameterJdbcTemplate template;
        private final TransactionTemplate readOnly;
        private volatile Boolean h2;
        private final java.util.Map<String, String> keyOrder = new java.util.concurrent.ConcurrentHashMap<>();

        Streaming(JdbcTemplate jdbc) {
            this.plain = jdbc;
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(STREAM_FETCH_SIZE);
            this.template = new NamedParameterJdbcTemplate(streaming);
            this.readOnly = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
            this.readOnly.setReadOnly(true);
        }

        /**
         * On H2 the query runs lazily (LAZY_QUERY_EXECUTION, for this query only): rows go to the handler as the
         * plan finds them instead of H2 building the whole result first, which for a province's detail meant
         * sorting it and writing it to a temporary file when it exceeded H2's rows in memory. A plan that must
         * sort still sorts; {@link #inKeyOrder} gives the province's queries a plan that need not.
         */
        void query(String sql, SqlParameterSource parameters, RowCallbackHandler rows) {
            readOnly.executeWithoutResult(status -> {
                boolean lazy = isH2();
                if (lazy) {
                    plain.execute("SET LAZY_QUERY_EXECUTION TRUE");
                }
                try {
                    template.query(sql, parameters, rows);
                } finally {
                    if (lazy) {
                        plain.execute("SET LAZY_QUERY_EXECUTION FALSE"); // the pooled connection as it was
                    }
                }
            });
        }

        /**
         * What follows a table's name in FROM so that a query of one run's rows, ordered by the primary key (run_id
         * first), reads them in that order without sorting: on H2, {@code USE INDEX (<its primary key>)}, since
         * H2's planner takes the (run_id, project_id) index for {@code run_id = ?} and then sorts every row of the
         * run (measured on 92,739 joined rows of a 50,000-row run: 2.6 s, 1.2 s in key order and lazily); on
         * PostgreSQL nothing, its planner chooses by itself. Only for the province: a city's rows are found by
         * the city index and sorted, a few thousand.
         */
        String inKeyOrder(String table) {
            if (!isH2()) {
                return "";
            }
            return keyOrder.computeIfAbsent(table, t -> {
                List<String> names = plain.queryForList("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                        + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_NAME = ? AND INDEX_TYPE_NAME = 'PRIMARY KEY'",
                        String.class, t.toUpperCase(java.util.Locale.ROOT));
                return names.size() == 1 ? "USE INDEX (\"" + names.get(0) + "\")" : "";
            });
        }

        boolean isH2() {
            Boolean known = h2;
            if (known == null) {
                known = plain.execute((java.sql.Connection c) -> c.getMetaData().getURL().startsWith("jdbc:h2:"));
                h2 = known;
            }
            return known;
        }
    }

    private StagedRows() {
    }
}
