package cn.js.reduction.operations;

import cn.js.reduction.core.RunMode;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.consolidate.SubmissionCoverage;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceLibrary;
import cn.js.reduction.publish.Publication;
import cn.js.reduction.store.AbandonedRuns;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** run and restart: start a run through Spring Batch's JobOperator, or continue one, and report the result. */
final class RunCommand {

    private RunCommand() {
    }

    static Commands.Prepared prepare(Options options, java.util.Map<String, String> env) {
        ReferenceLibrary references = Commands.references(options);
        int year = Commands.year(options, references);
        RunMode mode = Commands.mode(options);
        String rerunReason = rerunReason(options);
        Path input = ReductionAccountingApplication.absolute(options.path("input", "input"));
        Path output = Commands.output(options);
        InputSet set = Commands.inputSet(input, year);
        if (set.files().isEmpty()) {
            // a share not mounted, a wrong --input: never a run that "completes" on nothing and hides yesterday's
            throw new UsageException("没有报送文件 (no submission): " + set.folder() + " holds no spreadsheet (.xlsx,"
                    + " .xls, .csv)" + (set.skipped().isEmpty() ? "" : ", only " + set.skipped().size()
                    + (set.skipped().size() == 1 ? " other entry" : " other entries"))
                    + ". An empty input folder is a configuration error (a share not mounted, a wrong --input or"
                    + " REDUCTION_INPUT): nothing was run; LATEST and the published runs are as they were");
        }
        checkWritable(Publication.modeFolder(output, year, mode));
        JobParameters params = RunParameters.jobParameters(year, mode, set.fingerprint(),
                RunParameters.Basis.current(references, year), input, output);
        Database database = Database.resolve(options, env, output);
        Distribution distribution = Distribution.manager(options, env, database);
        Hints hints = Hints.of(options, output, database);
        return new Commands.Prepared(database, references.root(), (context, out, err) -> {
            // one run of a year and mode at a time, whatever its files: a lock the database (PostgreSQL) or the
            // file system (H2) holds for as long as this process runs it, so two runs fired at once cannot both
            // pass the checks below and start
            try (RunLock lock = RunLock.acquire(context, database, output, year, mode)) {
                if (lock == null) {
                    out.println(inProgress(context, database, output, year, mode, "nothing started. See: "
                            + hints.status(year)));
                    return ReductionAccountingApplication.OK;
                }
                // the staged rows of runs abandoned before abandon removed them: nobody's, the bulk of the database
                new AbandonedRuns(context.getBean(JdbcTemplate.class)).clearAll();
                return run(context, out, err, false, set, params, references.year(year), mode, rerunReason,
                        hints, input);
            }
        }, properties(distribution));
    }

