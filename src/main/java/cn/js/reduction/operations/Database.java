package cn.js.reduction.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where run state lives: PostgreSQL (or any JDBC database) when REDUCTION_DB_URL or --db-url says so, else an
 * embedded H2 file database in the output folder's state folder {@code .state/}, so that it survives the process
 * and restart works.
 *
 * <p>The embedded database is private to the account that runs the program: the state folder is 0700, the
 * database has a generated password kept in {@code .state/db-password} (0600), and AUTO_SERVER (which lets a
 * second process, such as status during a run, open it) listens on the loopback interface only. The state
 * folder also holds the log file and the temporary files, whatever the database.
 *
 * @param mayCreate whether this command may create the state (run does; status, restart, abandon only read
 *                  what a run made, so a mistyped --output is reported instead of filled with an empty database)
 */
public record Database(String url, String user, String password, Path stateFolder, boolean embedded,
                       boolean mayCreate) {

    static final String PASSWORD_FILE = "db-password";
    private static final String DB_NAME = "reduction-accounting";
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    static {
        // H2's AUTO_SERVER otherwise listens on every interface; read once, when H2 is first used
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** The database of a command that may create run state (run). */
    public static Database resolve(Options options, Map<String, String> env, Path outputRoot) {
        return resolve(options, env, outputRoot, true);
    }

    /** The database of a command that only reads or continues runs (status, restart, abandon). */
    public static Database existing(Options options, Map<String, String> env, Path outputRoot) {
        return resolve(options, env, outputRoot, false);
    }

    private static Database resolve(Options options, Map<String, String> env, Path outputRoot, boolean mayCreate) {
        String url = options.get("db-url", env.get("REDUCTION_DB_URL"));
        String user = options.get("db-user", env.get("REDUCTION_DB_USER"));
        String password = options.get("db-password", env.get("REDUCTION_DB_PASSWORD"));
        Path state = stateFolder(outputRoot);
        if (url == null || url.isBlank()) {
            // WRITE_DELAY=0: a committed chunk is on disk before the next one starts, so a killed process loses
            // only its uncommitted chunk (H2 otherwise flushes commits up to half a second later).
            // QUERY_CACHE_SIZE=0: H2 keeps a pooled connection's plan of a statement, made when the staging tables
            // were empty; the DELETE that clears a file before its intake then scanned the whole table for each of
            // hundreds of files (issue 9, BENCHMARKS.md). Planned afresh, it uses the key.
            // TRACE_LEVEL_FILE=0: no .trace.db beside the database; what fails reaches the program as an exception
            // and its log file (a full disk left a trace file nothing removed)
            url = "jdbc:h2:file:" + state.resolve(DB_NAME)
                    + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=0;TRACE_LEVEL_FILE=0";
            return new Database(url, user == null ? "sa" : user, password, state, true, mayCreate);
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--db-url (or REDUCTION_DB_URL) must be a JDBC URL of PostgreSQL or H2, such as"
                    + " jdbc:postgresql://host:5432/reduction; not " + url.replaceAll("(?i)(password=)[^&;]*", "$1***")
                    .replaceAll("//[^/@]*@", "//***@"));
        }
        return new Database(url, user, password, state, false, mayCreate);
    }

    static Path stateFolder(Path outputRoot) {
        return outputRoot.toAbsolutePath().normalize().resolve(".state");
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    Path logFile() {
        return stateFolder.resolve("reduction-accounting.log");
    }

    Path tempFolder() {
        return stateFolder.resolve("tmp");
    }

    /**
     * Makes the state folder ready before the context starts: for a command that must not create state, checks
     * that a run made it; creates it private; for the embedded database, supplies its password. Returns the
     * database with its password filled in.
     */
    Database prepare() {
        Path dbFile = stateFolder.resolve(DB_NAME + ".mv.db");
        if (Files.exists(stateFolder) && !(Files.isReadable(stateFolder) && Files.isExecutable(stateFolder))) {
            throw new UsageException("permission denied: " + stateFolder + " (the run state of another account;"
                    + " run the program as the account that owns it)");
        }
        if (!mayCreate && embedded && !Files.exists(dbFile)) {
            throw new UsageException("没有运行记录 (no run state) in " + stateFolder.getParent()
                    + ": no run has written there. Check --output (the folder given to run; default: output)");
        }
        try {
            if (mayCreate || Files.isDirectory(stateFolder)) {
                ensurePrivateFolder(stateFolder);
                Files.createDirectories(tempFolder());
            }
        } catch (IOException e) {
            throw new UsageException("cannot use the output folder: " + Failures.describe(e));
        }
        try {
            // left by earlier releases (H2's trace of errors): the log file holds what failed
            Files.deleteIfExists(stateFolder.resolve(DB_NAME + ".trace.db"));
        } catch (IOException e) {
            // another account's file, or none: nothing to remove
        }
        if (!embedded || password != null) {
            return this;
        }
        return new Database(url, user, embeddedPassword(dbFile), stateFolder, true, mayCreate);
    }

    /** The generated password of the embedded database; a database made before passwords were used gets one. */
    private String embeddedPassword(Path dbFile) {
        Path file = stateFolder.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).trim();
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (Files.exists(dbFile)) {
                // made by an earlier version with an empty password: set the generated one
                try (Connection c = DriverManager.getConnection(url, user, "");
                     Statement s = c.createStatement()) {
                    s.execute("ALTER USER \"" + user.toUpperCase(java.util.Locale.ROOT) + "\" SET PASSWORD '"
                            + generated + "'");
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot open the run database in " + stateFolder + ": "
                            + Failures.describe(e), e);
                }
            }
            Path tmp = stateFolder.resolve(PASSWORD_FILE + ".tmp");
            Files.deleteIfExists(tmp);
            if (Files.getFileStore(stateFolder).supportsFileAttributeView("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, generated + "\n", StandardCharsets.US_ASCII, StandardOpenOption.WRITE);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the database password in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Creates the folder readable by its owner only, or makes an existing one so. */
    static void ensurePrivateFolder(Path folder) throws IOException {
        Files.createDirectories(folder.getParent());
        boolean posix = Files.getFileStore(folder.getParent()).supportsFileAttributeView("posix");
        try {
            if (posix) {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
            } else {
                Files.createDirectory(folder);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(folder)) {
                throw e;
            }
        }
        if (posix && !Files.getPosixFilePermissions(folder).equals(OWNER_ONLY_FOLDER)) {
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        }
    }

    /** Spring Boot properties selecting this database, and the log file in the state folder. */
    public Map<String, Object> properties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.datasource.url", url);
        if (user != null) {
            p.put("spring.datasource.username", user);
        }
        if (password != null) {
            p.put("spring.datasource.password", password);
        }
        // a connection for each thread that may hold one at once: intake's partitions or the report's writers (one
        // more than cores, each streaming in its own transaction) and the step's own; Hikari's default of 10 ran
        // short on a machine of 10 cores or more, where a writer would wait for a connection and time out
        p.put("spring.datasource.hikari.maximum-pool-size",
                Math.max(10, 2 * Runtime.getRuntime().availableProcessors() + 4));
        if (isPostgres()) {
            // the session names its process (host, PID, start time): who holds a run lock is then known (RunLock)
            String name = "reduction-accounting " + RunLock.self();
            p.put("spring.datasource.hikari.data-source-properties[ApplicationName]",
                    name.length() > 63 ? RunLock.self() : name);
        }
        // full details, stack traces included, go to the log file of the state folder, never to the terminal;
        // a command that has no state folder (status on PostgreSQL from elsewhere) keeps none
        p.put("logging.file.name", Files.isDirectory(stateFolder) ? logFile().toString() : "/dev/null");
        return p;
    }

    /** The URL with any password parameter hidden, for messages. */
    public String display() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    @Override
    public String toString() {
        return "Database[" + display() + ", user " + user + "]"; // never the password
    }
}
