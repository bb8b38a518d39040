package cn.js.reduction.reconcile;

import cn.js.reduction.core.RunMode;
import cn.js.reduction.intake.Finding;
import cn.js.reduction.intake.Rule;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.StagedRows;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation (docs/outputs.md, "How the figures are made"): the database counts and sums the accepted,
 * current rows by city × category and city × pollutant, joined to the annex tables; the province is summed
 * over the cities; then one finding per shortfall, excess, unmet target, missing submission and excessive
 * claim. One transaction; rerunnable.
 */
public final class Reconciliation {

    public static final String STAGE = "RECONCILE";

    /** The run's rows that count ({@link StagedRows#COUNTED}). */
    private static final String COUNTED = "run_id = ? AND " + StagedRows.COUNTED;

    private final JdbcTemplate jdbc;
    private final Tallies tallies;
    private final FindingStore findings;

    public Reconciliation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.tallies = new Tallies(jdbc);
        this.findings = new FindingStore(jdbc);
    }

    public void reconcile(long runId, ReferenceData ref, RunMode mode) {
        int year = ref.year();
        String province = City.PROVINCE_CODE;
        jdbc.update("DELETE FROM ra_project_tally WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM ra_reduction_tally WHERE run_id = ?", runId);
        findings.deleteStage(runId, STAGE);

        // city × category, every cell of annex 4 (planned 0 included, so unplanned submissions show)
        jdbc.update("INSERT INTO ra_project_tally (run_id, city_code, category_code, planned, submitted, completed,"
                + " in_progress, not_started)"
                + " SELECT ?, p.city_code, p.category_code, p.planned, COALESCE(s.submitted, 0), COALESCE(s.completed, 0),"
                + "   COALESCE(s.in_progress, 0), COALESCE(s.not_started, 0)"
                + " FROM ra_ref_plan p LEFT JOIN ("
                + "   SELECT city_code, category_code, COUNT(*) AS submitted,"
                + "     SUM(CASE WHEN counted_status = 'COMPLETED' THEN 1 ELSE 0 END) AS completed,"
                + "     SUM(CASE WHEN counted_status = 'IN_PROGRESS' THEN 1 ELSE 0 END) AS in_progress,"
                + "     SUM(CASE WHEN counted_status = 'NOT_STARTED' THEN 1 ELSE 0 END) AS not_started"
                + "   FROM ra_project_row WHERE " + COUNTED + " GROUP BY city_code, category_code) s"
                + " ON s.city_code = p.city_code AND s.category_code = p.category_code"
                + " WHERE p.plan_year = ? AND p.city_code <> ?", runId, runId, year, province);
        // the province, summed over the cities (annex 4's 全省 row equals that sum: checked on load)
        jdbc.update("INSERT INTO ra_project_tally (run_id, city_code, category_code, planned, submitted, completed,"
                + " in_progress, not_started)"
                + " SELECT run_id, ?, category_code, SUM(planned), SUM(submitted), SUM(completed), SUM(in_progress),"
                + "   SUM(not_started) FROM ra_project_tally WHERE run_id = ? GROUP BY run_id, category_code",
                province, runId);
        // TOTAL over the categories, for every city and the province
        jdbc.update("INSERT INTO ra_project_tally (run_id, city_code, category_code, planned, submitted, completed,"
                + " in_progress, not_started)"
                + " SELECT run_id, city_code, ?, SUM(planned), SUM(submitted), SUM(completed), SUM(in_progress),"
                + "   SUM(not_started) FROM ra_project_tally WHERE run_id = ? GROUP BY run_id, city_code",
                Category.TOTAL, runId);

        // city × pollutant: emissions summed, completed projects' claims summed, annex 2's target
        jdbc.update("INSERT INTO ra_reduction_tally (run_id, city_code, pollutant, emission_rows, base_t, reporting_t,"
                + " target_pct, claimed_t)"
                + " SELECT ?, t.city_code, t.pollutant, COALESCE(e.n, 0), e.base_t, e.reporting_t, t.target_pct,"
                + "   COALESCE(c.claimed_t, 0)"
                + " FROM ra_ref_target t"
                + " LEFT JOIN (SELECT city_code, pollutant, COUNT(*) AS n, SUM(base_t) AS base_t,"
                + "   SUM(reporting_t) AS reporting_t FROM ra_emission_row WHERE " + COUNTED
                + "   GROUP BY city_code, pollutant) e ON e.city_code = t.city_code AND e.pollutant = t.pollutant"
                + " LEFT JOIN (" + claims(ref.pollutants())
                + " ) c ON c.city_code = t.city_code AND c.pollutant = t.pollutant"
                + " WHERE t.plan_year = ? AND t.city_code <> ?",
                reductionArguments(runId, ref.pollutants().size(), year, province));
        // the province: the summed tonnes of the cities that have emission rows; claims of every city
        jdbc.update("INSERT INTO ra_reduction_tally (run_id, city_code, pollutant, emission_rows, base_t, reporting_t,"
                + " target_pct, claimed_t)"
                + " SELECT r.run_id, ?, r.pollutant, SUM(r.emission_rows), SUM(r.base_t), SUM(r.reporting_t),"
                + "   (SELECT t.target_pct FROM ra_ref_target t WHERE t.plan_year = ? AND t.city_code = ?"
                + "     AND t.pollutant = r.pollutant), SUM(r.claimed_t)"
                + " FROM ra_reduction_tally r WHERE r.run_id = ? GROUP BY r.run_id, r.pollutant",
                province, year, province, runId);

        findings.insertAll(runId, STAGE, findings(runId, ref, mode));
    }

    /**
     * The completed projects' claimed tonnes per city, one UNION ALL branch per pollutant of the reference data:
     * each pollutant's claims sit in its own column of ra_project_row ({@link Pollutant#claimColumn()}). Names
     * and columns come from the enum, never from input, so writing them into the SQL is safe.
     */
    private static String claims(List<Pollutant> pollutants) {
        return pollutants.stream()
                .map(p -> "SELECT city_code, '" + p.name() + "' AS pollutant, SUM(" + p.claimColumn()
                        + ") AS claimed_t FROM ra_project_row WHERE " + COUNTED
                        + " AND counted_status = 'COMPLETED' GROUP BY city_code")
                .collect(Collectors.joining(" UNION ALL "));
    }

    /** run id for the tally and the emission sums, once per claim branch, then the plan year and the province. */
    private static Object[] reductionArguments(long runId, int pollutants, int year, String province) {
        List<Object> args = new ArrayList<>();
        args.add(runId);
        args.add(runId);
        for (int i = 0; i < pollutants; i++) {
            args.add(runId);
        }
        args.add(year);
        args.add(province);
        return args.toArray();
    }

    private List<Finding> findings(long runId, ReferenceData ref, RunMode mode) {
        List<Finding> out = new ArrayList<>();
        Set<String> withProjects = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT city_code FROM ra_project_row WHERE run_id = ? AND NOT superseded AND city_code IS NOT NULL",
                String.class, runId));
        Set<String> withEmissions = new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT city_code FROM ra_emission_row WHERE run_id = ? AND NOT superseded AND city_code IS NOT NULL",
                String.class, runId));
        for (City city : ref.cities()) {
            if (!withProjects.contains(city.code())) {
                out.add(Finding.of(Rule.MISSING_SUBMISSION, city.code(), null, null, null, null, "项目清单",
                        city.name() + "市未报送项目清单 (no project list submitted)"));
            }
            if (!withEmissions.contains(city.code())) {
                out.add(Finding.of(Rule.MISSING_SUBMISSION, city.code(), null, null, null, null, "排放量报表",
                        city.name() + "市未报送排放量报表 (no emission report submitted)"));
            }
        }
        for (ProjectTally t : tallies.projects(runId, ref)) {
            if (t.cityCode().equals(City.PROVINCE_CODE) || t.categoryCode().equals(Category.TOTAL)) {
                continue;
            }
            String where = t.cityName() + "市「" + t.categoryName() + "」";
            switch (t.countStatus()) {
                case SHORTFALL -> out.add(Finding.of(Rule.COUNT_SHORTFALL, t.cityCode(), null, null, null, null,
                        t.categoryCode(), where + "计划" + t.planned() + "项，报送" + t.submitted() + "项，少"
                                + (-t.variance()) + "项 (shortfall)"));
                case EXCESS -> out.add(Finding.of(Rule.COUNT_EXCESS, t.cityCode(), null, null, null, null,
                        t.categoryCode(), where + "计划" + t.planned() + "项，报送" + t.submitted() + "项，多"
                                + t.variance() + "项 (excess)"));
                case UNPLANNED -> out.add(Finding.of(Rule.UNPLANNED_CATEGORY, t.cityCode(), null, null, null, null,
                        t.categoryCode(), where + "无计划项目，但报送了" + t.submitted() + "项 (unplanned category)"));
                case OK -> { }
            }
            if (mode.isFinal() && t.completionStatus() == CompletionStatus.NOT_MET) {
                out.add(Finding.of(Rule.COMPLETION_SHORTFALL, t.cityCode(), null, null, null, null, t.categoryCode(),
                        where + "计划" + t.planned() + "项，完成" + t.completed() + "项 (completion shortfall)"));
            }
        }
        for (ReductionTally t : tallies.reductions(runId, ref)) {
            if (t.cityCode().equals(City.PROVINCE_CODE)) {
                continue;
            }
            String where = t.cityName() + "市" + t.pollutant().chineseName();
            if (t.status() == ReductionStatus.NOT_MET) {
                out.add(Finding.of(Rule.TARGET_NOT_MET, t.cityCode(), null, null, null, null, t.pollutant().name(),
                        where + "比" + ref.baseYear() + "年削减" + pct(t.reductionPct()) + "%，目标" + pct(t.targetPct()) + "%，差"
                                + pct(t.gapPct().negate()) + "个百分点 (target not met)"));
            }
            if (t.claimExceedsAchieved()) {
                out.add(Finding.of(Rule.CLAIM_EXCEEDS_ACHIEVED, t.cityCode(), null, null, null, null,
                        t.pollutant().name(), where + "已完成项目申报减排" + t.claimedT().toPlainString() + "吨，排放核算减排"
                                + t.reductionT().toPlainString() + "吨，比值" + t.claimRatio().setScale(2, RoundingMode.HALF_UP)
                                + "，超过" + ReductionTally.CLAIM_RATIO_LIMIT.toPlainString() + " (projects claim more than the emissions show)"));
            }
        }
        return out;
    }

    private static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
