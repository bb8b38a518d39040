package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL and SIGTERM in each step of a run (discover, reference, intake mid-file, consolidate, reconcile, report,
 * publish), each continued by the command the program printed. One chain of real processes on one run: in each
 * step, a process is killed (the execution stays STARTED, status shows INTERRUPTED and prints how to continue),
 * then the command status printed is started and gets SIGTERM in the same step (the step ends at its chunk
 * boundary, a tasklet step at its end; the execution is recorded STOPPED, read back from the database; the process
 * prints how to continue and exits 1 well within {@link StopSignal.GRACE}); the command it printed goes on to
 * the next step. The last one completes the run, whose CSVs must be byte-identical to an uninterrupted run's. After
 * the crash in intake, the input files change for a while: the restart is refused, naming them, and status offers
 * the new run instead; once they are put back, the restart is offered again.
 *
 * <p>Kept affordable: the smallest set that reaches every step with a file of three chunks (1,200 rows), one
 * uninterrupted run as the reference, and FaultInjection's hooks to hold each process in its step (a pause that
 * a SIGTERM ends, or slowed intake chunks) rather than sleeping.
 */
class StopSignalTest {

    private static final List<String> STEPS = List.of("discover", "reference", "intake", "consolidate", "reconcile",
            "report", "publish");
    private static final String LARGE_FILE_CHUNK = "fault: writing a chunk of intakeFile:file:changzhou_projects.csv";

    @TempDir
    Path dir;

    private final long began = System.nanoTime();

    @Test
    void sigkillAndSigtermInEachStepAreEachContinuedByThePrintedCommandToTheSameResult() throws Exception {
        Path input = Cli.inputWithLargeFile(dir, 1200);
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());
        Map<String, byte[]> expected = Cli.uninterruptedTables(dir, TestDatabases.H2, run);
        lap("the uninterrupted run");

        Path output = dir.resolve("faulted");
        List<String> db = TestDatabases.options(TestDatabases.H2, output);
        List<String> command = new ArrayList<>(run);
        command.addAll(db);
        long slowest = 0;
        for (String step : STEPS) {
            command = killIn(step, command, db);
            if (step.equals("intake")) {
                command = changedInputsAfterTheCrash(input, command, db);
            }
            long[] ms = new long[1];
            command = terminateIn(step, command, db, ms);
            slowest = Math.max(slowest, ms[0]);
            assertThat(output.resolve("2020/nightly/LATEST")).as("nothing published by a stopped run").doesNotExist();
        }
        System.out.println("slowest stop after SIGTERM: " + slowest + " ms (grace " + StopSignal.GRACE + ")");

