package cn.js.reduction.operations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases the product runs on, for tests: the embedded H2 default, and a real PostgreSQL — the server
 * that REDUCTION_TEST_PG_URL points at (CI sets it to the machine's 127.0.0.1:5432; unreachable is a failure,
 * never a skip), else an embedded PostgreSQL started in this JVM. Each call gets a fresh, empty database.
 */
public final class TestDatabases {

    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final List<String> CREATED = new ArrayList<>();
    private static EmbeddedPostgres embedded;
    private static String adminUrl;

    static {
        // the databases made for tests are dropped when the test JVM ends (and the embedded server stopped,
        // its data folder removed), so a test run leaves nothing behind on the server or in /tmp
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll));
    }

    private TestDatabases() {
    }

    /** Command-line options selecting a fresh database of the kind (none for H2: the default). */
    public static List<String> options(String kind, Path output) {
        List<String> opts = new ArrayList<>();
        opts.add("--output");
        opts.add(output.toString());
        if (kind.equals(POSTGRESQL)) {
            String url = freshPostgres();
            opts.add("--db-url");
            opts.add(url);
            opts.add("--db-user");
            opts.add("postgres");
        }
        return opts;
    }

    static synchronized String freshPostgres() {
        String name = "ra_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String server = System.getenv("REDUCTION_TEST_PG_URL");
        String admin;
        if (server != null && !server.isBlank()) {
            admin = server;
        } else {
            if (embedded == null) {
                try {
                    // its binaries and data under target/, not a 58 MB folder left in /tmp
                    embedded = EmbeddedPostgres.builder()
                            .setOverrideWorkingDirectory(Path.of("target", "embedded-pg").toAbsolutePath().toFile())
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded PostgreSQL did not start", e);
                }
            }
            admin = embedded.getJdbcUrl("postgres", "postgres");
        }
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            if (adminUrl == null) {
                dropLeftBehind(s);
            }
            s.execute("CREATE DATABASE " + name);
            CREATED.add(name);
            adminUrl = admin;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + admin + " is not reachable: " + e.getMessage(), e);
        }
        int slash = admin.lastIndexOf('/');
        int q = admin.indexOf('?', slash);
        return admin.substring(0, slash + 1) + name + (q < 0 ? "" : admin.substring(q));
    }

    /**
     * Test databases of test JVMs that are gone (killed before their shutdown hook ran): named ra_test_PID_N, and
     * no process PID lives on this machine. Those of live JVMs (another build running now) are left alone.
     */
    private static void dropLeftBehind(Statement s) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (java.sql.ResultSet rs = s.executeQuery(
                "SELECT datname FROM pg_database WHERE datname LIKE 'ra\\_test\\_%'")) {
            while (rs.next()) {
                String[] parts = rs.getString(1).split("_");
                if (parts.length == 4 && parts[2].chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(parts[2])).isEmpty()) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String name : stale) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    static synchronized void dropAll() {
        if (adminUrl != null && !CREATED.isEmpty()) {
            try (Connection c = DriverManager.getConnection(adminUrl, "postgres", "");
                 Statement s = c.createStatement()) {
                for (String name : CREATED) {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
                CREATED.clear();
            } catch (SQLException e) {
                System.err.println("could not drop the test databases " + CREATED + ": " + e.getMessage());
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is ending
            }
            embedded = null;
        }
    }

    /** A connection to the run database the options select (the embedded H2 of --output, or --db-url). */
    static Connection connect(List<String> options) throws SQLException, IOException {
        int url = options.indexOf("--db-url");
        if (url >= 0) {
            return DriverManager.getConnection(options.get(url + 1), "postgres", "");
        }
        Path state = Path.of(options.get(options.indexOf("--output") + 1)).toAbsolutePath().normalize().resolve(".state");
        String password = java.nio.file.Files.readString(state.resolve(Database.PASSWORD_FILE)).trim();
        return DriverManager.getConnection("jdbc:h2:file:" + state.resolve("reduction-accounting") + ";AUTO_SERVER=TRUE",
                "sa", password);
    }

    /** The admin URL of the PostgreSQL server the tests use (creating the embedded one if need be). */
    static synchronized String adminUrl() {
        if (adminUrl == null) {
            freshPostgres();
        }
        return adminUrl;
    }
}
