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
    private static EmbeddedPostgres embedded;

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
                    embedded = EmbeddedPostgres.builder().start();
                } catch (IOException e) {
                    throw new UncheckedIOException("embedded PostgreSQL did not start", e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is ending
                    }
                }));
            }
            admin = embedded.getJdbcUrl("postgres", "postgres");
        }
        try (Connection c = DriverManager.getConnection(admin, "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + admin + " is not reachable: " + e.getMessage(), e);
        }
        int slash = admin.lastIndexOf('/');
        int q = admin.indexOf('?', slash);
        return admin.substring(0, slash + 1) + name + (q < 0 ? "" : admin.substring(q));
    }
}
