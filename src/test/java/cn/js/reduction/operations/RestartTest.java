package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run that fails part-way (a test-only fault switched on in the real job) and is restarted by the
 * operator's commands produces CSVs byte-identical to an uninterrupted run's: nothing lost, nothing twice.
 */
class RestartTest {

    @TempDir
    Path dir;

    @AfterEach
    void switchFaultOff() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    @ParameterizedTest(name = "{0}: fault {1}")
    @CsvSource({"h2, intakeFile:700", "h2, reconcile", "postgresql, intakeFile:700", "postgresql, report"})
    void restartAfterAFailureGivesTheUninterruptedResult(String database, String fault) throws Exception {
        Path input = Cli.inputWithLargeFile(dir, 1600);
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());

        Map<String, byte[]> expected = Cli.uninterruptedTables(dir, database, run);

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
