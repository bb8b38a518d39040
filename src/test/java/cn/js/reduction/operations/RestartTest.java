package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run that fails part-way (a test-only fault switched on in the real job) and is restarted by the
 * operator's commands produces CSVs byte-identical to an uninterrupted run's: nothing lost, nothing twice.
 */
class RestartTest {

    /**
     * Built once for the class: the input (read only by every run) and, per database, the uninterrupted run's
     * tables. The four cases fail and restart the same files in different ways; the result each must reach is
     * the same for all cases on one database, so one clean run per database is the reference (it was one per
     * case). Each case still fails and restarts on a database of its own, in a folder of its own.
     */
    @TempDir
    static Path shared;
    private static Path input;
    private static final Map<String, Map<String, byte[]>> UNINTERRUPTED = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void writeInput() throws Exception {
        // 1600 rows: four chunks of 500 for 常州, so intakeFile:700 fails the second with the first committed
        input = Cli.inputWithLargeFile(shared, 1600);
    }

    /** The uninterrupted run of the input on a database of that kind: made by the first case that needs it. */
    static Map<String, byte[]> uninterrupted(String database, List<String> run) throws Exception {
        Map<String, byte[]> tables = UNINTERRUPTED.get(database);
        if (tables == null) {
            tables = Cli.uninterruptedTables(shared.resolve("clean-" + database), database, run);
            UNINTERRUPTED.put(database, tables);
        }
        return tables;
    }

    @AfterEach
    void switchFaultOff() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    @ParameterizedTest(name = "{0}: fault {1}")
    @CsvSource({"h2, intakeFile:700", "h2, reconcile", "postgresql, intakeFile:700", "postgresql, report"})
    void restartAfterAFailureGivesTheUninterruptedResult(String database, String fault) throws Exception {
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());

        Map<String, byte[]> expected = uninterrupted(database, run);

        Path failing = dir.resolve("failing");
        List<String> db = TestDatabases.options(database, failing);
        System.setProperty(FaultInjection.PROPERTY, fault);
        Cli.Result failed = Cli.run(run, db);
        System.clearProperty(FaultInjection.PROPERTY);

        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.out()).contains("FAILED").contains("injected fault").contains("to continue:")
                .contains("restart --execution");
        assertThat(failing.resolve("2020/nightly/LATEST")).doesNotExist(); // nothing half-done looks complete

        Cli.Result status = Cli.run(List.of("status", "--verbose", "--year", "2020"), db);
        assertThat(status.exitCode()).isZero();
        assertThat(status.out()).contains("FAILED").contains("error: injected fault").contains("restart --execution");

        Cli.Result restarted = Cli.run(List.of("restart", "--year", "2020", "--mode", "nightly"), db);
        assertThat(restarted.exitCode()).as(restarted.all()).isZero();
        assertThat(restarted.out()).contains("COMPLETED");

        Map<String, byte[]> actual = Cli.summaryTables(failing, "nightly");
        for (String table : expected.keySet()) {
            assertThat(new String(actual.get(table), java.nio.charset.StandardCharsets.UTF_8)).as(table)
                    .isEqualTo(new String(expected.get(table), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(actual.get(table)).as(table).isEqualTo(expected.get(table));
        }
        // the same files again: recognised as done
        Cli.Result again = Cli.run(run, db);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("nothing to do");
    }
}
