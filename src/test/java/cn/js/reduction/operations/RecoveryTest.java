package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every state that status shows has a command that gets past it, and that command works: an abandoned run, a
 * run whose records were left STARTING or UNKNOWN by lost database connections (made directly in the job
 * repository, and for real by terminating PostgreSQL backends mid-intake). The result is always the
 * uninterrupted run's.
 */
class RecoveryTest {

    private static final String LARGE_FILE_CHUNK = "fault: writing a chunk of intakeFile:file:changzhou_projects.csv";

    /**
     * Built once for the class: the input with the large file (read only by every run) and, per database, the
     * uninterrupted run's tables. Five cases interrupt the same files in different ways; the result each must
     * reach is the same for all cases on one database, so one clean run per database is the reference (it was
     * one per case). Each case still breaks and continues a run on a database of its own, in a folder of its own.
     */
    @TempDir
    static Path shared;
    private static Path largeInput;
    private static final Map<String, Map<String, byte[]>> UNINTERRUPTED = new HashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void writeInput() throws Exception {
        // 1600 rows: four chunks of 500 for 常州, so intakeFile:700 fails the second with the first committed, and a
        // run slowed to 1 s a chunk is still in intake for 3 s once it has committed the first
        largeInput = Cli.inputWithLargeFile(shared, 1600);
    }

    /** The uninterrupted run of the large input on a database of that kind: made by the first case that needs it. */
    private static Map<String, byte[]> uninterrupted(String database, List<String> run) throws Exception {
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

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void abandonedRunIsFollowedByAFreshRunOfTheSameFiles(String database) throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        Path output = dir.resolve("output");
        List<String> db = TestDatabases.options(database, output);
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());
        System.setProperty(FaultInjection.PROPERTY, "consolidate");
        Cli.Result failed = Cli.run(run, db);
        System.clearProperty(FaultInjection.PROPERTY);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        String execution = number(failed.out(), "execution (\\d+)");
        String firstRun = number(failed.out(), "run-(\\d+)");

        Cli.Result abandoned = Cli.run(List.of("abandon", "--execution", execution), db);
        assertThat(abandoned.exitCode()).as(abandoned.all()).isZero();
        assertThat(Cli.run(List.of("status", "--verbose"), db).out()).contains("ABANDONED").contains("starts afresh");

