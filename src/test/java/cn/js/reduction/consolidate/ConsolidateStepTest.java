package cn.js.reduction.consolidate;

import cn.js.reduction.intake.StagingWriter;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.operations.StepHarness;
import cn.js.reduction.operations.TestDatabases;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The consolidate step alone, on staged rows seeded with SQL: resubmission and duplicate project ids.
 *
 * <p>The seed, 南京 (320100) and 无锡 (320200):
 * <ul>
 *   <li>{@value #OLD} (submitted 1 Dec): rows 2 P-1 and 3 P-2 accepted, row 4 rejected; an intake finding on
 *       row 2.</li>
 *   <li>{@value #NEW} (15 Dec): rows 2 P-1, 3 P-3 and 4 P-3 accepted; an intake finding on row 2.</li>
 *   <li>{@value #WUXI} (20 Dec, the newest file of all): row 2 a 无锡 project, row 3 a stray 南京 row
 *       (P-4).</li>
 *   <li>Emission reports 南京_排放量_20201201.csv (1 row) and 南京_排放量_20201215.csv (1 row).</li>
 * </ul>
 * Worked out: {@value #NEW} shares P-1 with {@value #OLD}, so it is a corrected resubmission and replaces it,
 * withdrawing P-2 (PROJECTS_WITHDRAWN); {@value #WUXI} is newer but its name names
 * 无锡 only, so its stray 南京 row stays accepted and supersedes nothing. All 3 南京 rows of {@value #OLD} become
 * superseded (the rejected one too: it counts as ignored now), with one SUPERSEDED_FILE finding, and the intake
 * finding of that file goes (it no longer asks the city for anything). Duplicates are looked for among the
 * rows still counted: P-1 is no duplicate any more (its first copy is superseded); P-3's second copy, row 4, is
 * rejected naming row 3.
 */
class ConsolidateStepTest {

    private static final String OLD = "南京_项目清单_20201201.xlsx";
    private static final String NEW = "南京_项目清单_20201215.xlsx";
    private static final String WUXI = "无锡_项目清单_20201220.xlsx";
    private static final String OLD_EMISSIONS = "南京_排放量_20201201.csv";
    private static final String NEW_EMISSIONS = "南京_排放量_20201215.csv";

    @TempDir
    Path output;

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void the_newest_file_of_a_city_counts_and_a_repeated_id_is_rejected_naming_the_first(String database) {
        try (StepHarness run = new StepHarness(database, "nightly", output)) {
            JdbcTemplate jdbc = run.jdbc();
            long id = run.runId();
            file(jdbc, id, OLD, "2020-12-01T09:00", "PROJECTS");
            file(jdbc, id, NEW, "2020-12-15T09:00", "PROJECTS");
            file(jdbc, id, WUXI, "2020-12-20T09:00", "PROJECTS");
            file(jdbc, id, OLD_EMISSIONS, "2020-12-01T09:00", "EMISSIONS");
            file(jdbc, id, NEW_EMISSIONS, "2020-12-15T09:00", "EMISSIONS");
            project(jdbc, id, OLD, 2, "ACCEPTED", "320100", "P-1");
            project(jdbc, id, OLD, 3, "ACCEPTED", "320100", "P-2");
            project(jdbc, id, OLD, 4, "REJECTED", "320100", "P-9");
            project(jdbc, id, NEW, 2, "ACCEPTED", "320100", "P-1");
            project(jdbc, id, NEW, 3, "ACCEPTED", "320100", "P-3");
            project(jdbc, id, NEW, 4, "ACCEPTED", "320100", "P-3");
            project(jdbc, id, WUXI, 2, "ACCEPTED", "320200", "W-1");
            project(jdbc, id, WUXI, 3, "ACCEPTED", "320100", "P-4");
            emission(jdbc, id, OLD_EMISSIONS, 2);
            emission(jdbc, id, NEW_EMISSIONS, 2);
            intakeFinding(jdbc, id, OLD, 2);
            intakeFinding(jdbc, id, NEW, 2);

            run.runStep("consolidate");

            if (database.equals(TestDatabases.POSTGRESQL)) {
                // the planner knows the rows intake staged before consolidation joins them (StagedRowStore): ANALYZE
                // of a table this small counts every row, of every run the database holds
                assertThat(jdbc.queryForObject("SELECT reltuples FROM pg_class WHERE relname = 'ra_project_row'",
                        Double.class)).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM ra_project_row", Double.class));
            }
            assertThat(projectRows(jdbc, id)).containsExactly(
                    OLD + "|2|ACCEPTED|true", OLD + "|3|ACCEPTED|true", OLD + "|4|REJECTED|true",
                    NEW + "|2|ACCEPTED|false", NEW + "|3|ACCEPTED|false", NEW + "|4|REJECTED|false",
                    WUXI + "|2|ACCEPTED|false", WUXI + "|3|ACCEPTED|false");
            assertThat(jdbc.queryForList("SELECT file_name FROM ra_emission_row WHERE run_id = ? AND superseded",
                    String.class, id)).containsExactly(OLD_EMISSIONS);

            assertThat(findings(jdbc, id, Consolidation.STAGE)).containsExactlyInAnyOrder(
                    "SUPERSEDED_FILE|320100|" + OLD + "||0||"
                            + "|项目清单「" + OLD + "」中南京市的3行已被较新的报送文件「" + NEW + "」替代，不再计入",
                    "SUPERSEDED_FILE|320100|" + OLD_EMISSIONS + "||0||"
                            + "|排放量报表「" + OLD_EMISSIONS + "」中南京市的1行已被较新的报送文件「" + NEW_EMISSIONS
                            + "」替代，不再计入",
                    "PROJECTS_WITHDRAWN|320100|" + NEW + "||0||P-2|南京市较新的项目清单「" + NEW + "」与较早的「" + OLD
                            + "」有相同的项目编号，按更正后的重新报送处理并替代它；较早清单中有1个项目在新清单中没有，不再计入：P-2。"
                            + "如这些项目仍应计入，请补报（文件名注明“补充”）",
                    "DUPLICATE_PROJECT_ID|320100|" + NEW + "|Sheet1|4|A4|P-3|第4行 项目编号（A4）「P-3」与「" + NEW
                            + "」第3行重复，只保留首次出现的一行。请核对并使用唯一的项目编号");
            // the superseded file's row findings are gone; the counted file's stay
            assertThat(jdbc.queryForList("SELECT file_name FROM ra_finding WHERE run_id = ? AND stage = ?",
                    String.class, id, StagingWriter.STAGE)).containsExactly(NEW);
        }
    }

    private static void file(JdbcTemplate jdbc, long run, String name, String submitted, String kind) {
        jdbc.update("INSERT INTO ra_input_file (run_id, file_name, sha256, size_bytes, submitted_at, kind, readable)"
                        + " VALUES (?, ?, ?, 1000, ?, ?, TRUE)",
                run, name, distinctHash(name), Timestamp.valueOf(LocalDateTime.parse(submitted)), kind);
    }

    /** Each seeded file its own content hash: files of one hash are one file sent twice (DUPLICATE_FILE). */
    private static String distinctHash(String name) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void project(JdbcTemplate jdbc, long run, String file, int row, String disposition, String city,
                                String projectId) {
        jdbc.update("INSERT INTO ra_project_row (run_id, file_name, sheet, row_no, disposition, city_code, project_id,"
                        + " id_cell, category_code, status, counted_status) VALUES (?, ?, 'Sheet1', ?, ?, ?, ?, ?,"
                        + " 'KILN', 'COMPLETED', 'COMPLETED')",
                run, file, row, disposition, city, projectId, "A" + row);
    }

    private static void emission(JdbcTemplate jdbc, long run, String file, int row) {
        jdbc.update("INSERT INTO ra_emission_row (run_id, file_name, sheet, row_no, disposition, city_code, pollutant,"
                + " base_t, reporting_t) VALUES (?, ?, 'Sheet1', ?, 'ACCEPTED', '320100', 'VOCS', 10, 8)", run, file, row);
    }

    private static void intakeFinding(JdbcTemplate jdbc, long run, String file, int row) {
        jdbc.update("INSERT INTO ra_finding (run_id, stage, file_name, sheet, row_no, ordinal, severity, rule, city_code,"
                        + " cell, cell_value, message) VALUES (?, ?, ?, 'Sheet1', ?, 0, 'WARNING', 'CREDIT_CODE_CHECK',"
                        + " '320100', 'F2', 'x', 'a warning of the row')",
                run, StagingWriter.STAGE, file, row);
    }

    /** file|row|disposition|superseded, ordered by file name then row. */
    private static List<String> projectRows(JdbcTemplate jdbc, long run) {
        return jdbc.query("SELECT file_name, row_no, disposition, superseded FROM ra_project_row WHERE run_id = ?",
                        (rs, i) -> rs.getString(1) + "|" + rs.getInt(2) + "|" + rs.getString(3) + "|"
                                + rs.getBoolean(4), run)
                .stream().sorted().toList();
    }

    /** rule|city|file|sheet|row|cell|value|message of a stage's findings. */
    private static List<String> findings(JdbcTemplate jdbc, long run, String stage) {
        return jdbc.query("SELECT rule, city_code, file_name, sheet, row_no, cell, cell_value, message FROM ra_finding"
                        + " WHERE run_id = ? AND stage = ?",
                (rs, i) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)
                        + "|" + rs.getInt(5) + "|" + nullToEmpty(rs.getString(6)) + "|" + nullToEmpty(rs.getString(7))
                        + "|" + rs.getString(8), run, stage);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