    /**
     * The folder its runs are numbered and published in must be one this process can make and write: a file in
     * its way or a folder it may not write is the operator's set-up (exit 2), said before anything starts. Nothing
     * is created here (a refused final run leaves no folder).
     */
    private static void checkWritable(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new UsageException("cannot use the output folder: not a directory: " + existing
                    + " (a file is in the way of " + folder + ")");
        }
        if (!Files.isWritable(existing)) {
            throw new UsageException("cannot use the output folder: permission denied: " + existing);
        }
    }

    /** The context's properties for intake on workers (--distributed); none for a run on this machine alone. */
    private static java.util.Map<String, Object> properties(Distribution distribution) {
        return distribution == null ? java.util.Map.of() : distribution.properties(false);
    }

    /** The reason given with --rerun, or null without it. */
    private static String rerunReason(Options options) {
        if (!options.has("rerun")) {
            return null;
        }
        String reason = options.get("rerun", "").strip();
        if (reason.isEmpty() || reason.startsWith("--")) {
            throw new UsageException("--rerun needs the reason for running an unchanged set again, in quotes:"
                    + " --rerun \"annex 2 corrected\"");
        }
        if (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException("the reason given with --rerun must be one line of at most " + MAX_REASON
                    + " characters");
        }
        return reason;
    }

    /** Room enough for a sentence; the job repository stores a parameter in at most 2,500 characters. */
    private static final int MAX_REASON = 500;

    /**
     * The one answer of run, restart and abandon when another process holds the run of the year and mode (exit 0,
     * docs/operations.md): who holds it, checked (a live process: PID and start time), and the run it is running.
     */
    static String inProgress(ConfigurableApplicationContext context, Database database, Path output, int year,
                             RunMode mode, String nothingDone) {
        String running = "";
        for (JobExecution other : Runs.recent(context.getBean(JobRepository.class), year, 50)) {
            if (other.isRunning() && Liveness.isAlive(other)
                    && mode.code().equals(other.getJobParameters().getString(RunParameters.MODE))) {
                running = ", running " + RunParameters.of(other).describe() + " (execution " + other.getId() + ")";
                break;
            }
        }
        return "另一个运行正在进行 (already in progress): " + year + " " + mode + " is held by "
                + RunLock.holder(context, database, output, year, mode) + running + "; " + nothingDone;
    }

    /** Gathers the facts {@link RunAdmission} decides on, and carries out its decision. */
    private static int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err,
                           boolean lockHeldElsewhere, InputSet set, JobParameters firstAttempt, ReferenceData ref,
                           RunMode mode, String rerunReason, Hints hints, Path input) {
        int year = ref.year();
        JobRepository repository = context.getBean(JobRepository.class);
        // the newest run of this identity: a new attempt (abandon, --rerun) is a new job instance told apart by
        // one more identifying parameter, absent on the first attempt
        int attempt = 1;
        JobInstance instance = repository.getJobInstance(AccountingJobConfiguration.JOB_NAME, firstAttempt);
        while (instance != null) {
            JobInstance next = repository.getJobInstance(AccountingJobConfiguration.JOB_NAME,
                    RunParameters.withAttempt(firstAttempt, attempt + 1));
            if (next == null) {
                break;
            }
            instance = next;
            attempt++;
        }
        JobExecution last = instance == null || lockHeldElsewhere ? null : repository.getLastJobExecution(instance);
        RunAdmission.LastExecution lastState = RunAdmission.LastExecution.of(last);
        // filled when the decision asks for it (a final run about to start): it reads every file's header rows
        List<String> missing = new ArrayList<>();
        Supplier<List<String>> coverage = () -> {
            missing.addAll(missingSubmissions(set, ref));
            return missing;
        };
        RunAdmission.Outcome outcome = RunAdmission.decide(new RunAdmission.Facts(lockHeldElsewhere, lastState, mode,
                rerunReason != null, coverage));
        switch (outcome) {
            case ALREADY_RUNNING -> {
                throw new IllegalStateException("the run lock is held elsewhere: answered before"); // see prepare
            }
            case NOTHING_TO_DO -> {
                Publication publication = RunParameters.of(last).publication();
                out.println("本输入集已核算完成，无需重复运行 (nothing to do): " + RunParameters.of(last).describe()
                        + " already completed on these " + set.files().size() + " files"
                        + " with the same reference data and program.");
                out.println("  output: " + publication.finalFolder());
                out.println("  to run them again on purpose: " + hints.run(year, mode, input, "--rerun \"the reason\""));
                try {
                    // LATEST names what this command reported, also when the input went back to an earlier set
                    publication.markLatest();
                } catch (IOException e) {
                    err.println("错误 error: cannot mark " + publication.finalFolder() + " latest: "
                            + Failures.describe(e));
                    return ReductionAccountingApplication.FAILED;
                }
                return ReductionAccountingApplication.OK;
            }
            case RECOVER_AND_CONTINUE, CONTINUE -> {
                String which = RunParameters.of(last).describe();
                if (rerunReason != null) {
                    out.println(which + " of these files did not complete: --rerun starts no"
                            + " second run beside it, the run is continued (to start afresh instead: "
                            + hints.abandon(last.getId()) + ", then run again).");
                }
                out.println(lastState == RunAdmission.LastExecution.LEFT_RUNNING
                        // this process holds the run lock of the year and mode, which a live run would hold: the
                        // process of this one is gone, on this machine or another
                        ? which + " was interrupted (its process is gone); continuing it."
                        : which + " of these files failed before (" + last.getStatus()
                                + "); continuing it from the failed step.");
                return restart(context, last, out, hints);
            }
            case REFUSED_FINAL -> {
                err.println("年终核算拒绝运行 (final run refused): every city must submit both a project list and an"
                        + " emission report; missing in " + set.folder() + ":");
                missing.forEach(m -> err.println("  " + m));
                err.println("Run the nightly mode meanwhile: " + hints.run(year, RunMode.NIGHTLY, input, null));
                return ReductionAccountingApplication.REFUSED;
            }
            case START_NEW -> {
                JobParameters params = RunParameters.withAttempt(firstAttempt,
                        lastState == RunAdmission.LastExecution.NONE ? attempt : attempt + 1);
                if (rerunReason != null) {
                    params = RunParameters.withRerunReason(params, rerunReason);
                    if (lastState == RunAdmission.LastExecution.COMPLETED) {
                        // compared with the run it repeats, not with whatever run of other inputs came after it
                        params = RunParameters.repeating(params, RunParameters.of(last).publication().finalFolder());
                        out.println(RunParameters.of(last).describe() + " completed on these files; a new run, as asked: "
                                + rerunReason);
                    }
                }
                return start(context, out, params, hints);
            }
            default -> throw new IllegalStateException("unhandled admission " + outcome);
        }
    }

    private static List<String> missingSubmissions(InputSet set, ReferenceData ref) {
        try {
            return SubmissionCoverage.of(set, ref).missing(ref);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int start(ConfigurableApplicationContext context, PrintStream out, JobParameters params,
                             Hints hints) {
        try {
            GracefulStop.forget();
            JobExecution execution;
            try {
                execution = context.getBean(JobOperator.class).start(context.getBean(Job.class), params);
            } catch (RuntimeException e) {
                return RunSummary.unrecorded(e, out, hints);
            }
            return RunSummary.report(context, execution, out, hints);
        } catch (org.springframework.batch.core.launch.JobExecutionAlreadyRunningException e) {
            out.println("另一个运行正在进行 (already in progress): " + e.getMessage() + "; nothing started.");
            return ReductionAccountingApplication.OK;
        } catch (org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException e) {
            out.println("本输入集已核算完成，无需重复运行 (nothing to do): " + e.getMessage());
            return ReductionAccountingApplication.OK;
        } catch (org.springframework.batch.core.launch.JobRestartException
                 | org.springframework.batch.core.job.parameters.InvalidJobParametersException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static Commands.Prepared prepareRestart(Options options, java.util.Map<String, String> env) {
        Path output = Commands.output(options);
        Integer executionId = options.integer("execution");
        Integer year = options.integer("year");
        if (executionId == null && year == null) {
            throw new UsageException("say which run: --execution ID, or --year Y [--mode M] for its last failed run");
        }
        RunMode mode = Commands.mode(options);
        ReferenceLibrary references = Commands.references(options);
        Database database = Database.existing(options, env, output);
        Distribution distribution = Distribution.manager(options, env, database);
        Hints hints = Hints.of(options, output, database);
        return new Commands.Prepared(database, references.root(), (context, out, err) -> {
            JobRepository repository = context.getBean(JobRepository.class);
            JobExecution execution = executionId != null ? Recovery.find(repository, executionId)
                    : Runs.lastRestartable(repository, year, mode);
            if (execution == null && executionId == null) {
                // nothing failed: as a run of a completed set, nothing to do (exit 0)
                out.println("nothing to restart: no failed or interrupted run of " + year + " " + mode + " in the run"
                        + " state of " + where(database, output) + ". See: " + hints.status(year));
                return ReductionAccountingApplication.OK;
            }
            if (execution == null) {
                err.println("没有该执行 (no such execution): " + executionId + " is not in the run state of "
                        + where(database, output) + " (a run on another database or output folder? give its --output"
                        + " and --db-url); see: " + hints.status(null));
                return ReductionAccountingApplication.USAGE;
            }
            JobExecution lastOfRun = repository.getLastJobExecution(execution.getJobInstance());
            if (lastOfRun != null && lastOfRun.getId() != execution.getId()) {
                // an older execution of a run that has moved on: what counts is the run's last execution
                out.println("execution " + execution.getId() + " was continued by execution " + lastOfRun.getId() + ".");
                execution = lastOfRun;
            }
            RunParameters run = RunParameters.of(execution);
            // which run this is, where: a hint pasted against another state names another run with the same id
            out.println("execution " + execution.getId() + " is " + run.describe() + " on " + run.yearFolder()
                    + ", started " + execution.getCreateTime().withNano(0) + ", in the run state of "
                    + where(database, output) + ".");
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                out.println("it completed; nothing to restart: " + run.publication().finalFolder());
                return ReductionAccountingApplication.OK;
            }
            if (execution.getStatus() == BatchStatus.ABANDONED) {
                err.println("execution " + execution.getId() + " was abandoned and cannot be restarted; start a new run:"
                        + " " + hints.run(run.year(), run.mode(), run.inputRoot(), null));
                return ReductionAccountingApplication.USAGE;
            }
            InputSet now = Commands.inputSet(run.inputRoot(), run.year());
            if (!now.fingerprint().equals(run.fingerprint())) {
                err.println("输入文件已变化 (the files of " + run.yearFolder() + " changed since " + run.describe()
                        + " started): restarting would mix two input sets.");
                InputChanges.between(context.getBean(JdbcTemplate.class), run.runId(), now).forEach(
                        line -> err.println("  " + line));
                err.println("Start a new run on the files as they are now: "
                        + hints.run(run.year(), run.mode(), run.inputRoot(), null));
                err.println("  (and give the old one up: " + hints.abandon(execution.getId()) + ")");
                return ReductionAccountingApplication.USAGE;
            }
            RunParameters.Basis basis = RunParameters.Basis.current(references, run.year());
            if (!basis.equals(run.basis())) {
                err.println("参考数据或程序已变化 (the reference data or the program changed since " + run.describe()
                        + " started: it ran on " + run.describeBasis() + "; this is " + basis.referenceVersion()
                        + ", " + basis.programVersion() + "): restarting would mix figures of both. Restart it with the"
                        + " reference folder it ran on (--reference), or start a new run: "
                        + hints.run(run.year(), run.mode(), run.inputRoot(), null));
                return ReductionAccountingApplication.USAGE;
            }
            try (RunLock lock = RunLock.acquire(context, database, output, run.year(), run.mode())) {
                if (lock == null) {
                    out.println(inProgress(context, database, output, run.year(), run.mode(), "nothing restarted."
                            + " See: " + hints.status(run.year())));
                    return ReductionAccountingApplication.OK;
                }
                // under the lock, an execution still recorded as running has lost its process (here or on
                // another machine): restart recovers it
                return restart(context, Recovery.find(repository, execution.getId()), out, hints);
            }
        }, properties(distribution));
    }

    /** The run state as an operator names it: the database, or the output folder of the embedded one. */
    static String where(Database database, Path output) {
        return database.embedded() ? output.toString() : database.display();
    }

    static int restart(ConfigurableApplicationContext context, JobExecution failed, PrintStream out, Hints hints) {
        JobOperator operator = context.getBean(JobOperator.class);
        JobExecution execution = failed;
        if (Recovery.needed(execution)) {
            // its process is gone, or lost its database mid-run: mark what it left running or unknown as failed,
            // so that Spring Batch lets the run continue
            execution = Recovery.markFailed(context.getBean(JobRepository.class), execution,
                    "recovered: the process ended without recording the outcome");
        }
        Recovery.restorePartitionContexts(context.getBean(JobRepository.class), context.getBean(JdbcTemplate.class),
                execution);
        try {
            GracefulStop.forget();
            JobExecution restarted;
            try {
                restarted = operator.restart(execution);
            } catch (RuntimeException e) {
                return RunSummary.unrecorded(e, out, hints);
            }
            return RunSummary.report(context, restarted, out, hints);
        } catch (org.springframework.batch.core.launch.JobRestartException e) {
            throw new IllegalStateException("cannot restart execution " + failed.getId() + ": " + e.getMessage(), e);
        }
    }
}
