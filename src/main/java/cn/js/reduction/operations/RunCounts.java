package cn.js.reduction.operations;

import org.springframework.jdbc.core.JdbcTemplate;

/** A run's headline counts, for the operator's one-screen summary. */
record RunCounts(int files, int skippedFiles, long read, long accepted, long rejected, long ignored, long errors,
                 long warnings) {

    static RunCounts of(JdbcTemplate jdbc, long runId) {
        int files = count(jdbc, "SELECT COUNT(*) FROM ra_input_file WHERE run_id = ?", runId);
        int skipped = count(jdbc, "SELECT COUNT(*) FROM ra_input_file WHERE run_id = ? AND NOT readable", runId);
        long[] rows = jdbc.queryForObject("SELECT COUNT(*),"
                + " SUM(CASE WHEN disposition = 'ACCEPTED' AND NOT superseded THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN disposition = 'REJECTED' AND NOT superseded THEN 1 ELSE 0 END)"
                + " FROM (SELECT disposition, superseded FROM ra_project_row WHERE run_id = ?"
                + "   UNION ALL SELECT disposition, superseded FROM ra_emission_row WHERE run_id = ?) x",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}, runId, runId);
        long errors = count(jdbc, "SELECT COUNT(*) FROM ra_finding WHERE run_id = ? AND severity = 'ERROR'", runId);
        long warnings = count(jdbc, "SELECT COUNT(*) FROM ra_finding WHERE run_id = ? AND severity = 'WARNING'", runId);
        return new RunCounts(files, skipped, rows[0], rows[1], rows[2], rows[0] - rows[1] - rows[2], errors, warnings);
    }

    private static int count(JdbcTemplate jdbc, String sql, long runId) {
        Integer n = jdbc.queryForObject(sql, Integer.class, runId);
        return n == null ? 0 : n;
    }

    String describe() {
        return String.format("files: %d (%d skipped); rows: %d read = %d accepted + %d rejected + %d ignored;"
                + " findings: %d errors, %d warnings", files, skippedFiles, read, accepted, rejected, ignored, errors,
                warnings);
    }
}
