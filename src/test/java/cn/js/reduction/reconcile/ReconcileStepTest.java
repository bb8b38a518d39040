package cn.js.reduction.reconcile;

import cn.js.reduction.intake.ReferenceFixture;
import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.operations.StepHarness;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconcile step alone, on staging rows seeded with SQL, against the shipped 2020 plan. Every expected
 * figure is worked out by hand below from the seeded rows and the annexes, not by a second implementation.
 *
 * <p>The seed. 南京 (320100) projects, annex 4 planned in brackets:
 * <ul>
 *   <li>KILN [3]: 2 completed (VOC/SO2/NOx claims 10/5/1.5 and 2.5/0/0.5), 1 in progress (claims 100/100/100,
 *       which must not count: only completed projects claim);</li>
 *   <li>ROLLING [6]: 2 completed (claims 0/1/0 and 1/0/0); plus a rejected row and a superseded row, both
 *       completed with claims 1000/1000/1000, neither of which counts;</li>
 *   <li>INDUSTRY [0]: 1 not started: an unplanned category;</li>
 *   <li>DUST_WHARF [1]: 2 in progress: an excess.</li>
 * </ul>
 * Claimed, completed projects only: VOCs 10 + 2.5 + 0 + 1 = 13.5; SO2 5 + 0 + 1 + 0 = 6; NOx 1.5 + 0.5 = 2.
 *
 * <p>Emissions (targets of annex 2 in brackets):
 * <ul>
 *   <li>南京 VOCs [28.0]: base 60 + 40 = 100, reporting 50 + 22.5 = 72.5; reduction 27.5 = 27.5 %, gap −0.5:
 *       NOT_MET; allowed 100 × (1 − 0.28) = 72; claim ratio 13.5 / 27.5 = 0.4909…</li>
 *   <li>南京 SO2 [24.1]: base 20, reporting 18; reduction 2 = 10 %: NOT_MET; claim ratio 6 / 2 = 3 &gt; 1.5:
 *       CLAIM_EXCEEDS_ACHIEVED.</li>
 *   <li>南京 NOx [24.4]: base 10, reporting 7; reduction 3 = 30 %, gap 5.6: MET; ratio 2 / 3; a superseded row
 *       (base 1000) does not count.</li>
 *   <li>无锡 VOCs [22.0]: base 100, reporting 78: exactly 22 %, MET (equal to the target meets it). 无锡 SO2: no
 *       rows, NO_DATA. 无锡 NOx: base 0, reporting 0: NO_DATA (no percentage of nothing).</li>
 *   <li>全省 VOCs [26]: the cities with rows: base 200, reporting 150.5; 49.5 = 24.75 %: NOT_MET; claimed 13.5.</li>
 * </ul>
 */
class ReconcileStepTest {

    private static final String NANJING = "320100";
    private static final String WUXI = "320200";

