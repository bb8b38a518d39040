package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * Intake spread over two worker JVMs by a manager, over the RabbitMQ broker of this machine (127.0.0.1:5672, or
 * REDUCTION_TEST_BROKER_URL) and one PostgreSQL database that all of them share (TestDatabases): the figures equal
 * a run on one machine byte for byte, both workers take partitions, and each fault (a file that is not what
 * discovery hashed, no worker at all, the broker restarted mid-run, a worker killed mid-partition) ends in a
 * bounded time, is shown by status with its partitions and workers, and is continued by restart to the same
 * figures, no row counted twice. A broker that does not answer fails these tests; they never skip.
 *
 * <p>The workers are started once, from the test class path, one partition at a time each, and serve every scenario
 * in turn: each scenario is a new run of the same files ({@code --rerun}) in its own output folder. The scenarios
 * that act mid-partition slow them (0.6 s before every chunk is written, while the flag file {@link #slow} exists);
 * the others, and every restart, run at speed: slowed throughout, the class took 127 s of the suite's 293.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedRunTest {

    private static final String BROKER = System.getenv().getOrDefault("REDUCTION_TEST_BROKER_URL",
            "amqp://guest:guest@127.0.0.1:5672");
    /** The summary line of a run: its number in the output folder, its state and its execution. */
    private static final Pattern RUN_LINE = Pattern.compile(
            "run-(\\d+) of 2020 nightly: (\\w+) in [0-9.]+ s \\(execution (\\d+)\\)");
    private static final String LARGE_FILE = "changzhou_projects.csv";
    /** Ten chunks, 0.6 s each on the slowed workers: a partition to kill or to lose the broker in. */
    private static final int LARGE_ROWS = 5000;

    @TempDir
    static Path dir;

    private String queue;
    private Map<String, String> env;
    private List<String> database;
    private Path input;
    private Map<String, byte[]> expected;
    private long expectedRows;
    private final List<Child> workers = new ArrayList<>();
    /** While this file exists the workers wait 0.6 s before writing each chunk (FaultInjection's slow form). */
    private Path slow;
    private final ExecutorService managers = Executors.newSingleThreadExecutor();

    @BeforeAll
    void startWorkers() throws Exception {
        queue = "reduction-accounting.test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        env = Map.of(Distribution.BROKER_URL, BROKER, Distribution.BROKER_QUEUE, queue);
        CachingConnectionFactory check = new CachingConnectionFactory(java.net.URI.create(BROKER));
        try {
            check.createConnection().close();
        } catch (RuntimeException e) {
            fail("RabbitMQ does not answer at " + Distribution.display(BROKER) + " (" + e.getMessage() + "): the"
                    + " distributed tests need it; .ci/run starts it (rabbitmq-server -detached)");
        } finally {
            check.destroy();
        }
        input = Cli.inputWithLargeFile(dir, LARGE_ROWS);
        List<String> options = TestDatabases.options(TestDatabases.POSTGRESQL, dir.resolve("unused"));
        database = options.subList(2, options.size()); // --db-url URL --db-user postgres: every scenario's
        slow = dir.resolve("slow-workers");
        for (String name : List.of("worker-a", "worker-b")) {
            workers.add(startWorker(name));
        }
        // the figures of one process, on a database of its own, while the workers start
        expected = Cli.uninterruptedTables(dir, TestDatabases.H2, runArgs());
        expectedRows = stagedRows(TestDatabases.options(TestDatabases.H2, dir.resolve("clean")), null);
        for (Child worker : workers) {
            worker.awaitOutput("ready", Duration.ofMinutes(3));
        }
    }

    @AfterAll
    void stopWorkers() {
        managers.shutdownNow();
        for (Child worker : workers) {
            worker.process.destroyForcibly();
        }
        CachingConnectionFactory factory = new CachingConnectionFactory(java.net.URI.create(BROKER));
        try {
            RabbitAdmin admin = new RabbitAdmin(factory);
            admin.deleteQueue(queue);
            admin.deleteQueue(queue + ".nobody");
        } catch (RuntimeException e) {
            System.err.println("could not delete the test queues: " + e.getMessage());
        } finally {
            factory.destroy();
        }
    }

    @Test
    @Order(1)
    void workersShareTheIntakeAndTheFiguresAreThoseOfOneProcess() throws Exception {
        Path output = dir.resolve("happy");
        Cli.Result run = Cli.run(distributed(output, "happy path"), env);
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertSameFigures(output);
        assertThat(stagedRows(runId(run.out()))).isEqualTo(expectedRows).isGreaterThan(LARGE_ROWS);

        String status = status(output);
        for (Child worker : workers) {
            assertThat(status).as("each worker took partitions").contains("  worker " + worker.name());
        }
    }

    @Test
    @Order(2)
    void aFileThatIsNotWhatDiscoveryHashedFailsItsPartitionAndRestartReadsItOnceMended() throws Exception {
        Path output = dir.resolve("changed");
        Path file = input.resolve("2020").resolve("nanjing_projects.csv");
        byte[] original = Files.readAllBytes(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Cli.Result run;
        System.setProperty(FaultInjection.PROPERTY, "pause:intake:5000");
        try {
            Future<Cli.Result> manager = manager(distributed(output, "changed file"), env);
            // discovery has hashed the files; before the requests go out, the file changes on the "shared folder"
            awaitStep(manager, "intake", "STARTED", 0);
            Files.writeString(file, "NJ-99,南京,玄武区,改过的项目,某公司,,ROLLING,已完成,2020-06-30,2020-06-01,,,,,,\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            System.clearProperty(FaultInjection.PROPERTY); // the changed file is in place: the pause ends here
            run = end(manager, Duration.ofMinutes(3));
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
            Files.write(file, original);
            Files.setLastModifiedTime(file, modified);
        }
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("failed in intake");
        long runId = runId(run.out());
        assertThat(findings(runId, "nanjing_projects.csv")).singleElement().asString()
                .contains("FILE_UNREADABLE").contains("the file changed since it was discovered");
        assertThat(status(output)).containsPattern(" nanjing_projects.csv +FAILED .*worker ")
                .contains("error: on worker ").contains("restart --execution");

        Cli.Result restart = restart(run.out(), output);
        assertThat(restart.exitCode()).as(restart.all()).isZero();
        assertSameFigures(output);
        assertThat(stagedRows(runId)).isEqualTo(expectedRows);
        assertThat(findings(runId, "nanjing_projects.csv")).as("the finding went with the mended file").isEmpty();
    }

    @Test
    @Order(3)
    void withNoWorkerTheManagerFailsInTimeAndRestartWithWorkersCompletes() throws Exception {
        Path output = dir.resolve("no-workers");
        Map<String, String> nobody = Map.of(Distribution.BROKER_URL, BROKER, Distribution.BROKER_QUEUE, queue + ".nobody");
        List<String> args = distributed(output, "no workers", "8s");
        long started = System.nanoTime();
        Cli.Result run = end(manager(args, nobody), Duration.ofMinutes(2));
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        // Spring Batch's poller gives up at its last poll before the timeout: up to one poll interval (1 s) early
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofSeconds(8 - 1));
        assertThat(Files.readString(output.resolve(".state/reduction-accounting.log"), StandardCharsets.UTF_8))
                .as("the manager's log").contains("no worker listening yet");
        assertThat(run.out()).contains("did not finish intake within 8 s").contains("5 of 5 files left")
                .contains(LARGE_FILE + " not taken by any worker");
        assertThat(status(output)).containsPattern(" " + LARGE_FILE + " +STARTING .*not taken by any worker")
                .contains("error: 工作进程未在规定时间内完成导入");

        Cli.Result restart = restart(run.out(), output);
        assertThat(restart.exitCode()).as(restart.all()).isZero();
        assertSameFigures(output);
        assertThat(stagedRows(runId(run.out()))).isEqualTo(expectedRows);
    }

    /**
     * The requests not yet taken wait in the broker's durable queue, persistent; the one a worker was running is
     * put back by the broker when the worker's connection drops, and dropped by the worker that gets it again
     * (its partition is taken); the workers reconnect by themselves. So the run completes without a restart.
     */
    @Test
    @Order(4)
    void aBrokerRestartedMidRunLosesNothing() throws Exception {
        Path output = dir.resolve("broker-restart");
        List<String> args = distributed(output, "broker restarted", "90s");
        Files.createFile(slow);
        Future<Cli.Result> manager = manager(args, env);
        try {
            awaitStep(manager, "intakeFile:file:" + LARGE_FILE, "STARTED", 1);
            rabbitmqctl("stop_app");
            assertThat(stepState("intakeFile:file:" + LARGE_FILE)).as("the broker went away mid-partition")
                    .isEqualTo("STARTED");
            Thread.sleep(1000);
        } finally {
            rabbitmqctl("start_app");
            Files.delete(slow);
        }
        Cli.Result run = end(manager, Duration.ofMinutes(3));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(output.resolve("2020/nightly/LATEST")).as(run.all()).exists();
        long runId = runId(run.out());
        assertSameFigures(output);
        assertThat(stagedRows(runId)).isEqualTo(expectedRows);
    }

    /**
     * SIGTERM to the worker running the large file (systemctl stop): the partition ends at its next chunk boundary,
     * recorded STOPPED with what it committed, and the worker exits 0 soon after; the other worker takes the other
     * files, so the manager's run ends STOPPED without waiting for its timeout, and restart continues the file from
     * its last committed chunk to the same figures, no row counted twice. A new worker takes the stopped one's place.
     */
    @Test
    @Order(5)
    void aWorkerStoppedBySigtermGivesItsPartitionBackAndRestartCompletes() throws Exception {
        Path output = dir.resolve("worker-stopped");
        List<String> args = distributed(output, "worker stopped", "20s");
        Map<Child, Integer> before = new LinkedHashMap<>();
        workers.forEach(w -> before.put(w, w.output().length()));
        Files.createFile(slow);
        Future<Cli.Result> manager = manager(args, env);
        awaitStep(manager, "intakeFile:file:" + LARGE_FILE, "STARTED", 1);
        Child victim = before.keySet().stream()
                .filter(w -> w.output().substring(before.get(w)).contains("took intakeFile:file:" + LARGE_FILE))
                .findFirst().orElseThrow();
        long signalled = System.nanoTime();
        victim.process.destroy(); // SIGTERM
        assertThat(victim.process.waitFor(StopSignal.GRACE.toSeconds() + 10, TimeUnit.SECONDS)).isTrue();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
        Files.delete(slow);
        workers.add(startWorker("worker-c"));
        System.out.println("worker SIGTERM: exit " + victim.process.exitValue() + " after " + ms + " ms");
        assertThat(victim.process.exitValue()).as(victim.output()).isZero();
        assertThat(victim.output()).contains("SIGTERM received").contains(LARGE_FILE + " (step execution")
                .contains("ended: STOPPED");
        assertThat(stepState("intakeFile:file:" + LARGE_FILE)).as("given back").isEqualTo("STOPPED");

        Cli.Result run = end(manager, Duration.ofMinutes(2));
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).containsPattern("run-\\d+ of 2020 nightly: STOPPED").contains("to continue: ");
        assertThat(status(output)).containsPattern(" " + LARGE_FILE + " +STOPPED +[0-9.]+ s +[1-9]\\d* rows read");

        // continued on this machine: the stopped file from its last committed chunk
        Matcher m = RUN_LINE.matcher(run.out());
        assertThat(m.find()).isTrue();
        List<String> restart = new ArrayList<>(List.of("restart", "--execution", m.group(3), "--output", output.toString()));
        restart.addAll(database);
        Cli.Result restarted = Cli.run(restart);
        assertThat(restarted.exitCode()).as(restarted.all()).isZero();
        assertSameFigures(output);
        assertThat(stagedRows(runId(run.out()))).as("no row counted twice").isEqualTo(expectedRows);
    }

    /** Last: it kills a worker. */
    @Test
    @Order(6)
    void aWorkerKilledMidPartitionFailsTheStepInTimeAndRestartCompletesOnTheOther() throws Exception {
        for (Child worker : workers) {
            if (worker.process.isAlive()) {
                worker.awaitOutput("ready", Duration.ofMinutes(3));
            }
        }
        Path output = dir.resolve("killed");
        List<String> args = distributed(output, "worker killed", "20s");
        Map<Child, Integer> before = new LinkedHashMap<>();
        workers.stream().filter(w -> w.process.isAlive()).forEach(w -> before.put(w, w.output().length()));
        Files.createFile(slow);
        long started = System.nanoTime();
        Future<Cli.Result> manager = manager(args, env);
        awaitStep(manager, "intakeFile:file:" + LARGE_FILE, "STARTED", 1);
        Child victim = before.keySet().stream()
                .filter(w -> w.output().substring(before.get(w)).contains("took intakeFile:file:" + LARGE_FILE))
                .findFirst().orElseThrow();
        victim.process.destroyForcibly(); // SIGKILL mid-partition
        victim.process.waitFor(30, TimeUnit.SECONDS);
        Files.delete(slow);
        Cli.Result run = end(manager, Duration.ofMinutes(2));
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the manager waits its 20 s, and not much more")
                .isGreaterThan(Duration.ofSeconds(20 - 1)).isLessThan(Duration.ofSeconds(20 + 90));
        assertThat(run.out()).contains(LARGE_FILE + " still running on worker " + victim.name() + " (process gone)");
        assertThat(status(output))
                .containsPattern(" " + LARGE_FILE + " +STARTED +[0-9.]+ s +[1-9]\\d* rows read .*worker "
                        + victim.name() + " \\(process gone\\)")
                .contains("error: 工作进程未在规定时间内完成导入");

        Cli.Result restart = restart(run.out(), output);
        assertThat(restart.exitCode()).as(restart.all()).isZero();
        assertSameFigures(output);
        assertThat(stagedRows(runId(run.out()))).as("no row counted twice").isEqualTo(expectedRows);
        Child survivor = before.keySet().stream().filter(w -> w != victim).findFirst().orElseThrow();
        assertThat(status(output)).containsPattern(" " + LARGE_FILE + " +COMPLETED .*worker "
                + survivor.name());
    }

    // ---------------------------------------------------------------------------------------------------------

    /** A worker JVM on the shared database and queue, one partition at a time, slowed while {@link #slow} exists. */
    private Child startWorker(String name) throws IOException {
        List<String> args = new ArrayList<>(List.of("worker", "--threads", "1", "--output", dir.resolve(name).toString()));
        args.addAll(database);
        return Child.start(dir, name, env, "slow:600:while:" + slow, args);
    }

    private List<String> runArgs() {
        return List.of("run", "--year", "2020", "--input", input.toString());
    }

    private List<String> distributed(Path output, String reason) {
        // 2 minutes are plenty here, and the manager then looks every 4 s rather than every 10
        return distributed(output, reason, "2m");
    }

    private List<String> distributed(Path output, String reason, String timeout) {
        List<String> args = new ArrayList<>(runArgs());
        args.addAll(List.of("--rerun", reason, "--distributed", "--intake-timeout", timeout, "--output", output.toString()));
        args.addAll(database);
        return args;
    }

    private Cli.Result restart(String managerOutput, Path output) {
        Matcher m = RUN_LINE.matcher(managerOutput);
        assertThat(m.find()).as(managerOutput).isTrue();
        List<String> args = new ArrayList<>(List.of("restart", "--execution", m.group(3), "--distributed",
                "--intake-timeout", "2m", "--output", output.toString()));
        args.addAll(database);
        return Cli.run(args, env);
    }

    private String status(Path output) {
        List<String> args = new ArrayList<>(List.of("status", "--verbose", "--year", "2020", "--limit", "1", "--output", output.toString()));
        args.addAll(database);
        Cli.Result status = Cli.run(args);
        assertThat(status.exitCode()).as(status.all()).isZero();
        return status.out();
    }

    private void assertSameFigures(Path output) throws IOException {
        Map<String, byte[]> actual = Cli.summaryTables(output, "nightly");
        for (String table : expected.keySet()) {
            assertThat(new String(actual.get(table), StandardCharsets.UTF_8)).as(table)
                    .isEqualTo(new String(expected.get(table), StandardCharsets.UTF_8));
        }
    }

    /** The run's key in the database (its job instance), from the execution the summary line names. */
    private long runId(String managerOutput) throws SQLException, IOException {
        Matcher m = RUN_LINE.matcher(managerOutput);
        assertThat(m.find()).as(managerOutput).isTrue();
        try (Connection c = TestDatabases.connect(database);
             PreparedStatement s = c.prepareStatement(
                     "SELECT job_instance_id FROM batch_job_execution WHERE job_execution_id = ?")) {
            s.setLong(1, Long.parseLong(m.group(3)));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The rows of a run staged in the shared database: every row read, once. */
    private long stagedRows(long runId) throws SQLException, IOException {
        return stagedRows(database, runId);
    }

    /** The rows staged in a database, of one run, or of all (null: the one-process run's own database). */
    private static long stagedRows(List<String> options, Long runId) throws SQLException, IOException {
        String where = runId == null ? "" : " WHERE run_id = " + runId;
        try (Connection c = TestDatabases.connect(options);
             PreparedStatement s = c.prepareStatement("SELECT (SELECT COUNT(*) FROM ra_project_row" + where + ")"
                     + " + (SELECT COUNT(*) FROM ra_emission_row" + where + ")")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private List<String> findings(long runId, String file) throws SQLException, IOException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabases.connect(database);
             PreparedStatement s = c.prepareStatement("SELECT rule, message FROM ra_finding WHERE run_id = ? AND file_name = ?"
                     + " AND rule = 'FILE_UNREADABLE'")) {
            s.setLong(1, runId);
            s.setString(2, file);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The state of the step in the newest execution. */
    private String stepState(String step) throws SQLException, IOException {
        try (Connection c = TestDatabases.connect(database);
             PreparedStatement s = c.prepareStatement("SELECT status FROM batch_step_execution WHERE step_name = ?"
                     + " AND job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution)")) {
            s.setString(1, step);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        }
    }

    /** The manager, in this JVM, on a thread of its own: the test does what it must meanwhile. */
    private Future<Cli.Result> manager(List<String> args, Map<String, String> env) {
        return managers.submit(() -> Cli.run(args, env));
    }

    /** The manager's result, which must come within the limit: a manager never hangs. */
    private static Cli.Result end(Future<Cli.Result> manager, Duration limit) throws Exception {
        try {
            return manager.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the manager did not end in " + limit + ": it must never hang", e);
        }
    }

    /**
     * Waits until the newest execution has the step in that state, with at least that many rows written (a chunk
     * of the large file committed by a worker), as the job repository shows it.
     */
    private void awaitStep(Future<Cli.Result> manager, String step, String state, int written) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try (Connection c = TestDatabases.connect(database);
                 PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM batch_step_execution WHERE step_name = ?"
                         + " AND status = ? AND write_count >= ?"
                         + " AND job_execution_id = (SELECT MAX(job_execution_id) FROM batch_job_execution)")) {
                s.setString(1, step);
                s.setString(2, state);
                s.setInt(3, written);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
            }
            if (manager.isDone()) {
                fail("the manager ended before " + step + " was " + state + ": " + manager.get().all());
            }
            Thread.sleep(100);
        }
        fail(step + " was not " + state + " in 3 minutes");
    }

    private static void rabbitmqctl(String command) throws Exception {
        Process p = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("rabbitmqctl " + command + ": " + out).isZero();
    }

    /** A JVM running the program from the test class path, its output (stdout and stderr) in a file. */
    private record Child(Process process, Path log) {

        static Child start(Path dir, String name, Map<String, String> env, String fault, List<String> args)
                throws IOException {
            String tmp = "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve(name + "-tmp"));
            List<String> command = fault == null ? ChildJvm.command("-Xmx384m", tmp)
                    : ChildJvm.command("-Xmx384m", tmp, "-D" + FaultInjection.PROPERTY + "=" + fault);
            command.addAll(args);
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(new LinkedHashMap<>(env));
            return new Child(builder.start(), log);
        }

        /** host:pid, as the worker names itself in the job repository. */
        String name() {
            return Liveness.thisHost() + ":" + process.pid();
        }

        String output() {
            try {
                return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
            } catch (IOException e) {
                return "(cannot read " + log + ": " + e.getMessage() + ")";
            }
        }

        void awaitOutput(String text, Duration limit) throws InterruptedException {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                if (output().contains(text)) {
                    return;
                }
                if (!process.isAlive()) {
                    fail(log.getFileName() + " ended before saying '" + text + "':\n" + output());
                }
                Thread.sleep(100);
            }
            fail(log.getFileName() + " did not say '" + text + "' in " + limit + ":\n" + output());
        }
    }
}
