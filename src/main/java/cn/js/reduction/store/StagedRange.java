package cn.js.reduction.store;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Makes staging a chunk idempotent: before a chunk's rows are inserted, whatever the staging tables hold in the
 * chunk's key range (run, file, sheet, rows first..last) is removed in the same transaction. A restarted step then
 * never meets rows of its own beyond its last recorded chunk (left by a database that kept a chunk's rows but not the
 * step's record of them, as H2 did on a full disk): they are replaced, not refused by the primary key, so a restart
 * never loops on a unique violation. On a first attempt the range is empty and the delete, on the key's index,
 * finds nothing.
 */
final class StagedRange {

    private StagedRange() {
    }

    /** Clears, in each table (in order), the rows of the chunk's file with the chunk's sheets and row range. */
    static void clear(NamedParameterJdbcTemplate jdbc, List<? extends SqlParameterSource> rows, String... tables) {
        // one file per chunk (a partition reads one file), possibly several sheets: a range per sheet
        Map<String, long[]> ranges = new TreeMap<>();
        SqlParameterSource first = rows.get(0);
        for (SqlParameterSource row : rows) {
            long rowNo = ((Number) row.getValue("row_no")).longValue();
            long[] range = ranges.computeIfAbsent(String.valueOf(row.getValue("sheet")),
                    s -> new long[] {rowNo, rowNo});
            range[0] = Math.min(range[0], rowNo);
            range[1] = Math.max(range[1], rowNo);
        }
        for (Map.Entry<String, long[]> range : ranges.entrySet()) {
            MapSqlParameterSource key = new MapSqlParameterSource("run_id", first.getValue("run_id"))
                    .addValue("file_name", first.getValue("file_name")).addValue("sheet", range.getKey())
                    .addValue("first", range.getValue()[0]).addValue("last", range.getValue()[1]);
            for (String table : tables) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = :run_id AND file_name = :file_name"
                        + " AND sheet = :sheet AND row_no BETWEEN :first AND :last", key);
            }
        }
    }
}
