package cn.js.reduction.operations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command line program (SPEC §7). Arguments are checked before Spring starts, so a usage error answers at
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

    static final Set<String> DB_OPTIONS = Set.of("db-url", "db-user", "db-password");

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), System.out, System.err));
    }

    /** Runs one command and returns its exit code; never throws (tests call this directly). */
    public static int execute(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(Commands.USAGE);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            Commands.Spec spec = Commands.spec(command);
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print(spec.help());
                return OK;
            }
            Options options = Options.parse(rest, spec.options(), spec.flags());
            Commands.Prepared prepared = spec.prepare(options, env);
            if (prepared.database() == null) {
                return prepared.run(null, out, err);
            }
            try (ConfigurableApplicationContext context = start(prepared.database())) {
                return prepared.run(context, out, err);
            }
        } catch (UsageException e) {
            err.println("错误 error: " + e.getMessage());
            err.println("See: reduction-accounting " + command + " --help");
            return USAGE;
        } catch (RuntimeException e) {
            err.println("错误 error: " + Commands.oneLine(e));
            return FAILED;
        }
    }

    static ConfigurableApplicationContext start(Database database) {
        SpringApplication app = new SpringApplication(ReductionAccountingApplication.class);
        app.setDefaultProperties(database.properties());
        app.setLogStartupInfo(false);
        try {
            return app.run();
        } catch (RuntimeException e) {
            throw new UsageException("cannot open the run database " + database.display() + ": " + Commands.oneLine(e));
        }
    }

    static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