        Cli.Result finished = Cli.run(command);
        assertThat(finished.exitCode()).as(finished.all()).isZero();
        assertThat(finished.out()).contains("COMPLETED");
        Map<String, byte[]> actual = Cli.summaryTables(output, "nightly");
        for (String table : expected.keySet()) {
            assertThat(new String(actual.get(table), StandardCharsets.UTF_8)).as(table)
                    .isEqualTo(new String(expected.get(table), StandardCharsets.UTF_8));
        }
        assertThat(jobStatus(db)).isEqualTo("COMPLETED");
        // the killed processes' private copies of the input (reduction-input-*) and POI's files went with their folders
        try (var tmp = Files.list(output.resolve(".state/tmp"))) {
            assertThat(tmp.toList()).as("left in .state/tmp").isEmpty();
        }
    }

    /** Kills the command with SIGKILL in the step; returns the command status then prints to continue it. */
    private List<String> killIn(String step, List<String> command, List<String> db) throws Exception {
        Path log = dir.resolve("kill-" + step + ".log");
        // intake: killed between two chunks of the large file, once this process committed one of them
        Process child = start(step.equals("intake") ? "slow:300" : "pause:" + step + ":600000", command, List.of(), log);
        try {
            if (step.equals("intake")) {
                waitFor(log, LARGE_FILE_CHUNK, 2, child);
            } else {
                waitFor(log, "fault: pausing in step " + step, 1, child);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, nothing recorded
            child.waitFor(30, TimeUnit.SECONDS);
        }
        lap("SIGKILL in " + step);
        assertThat(child.exitValue()).as("killed in " + step).isEqualTo(128 + 9);
        assertThat(jobStatus(db)).as("recorded after SIGKILL in " + step).isEqualTo("STARTED");
        Cli.Result status = Cli.run(List.of("status", "--year", "2020"), db);
        String line = FaultsTest.line(status.out(), "INTERRUPTED");
        assertThat(line).as(status.out()).contains("to continue: ");
        return Cli.offered(line, "restart");
    }

    /**
     * After the crash in intake the input files change: the printed restart is refused, naming the files added,
     * changed and gone, and offers the new run with every option; status offers that run too, not the restart. Then
     * the files are put back as they were, and status offers the restart again, which the chain goes on with.
     */
    private List<String> changedInputsAfterTheCrash(Path input, List<String> restart, List<String> db) throws Exception {
        Path year = input.resolve("2020");
        Map<Path, byte[]> bytes = new java.util.TreeMap<>();
        Map<Path, java.nio.file.attribute.FileTime> times = new java.util.TreeMap<>();
        try (var files = Files.list(year)) {
            for (Path f : files.toList()) {
                bytes.put(f, Files.readAllBytes(f));
                times.put(f, Files.getLastModifiedTime(f));
            }
        }
        List<String> changed = FaultsTest.changeFiles(year);
        Cli.Result refused = Cli.run(restart);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(ReductionAccountingApplication.USAGE);
        assertThat(refused.err()).contains("gone:    " + changed.get(0)).contains("changed: " + changed.get(1))
                .contains("added:   " + changed.get(2));
        List<String> newRun = Cli.offered(FaultsTest.line(refused.err(), " run --year 2020"), "run");
        assertThat(newRun).containsSequence("--input", input.toString()).containsSequence(db);
        String line = FaultsTest.line(Cli.run(List.of("status", "--year", "2020"), db).out(), "INTERRUPTED");
        assertThat(line).contains("its input files changed since it started (1 added, 1 changed, 1 gone)")
                .doesNotContain(" restart ");
        assertThat(Cli.offered(line, "run")).isEqualTo(newRun);

        Files.delete(year.resolve(changed.get(2)));
        for (Map.Entry<Path, byte[]> f : bytes.entrySet()) {
            Files.write(f.getKey(), f.getValue());
            Files.setLastModifiedTime(f.getKey(), times.get(f.getKey()));
        }
        line = FaultsTest.line(Cli.run(List.of("status", "--year", "2020"), db).out(), "INTERRUPTED");
        assertThat(Cli.offered(line, "restart")).isEqualTo(restart);
        return restart;
    }

    /** Stops the command with SIGTERM in the step; returns the command it printed to continue. */
    private List<String> terminateIn(String step, List<String> command, List<String> db, long[] ms) throws Exception {
        Path log = dir.resolve("term-" + step + ".log");
        Process child = start(step.equals("intake") ? "slow:300" : "pause:" + step + ":600000", command, List.of(), log);
        waitFor(log, step.equals("intake") ? LARGE_FILE_CHUNK : "fault: pausing in step " + step, 1, child);
        long signalled = System.nanoTime();
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(StopSignal.GRACE.toSeconds() + 10, TimeUnit.SECONDS))
                .as("stopped within the grace period").isTrue();
        ms[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("SIGTERM in " + step + ": exit " + child.exitValue() + " after " + ms[0] + " ms");
        assertThat(child.exitValue()).as(printed).isEqualTo(ReductionAccountingApplication.FAILED);
        assertThat(printed).as(printed).contains("STOPPED").contains("stopped on request")
                .contains("to continue: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(jobStatus(db)).as("recorded after SIGTERM in " + step).isEqualTo("STOPPED");
        Cli.Result status = Cli.run(List.of("status", "--year", "2020"), db);
        assertThat(FaultsTest.line(status.out(), "STOPPED")).as(status.out()).contains("to continue: ");
        lap("SIGTERM in " + step);
        List<String> next = Cli.offered(FaultsTest.line(printed, "to continue: "), "restart");
        assertThat(next).containsSequence(db);
        return next;
    }

    /** Where the time goes: the seconds since the test began, after each process. */
    private void lap(String what) {
        System.out.printf("%6.1f s  %s%n", (System.nanoTime() - began) / 1e9, what);
    }

    /** The state the newest execution has in the run database, read as it is recorded. */
    private static String jobStatus(List<String> db) throws Exception {
        try (Connection c = TestDatabases.connect(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC")) {
            assertThat(r.next()).as("an execution recorded").isTrue();
            return r.getString(1);
        }
    }

    /** The program in a JVM of its own (its main, so its signal handling), with a fault switched on. */
    static Process start(String fault, List<String> args, List<String> db, Path log) throws IOException {
        List<String> command = ChildJvm.command("-D" + FaultInjection.PROPERTY + "=" + fault);
        command.addAll(args);
        command.addAll(db);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits (at most 3 minutes: a loaded machine) until the child's output contains the text. */
    static void waitFor(Path log, String text, Process child) throws IOException, InterruptedException {
        waitFor(log, text, 1, child);
    }

    /** Waits (at most 3 minutes) until the child's output contains the text that many times. */
    static void waitFor(Path log, String text, int times, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && count(Files.readString(log, StandardCharsets.UTF_8), text) >= times) {
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

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