        Cli.Result again = Cli.run(run, db);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("COMPLETED").doesNotContain("nothing to do");
        String secondRun = number(again.out(), "run-(\\d+)");
        assertThat(secondRun).isNotEqualTo(firstRun);
        assertThat(Files.readString(output.resolve("2020/nightly/LATEST")).trim()).isEqualTo("run-" + secondRun);
        assertThat(output.resolve("2020/nightly/run-" + secondRun + "/projects_by_city_category.csv")).exists();
        // and that attempt is now the completed run of these files
        assertThat(Cli.run(run, db).out()).contains("nothing to do").contains("run-" + secondRun);
    }

    /**
     * What a lost connection leaves in the job repository, made directly: a partition that was waiting to start
     * stays STARTING (Spring Batch then refuses run and restart as "already running"), or a chunk whose rollback
     * failed leaves the partition and the job UNKNOWN (Spring Batch refuses to restart it at all).
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"h2, STARTING", "h2, UNKNOWN", "postgresql, STARTING", "postgresql, UNKNOWN"})
    void runLeftStartingOrUnknownIsContinuedByTheCommandStatusShows(String database, String left) throws Exception {
        List<String> run = List.of("run", "--year", "2020", "--input", largeInput.toString());
        Map<String, byte[]> expected = uninterrupted(database, run);

        Path broken = dir.resolve("broken");
        List<String> db = TestDatabases.options(database, broken);
        System.setProperty(FaultInjection.PROPERTY, "intakeFile:700");
        assertThat(Cli.run(run, db).exitCode()).isEqualTo(1);
        System.clearProperty(FaultInjection.PROPERTY);
        try (Connection c = TestDatabases.connect(db); Statement s = c.createStatement()) {
            if (left.equals("STARTING")) {
                assertThat(s.executeUpdate("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTING', START_TIME = NULL,"
                        + " END_TIME = NULL WHERE STEP_NAME = 'intakeFile:file:changzhou_projects.csv'")).isEqualTo(1);
            } else {
                assertThat(s.executeUpdate("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN'"
                        + " WHERE STEP_NAME IN ('intake', 'intakeFile:file:changzhou_projects.csv')")).isEqualTo(2);
                s.executeUpdate("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN'");
            }
        }
        Cli.Result status = Cli.run(List.of("status", "--verbose", "--year", "2020"), db);
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("to continue:").contains("restart --execution");
        if (left.equals("UNKNOWN")) {
            // the recommended command, as status prints it
            String command = number(status.out(), "(restart --execution \\d+)");
            List<String> args = new ArrayList<>(List.of(command.split(" ")));
            Cli.Result restarted = Cli.run(args, db);
            assertThat(restarted.exitCode()).as(restarted.all()).isZero();
            assertThat(restarted.out()).contains("COMPLETED");
        } else {
            // the nightly scheduler simply runs again
            Cli.Result again = Cli.run(run, db);
            assertThat(again.exitCode()).as(again.all()).isZero();
            assertThat(again.out()).contains("COMPLETED").doesNotContain("already");
        }
        Map<String, byte[]> actual = Cli.summaryTables(broken, "nightly");
        for (String table : expected.keySet()) {
            assertThat(new String(actual.get(table), StandardCharsets.UTF_8)).as(table)
                    .isEqualTo(new String(expected.get(table), StandardCharsets.UTF_8));
        }
    }

    /**
     * PostgreSQL backends of a running intake terminated for real (pg_terminate_backend, repeatedly for a few
     * seconds, as a failover or an administrator would): the run ends, status offers a command, and that command
     * finishes the run with the uninterrupted result.
     */
    @org.junit.jupiter.api.Test
    void terminatedPostgresBackendsLeaveARunThatTheRecommendedCommandFinishes() throws Exception {
        List<String> run = List.of("run", "--year", "2020", "--input", largeInput.toString());
        Map<String, byte[]> expected = uninterrupted(TestDatabases.POSTGRESQL, run);

        Path cut = dir.resolve("cut");
        List<String> db = TestDatabases.options(TestDatabases.POSTGRESQL, cut);
        String url = db.get(db.indexOf("--db-url") + 1);
        String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        Path log = dir.resolve("child.log");
        List<String> command = ChildJvm.command(
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), // the build's, not a shared /tmp
                "-D" + FaultInjection.PROPERTY + "=slow:1000");
        command.addAll(run);
        command.addAll(db);
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit;
        try {
            // the large file is being read: its first chunk is committed and the second waits its second before it
            // is written (FaultInjection prints the line before each chunk's wait), so the three seconds of
            // terminations below begin with three chunks (3 s) of intake still to write, the first of them within
            // 1 s. (Once this waited for the state log's progress line, which comes 5 s into the file: 5 s more of a
            // slowed child, and on a 3000-row file the terminations began in its last chunk or after it.)
            StopSignalTest.waitFor(log, LARGE_FILE_CHUNK, 2, child);
            try (Connection admin = java.sql.DriverManager.getConnection(TestDatabases.adminUrl(), "postgres", "");
                 Statement s = admin.createStatement()) {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (System.nanoTime() < until) {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                    Thread.sleep(50);
                }
            }
            assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("the run ends by itself").isTrue();
            exit = child.exitValue();
        } finally {
            child.destroyForcibly();
        }
        String childOut = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(childOut).as(childOut).doesNotContain("\tat org.");
        Cli.Result status = Cli.run(List.of("status", "--verbose", "--year", "2020"), db);
        assertThat(status.exitCode()).as(status.all()).isZero();
        System.out.println(childOut + "\n" + status.out()); // what the operator saw, in the test's report
        if (exit == 0) {
            return; // the connections were lost between the run's transactions only (rare): nothing to recover
        }
        assertThat(status.out()).as(status.out()).contains("restart --execution");
        String restartCommand = number(status.out(), "(restart --execution \\d+)");
        Cli.Result restarted = Cli.run(new ArrayList<>(List.of(restartCommand.split(" "))), db);
        assertThat(restarted.exitCode()).as(restarted.all() + "\n" + status.out()).isZero();
        assertThat(restarted.out()).contains("COMPLETED");
        Map<String, byte[]> actual = Cli.summaryTables(cut, "nightly");
        for (String table : expected.keySet()) {
            assertThat(new String(actual.get(table), StandardCharsets.UTF_8)).as(table)
                    .isEqualTo(new String(expected.get(table), StandardCharsets.UTF_8));
        }
    }

    static String number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
        return m.group(1);
    }
}
