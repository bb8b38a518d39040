package cn.js.reduction.operations;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line program (docs/operations.md). Arguments are checked before Spring starts, so a usage error answers at
 * once with exit code 2; then the context is started on the chosen database and the command runs.
 *
 * <p>Exit codes: 0 completed (findings do not fail a run), 1 failed (restartable), 2 bad usage or
 * configuration, 3 final run refused.
 */
@SpringBootApplication
public class ReductionAccountingApplication {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;

    /** The temporary folder of the command running on this thread (TempFolders). */
    private static final ThreadLocal<Path> COMMAND_TEMP = new ThreadLocal<>();

    static final Set<String> DB_OPTIONS = Set.of("db-url", "db-user", "db-password");

    public static void main(String[] args) {
        // not a terminal (cron, systemd, a script's log): every line the operator reads carries its date and time
        boolean stamped = System.console() == null && args.length > 0
                && Set.of("run", "restart", "abandon", "worker").contains(args[0]);
        PrintStream out = OperatorOutput.of(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                true, java.nio.charset.StandardCharsets.UTF_8), stamped, false);
        PrintStream err = OperatorOutput.of(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err),
                true, java.nio.charset.StandardCharsets.UTF_8), stamped, true);
        if (args.length > 0 && Set.of("run", "restart").contains(args[0])) {
            GracefulStop.install(err); // SIGTERM, Ctrl-C: a stop at a chunk boundary, recorded STOPPED, exit 1
        } else if (args.length > 0 && args[0].equals("worker")) {
            WorkerStop.install(err); // its partitions given back at a chunk boundary, recorded STOPPED, exit 0
        }
        int code = execute(args, System.getenv(), out, err);
        out.close();
        err.close();
        System.exit(code);
    }

    /** Runs one command and returns its exit code; never throws (tests call this directly). */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(Commands.USAGE);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        String encoding = FileNameEncoding.problem();
        if (encoding != null && !command.equals("rules") && !command.equals("years")) {
            // before any state is opened: a run on mangled names would record files that are not on disk
            err.println("错误 error: " + encoding);
            return USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Database database = null;
        String helpOf = ""; // "run " once the command is known: an unknown one is pointed at the list of commands
        try {
            Commands.Spec spec = Commands.spec(command);
            helpOf = command + " ";
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print(spec.help());
                return OK;
            }
            Options options = Options.parse(command, rest, spec.options(), spec.flags(), spec.takesArguments());
            Commands.Prepared prepared = spec.prepare(options, env);
            if (prepared.database() == null) {
                // no state folder (validate, template): POI's temporary files in a folder of this process's
                // own (created owner-only), never a /tmp/poifiles that another account may own or read
                Path temp = Files.createTempDirectory("reduction-accounting-");
                TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(temp.toFile()));
                try {
                    return prepared.run(null, out, err);
                } finally {
                    TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
                    org.springframework.util.FileSystemUtils.deleteRecursively(temp);
                }
            }
            database = prepared.database().prepare();
            try (ConfigurableApplicationContext context = prepared.readOnly() ? ReadOnlyState.open(database)
                    : start(database, prepared.referenceRoot(), prepared.properties())) {
                return prepared.run(context, out, err);
            } finally {
                TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy());
                TempFolders.remove(COMMAND_TEMP.get());
                COMMAND_TEMP.remove();
            }
        } catch (java.io.IOException e) {
            err.println("错误 error: cannot create a temporary folder: " + e.getMessage());
            return FAILED;
        } catch (UsageException e) {
            err.println("错误 error: " + e.getMessage());
            err.println("See: " + Program.command() + " " + helpOf + "--help");
            return USAGE;
        } catch (RuntimeException e) {
            // one plain line on the terminal; the whole story in the log file
            Path log = Failures.record(database, e);
            err.println("错误 error: " + Failures.describe(e));
            if (log != null) {
                err.println("  details: " + log);
            }
            return Failures.isConfiguration(e) ? USAGE : FAILED;
        }
    }

    /** The context on the database, with a command's own properties (a distributed run's, a worker's). */
    static ConfigurableApplicationContext start(Database database, Path referenceRoot, Map<String, Object> extra) {
        // POI's temporary files (workbooks being written, private copies of inputs) in the state folder, not a
        // /tmp shared by all accounts, in a folder of this process that a later command removes if it is killed
        if (Files.isDirectory(database.tempFolder())) {
            try {
                Path own = TempFolders.ofThisCommand(database.tempFolder());
                COMMAND_TEMP.set(own);
                TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(own.toFile()));
            } catch (java.io.IOException e) {
                throw new UsageException("cannot use the temporary folder " + database.tempFolder() + ": "
                        + Failures.describe(e));
            }
        }
        SpringApplication app = new SpringApplication(ReductionAccountingApplication.class);
        Map<String, Object> properties = new java.util.HashMap<>(database.properties());
        if (referenceRoot != null) {
            properties.put("reduction.reference-folder", referenceRoot.toString());
        }
        properties.putAll(extra);
        app.setDefaultProperties(properties);
        app.setLogStartupInfo(false);
        for (int attempt = 1; ; attempt++) {
            try {
                ConfigurableApplicationContext context = app.run();
                OperatorOutput.logFileReady = true;
                quietLoggingTrouble();
                return context;
            } catch (RuntimeException e) {
                if (database.embedded() && attempt < EMBEDDED_OPEN_ATTEMPTS && Failures.isEmbeddedDatabaseBusy(e)) {
                    // two commands opening the embedded database at the same moment: H2 finds the other's lock
                    // file "recently modified" before that process's server (AUTO_SERVER) answers; a moment later
                    // this one connects through it, and the run lock then decides which command proceeds
                    sleep(EMBEDDED_OPEN_PAUSE_MS * attempt);
                    continue;
                }
                throw new DatabaseUnavailable("cannot open the run database " + database.display() + ": "
                        + Failures.describe(e), e);
            }
        }
    }

    /**
     * Logback's own trouble (the log file's disk full) is not printed on the terminal: Spring Boot's status listener
     * printed each failed write with its stack trace, hundreds of lines before the program's one line saying what
     * failed and how to continue. The log file then simply misses those lines.
     */
    private static void quietLoggingTrouble() {
        if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext logback) {
            ch.qos.logback.core.status.StatusManager status = logback.getStatusManager();
            status.getCopyOfStatusListenerList().forEach(status::remove);
        }
    }

    private static final int EMBEDDED_OPEN_ATTEMPTS = 8;
    private static final long EMBEDDED_OPEN_PAUSE_MS = 250;

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run database could not be opened; its message says why in plain words. */
    static final class DatabaseUnavailable extends RuntimeException {
        DatabaseUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