    @TempDir
    Path output;

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void tallies_and_findings_of_a_nightly_run_match_the_hand_worked_figures(String database) {
        try (StepHarness run = new StepHarness(database, "nightly", output)) {
            seed(run.jdbc(), run.runId());

            run.runStep("reconcile");

            JdbcTemplate jdbc = run.jdbc();
            long id = run.runId();
            // (13 cities + 全省) × (18 categories + TOTAL), every cell of annex 4 whether planned or not
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ra_project_tally WHERE run_id = ?", Integer.class, id))
                    .isEqualTo(14 * 19);
            assertThat(projectSums(jdbc, id, NANJING, "KILN")).containsExactly(3, 3, 2, 1, 0);
            assertThat(projectSums(jdbc, id, NANJING, "ROLLING")).containsExactly(6, 2, 2, 0, 0);
            assertThat(projectSums(jdbc, id, NANJING, "INDUSTRY")).containsExactly(0, 1, 0, 0, 1);
            assertThat(projectSums(jdbc, id, NANJING, "DUST_WHARF")).containsExactly(1, 2, 0, 2, 0);
            // 南京's row total of annex 4 is 322; submitted 3 + 2 + 1 + 2 = 8, completed 4, in progress 3
            assertThat(projectSums(jdbc, id, NANJING, Category.TOTAL)).containsExactly(322, 8, 4, 3, 1);
            // the province: annex 4's 全省 total 4535; only 南京 submitted
            assertThat(projectSums(jdbc, id, City.PROVINCE_CODE, Category.TOTAL)).containsExactly(4535, 8, 4, 3, 1);
            assertThat(projectSums(jdbc, id, WUXI, Category.TOTAL)).containsExactly(308, 0, 0, 0, 0);

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ra_reduction_tally WHERE run_id = ?", Integer.class,
                    id)).isEqualTo(14 * 3);
            assertReductionSums(jdbc, id, NANJING, ReferenceFixture.pollutant("VOCS"), 2, "100", "72.5", "28", "13.5");
            assertReductionSums(jdbc, id, NANJING, ReferenceFixture.pollutant("SO2"), 1, "20", "18", "24.1", "6");
            assertReductionSums(jdbc, id, NANJING, ReferenceFixture.pollutant("NOX"), 1, "10", "7", "24.4", "2");
            assertReductionSums(jdbc, id, WUXI, ReferenceFixture.pollutant("VOCS"), 1, "100", "78", "22", "0");
            assertReductionSums(jdbc, id, WUXI, ReferenceFixture.pollutant("SO2"), 0, null, null, "26", "0");
            assertReductionSums(jdbc, id, City.PROVINCE_CODE, ReferenceFixture.pollutant("VOCS"), 3, "200", "150.5", "26", "13.5");

            // what the CSVs and workbooks are made of: statuses decided on the exact figures
            Tallies tallies = new Tallies(jdbc);
            Map<String, ProjectTally> projects = new HashMap<>();
            tallies.projects(id, run.reference()).forEach(t -> projects.put(t.cityCode() + "|" + t.categoryCode(), t));
            ProjectTally kiln = projects.get(NANJING + "|KILN");
            assertThat(kiln.countStatus()).isEqualTo(CountStatus.OK);
            assertThat(kiln.completionStatus()).isEqualTo(CompletionStatus.NOT_MET);
            assertThat(kiln.completionRate()).isEqualByComparingTo(
                    BigDecimal.valueOf(2).divide(BigDecimal.valueOf(3), Tallies.QUOTIENT));
            assertThat(projects.get(NANJING + "|ROLLING").countStatus()).isEqualTo(CountStatus.SHORTFALL);
            assertThat(projects.get(NANJING + "|ROLLING").variance()).isEqualTo(-4);
            assertThat(projects.get(NANJING + "|ROLLING").completionStatus()).isEqualTo(CompletionStatus.NOT_MET);
            assertThat(projects.get(NANJING + "|INDUSTRY").countStatus()).isEqualTo(CountStatus.UNPLANNED);
            assertThat(projects.get(NANJING + "|INDUSTRY").completionRate()).isNull();
            assertThat(projects.get(NANJING + "|INDUSTRY").completionStatus()).isEqualTo(CompletionStatus.MET);
            assertThat(projects.get(NANJING + "|DUST_WHARF").countStatus()).isEqualTo(CountStatus.EXCESS);
            assertThat(projects.get(NANJING + "|CATERING").countStatus()).isEqualTo(CountStatus.SHORTFALL);
            assertThat(projects.get(NANJING + "|ENERGY_CHP").countStatus()).isEqualTo(CountStatus.OK); // 0 of 0

