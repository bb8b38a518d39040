package cn.js.reduction.store;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * ra_project_tally and ra_reduction_tally: what reconciliation sums, set-based, from the rows that count
 * ({@link StagedRows#COUNTED}) and the annex tables; the derived figures are computed from these in Java.
 */
public final class TallyStore {

    /** One cell of city × category as stored. */
    public record ProjectCounts(String cityCode, String categoryCode, int planned, int submitted, int completed,
                                int inProgress, int notStarted) {
    }

    /** One cell of city × pollutant as stored; the tonnes are null where no emission row counts. */
    public record ReductionSums(String cityCode, String pollutant, int emissionRows, BigDecimal baseT,
                                BigDecimal reportingT, BigDecimal targetPct, BigDecimal claimedT) {
    }

    /** The run's rows that count, in the scope of one staged row table. */
    private static final String COUNTED_OF_RUN = "run_id = :run_id AND " + StagedRows.COUNTED;

    private final NamedParameterJdbcTemplate jdbc;

    public TallyStore(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    public void deleteRun(long runId) {
        MapSqlParameterSource run = new MapSqlParameterSource("run_id", runId);
        jdbc.update("DELETE FROM ra_project_tally WHERE run_id = :run_id", run);
        jdbc.update("DELETE FROM ra_reduction_tally WHERE run_id = :run_id", run);
    }

    /**
     * Sums the run: city × category (every cell of annex 4, planned 0 included, so unplanned submissions show),
     * the province as the sum of the cities, TOTAL over the categories; city × pollutant (emissions, completed
     * projects' claims, annex 2's target) and the province. Five set-based statements.
     *
     * @param provinceCode the province's code in the annex tables (its own rows there are not summed)
     * @param totalCode    the category code of the TOTAL row
     */
    public void tally(long runId, int planYear, String provinceCode, String totalCode) {
        MapSqlParameterSource p = new MapSqlParameterSource("run_id", runId)
                .addValue("plan_year", planYear)
                .addValue("province", provinceCode)
                .addValue("total", totalCode);
        jdbc.update("""
                INSERT INTO ra_project_tally (run_id, city_code, category_code, planned, submitted, completed,
                    in_progress, not_started)
                SELECT :run_id, p.city_code, p.category_code, p.planned, COALESCE(s.submitted, 0),
                    COALESCE(s.completed, 0), COALESCE(s.in_progress, 0), COALESCE(s.not_started, 0)
                FROM ra_ref_plan p LEFT JOIN (
                    SELECT city_code, category_code, COUNT(*) AS submitted,
                        SUM(CASE WHEN counted_status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,
                        SUM(CASE WHEN counted_status = 'IN_PROGRESS' THEN 1 ELSE 0 END) AS in_progress,
                        SUM(CASE WHEN counted_status = 'NOT_STARTED' THEN 1 ELSE 0 END) AS not_started
                    FROM ra_project_row WHERE %s GROUP BY city_code, category_code) s
                ON s.city_code = p.city_code AND s.category_code = p.category_code
                WHERE p.plan_year = :plan_year AND p.city_code <> :province""".formatted(COUNTED_OF_RUN), p);
        // the province, summed over the cities (annex 4's 全省 row equals that sum: checked on load)
        jdbc.update("""
                INSERT INTO ra_project_tally (run_id, city_code, category_code, planned, submitted, completed,
                    in_progress, not_started)
                SELECT run_id, :province, category_code, SUM(planned), SUM(submitted), SUM(completed),
                    SUM(in_progress), SUM(not_started)
                FROM ra_project_tally WHERE run_id = :run_id GROUP BY run_id, category_code""", p);
        // TOTAL over the categories, for every city and the province
        jdbc.update("""
                INSERT INTO ra_project_tally (run_id, city_code, category_code, planned, submitted, completed,
                    in_progress, not_started)
                SELECT run_id, city_code, :total, SUM(planned), SUM(submitted), SUM(completed), SUM(in_progress),
                    SUM(not_started)
                FROM ra_project_tally WHERE run_id = :run_id GROUP BY run_id, city_code""", p);

        // city × pollutant: emissions summed, completed projects' claims summed, annex 2's target
        jdbc.update("""
                INSERT INTO ra_reduction_tally (run_id, city_code, pollutant, emission_rows, base_t, reporting_t,
                    target_pct, claimed_t)
                SELECT :run_id, t.city_code, t.pollutant, COALESCE(e.n, 0), e.base_t, e.reporting_t, t.target_pct,
                    COALESCE(c.claimed_t, 0)
                FROM ra_ref_target t
                LEFT JOIN (SELECT city_code, pollutant, COUNT(*) AS n, SUM(base_t) AS base_t,
                        SUM(reporting_t) AS reporting_t FROM ra_emission_row WHERE %s
                        GROUP BY city_code, pollutant) e ON e.city_code = t.city_code AND e.pollutant = t.pollutant
                LEFT JOIN (%s) c ON c.city_code = t.city_code AND c.pollutant = t.pollutant
                WHERE t.plan_year = :plan_year AND t.city_code <> :province"""
                .formatted(COUNTED_OF_RUN, CLAIMS), p);
        // the province: the summed tonnes of the cities that have emission rows; claims of every city
        jdbc.update("""
                INSERT INTO ra_reduction_tally (run_id, city_code, pollutant, emission_rows, base_t, reporting_t,
                    target_pct, claimed_t)
                SELECT r.run_id, :province, r.pollutant, SUM(r.emission_rows), SUM(r.base_t), SUM(r.reporting_t),
                    (SELECT t.target_pct FROM ra_ref_target t WHERE t.plan_year = :plan_year
                        AND t.city_code = :province AND t.pollutant = r.pollutant), SUM(r.claimed_t)
                FROM ra_reduction_tally r WHERE r.run_id = :run_id GROUP BY r.run_id, r.pollutant""", p);
    }

    /**
     * The completed projects' claimed tonnes per city and pollutant, from ra_project_claim (whatever pollutants
     * the plan year has): only the pollutants annex 2 targets join a row of ra_ref_target.
     */
    private static final String CLAIMS = """
            SELECT r.city_code, c.pollutant, SUM(c.claimed_t) AS claimed_t
            FROM ra_project_row r JOIN ra_project_claim c ON c.run_id = r.run_id AND c.file_name = r.file_name
                AND c.sheet = r.sheet AND c.row_no = r.row_no
            WHERE r.run_id = :run_id AND %s AND r.counted_status = 'COMPLETED'
            GROUP BY r.city_code, c.pollutant""".formatted(StagedRows.COUNTED);

    public List<ProjectCounts> projectCounts(long runId) {
        return jdbc.query("""
                SELECT city_code, category_code, planned, submitted, completed, in_progress, not_started
                FROM ra_project_tally WHERE run_id = :run_id""",
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new ProjectCounts(rs.getString("city_code"), rs.getString("category_code"),
                        rs.getInt("planned"), rs.getInt("submitted"), rs.getInt("completed"), rs.getInt("in_progress"),
                        rs.getInt("not_started")));
    }

    public List<ReductionSums> reductionSums(long runId) {
        return jdbc.query("""
                SELECT city_code, pollutant, emission_rows, base_t, reporting_t, target_pct, claimed_t
                FROM ra_reduction_tally WHERE run_id = :run_id""",
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new ReductionSums(rs.getString("city_code"), rs.getString("pollutant"),
                        rs.getInt("emission_rows"), rs.getBigDecimal("base_t"), rs.getBigDecimal("reporting_t"),
                        rs.getBigDecimal("target_pct"), rs.getBigDecimal("claimed_t")));
    }
}
