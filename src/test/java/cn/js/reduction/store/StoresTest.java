package cn.js.reduction.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.operations.StepHarness;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store queries whose shape matters beyond one stage: a city's part of the findings (its own, and the
 * city-less findings of the files holding its rows) and the rows that count. Rows seeded with SQL; expected
 * results worked out from the seed.
 */
class StoresTest {

    private static final String NANJING = "320100";
    private static final String WUXI = "320200";

    @TempDir
    Path output;

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void a_citys_findings_are_its_own_and_the_city_less_ones_of_its_files_in_place_order(String database) {
        try (StepHarness run = new StepHarness(database, "nightly", output)) {
            JdbcTemplate jdbc = run.jdbc();
            long id = run.runId();
            project(jdbc, id, "nanjing.xlsx", 2, "ACCEPTED", false, NANJING);
            emission(jdbc, id, "wuxi.csv", 2, WUXI);
            FindingStore store = new FindingStore(jdbc);
            store.insert(id, "INTAKE", 0, Finding.of(Rule.BAD_NUMBER, NANJING, "nanjing.xlsx", "Sheet1", 2, "R2",
                    "x", "n-row"));
            store.insertAll(id, "CONSOLIDATE", List.of(
                    Finding.of(Rule.DUPLICATE_FILE, null, "wuxi.csv", null, null, null, null, "w-file"),
                    Finding.of(Rule.DUPLICATE_FILE, null, "nanjing.xlsx", null, null, null, null, "n-file")));
            store.insertAll(id, "RECONCILE", List.of(
                    Finding.of(Rule.MISSING_SUBMISSION, NANJING, null, null, null, null, null, "n-missing"),
                    Finding.of(Rule.MISSING_SUBMISSION, WUXI, null, null, null, null, null, "w-missing")));

            assertThat(messages(store, id, NANJING, false)).containsExactly("n-file", "n-row", "n-missing");
            assertThat(messages(store, id, WUXI, false)).containsExactly("w-file", "w-missing");
            assertThat(messages(store, id, null, false))
                    .containsExactly("n-file", "n-row", "w-file", "n-missing", "w-missing");
            assertThat(messages(store, id, NANJING, true)).containsExactly("n-row");
            assertThat(messages(store, id, WUXI, true)).isEmpty();
            assertThat(store.count(id, Rule.MISSING_SUBMISSION.severity())).isEqualTo(4); // the warnings
        }
    }

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void only_accepted_rows_not_superseded_count(String database) {
        try (StepHarness run = new StepHarness(database, "nightly", output)) {
            JdbcTemplate jdbc = run.jdbc();
            long id = run.runId();
            project(jdbc, id, "a.xlsx", 2, "ACCEPTED", false, NANJING);
            project(jdbc, id, "a.xlsx", 3, "REJECTED", false, NANJING);
            project(jdbc, id, "a.xlsx", 4, "ACCEPTED", true, NANJING);
            project(jdbc, id, "b.xlsx", 2, "ACCEPTED", false, WUXI);
            StagedRowStore rows = new StagedRowStore(jdbc);

            List<String> counted = new ArrayList<>();
            rows.forEachCountedProject(id, null, List.of("VOCS"), p -> counted.add(p.fileName() + "#" + p.rowNo()));
            assertThat(counted).containsExactly("a.xlsx#2", "b.xlsx#2");
            List<String> nanjing = new ArrayList<>();
            rows.forEachCountedProject(id, NANJING, List.of("VOCS"), p -> nanjing.add(p.project().projectId()));
            assertThat(nanjing).containsExactly("a.xlsx#2");

            assertThat(rows.rowCountsPerFile(id)).contains(
                    new StagedRowStore.FileRowCounts("a.xlsx", 3, 1, 1, 1, 1, 0),
                    new StagedRowStore.FileRowCounts("b.xlsx", 1, 1, 0, 0, 0, 0));
        }
    }

    private static List<String> messages(FindingStore store, long runId, String city, boolean rowErrorsOnly) {
        List<String> out = new ArrayList<>();
        store.forEach(runId, city, rowErrorsOnly, f -> out.add(f.message()));
        return out;
    }

    private static void project(JdbcTemplate jdbc, long run, String file, int row, String disposition,
                                boolean superseded, String city) {
        jdbc.update("INSERT INTO ra_project_row (run_id, file_name, sheet, row_no, disposition, superseded, city_code,"
                        + " project_id, category_code, status, counted_status)"
                        + " VALUES (?, ?, 'Sheet1', ?, ?, ?, ?, ?, 'KILN', 'COMPLETED', 'COMPLETED')",
                run, file, row, disposition, superseded, city, file + "#" + row);
    }

    private static void emission(JdbcTemplate jdbc, long run, String file, int row, String city) {
        jdbc.update("INSERT INTO ra_emission_row (run_id, file_name, sheet, row_no, disposition, superseded,"
                + " city_code, pollutant, base_t, reporting_t) VALUES (?, ?, 'Sheet1', ?, 'ACCEPTED', FALSE, ?,"
                + " 'VOCS', 1, 1)", run, file, row, city);
    }
}
