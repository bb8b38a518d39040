package cn.js.reduction.operations;

import cn.js.reduction.core.RunMode;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.reference.ReferenceDataException;
import cn.js.reduction.reference.ReferenceLibrary;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;

/** The commands of docs/operations.md: their options, help texts, and what each does once the context is up. */
final class Commands {

    static final String USAGE = """
            reduction-accounting: Jiangsu air-pollutant reduction accounting (江苏省大气污染物减排核算)

            Usage: java -jar target/reduction-accounting.jar COMMAND [OPTIONS]

            Commands:
              run       --year Y [--mode nightly|final] [--input DIR]    account one year's submissions
                        [--rerun "REASON"]                              ... again, on purpose
                        [--distributed [--intake-timeout 60m]]          ... intake on worker processes
              restart   --execution ID | --year Y [--mode M]            continue a failed or interrupted run
              status    [--year Y] [--limit N] [--verbose]              recent runs: state, output, next command
              abandon   --execution ID                                  give up a failed run for good
              worker    [--threads N]                                   take intake partitions (distributed runs)
              validate  FILE... [--year Y] [--output DIR]               check submissions, no database
              template  --kind projects|emissions [--city C] --out FILE a blank submission workbook
              rules     [--markdown] [--year Y]                         the rule catalogue
              years                                                     the plan years it can account

            Options of every command that touches run state:
              --output DIR        where runs write, and where the embedded database lives (default: output)
              --db-url URL        JDBC URL of the run database (or REDUCTION_DB_URL; default: H2 file in DIR/.state)
              --db-user USER      (or REDUCTION_DB_USER)
              --db-password PASS  (or REDUCTION_DB_PASSWORD)
              --reference DIR     the plan years' reference data from DIR/Y/ (run, restart, validate, template)

            Exit codes: 0 completed or nothing to do (also: already in progress), 1 failed (restartable),
            2 bad usage or configuration, 3 final run refused (docs/operations.md, "Exit codes").
            COMMAND --help shows a command's own help.
            """;

