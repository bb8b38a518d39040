package cn.js.reduction.operations;

import cn.js.reduction.core.InputLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an operator meets around the runs themselves: LATEST after a rerun, executions that do not exist, a
 * mistyped --output, a wrong database or output folder in plain words, the embedded database kept private, one
 * run of a year and mode at a time, and the scheduler's choice of plan year.
 */
class OperatorTest {

    @TempDir
    Path dir;

    private List<String> run(Path input) {
        return List.of("run", "--year", "2020", "--input", input.toString());
    }

    @Test
    void latestNamesWhatTheLastCommandReported() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        List<String> db = TestDatabases.options(TestDatabases.H2, dir.resolve("output"));
        Path mode = dir.resolve("output/2020/nightly");
        Cli.Result first = Cli.run(run(input), db);
        assertThat(first.exitCode()).as(first.all()).isZero();
        String run1 = "run-" + RecoveryTest.number(first.out(), "run-(\\d+)");
        Path extra = input.resolve("2020/xuzhou_emissions.csv");
        Files.writeString(extra, "设区市,污染物,基准年排放量（吨）,核算年排放量（吨）\n徐州,VOCs,100,90\n", StandardCharsets.UTF_8);
        Cli.Result second = Cli.run(run(input), db);
        assertThat(second.exitCode()).as(second.all()).isZero();
        String run2 = "run-" + RecoveryTest.number(second.out(), "run-(\\d+)");
        assertThat(run2).isNotEqualTo(run1);
        assertThat(Files.readString(mode.resolve("LATEST")).trim()).isEqualTo(run2);

