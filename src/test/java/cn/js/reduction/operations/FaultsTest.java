package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.report.csv.Manifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults met between two commands, each continued by the command the program prints (docs/operations.md, "Faults
 * and what to do"): a run's finished outputs damaged while it waited for a restart, two commands on the same year
 * and mode at once, an abandoned run's staged rows. The hand-made set, small: one uninterrupted run is the
 * reference for every test.
 */
class FaultsTest {

    @TempDir
    static Path shared;

    private static Path input;
    private static List<String> run;
    private static Map<String, byte[]> expected;

    @TempDir
    Path dir;

    @BeforeAll
    static void uninterruptedRun() throws Exception {
        input = shared.resolve("input");
        EndToEndTest.writeInput(input);
        run = List.of("run", "--year", "2020", "--input", input.toString());
        expected = Cli.uninterruptedTables(shared, TestDatabases.H2, run);
    }

    @AfterEach
    void switchFaultOff() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    @Test
    void aDamagedOutputWaitingForPublicationIsWrittenAgainNeverPublishedAsItIs() throws Exception {
        Path output = dir.resolve("out");
        List<String> db = TestDatabases.options(TestDatabases.H2, output);
        System.setProperty(FaultInjection.PROPERTY, "publish");
        Cli.Result failed = Cli.run(run, db);
        System.clearProperty(FaultInjection.PROPERTY);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        Path partial = output.resolve("2020/nightly/.run-1.partial");
        assertThat(Manifest.differences(partial)).isEmpty();

        // while it waits for its restart, a file is truncated (a full disk, a hand)
        Path findings = partial.resolve("findings.csv");
        byte[] whole = Files.readAllBytes(findings);
        Files.write(findings, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(Manifest.differences(partial)).singleElement().asString().startsWith("findings.csv: ");

        Cli.Result restarted = Cli.run(List.of("restart", "--year", "2020"), db);
        assertThat(restarted.exitCode()).as(restarted.all()).isZero();
        Path published = output.resolve("2020/nightly/run-1");
        assertThat(Manifest.differences(published)).isEmpty();
        Map<String, byte[]> actual = Cli.summaryTables(output, "nightly");
        for (String table : expected.keySet()) {
            assertThat(new String(actual.get(table), StandardCharsets.UTF_8)).as(table)
                    .isEqualTo(new String(expected.get(table), StandardCharsets.UTF_8));
        }
        assertThat(Files.readString(output.resolve(".state/reduction-accounting.log")))
                .contains("differs from its manifest (findings.csv: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void twoCommandsAtOnceOneProceedsEveryOtherSaysWhoHoldsTheRun(String database) throws Exception {
        Path output = dir.resolve("out");
        List<String> db = TestDatabases.options(database, output);
        // a run that fails at reconcile leaves an execution to restart and abandon
        System.setProperty(FaultInjection.PROPERTY, "reconcile");
        Cli.Result failed = Cli.run(run, db);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        long execution = Long.parseLong(failed.out().replaceAll("(?s).*restart --execution (\\d+).*", "$1"));

        // its restart holds the run (paused in reconcile until the switch is turned off) while three more come
        System.setProperty(FaultInjection.PROPERTY, "pause:reconcile:600000");
        CompletableFuture<Cli.Result> holder = CompletableFuture.supplyAsync(
                () -> Cli.run(List.of("restart", "--execution", String.valueOf(execution)), db));
        waitForHolder(output, db, database);
        String self = "process " + ProcessHandle.current().pid() + " on " + Liveness.thisHost();
        for (List<String> other : List.of(run, List.of("restart", "--execution", String.valueOf(execution)),
                List.of("abandon", "--execution", String.valueOf(execution)))) {
            Cli.Result r = Cli.run(other, db);
            assertThat(r.exitCode()).as(other + ": " + r.all()).isZero();
            assertThat(r.out()).as(other.get(0)).contains("already in progress").contains("held by " + self)
                    .contains(", alive");
            assertThat(r.err()).as(other.get(0)).isEmpty();
        }
        System.clearProperty(FaultInjection.PROPERTY);
        Cli.Result proceeded = holder.get();
        assertThat(proceeded.exitCode()).as(proceeded.all()).isZero();
        assertThat(proceeded.out()).contains("COMPLETED");
    }

    /** Waits until a command holds the run lock of 2020 nightly (its holder is written or its session named). */
    private static void waitForHolder(Path output, List<String> db, String database) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (database.equals(TestDatabases.H2)) {
                Path lock = output.resolve(".state/run-2020-nightly.lock");
                if (Files.exists(lock) && !Files.readString(lock).isBlank()) {
                    return;
                }
            } else {
                try (Connection c = TestDatabases.connect(db); Statement s = c.createStatement();
                     // this test's database only: the other test JVM's runs hold advisory locks on the same server
                     ResultSet r = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                             + " AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
                    r.next();
                    if (r.getInt(1) > 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no command took the run lock");
    }

    /**
     * A run that failed, its input files then changed: restart refuses, naming each file added, changed or gone, and
     * offers the new run and the abandon with every option that chose the state and the folders (--input, --output,
     * --db-url, --db-user); status offers the same, not the restart that would be refused; both work as printed.
     */
    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void inputsChangedAfterAFailureAreNamedAndTheOfferedCommandsCarryEveryOption(String database) throws Exception {
        Path own = dir.resolve("input");
        EndToEndTest.writeInput(own);
        List<String> ownRun = List.of("run", "--year", "2020", "--input", own.toString());
        Path output = dir.resolve("out");
        List<String> db = TestDatabases.options(database, output);
        System.setProperty(FaultInjection.PROPERTY, "reconcile");
        Cli.Result failed = Cli.run(ownRun, db);
        System.clearProperty(FaultInjection.PROPERTY);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        String execution = failed.out().replaceAll("(?s).*restart --execution (\\d+).*", "$1");
        assertThat(Cli.run(List.of("status", "--year", "2020"), db).out()).as("before the files change")
                .contains("to continue: ").contains(" restart --execution " + execution);

        List<String> changed = changeFiles(own.resolve("2020"));
        Cli.Result refused = Cli.run(List.of("restart", "--execution", execution), db);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        assertThat(refused.err()).contains("gone:    " + changed.get(0)).contains("changed: " + changed.get(1))
                .contains("added:   " + changed.get(2));
        String newRun = line(refused.err(), " run --year 2020");
        String giveUp = line(refused.err(), " abandon --execution " + execution);
        // db: --output DIR, and on PostgreSQL --db-url URL --db-user USER, in that order
        assertThat(Cli.offered(newRun, "run")).containsSequence("--input", own.toString()).containsSequence(db);
        assertThat(Cli.offered(giveUp, "abandon")).containsSequence(db);

        // status offers what works: the new run and the abandon, not the restart refused above
        Cli.Result status = Cli.run(List.of("status", "--year", "2020"), db);
        assertThat(status.exitCode()).as(status.all()).isZero();
        String line = line(status.out(), "execution " + execution + " ");
        assertThat(line).contains("FAILED").contains("its input files changed since it started (1 added, 1 changed,"
                + " 1 gone), so it cannot be restarted").doesNotContain(" restart ");
        assertThat(Cli.offered(line, "run")).isEqualTo(Cli.offered(newRun, "run"));
        assertThat(Cli.offered(line.substring(line.indexOf("give this one up")), "abandon"))
                .isEqualTo(Cli.offered(giveUp, "abandon"));

        // the new run it offers works as printed, and so does the abandon of the old one
        Cli.Result fresh = Cli.run(Cli.offered(line, "run"));
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(fresh.out()).contains("run-2 of 2020 nightly: COMPLETED");
        Cli.Result abandoned = Cli.run(Cli.offered(line.substring(line.indexOf("give this one up")), "abandon"));
        assertThat(abandoned.exitCode()).as(abandoned.all()).isZero();
        assertThat(Cli.run(List.of("status", "--year", "2020"), db).out()).contains("ABANDONED")
                .contains("COMPLETED");
    }

    /**
     * A run an earlier release started and did not complete: restart refuses it (its figures would mix two
     * programs), so status offers the new run and the abandon, not the restart; the new run works as printed.
     */
    @Test
    void aRunOfAnotherProgramIsOfferedANewRunNotARestart() throws Exception {
        Path output = dir.resolve("out");
        List<String> db = TestDatabases.options(TestDatabases.H2, output);
        System.setProperty(FaultInjection.PROPERTY, "reconcile");
        Cli.Result failed = Cli.run(run, db);
        System.clearProperty(FaultInjection.PROPERTY);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        String execution = failed.out().replaceAll("(?s).*restart --execution (\\d+).*", "$1");
        try (Connection c = TestDatabases.connect(db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE BATCH_JOB_EXECUTION_PARAMS SET PARAMETER_VALUE = 'reduction-accounting 0.9'"
                    + " WHERE PARAMETER_NAME = '" + RunParameters.PROGRAM_VERSION + "'");
        }
        Cli.Result refused = Cli.run(List.of("restart", "--execution", execution), db);
        assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
        String line = line(Cli.run(List.of("status", "--year", "2020"), db).out(), "execution " + execution + " ");
        assertThat(line).contains("it ran on reduction-accounting 0.9, this is " + Version.current())
                .doesNotContain("restart --execution");
        assertThat(Cli.offered(line, "run")).containsSequence("--input", input.toString()).containsSequence(db);
        Cli.Result fresh = Cli.run(Cli.offered(line, "run"));
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(fresh.out()).contains("run-2 of 2020 nightly: COMPLETED");
    }

    /** Removes the first file, appends to the second, copies the second as a new one; their names in that order. */
    static List<String> changeFiles(Path year) throws java.io.IOException {
        List<Path> files;
        try (var list = Files.list(year)) {
            files = list.sorted().toList();
        }
        Files.delete(files.get(0));
        Files.writeString(files.get(1), "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path added = year.resolve("added_" + files.get(1).getFileName());
        Files.copy(files.get(1), added);
        return List.of(files.get(0).getFileName().toString(), files.get(1).getFileName().toString(),
                added.getFileName().toString());
    }

    /** The first line of the text that contains the part. */
    static String line(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + part + "' in:\n" + text));
    }

    @Test
    void aHolderWhosePidWasReusedIsNotTakenForAlive() {
        ProcessHandle me = ProcessHandle.current();
        String host = Liveness.thisHost();
        assertThat(RunLock.describe(host + " " + me.pid() + " " + Liveness.startOf(me))).endsWith(", alive");
        // the same PID, started at another time: another process got the number
        assertThat(RunLock.describe(host + " " + me.pid() + " " + (Liveness.startOf(me) - 3_600_000)))
                .contains("gone");
        assertThat(RunLock.describe("elsewhere.example " + me.pid() + " 1")).contains("another machine");
    }

    @Test
    void abandonRemovesTheRunsStagedRowsAndARunThoseOfRunsAbandonedBefore() throws Exception {
        Path output = dir.resolve("out");
        List<String> db = TestDatabases.options(TestDatabases.H2, output);
        System.setProperty(FaultInjection.PROPERTY, "reconcile");
        Cli.Result failed = Cli.run(run, db);
        System.clearProperty(FaultInjection.PROPERTY);
        String execution = failed.out().replaceAll("(?s).*restart --execution (\\d+).*", "$1");
        assertThat(stagedRows(db)).isPositive();

        Cli.Result abandoned = Cli.run(List.of("abandon", "--execution", execution), db);
        assertThat(abandoned.exitCode()).as(abandoned.all()).isZero();
        assertThat(stagedRows(db)).isZero();

        // a run abandoned by an earlier release kept its rows: the next run removes them
        try (Connection c = TestDatabases.connect(db); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO ra_emission_row (run_id, file_name, sheet, row_no, disposition, city_code,"
                    + " pollutant, sector) SELECT JOB_INSTANCE_ID, 'old.csv', 's', 1, 'ACCEPTED', '3201', 'SO2', 'x'"
                    + " FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + execution);
        }
        assertThat(stagedRows(db)).isEqualTo(1);
        Cli.Result next = Cli.run(run, db);
        assertThat(next.exitCode()).as(next.all()).isZero();
        assertThat(stagedRowsOfAbandoned(db)).isZero();
    }

    private static long stagedRows(List<String> db) throws Exception {
        try (Connection c = TestDatabases.connect(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM ra_project_row)"
                     + " + (SELECT count(*) FROM ra_emission_row) + (SELECT count(*) FROM ra_project_claim)")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long stagedRowsOfAbandoned(List<String> db) throws Exception {
        try (Connection c = TestDatabases.connect(db); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM ra_emission_row r JOIN BATCH_JOB_EXECUTION e"
                     + " ON e.JOB_INSTANCE_ID = r.run_id WHERE e.STATUS = 'ABANDONED'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