    interface Runner {
        int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err);
    }

    /**
     * A command ready to run: the database it needs (null for none), the folder of plan-year reference folders it
     * was given (null for the shipped ones; the job's {@link ReferenceLibrary} bean reads the same), what it does,
     * and the Spring properties of its context besides those (a distributed run's or a worker's, see
     * {@link Distribution}).
     */
    record Prepared(Database database, Path referenceRoot, Runner runner, Map<String, Object> properties,
                    boolean readOnly) {
        Prepared(Database database, Path referenceRoot, Runner runner, Map<String, Object> properties) {
            this(database, referenceRoot, runner, properties, false);
        }

        Prepared(Database database, Runner runner) {
            this(database, null, runner);
        }

        /** A command that only reads the run state (status): it runs on {@link ReadOnlyState}, not the application. */
        static Prepared readOnly(Database database, Runner runner) {
            return new Prepared(database, null, runner, Map.of(), true);
        }

        Prepared(Database database, Path referenceRoot, Runner runner) {
            this(database, referenceRoot, runner, Map.of());
        }

        int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
            return runner.run(context, out, err);
        }
    }

    interface Preparer {
        Prepared prepare(Options options, Map<String, String> env);
    }

    /** A command's options and flags; {@code takesArguments} for a command that reads positional arguments. */
    record Spec(String name, Set<String> options, Set<String> flags, String help, Preparer preparer,
            boolean takesArguments) {

        Spec(String name, Set<String> options, Set<String> flags, String help, Preparer preparer) {
            this(name, options, flags, help, preparer, false);
        }

        Prepared prepare(Options options, Map<String, String> env) {
            return preparer.prepare(options, env);
        }
    }

    private Commands() {
    }

    static Spec spec(String command) {
        return switch (command) {
            case "run" -> new Spec("run", Set.of("year", "mode", "input", "output", "rerun", "reference", "db-url",
                    "db-user", "db-password", "intake-timeout"), Set.of("distributed"), """
                    run --year Y [--mode nightly|final] [--input DIR] [--output DIR] [--rerun "REASON"]
                        [--reference DIR] [--distributed [--intake-timeout 60m]]

                    Accounts the submissions in DIR/Y/ (default input/Y/) against the plan's targets and writes
                    output/Y/MODE/run-ID/: four CSVs, the province workbook, one feedback workbook per city and a
                    manifest; output/Y/MODE/latest points at the newest complete run.
                      --mode nightly  provisional, tolerates missing submissions (default)
                      --mode final    year-end; refused (exit 3) unless every city submitted both kinds
                    A run is identified by year, mode, the input files' names and SHA-256, the reference data's
                    version and SHA-256 and the program's version: an unchanged, completed set is not run again; a
                    failed one is continued (see restart); a corrected annex or a new release makes a new run.
                      --rerun "REASON"  a new run of an unchanged, completed set, on purpose; the reason is kept
                                        with the run and shown by status
                      --reference DIR   the plan year's reference data from DIR/Y/ instead of the data shipped in
                                        the program (the same files; see docs/operations.md)
                      --distributed     intake's partitions (one per file) go over RabbitMQ to worker processes
                                        (see worker); the rest of the run stays here. Needs a shared database
                                        (PostgreSQL) and REDUCTION_BROKER_URL; the input folder must be seen at the
                                        same path by every worker
                      --intake-timeout  how long to wait for the workers before failing intake (default 60m;
                                        90s, 30m, 2h); restart continues what they left
                    """, RunCommand::prepare);
            case "restart" -> new Spec("restart", Set.of("execution", "year", "mode", "output", "input", "reference",
                    "db-url", "db-user", "db-password", "intake-timeout"), Set.of("distributed"), """
                    restart --execution ID | --year Y [--mode nightly|final] [--output DIR] [--reference DIR]
                            [--distributed [--intake-timeout 60m]]

                    Continues a failed run, or one whose process died (killed, machine lost), from the failed step
                    and its last committed chunk. With --year it takes the last failed or interrupted run of that
                    year and mode. The result is the same as an uninterrupted run's. With --distributed the intake
                    partitions left go to the workers (as with run); without it, they run here.
                    """, RunCommand::prepareRestart);
            case "worker" -> new Spec("worker", Set.of("threads", "output", "reference", "db-url", "db-user",
                    "db-password"), Set.of(), WorkerCommand.HELP, WorkerCommand::prepare);
            case "status" -> new Spec("status", Set.of("year", "limit", "output", "db-url", "db-user", "db-password"),
                    Set.of("verbose"), """
                    status [--year Y] [--limit N] [--verbose] [--output DIR]

                    Lists recent runs (newest first, 10 unless --limit), one line each: its number (the folder
                    run-N), year and mode, state, start, duration, and its output folder or the command that gets
                    past its state; a failed run adds the failed step and why. A run whose process is gone is shown
                    as INTERRUPTED. --verbose adds each execution, its steps and each file's rows.
                    """, StatusCommand::prepare);
            case "abandon" -> new Spec("abandon", Set.of("execution", "output", "db-url", "db-user", "db-password"),
                    Set.of(), """
                    abandon --execution ID [--output DIR]

                    Marks a failed or interrupted run as abandoned: it will not be restarted; the next run of the
                    same input set starts afresh.
                    """, StatusCommand::prepareAbandon);
            case "validate" -> new Spec("validate", Set.of("year", "output", "reference"), Set.of(), ValidateCommand.HELP,
                    ValidateCommand::prepare, true);
            case "template" -> new Spec("template", Set.of("kind", "year", "city", "out", "reference"), Set.of(),
                    TemplateCommand.HELP,
                    TemplateCommand::prepare);
            case "rules" -> new Spec("rules", Set.of("year", "reference"), Set.of("markdown"), RulesCommand.HELP,
                    RulesCommand::prepare);
            case "years" -> new Spec("years", Set.of("reference"), Set.of(), RulesCommand.YEARS_HELP,
                    RulesCommand::prepareYears);
            default -> throw new UsageException("unknown command '" + command
                    + "'. Commands: run, restart, status, abandon, worker, validate, template, rules, years");
        };
    }

    /** The plan years' reference data this command reads: --reference DIR (DIR/Y/), else the shipped ones. */
    static ReferenceLibrary references(Options options) {
        if (!options.has("reference")) {
            return ReferenceLibrary.shipped();
        }
        Path root = ReductionAccountingApplication.absolute(options.path("reference", ""));
        if (!Files.isDirectory(root)) {
            throw new UsageException("no reference folder " + root + ": --reference names a folder that holds one"
                    + " folder per plan year (2020/ with the files of src/main/resources/reference/2020/)");
        }
        return ReferenceLibrary.of(root);
    }

    /** --year, required: a plan year whose reference data the library has and that passes its checks. */
    static int year(Options options, ReferenceLibrary references) {
        Integer year = options.integer("year");
        if (year == null) {
            throw new UsageException("--year is required, e.g. --year 2020");
        }
        return checkedYear(year, references);
    }

    /** --year, or the default plan year when it is not given. */
    static int year(Options options, ReferenceLibrary references, int fallback) {
        return options.has("year") ? year(options, references) : checkedYear(fallback, references);
    }

    private static int checkedYear(int year, ReferenceLibrary references) {
        if (!references.has(year)) {
            throw new UsageException("there is no reference data for plan year " + year + " in "
                    + references.describe(year) + " (this program has plan years " + references.years()
                    + "; for another, give --reference DIR with the year's files in DIR/" + year + "/)");
        }
        try {
            references.year(year);
        } catch (ReferenceDataException e) {
            throw new UsageException("the reference data of " + year + " fails its checks: " + e.getMessage());
        }
        return year;
    }

    static RunMode mode(Options options) {
        String mode = options.get("mode", RunMode.NIGHTLY.code());
        return RunMode.of(mode).orElseThrow(() -> new UsageException("--mode must be nightly or final, not '" + mode + "'"));
    }

    static Path output(Options options) {
        return ReductionAccountingApplication.absolute(options.path("output", "output"));
    }

    static InputSet inputSet(Path inputRoot, int year) {
        Path folder = inputRoot.resolve(String.valueOf(year));
        if (!Files.isDirectory(folder)) {
            throw new UsageException("no input folder " + folder + ": put the submissions of " + year
                    + " there, or pass --input DIR (the folder that holds " + year + "/; REDUCTION_INPUT for the scripts"
                    + " of jobs/)");
        }
        try {
            return InputSet.scan(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of a failure, with its cause's: what an operator reads first. */
    static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (root != e && root.getMessage() != null && !msg.contains(root.getMessage())) {
            msg = msg + " (" + root.getMessage() + ")";
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
