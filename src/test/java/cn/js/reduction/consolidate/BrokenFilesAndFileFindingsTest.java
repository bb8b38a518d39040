package cn.js.reduction.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.core.RunMode;
import cn.js.reduction.intake.StagingWriter;
import cn.js.reduction.operations.StepHarness;
import cn.js.reduction.reconcile.Reconciliation;
import cn.js.reduction.reconcile.ReductionStatus;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reconcile.Tallies;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Consolidate and reconcile on staged rows seeded with SQL, on H2 and PostgreSQL: a file that broke off part-way
 * counts for nothing, and a finding about a file as a whole reaches every city of the file.
 *
 * <p>The seed:
 * <ul>
 *   <li>{@value #NJ_OLD}: 南京's three pollutants, base 100, reporting 70 each.</li>
 *   <li>{@value #NJ_BROKEN}, newer: one VOCs row read (base 5, reporting 5), then FILE_UNREADABLE: it must not replace
 *       the older report; 南京 keeps 100 → 70 and is INCOMPLETE (a report of it was not read whole).</li>
 *   <li>{@value #WX_BROKEN}: 无锡's only report, broken after one row: 无锡 has no submission, MISSING_SUBMISSION names
 *       the file.</li>
 *   <li>{@value #CZ_SKIPPED}: a project list of 常州 skipped whole (MISSING_COLUMN, found at discovery, no city).</li>
 *   <li>{@value #PROVINCE}: an emission report naming no city, a UNIT_CONVERTED about it, rows of 苏州 and 南通.</li>
 * </ul>
 */
class BrokenFilesAndFileFindingsTest {

    private static final String NJ_OLD = "南京_排放量_20201201.csv";
    private static final String NJ_BROKEN = "南京_排放量_20201215.xlsx";
    private static final String WX_BROKEN = "无锡_排放量_20201215.xlsx";
    private static final String CZ_SKIPPED = "常州_项目清单.xlsx";
    private static final String PROVINCE = "全省_排放量.xlsx";

    @TempDir
    Path output;

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void a_broken_file_counts_for_nothing_and_file_findings_reach_every_city_of_their_file(String database) {
        try (StepHarness run = new StepHarness(database, "nightly", output)) {
            JdbcTemplate jdbc = run.jdbc();
            long id = run.runId();
            file(jdbc, id, NJ_OLD, "2020-12-01T09:00", "EMISSIONS");
            file(jdbc, id, NJ_BROKEN, "2020-12-15T09:00", "EMISSIONS");
            file(jdbc, id, WX_BROKEN, "2020-12-15T09:00", "EMISSIONS");
            file(jdbc, id, CZ_SKIPPED, "2020-12-15T09:00", "PROJECTS");
            file(jdbc, id, PROVINCE, "2020-12-15T09:00", "EMISSIONS");
            int row = 2;
            for (String p : List.of("VOCS", "SO2", "NOX")) {
                emission(jdbc, id, NJ_OLD, row++, "320100", p, 100, 70);
            }
            emission(jdbc, id, NJ_BROKEN, 2, "320100", "VOCS", 5, 5);
            emission(jdbc, id, WX_BROKEN, 2, "320200", "VOCS", 5, 5);
            emission(jdbc, id, PROVINCE, 2, "320500", "VOCS", 10, 8);
            emission(jdbc, id, PROVINCE, 3, "320600", "VOCS", 10, 8);
            fileFinding(jdbc, id, StagingWriter.STAGE, NJ_BROKEN, "ERROR", "FILE_UNREADABLE", "读到一半无法继续");
            fileFinding(jdbc, id, StagingWriter.STAGE, WX_BROKEN, "ERROR", "FILE_UNREADABLE", "读到一半无法继续");
            fileFinding(jdbc, id, FileFindings.DISCOVER, CZ_SKIPPED, "ERROR", "MISSING_COLUMN", "缺少项目类别列");
            fileFinding(jdbc, id, StagingWriter.STAGE, PROVINCE, "INFO", "UNIT_CONVERTED", "万吨换算为吨");

            run.runStep("consolidate");

            assertThat(jdbc.queryForList("SELECT file_name FROM ra_emission_row WHERE run_id = ? AND superseded"
                    + " ORDER BY file_name", String.class, id)).containsExactly(NJ_BROKEN, WX_BROKEN);
            List<String> consolidated = findings(jdbc, id, Consolidation.STAGE);
            assertThat(consolidated).contains(
                    "FILE_UNREADABLE|320100|" + NJ_BROKEN, "FILE_UNREADABLE|320200|" + WX_BROKEN,
                    "MISSING_COLUMN|320400|" + CZ_SKIPPED,
                    "UNIT_CONVERTED|320500|" + PROVINCE, "UNIT_CONVERTED|320600|" + PROVINCE,
                    "FILE_NOT_COUNTED|320100|" + NJ_BROKEN, "FILE_NOT_COUNTED|320200|" + WX_BROKEN);
            // the city-less originals are replaced by their copies, not repeated beside them
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ra_finding WHERE run_id = ? AND city_code IS NULL",
                    Integer.class, id)).isZero();
            assertThat(message(jdbc, id, "FILE_NOT_COUNTED", "320100")).contains("仍以「" + NJ_OLD + "」为准");
            assertThat(message(jdbc, id, "FILE_NOT_COUNTED", "320200")).contains("没有可计入的排放量报表");

            // the step's job instance is complete now: the next stage runs as the step would run it
            new Reconciliation(jdbc).reconcile(id, run.reference(), RunMode.stored("nightly"));

            Map<String, ReductionTally> tallies = new HashMap<>();
            new Tallies(jdbc).reductions(id, run.reference()).forEach(t -> tallies.put(t.cityCode() + "|"
                    + t.pollutant().code(), t));
            // 南京 rests on the older report whole, but a report of it was not read: INCOMPLETE, figures of the older
            assertThat(tallies.get("320100|VOCS").baseT()).isEqualByComparingTo("100");
            assertThat(tallies.get("320100|VOCS").status()).isEqualTo(ReductionStatus.INCOMPLETE);
            assertThat(tallies.get("320200|NOX").status()).isEqualTo(ReductionStatus.INCOMPLETE);
            assertThat(tallies.get("320200|VOCS").baseT()).isNull();
            // the province's VOCs rests on 苏州 and 南通 (20 → 16) and 南京's partial figures
            assertThat(tallies.get("320000|VOCS").status()).isEqualTo(ReductionStatus.INCOMPLETE);
            assertThat(tallies.get("320000|VOCS").restsOn()).isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT message FROM ra_finding WHERE run_id = ? AND rule = 'MISSING_SUBMISSION'"
                    + " AND city_code = '320200' AND cell_value = '排放量报表'", String.class, id))
                    .contains(WX_BROKEN, "未能完整读取");
        }
    }

    private static void file(JdbcTemplate jdbc, long run, String name, String submitted, String kind) {
        jdbc.update("INSERT INTO ra_input_file (run_id, file_name, sha256, size_bytes, submitted_at, kind, readable)"
                        + " VALUES (?, ?, ?, 1000, ?, ?, TRUE)",
                run, name, String.format("%064x", name.hashCode() & 0xffffffffL),
                Timestamp.valueOf(LocalDateTime.parse(submitted)), kind);
    }

    private static void emission(JdbcTemplate jdbc, long run, String file, int row, String city, String pollutant,
                                 int base, int reporting) {
        jdbc.update("INSERT INTO ra_emission_row (run_id, file_name, sheet, row_no, disposition, city_code, pollutant,"
                + " base_t, reporting_t) VALUES (?, ?, 'Sheet1', ?, 'ACCEPTED', ?, ?, ?, ?)", run, file, row, city,
                pollutant, base, reporting);
    }

    private static void fileFinding(JdbcTemplate jdbc, long run, String stage, String file, String severity,
                                    String rule, String message) {
        jdbc.update("INSERT INTO ra_finding (run_id, stage, file_name, sheet, row_no, ordinal, severity, rule,"
                + " city_code, message) VALUES (?, ?, ?, '', 0, 0, ?, ?, NULL, ?)", run, stage, file, severity, rule,
                message);
    }

    /** rule|city|file of a stage's findings. */
    private static List<String> findings(JdbcTemplate jdbc, long run, String stage) {
        return jdbc.query("SELECT rule, city_code, file_name FROM ra_finding WHERE run_id = ? AND stage = ?",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3), run, stage);
    }

    private static String message(JdbcTemplate jdbc, long run, String rule, String city) {
        return jdbc.queryForObject("SELECT message FROM ra_finding WHERE run_id = ? AND rule = ? AND city_code = ?",
                String.class, run, rule, city);
    }
}