            Map<String, ReductionTally> reductions = new HashMap<>();
            tallies.reductions(id, run.reference()).forEach(t -> reductions.put(t.cityCode() + "|" + t.pollutant().code(), t));
            ReductionTally njVoc = reductions.get(NANJING + "|VOCS");
            assertThat(njVoc.reductionT()).isEqualByComparingTo("27.5");
            assertThat(njVoc.reductionPct()).isEqualByComparingTo("27.5");
            assertThat(njVoc.gapPct()).isEqualByComparingTo("-0.5");
            assertThat(njVoc.allowedT()).isEqualByComparingTo("72");
            assertThat(njVoc.status()).isEqualTo(ReductionStatus.NOT_MET);
            assertThat(njVoc.claimRatio()).isEqualByComparingTo(
                    new BigDecimal("13.5").divide(new BigDecimal("27.5"), Tallies.QUOTIENT));
            assertThat(njVoc.claimExceedsAchieved(run.reference().claimRatioLimit())).isFalse();
            assertThat(reductions.get(NANJING + "|SO2").status()).isEqualTo(ReductionStatus.NOT_MET);
            assertThat(reductions.get(NANJING + "|SO2").claimRatio()).isEqualByComparingTo("3");
            assertThat(reductions.get(NANJING + "|SO2").claimExceedsAchieved(run.reference().claimRatioLimit())).isTrue();
            assertThat(reductions.get(NANJING + "|NOX").status()).isEqualTo(ReductionStatus.MET);
            assertThat(reductions.get(NANJING + "|NOX").gapPct()).isEqualByComparingTo("5.6");
            assertThat(reductions.get(WUXI + "|VOCS").status()).isEqualTo(ReductionStatus.MET);
            assertThat(reductions.get(WUXI + "|VOCS").gapPct()).isEqualByComparingTo("0");
            assertThat(reductions.get(WUXI + "|SO2").status()).isEqualTo(ReductionStatus.NO_DATA);
            assertThat(reductions.get(WUXI + "|NOX").status()).isEqualTo(ReductionStatus.NO_DATA);
            assertThat(reductions.get(WUXI + "|NOX").reductionPct()).isNull();
            assertThat(reductions.get(WUXI + "|NOX").claimRatio()).isNull();
            ReductionTally provinceVoc = reductions.get(City.PROVINCE_CODE + "|VOCS");
            assertThat(provinceVoc.reductionPct()).isEqualByComparingTo("24.75");
            // below its target, but 11 of the 13 cities have no VOCs figures: the province's verdict rests on 2
            assertThat(provinceVoc.status()).isEqualTo(ReductionStatus.INCOMPLETE);
            assertThat(provinceVoc.restsOn()).isEqualTo(2);