        Files.delete(extra); // back to the first set: nothing to do, and LATEST names the run it reports
        Cli.Result third = Cli.run(run(input), db);
        assertThat(third.out()).contains("nothing to do").contains(run1);
        assertThat(Files.readString(mode.resolve("LATEST")).trim()).isEqualTo(run1);
        assertThat(Files.readSymbolicLink(mode.resolve("latest")).toString()).isEqualTo(run1);
    }

    @Test
    void anExecutionThatDoesNotExistIsAUsageError() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        List<String> db = TestDatabases.options(TestDatabases.H2, dir.resolve("output"));
        assertThat(Cli.run(run(input), db).exitCode()).isZero();
        for (String command : List.of("restart", "abandon")) {
            Cli.Result r = Cli.run(List.of(command, "--execution", "99999"), db);
            assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
            assertThat(r.err()).contains("no such execution").contains("99999").doesNotContain("Incorrect result size");
        }
    }

    @Test
    void aMistypedOutputIsReportedAndNothingIsCreatedThere() {
        Path typo = dir.resolve("outptu");
        for (List<String> command : List.of(List.of("status", "--verbose"), List.of("restart", "--year", "2020"),
                List.of("abandon", "--execution", "1"))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--output", typo.toString()));
            Cli.Result r = Cli.run(args);
            assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
            assertThat(r.err()).contains("no run state").contains(typo.toString());
        }
        assertThat(typo).doesNotExist();
    }

    @Test
    void theEmbeddedDatabaseIsPrivateToTheAccountThatRunsIt() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        Path output = dir.resolve("output");
        assertThat(Cli.run(run(input), TestDatabases.options(TestDatabases.H2, output)).exitCode()).isZero();
        Path state = output.resolve(".state");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("db-password"))))
                .isEqualTo("rw-------");
        String url = "jdbc:h2:file:" + state.resolve("reduction-accounting") + ";AUTO_SERVER=TRUE";
        // no password, no entry (the database used to have none)
        assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
        // a second process shares it through a server that listens on the loopback interface only: its address
        // is in the lock file while the database is open
        try (Connection c = TestDatabases.connect(TestDatabases.options(TestDatabases.H2, output))) {
            assertThat(c.isValid(1)).isTrue();
            Properties lock = new Properties();
            try (var in = Files.newInputStream(state.resolve("reduction-accounting.lock.db"))) {
                lock.load(in);
            }
            int port = Integer.parseInt(lock.getProperty("server").replaceFirst(".*:", ""));
            new java.net.Socket("127.0.0.1", port).close();
            java.net.InetAddress external = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                    .stream().flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress()).findFirst()
                    .orElseThrow(() -> new AssertionError("this machine has no address but loopback to try"));
            assertThatThrownBy(() -> new java.net.Socket(external, port).close())
                    .as("the server must not listen on " + external).isInstanceOf(java.net.ConnectException.class);
        }
        assertThat(state.resolve("tmp")).isDirectory(); // POI's temporary files go here, not to a shared /tmp
        assertThat(state.resolve("reduction-accounting.log")).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void whileAnotherProcessHoldsTheYearAndModeNothingStarts(String database) throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        Path output = dir.resolve("output");
        List<String> db = TestDatabases.options(database, output);
        if (database.equals(TestDatabases.H2)) {
            Path lockFile = output.resolve(".state/run-2020-nightly.lock");
            Database.ensurePrivateFolder(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock held = channel.lock()) {
                assertNothingStarts(input, db);
            }
        } else {
            CRC32 crc = new CRC32();
            crc.update("reduction-accounting:2020:nightly".getBytes(StandardCharsets.UTF_8));
            try (Connection other = TestDatabases.connect(db);
                 PreparedStatement s = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                s.setLong(1, crc.getValue());
                s.execute();
                assertNothingStarts(input, db);
            }
        }
        // released: the run goes ahead
        assertThat(Cli.run(run(input), db).out()).contains("COMPLETED");
    }

    private void assertNothingStarts(Path input, List<String> db) throws Exception {
        Cli.Result r = Cli.run(run(input), db);
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("already in progress").doesNotContain("COMPLETED");
        try (Connection c = TestDatabases.connect(db);
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aWrongDatabaseOrOutputIsSaidPlainlyInAFewLines() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        // jdbc:postgresql://host:port/db; the embedded server's URL carries ?user=postgres, which would win over
        // --db-user and let the unknown role below connect
        String admin = TestDatabases.adminUrl().replaceFirst("\\?.*$", "");
        String server = admin.substring(0, admin.lastIndexOf('/'));
        Cli.Result noDb = Cli.run(run(input), List.of("--output", dir.resolve("o1").toString(), "--db-url",
                server + "/no_such_database_here", "--db-user", "postgres"));
        assertPlain(noDb, 2, "no_such_database_here does not exist");
        Cli.Result noRole = Cli.run(run(input), List.of("--output", dir.resolve("o4").toString(), "--db-url", admin,
                "--db-user", "no_such_role_here"));
        assertPlain(noRole, 2, "refused the user or password");
        Cli.Result noServer = Cli.run(run(input), List.of("--output", dir.resolve("o2").toString(), "--db-url",
                "jdbc:postgresql://127.0.0.1:1/test", "--db-user", "postgres"));
        assertPlain(noServer, 2, "connection refused");

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli.Result underAFile = Cli.run(run(input), List.of("--output", file.resolve("out").toString()));
        assertPlain(underAFile, 2, file.toString());

        // the year's output folder cannot be made (a file is in its place): said before any run starts, with the
        // path and why, as the set-up error it is
        Path output = dir.resolve("o3");
        Files.createDirectories(output);
        Files.writeString(output.resolve("2020"), "in the way");
        Cli.Result blocked = Cli.run(run(input), List.of("--output", output.toString()));
        assertThat(blocked.exitCode()).as(blocked.all()).isEqualTo(2);
        assertThat(blocked.err()).contains("not a directory").contains(output.resolve("2020").toString())
                .doesNotContain("\tat ");
    }

    private static void assertPlain(Cli.Result r, int exitCode, String cause) {
        assertThat(r.exitCode()).as(r.all()).isEqualTo(exitCode);
        assertThat(r.err()).as(r.all()).contains(cause).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.all().lines().count()).as(r.all()).isLessThanOrEqualTo(3);
        assertThat(r.all().lines().mapToInt(String::length).max().orElse(0)).as(r.all()).isLessThan(400);
    }

    @Test
    void aNameFromTheInputIsOneLineInTheLogAndInStatus() {
        assertThat(InputLimits.printable("nanjing.csv\n03:00:00 INFO  run 9 ended: COMPLETED"))
                .isEqualTo("nanjing.csv\\n03:00:00 INFO  run 9 ended: COMPLETED").doesNotContain("\n");
        assertThat(InputLimits.printable("a\u001b[31mb\r")).isEqualTo("a\\u001B[31mb\\r");
        assertThat(InputLimits.printable("南京市项目清单.xlsx")).isEqualTo("南京市项目清单.xlsx");
    }
}
