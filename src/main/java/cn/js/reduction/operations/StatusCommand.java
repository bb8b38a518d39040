package cn.js.reduction.operations;

import cn.js.reduction.core.InputLimits;
import cn.js.reduction.store.InputFileStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;

/** status and abandon: what the job repository knows about recent runs, read by an operator. */
final class StatusCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private StatusCommand() {
    }

    static Commands.Prepared prepare(Options options, Map<String, String> env) {
        Integer year = options.integer("year");
        Integer limit = options.integer("limit");
        boolean verbose = options.has("verbose");
        Path output = Commands.output(options);
        Database database = Database.existing(options, env, output);
        Hints hints = Hints.of(options, output, database);
        return Commands.Prepared.readOnly(database, (context, out, err) -> {
            JobRepository repository = context.getBean(JobRepository.class);
            List<JobExecution> runs;
            try {
                runs = Runs.lastOfEachRun(repository, year, limit == null ? 10 : limit);
            } catch (org.springframework.jdbc.BadSqlGrammarException e) {
                // a database no run has used yet has no tables: status creates none (it only reads)
                out.println("no runs in the run state of " + RunCommand.where(database, output)
                        + " (it has no run tables yet)");
                return ReductionAccountingApplication.OK;
            }
            if (runs.isEmpty()) {
                out.println("no runs" + (year == null ? "" : " of " + year) + " in the run state of "
                        + RunCommand.where(database, output));
            }
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // the input folders this status has hashed: several runs of one folder hash it once
            Map<Path, cn.js.reduction.discover.InputSet> scanned = new java.util.HashMap<>();
            for (JobExecution e : runs) {
                if (verbose) {
                    printVerbose(e, repository, out, hints, jdbc, scanned);
                } else {
                    printLine(e, out, hints, jdbc, scanned);
                }
            }
            return ReductionAccountingApplication.OK;
        });
    }

    static String state(JobExecution e) {
        if (e.isRunning()) {
            return Liveness.isAlive(e) ? "RUNNING" : "INTERRUPTED";
        }
        return e.getStatus().name();
    }

    /** One line a run: what, when, how long, its state, and where its output is or the command that gets past it. */
    private static void printLine(JobExecution e, PrintStream out, Hints hints, JdbcTemplate jdbc,
                                  Map<Path, cn.js.reduction.discover.InputSet> scanned) {
        RunParameters run = RunParameters.of(e);
        String state = state(e);
        out.printf("%-8s %d %-7s  %-11s  %s  %8s  execution %d  %s%n", "run-" + run.runNumber(), run.year(), run.mode(),
                state, e.getCreateTime() == null ? "-" : TIME.format(e.getCreateTime()), duration(e, state), e.getId(),
                next(e, state, run, hints, jdbc, scanned));
        String error = error(e);
        if (error != null && !state.equals("COMPLETED")) {
            out.println("         " + error);
        }
        String changes = state.equals("COMPLETED") ? ChangesLine.of(e) : null;
        if (changes != null) {
            out.println("         " + changes);
        }
    }

    /**
     * What comes next for a run in this state: its output, or the command that gets past the state and will work:
     * for a run whose input files changed since it started (a restart would be refused), the new run and the
     * abandon of this one, not the restart.
     */
    private static String next(JobExecution e, String state, RunParameters run, Hints hints, JdbcTemplate jdbc,
                               Map<Path, cn.js.reduction.discover.InputSet> scanned) {
        return switch (state) {
            case "COMPLETED" -> "output " + run.publication().finalFolder();
            case "RUNNING" -> "in progress (process " + Liveness.owner(e) + ")";
            case "ABANDONED" -> "given up; the next run of these files starts afresh: "
                    + hints.run(run.year(), run.mode(), run.inputRoot(), null);
            default -> {
                if (run.programVersion() != null && !run.programVersion().equals(Version.current())) {
                    // restart refuses a run started on another program (RunCommand): only that program continues it
                    yield "it ran on " + run.programVersion() + ", this is " + Version.current() + ": restart it with"
                            + " that program, or start a new run: " + hints.run(run.year(), run.mode(), run.inputRoot(),
                            null) + "   (and give this one up: " + hints.abandon(e.getId()) + ")";
                }
                InputChanges.Since changed = InputChanges.sinceStart(jdbc, run, scanned);
                if (changed != null && changed.folderUnavailable()) {
                    yield changed.words() + ": mount or put it back, then to continue: " + hints.restart(e.getId())
                            + "   (or give up: " + hints.abandon(e.getId()) + ")";
                }
                yield changed == null
                        ? "to continue: " + hints.restart(e.getId()) + "   (or give up: " + hints.abandon(e.getId()) + ")"
                        : changed.words() + ", so it cannot be restarted: start a new run on the files as they are now: "
                                + hints.run(run.year(), run.mode(), run.inputRoot(), null) + "   (and give this one up: "
                                + hints.abandon(e.getId()) + ")";
            }
        };
    }

    /** The failed step and its error in one line, or null; a failed file's own error before its step's summary. */
    private static String error(JobExecution e) {
        for (StepExecution s : e.getStepExecutions()) {
            if (s.getStatus() == BatchStatus.FAILED && s.getStepName().startsWith(AccountingJobConfiguration.INTAKE_FILE + ":")) {
                return "failed in intake, " + InputLimits.printable(s.getStepName().replaceFirst("^[^:]*:file:", ""))
                        + ": " + stepError(s);
            }
        }
        for (StepExecution s : e.getStepExecutions()) {
            if (s.getStatus() == BatchStatus.FAILED) {
                return "failed in " + InputLimits.printable(s.getStepName()) + ": " + stepError(s);
            }
        }
        return null;
    }

    private static String stepError(StepExecution s) {
        if (!s.getFailureExceptions().isEmpty()) {
            return InputLimits.printable(Failures.describe(s.getFailureExceptions().get(0)));
        }
        String msg = s.getExitStatus() == null ? null : s.getExitStatus().getExitDescription();
        // the repository keeps the stack trace; its deepest cause, in plain words, is what an operator needs
        return msg == null || msg.isBlank() ? "(no reason recorded)" : InputLimits.printable(Failures.describeText(msg));
    }

    private static void printVerbose(JobExecution last, JobRepository repository, PrintStream out, Hints hints,
                                     JdbcTemplate jdbc, Map<Path, cn.js.reduction.discover.InputSet> scanned) {
        printLine(last, out, hints, jdbc, scanned);
        RunParameters run = RunParameters.of(last);
        out.println("    input " + run.yearFolder() + "; on " + run.describeBasis());
        if (run.rerunReason() != null) {
            out.println("    rerun on request (重新核算原因): " + InputLimits.printable(run.rerunReason()));
        }
        List<JobExecution> executions = repository.getJobExecutions(last.getJobInstance()).stream()
                .sorted(Comparator.comparing(JobExecution::getId)).toList();
        // files.csv counts after consolidation; an intake step counted before it
        Map<String, RunCounts.FileRows> files = RunCounts.perFile(jdbc, run.runId());
        Map<String, InputFileStore.ColumnCounts> columns = columnCounts(jdbc, run.runId());
        for (JobExecution e : executions) {
            out.printf("    execution %d  %s  started %s  %s  owner %s%n", e.getId(), state(e),
                    e.getStartTime() == null ? "-" : TIME.format(e.getStartTime()), duration(e, state(e)),
                    Liveness.owner(e));
            List<StepExecution> steps = e.getStepExecutions().stream()
                    .sorted(Comparator.comparing(StepExecution::getId)).toList();
            for (StepExecution s : steps) {
                printStep(e, s, files, columns, out);
            }
        }
    }

    /** By file, its columns read and not read (运行信息); empty where the database has no such counts. */
    private static Map<String, InputFileStore.ColumnCounts> columnCounts(JdbcTemplate jdbc, long runId) {
        try {
            return new InputFileStore(jdbc).columnCounts(runId);
        } catch (org.springframework.dao.DataAccessException e) {
            return Map.of(); // a database no run of this program has migrated yet
        }
    }

    private static void printStep(JobExecution e, StepExecution s, Map<String, RunCounts.FileRows> files,
                                  Map<String, InputFileStore.ColumnCounts> columns, PrintStream out) {
        var ctx = s.getExecutionContext();
        boolean file = ctx.containsKey(ProgressListener.ACCEPTED);
        // rows as committed (a running file's after each chunk); a tasklet step reads none and says nothing
        String counts = s.getReadCount() == 0 && !file ? "" : s.getReadCount() + (s.getReadCount() == 1 ? " row" : " rows")
                + " read" + (file ? String.format(" (accepted %d  rejected %d  ignored %d)",
                ctx.getLong(ProgressListener.ACCEPTED), ctx.getLong(ProgressListener.REJECTED, 0),
                ctx.getLong(ProgressListener.IGNORED, 0)) : "");
        InputFileStore.ColumnCounts c = file && s.getStatus() == BatchStatus.COMPLETED
                ? columns.get(ctx.getString("file", "")) : null;
        if (c != null) {
            // a file's columns are counted once its last sheet is read
            counts += String.format("; columns read %d  not read %d", c.read(), c.notRead());
        }
        String name = InputLimits.printable(s.getStepName().replaceFirst("^intakeFile:file:", "  "));
        // a step of a run whose process is gone ran until the run's last update; a live one runs until now
        LocalDateTime lastKnown = state(e).equals("INTERRUPTED") ? lastUpdate(e) : null;
        out.printf("      %s %-10s %8s  %s%s%n", padded(name, 44), s.getStatus(), duration(s.getStartTime(), s.getEndTime(),
                lastKnown), counts, worker(e, s));
        RunCounts.FileRows rows = file ? files.get(ctx.getString("file", "")) : null;
        if (rows != null && !rows.unchangedSinceIntake()) {
            out.println("        " + rows.afterConsolidation());
        }
        if (s.getStatus() == BatchStatus.FAILED) {
            out.println("        error: " + stepError(s));
        }
    }

    /**
     * Where an intake partition ran, when not in the run's own process (a distributed run's worker), and whether
     * that process is gone; a partition no worker took says so.
     */
    private static String worker(JobExecution run, StepExecution s) {
        var ctx = s.getExecutionContext();
        if (!s.getStepName().startsWith(AccountingJobConfiguration.INTAKE_FILE + ":")) {
            return "";
        }
        if (s.getStatus() == BatchStatus.STARTING) {
            if ("true".equals(run.getExecutionContext().getString(RunListener.DISTRIBUTED, "false"))) {
                return "  not taken by any worker";
            }
            return state(run).equals("RUNNING") ? "  waiting for a thread" : "  not started (the run stopped before it)";
        }
        String owner = Liveness.owner(ctx);
        if (owner.equals("unknown") || owner.equals(Liveness.owner(run))) {
            return "";
        }
        boolean gone = s.getStatus().isRunning() && !Liveness.isAlive(ctx);
        return "  worker " + owner + (gone ? " (process gone)" : "");
    }

    /**
     * The text padded to {@code columns} as a terminal shows it: a Chinese character takes two columns, so that
     * the columns after a Chinese file name line up with those after a Latin one.
     */
    static String padded(String text, int columns) {
        int width = text.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1).sum();
        return text + " ".repeat(Math.max(1, columns - width));
    }

    /** How long a run took; one that is gone (INTERRUPTED) ran until its last recorded update, not until now. */
    private static String duration(JobExecution e, String state) {
        return duration(e.getStartTime(), e.getEndTime(), state.equals("INTERRUPTED") ? lastUpdate(e) : null);
    }

    /** The last time the run recorded anything: its own record's or a step's (a chunk's commit) update. */
    private static LocalDateTime lastUpdate(JobExecution e) {
        LocalDateTime last = e.getLastUpdated();
        for (StepExecution s : e.getStepExecutions()) {
            if (s.getLastUpdated() != null && (last == null || s.getLastUpdated().isAfter(last))) {
                last = s.getLastUpdated();
            }
        }
        return last;
    }

    private static String duration(LocalDateTime start, LocalDateTime end, LocalDateTime lastKnown) {
        if (start == null) {
            return "";
        }
        LocalDateTime until = end != null ? end : lastKnown != null ? lastKnown : LocalDateTime.now();
        Duration d = Duration.between(start, until);
        if (d.isNegative()) {
            d = Duration.ZERO; // the run's last update before the step's start: it had only just begun
        }
        return String.format("%d.%01d s", d.toSeconds(), d.toMillisPart() / 100);
    }

    static Commands.Prepared prepareAbandon(Options options, Map<String, String> env) {
        Integer id = options.integer("execution");
        if (id == null) {
            throw new UsageException("--execution ID is required (see status)");
        }
        Path output = Commands.output(options);
        Database database = Database.existing(options, env, output);
        Hints hints = Hints.of(options, output, database);
        return new Commands.Prepared(database, (context, out, err) -> {
            JobRepository repository = context.getBean(JobRepository.class);
            JobOperator operator = context.getBean(JobOperator.class);
            JobExecution e = Recovery.find(repository, id);
            if (e == null) {
                err.println("没有该执行 (no such execution): " + id + " is not in the run state of "
                        + RunCommand.where(database, output) + "; see: " + hints.status(null));
                return ReductionAccountingApplication.USAGE;
            }
            RunParameters run = RunParameters.of(e);
            if (e.getStatus() == BatchStatus.COMPLETED || e.getStatus() == BatchStatus.ABANDONED) {
                err.println("execution " + id + " (" + run.describe() + ") " + (e.getStatus() == BatchStatus.COMPLETED
                        ? "completed: a completed run is published and cannot be abandoned" : "is abandoned already")
                        + "; nothing changed.");
                return ReductionAccountingApplication.USAGE;
            }
            try (RunLock lock = RunLock.acquire(context, database, output, run.year(), run.mode())) {
                if (lock == null) {
                    // the run of this year and mode is held (this one, or a restart of it, running): the same
                    // answer and exit code as run and restart give
                    out.println(RunCommand.inProgress(context, database, output, run.year(), run.mode(),
                            "nothing abandoned (stop that process first, then abandon). See: "
                                    + hints.status(run.year())));
                    return ReductionAccountingApplication.OK;
                }
                if (Recovery.needed(e)) {
                    // left running, starting or unknown by a process that is gone (the run lock is free): Spring
                    // Batch abandons only a stopped or failed execution
                    e = Recovery.markFailed(repository, e, "recovered before being abandoned");
                }
                try {
                    operator.abandon(e);
                    // its staged rows are nobody's now; its findings and figures stay for status
                    new cn.js.reduction.store.AbandonedRuns(context.getBean(
                            org.springframework.jdbc.core.JdbcTemplate.class)).clear(run.runId());
                } catch (Exception ex) {
                    err.println("cannot abandon execution " + id + ": " + Failures.describe(ex));
                    return ReductionAccountingApplication.FAILED;
                }
                // its half-written outputs go; a mark keeps its number from being given to another run
                if (e.getExecutionContext().containsKey(RunParameters.RUN_NUMBER)) {
                    try {
                        run.publication().abandon();
                    } catch (java.io.IOException ex) {
                        err.println("execution " + id + " abandoned, but its working folder " + run.publication().workFolder()
                                + " could not be removed: " + Failures.describe(ex));
                        return ReductionAccountingApplication.FAILED;
                    }
                }
            }
            out.println("execution " + id + " (" + run.describe() + ") abandoned; the next run of these files starts"
                    + " afresh: " + hints.run(run.year(), run.mode(), run.inputRoot(), null));
            return ReductionAccountingApplication.OK;
        });
    }
}