            List<String> nanjing = findings(jdbc, id, NANJING);
            assertThat(nanjing).contains(
                    // the rejected row 7 is of ROLLING: the clerk is told it is among the missing four
                    "COUNT_SHORTFALL|ROLLING|南京市「滚动实施项目」计划6项，报送2项，少4项，另有 1 行被退回（见退回行）",
                    "COUNT_EXCESS|DUST_WHARF|南京市「码头堆场扬尘治理项目」计划1项，报送2项，多1项",
                    "UNPLANNED_CATEGORY|INDUSTRY|南京市「产业结构优化调整项目」无计划项目，但报送了1项",
                    "TARGET_NOT_MET|VOCS|南京市挥发性有机物比2015年削减27.50%，目标28.00%，差0.50个百分点",
                    "TARGET_NOT_MET|SO2|南京市二氧化硫比2015年削减10.00%，目标24.10%，差14.10个百分点",
                    "CLAIM_EXCEEDS_ACHIEVED|SO2|南京市二氧化硫已完成项目申报减排6吨，排放核算减排2吨，比值3.00，超过上限1.5"
                            + "：项目申报的减排多于排放量所显示的");
            // 南京 plans 13 categories; KILN is met in count and DUST_WHARF exceeded: 11 shortfalls
            assertThat(nanjing).filteredOn(f -> f.startsWith("COUNT_SHORTFALL|")).hasSize(11);
            assertThat(nanjing).noneMatch(f -> f.startsWith("TARGET_NOT_MET|NOX"))
                    .noneMatch(f -> f.startsWith("MISSING_SUBMISSION"))
                    .noneMatch(f -> f.startsWith("COMPLETION_SHORTFALL")); // only a final run asks for completion
            assertThat(findings(jdbc, id, WUXI)).contains("MISSING_SUBMISSION|项目清单|无锡市未报送项目清单")
                    .noneMatch(f -> f.startsWith("TARGET_NOT_MET")).noneMatch(f -> f.contains("排放量报表"));
            // 12 cities without a project list, 11 without an emission report
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ra_finding WHERE run_id = ? AND stage = ?"
                    + " AND rule = 'MISSING_SUBMISSION'", Integer.class, id, Reconciliation.STAGE)).isEqualTo(23);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ra_finding WHERE run_id = ? AND stage = ?"
                    + " AND city_code = ?", Integer.class, id, Reconciliation.STAGE, City.PROVINCE_CODE)).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void a_final_run_also_reports_the_categories_not_completed(String database) {
        try (StepHarness run = new StepHarness(database, "final", output)) {
            seed(run.jdbc(), run.runId());

            run.runStep("reconcile");

            List<String> nanjing = findings(run.jdbc(), run.runId(), NANJING);
            assertThat(nanjing).contains(
                    "COMPLETION_SHORTFALL|KILN|南京市「工业炉窑整治项目」计划3项，完成2项",
                    "COMPLETION_SHORTFALL|DUST_WHARF|南京市「码头堆场扬尘治理项目」计划1项，完成0项");
            // INDUSTRY plans nothing, so nothing is short of completion there; 13 planned categories, none complete
            assertThat(nanjing).noneMatch(f -> f.startsWith("COMPLETION_SHORTFALL|INDUSTRY"))
                    .filteredOn(f -> f.startsWith("COMPLETION_SHORTFALL|")).hasSize(13);
        }
    }

    private static void seed(JdbcTemplate jdbc, long run) {
        String projects = "南京_项目清单.xlsx";
        project(jdbc, run, projects, 2, "ACCEPTED", false, "KILN", "COMPLETED", "10", "5", "1.5");
        project(jdbc, run, projects, 3, "ACCEPTED", false, "KILN", "COMPLETED", "2.5", "0", "0.5");
        project(jdbc, run, projects, 4, "ACCEPTED", false, "KILN", "IN_PROGRESS", "100", "100", "100");
        project(jdbc, run, projects, 5, "ACCEPTED", false, "ROLLING", "COMPLETED", "0", "1", "0");
        project(jdbc, run, projects, 6, "ACCEPTED", false, "ROLLING", "COMPLETED", "1", "0", "0");
        project(jdbc, run, projects, 7, "REJECTED", false, "ROLLING", "COMPLETED", "1000", "1000", "1000");
        project(jdbc, run, "南京_项目清单_旧.xlsx", 2, "ACCEPTED", true, "ROLLING", "COMPLETED", "1000", "1000", "1000");
        project(jdbc, run, projects, 8, "ACCEPTED", false, "INDUSTRY", "NOT_STARTED", "0", "0", "0");
        project(jdbc, run, projects, 9, "ACCEPTED", false, "DUST_WHARF", "IN_PROGRESS", "0", "0", "0");
        project(jdbc, run, projects, 10, "ACCEPTED", false, "DUST_WHARF", "IN_PROGRESS", "0", "0", "0");

        String emissions = "南京_排放量.xlsx";
        emission(jdbc, run, emissions, 2, false, NANJING, "VOCS", "60", "50");
        emission(jdbc, run, emissions, 3, false, NANJING, "VOCS", "40", "22.5");
        emission(jdbc, run, emissions, 4, false, NANJING, "SO2", "20", "18");
        emission(jdbc, run, emissions, 5, false, NANJING, "NOX", "10", "7");
        emission(jdbc, run, "南京_排放量_旧.xlsx", 2, true, NANJING, "NOX", "1000", "0");
        emission(jdbc, run, "无锡_排放量.xlsx", 2, false, WUXI, "VOCS", "100", "78");
        emission(jdbc, run, "无锡_排放量.xlsx", 3, false, WUXI, "NOX", "0", "0");
    }

    private static void project(JdbcTemplate jdbc, long run, String file, int row, String disposition,
                                boolean superseded, String category, String status, String voc, String so2,
                                String nox) {
        jdbc.update("INSERT INTO ra_project_row (run_id, file_name, sheet, row_no, disposition, superseded, city_code,"
                        + " project_id, category_code, status, counted_status)"
                        + " VALUES (?, ?, 'Sheet1', ?, ?, ?, ?, ?, ?, ?, ?)",
                run, file, row, disposition, superseded, NANJING, file + "#" + row, category, status, status);
        // the claims as intake stages them: one row per pollutant claimed, none for a claim of 0
        for (String[] claim : new String[][] {{"VOCS", voc}, {"SO2", so2}, {"NOX", nox}}) {
            if (new BigDecimal(claim[1]).signum() != 0) {
                jdbc.update("INSERT INTO ra_project_claim (run_id, file_name, sheet, row_no, pollutant, claimed_t)"
                        + " VALUES (?, ?, 'Sheet1', ?, ?, ?)", run, file, row, claim[0], new BigDecimal(claim[1]));
            }
        }
    }

    private static void emission(JdbcTemplate jdbc, long run, String file, int row, boolean superseded, String city,
                                 String pollutant, String base, String reporting) {
        jdbc.update("INSERT INTO ra_emission_row (run_id, file_name, sheet, row_no, disposition, superseded, city_code,"
                        + " pollutant, base_t, reporting_t) VALUES (?, ?, 'Sheet1', ?, 'ACCEPTED', ?, ?, ?, ?, ?)",
                run, file, row, superseded, city, pollutant, new BigDecimal(base), new BigDecimal(reporting));
    }

    /** planned, submitted, completed, in progress, not started of one cell. */
    private static List<Integer> projectSums(JdbcTemplate jdbc, long run, String city, String category) {
        return jdbc.queryForObject("SELECT planned, submitted, completed, in_progress, not_started"
                        + " FROM ra_project_tally WHERE run_id = ? AND city_code = ? AND category_code = ?",
                (rs, i) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
                run, city, category);
    }

    private static void assertReductionSums(JdbcTemplate jdbc, long run, String city, Pollutant p, int rows,
                                            String base, String reporting, String target, String claimed) {
        String where = city + " " + p;
        int found = jdbc.query("SELECT emission_rows, base_t, reporting_t, target_pct, claimed_t FROM ra_reduction_tally"
                + " WHERE run_id = ? AND city_code = ? AND pollutant = ?", (rs, i) -> {
            assertThat(rs.getInt(1)).as(where + " rows").isEqualTo(rows);
            assertDecimal(rs.getBigDecimal(2), base, where + " base_t");
            assertDecimal(rs.getBigDecimal(3), reporting, where + " reporting_t");
            assertDecimal(rs.getBigDecimal(4), target, where + " target_pct");
            assertDecimal(rs.getBigDecimal(5), claimed, where + " claimed_t");
            return i;
        }, run, city, p.code()).size();
        assertThat(found).as(where + " tally rows").isEqualTo(1);
    }

    private static void assertDecimal(BigDecimal actual, String expected, String what) {
        if (expected == null) {
            assertThat(actual).as(what).isNull();
        } else {
            assertThat(actual).as(what).isEqualByComparingTo(expected);
        }
    }

    /** The reconcile findings of a city as rule|value|message. */
    private static List<String> findings(JdbcTemplate jdbc, long run, String city) {
        return jdbc.query("SELECT rule, cell_value, message FROM ra_finding WHERE run_id = ? AND stage = ?"
                        + " AND city_code = ? ORDER BY ordinal",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                run, Reconciliation.STAGE, city);
    }
}
