package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (systemd's stop) in each step of a run: the step ends at its chunk boundary, the execution is recorded
 * STOPPED, the process prints how to continue and exits 1 well within {@link GracefulStop#GRACE}; and the run,
 * stopped once in every step (discover, reference, intake mid-file, consolidate, reconcile, report, publish) and
 * continued each time by the printed {@code restart}, ends byte-identical to an uninterrupted run. One chain of
 * real processes, each stopped by a real signal.
 */
class StopSignalTest {

    private static final List<String> STEPS = List.of("discover", "reference", "intake", "consolidate", "reconcile",
            "report", "publish");

    @TempDir
    Path dir;

    @Test
    void sigtermInEachStepStopsTheRunWhichRestartsToTheSameResult() throws Exception {
        Path input = Cli.inputWithLargeFile(dir, 3000);
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());
        Map<String, byte[]> expected = Cli.uninterruptedTables(dir, TestDatabases.H2, run);

        Path output = dir.resolve("stopped");
        List<String> db = TestDatabases.options(TestDatabases.H2, output);
        long slowest = 0;
        List<String> command = run;
        for (String step : STEPS) {
            // intake is stopped between two chunks of the large file; the other steps while they run
            String fault = step.equals("intake") ? "slow:400" : "pause:" + step + ":1500";
            String marker = step.equals("intake") ? "fault: writing a chunk of intakeFile:file:changzhou_projects.csv"
                    : "fault: pausing in step " + step;
            Path log = dir.resolve("child-" + step + ".log");
            Process child = start(fault, command, db, log);
            waitFor(log, marker, child);
            long signalled = System.nanoTime();
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(GracefulStop.GRACE.toSeconds() + 10, TimeUnit.SECONDS))
                    .as("stopped within the grace period").isTrue();
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            slowest = Math.max(slowest, ms);
            String printed = Files.readString(log, StandardCharsets.UTF_8);
            System.out.println("SIGTERM in " + step + ": exit " + child.exitValue() + " after " + ms + " ms");
            assertThat(child.exitValue()).as(printed).isEqualTo(ReductionAccountingApplication.FAILED);
            assertThat(printed).as(printed).contains("STOPPED").contains("stopped on request")
                    .contains("to continue: ").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(output.resolve("2020/nightly/LATEST")).as("nothing published by a stopped run").doesNotExist();

            Cli.Result status = Cli.run(List.of("status", "--year", "2020"), db);
            assertThat(status.out()).as(status.out()).contains("STOPPED").contains("restart --execution");
            // the printed command continues it (the next process, stopped in the next step)
            String toContinue = printed.lines().filter(l -> l.contains("to continue: ")).findFirst().orElseThrow();
            assertThat(toContinue).contains("restart --execution").contains("--output " + output);
            command = List.of("restart", "--year", "2020", "--mode", "nightly");
        }
        System.out.println("slowest stop after SIGTERM: " + slowest + " ms (grace " + GracefulStop.GRACE + ")");

        Cli.Result finished = Cli.run(command, db);
        assertThat(finished.exitCode()).as(finished.all()).isZero();
        Map<String, byte[]> actual = Cli.summaryTables(output, "nightly");
        for (String table : expected.keySet()) {
            assertThat(new String(actual.get(table), StandardCharsets.UTF_8)).as(table)
                    .isEqualTo(new String(expected.get(table), StandardCharsets.UTF_8));
        }
    }

    /** The program in a JVM of its own (its main, so its signal handling), with a fault switched on. */
    static Process start(String fault, List<String> args, List<String> db, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-D" + FaultInjection.PROPERTY + "=" + fault, "-cp", System.getProperty("java.class.path"),
                ReductionAccountingApplication.class.getName()));
        command.addAll(args);
        command.addAll(db);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits (at most 3 minutes: a loaded machine) until the child's output contains the text. */
    static void waitFor(Path log, String text, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the process ended before '" + text + "':\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        child.destroyForcibly();
        throw new AssertionError("the process did not reach '" + text + "':\n" + Files.readString(log));
    }
}
