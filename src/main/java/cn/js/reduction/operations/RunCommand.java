package cn.js.reduction.operations;

import cn.js.reduction.core.RunMode;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.consolidate.SubmissionCoverage;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceLibrary;
import cn.js.reduction.publish.Publication;
import java.io.IOException;
import cn.js.reduction.core.InputLimits;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
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
        JobParameters params = RunParameters.jobParameters(year, mode, set.fingerprint(), basis(references, year), input,
                output);
        Database database = Database.resolve(options, env, output);
        return new Commands.Prepared(database, references.root(), (context, out, err) -> {
            // one run of a year and mode at a time, whatever its files: a lock the database (PostgreSQL) or the
            // file system (H2) holds for as long as this process runs it, so two runs fired at once cannot both
            // pass the checks below and start
            try (RunLock lock = RunLock.acquire(context, database, output, year, mode)) {
                return run(context, out, err, lock == null, set, params, references.year(year), mode, rerunReason);
            }
        });
    }

    /** What decides a run's figures besides its files, as this program has it now. */
    static RunParameters.Basis basis(ReferenceLibrary references, int year) {
        return new RunParameters.Basis(references.year(year).version(), references.contentSha256(year),
                Version.current());
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

    private static String describeRunning(ConfigurableApplicationContext context, int year, RunMode mode) {
        for (JobExecution other : Runs.recent(context.getBean(JobRepository.class), year, 50)) {
            if (other.isRunning() && mode.code().equals(other.getJobParameters().getString(RunParameters.MODE))) {
                return "run " + other.getJobInstance().getInstanceId() + " (execution " + other.getId() + ") of "
                        + year + " " + mode + " is running (process " + Liveness.owner(other) + ")";
            }
        }
        return "another process is running " + year + " " + mode;
    }

    /** Gathers the facts {@link RunAdmission} decides on, and carries out its decision. */
    private static int run(ConfigurableApplicationContext context, PrintStream out, PrintStream err,
                           boolean lockHeldElsewhere, InputSet set, JobParameters firstAttempt, ReferenceData ref,
                           RunMode mode, String rerunReason) {
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
                out.println("另一个运行正在进行 (already in progress): " + describeRunning(context, year, mode)
                        + "; nothing started.");
                return ReductionAccountingApplication.OK;
            }
            case NOTHING_TO_DO -> {
                Publication publication = RunParameters.of(last).publication();
                out.println("本输入集已核算完成，无需重复运行 (nothing to do): run " + instance.getInstanceId() + " of "
                        + year + " " + mode + " already completed on these " + set.files().size() + " files"
                        + " with the same reference data and program.");
                out.println("  output: " + publication.finalFolder());
                out.println("  to run them again on purpose: java -jar target/reduction-accounting.jar run --year " + year
                        + " --mode " + mode + " --rerun \"the reason\"");
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
                if (rerunReason != null) {
                    out.println("run " + instance.getInstanceId() + " of these files did not complete: --rerun starts no"
                            + " second run beside it, the run is continued (to start afresh instead, abandon --execution "
                            + last.getId() + " first).");
                }
                out.println(lastState == RunAdmission.LastExecution.LEFT_RUNNING
                        // this process holds the run lock of the year and mode, which a live run would hold: the
                        // process of this one is gone, on this machine or another
                        ? "run " + instance.getInstanceId() + " was interrupted (its process is gone); continuing it."
                        : "run " + instance.getInstanceId() + " of these files failed before (" + last.getStatus()
                                + "); continuing it from the failed step.");
                return restart(context, last, out);
            }
            case REFUSED_FINAL -> {
                err.println("年终核算拒绝运行 (final run refused): every city must submit both a project list and an"
                        + " emission report; missing in " + set.folder() + ":");
                missing.forEach(m -> err.println("  " + m));
                err.println("Run the nightly mode meanwhile: " + Program.command() + " run --year " + year
                        + " --mode nightly");
                return ReductionAccountingApplication.REFUSED;
            }
            case START_NEW -> {
                JobParameters params = RunParameters.withAttempt(firstAttempt,
                        lastState == RunAdmission.LastExecution.NONE ? attempt : attempt + 1);
                if (rerunReason != null) {
                    params = RunParameters.withRerunReason(params, rerunReason);
                    if (lastState == RunAdmission.LastExecution.COMPLETED) {
                        out.println("run " + instance.getInstanceId() + " completed on these files; a new run, as asked: "
                                + rerunReason);
                    }
                }
                return start(context, out, params);
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

    private static int start(ConfigurableApplicationContext context, PrintStream out, JobParameters params) {
        try {
            JobExecution execution = context.getBean(JobOperator.class).start(context.getBean(Job.class), params);
            return report(context, execution, out);
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
        return new Commands.Prepared(database, references.root(), (context, out, err) -> {
            JobRepository repository = context.getBean(JobRepository.class);
            JobExecution execution = executionId != null ? Recovery.find(repository, executionId)
                    : Runs.lastRestartable(repository, year, mode);
            if (execution == null) {
                err.println(executionId != null ? "没有该执行 (no such execution): " + executionId + " is not in the run state of "
                        + output + "; see: " + Program.command() + " status --output " + output
                        : "no failed or interrupted run of " + year + " " + mode + " to restart");
                return ReductionAccountingApplication.USAGE;
            }
            JobExecution lastOfRun = repository.getLastJobExecution(execution.getJobInstance());
            if (lastOfRun != null && lastOfRun.getId() != execution.getId()) {
                // an older execution of a run that has moved on: what counts is the run's last execution
                out.println("execution " + execution.getId() + " was continued by execution " + lastOfRun.getId() + ".");
                execution = lastOfRun;
            }
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                out.println("execution " + execution.getId() + " completed; nothing to restart.");
                return ReductionAccountingApplication.OK;
            }
            if (execution.getStatus() == BatchStatus.ABANDONED) {
                err.println("execution " + execution.getId() + " was abandoned and cannot be restarted; start a new run:"
                        + " " + Program.command() + " run --year "
                        + execution.getJobParameters().getLong(RunParameters.YEAR) + " --mode "
                        + execution.getJobParameters().getString(RunParameters.MODE));
                return ReductionAccountingApplication.USAGE;
            }
            RunParameters run = RunParameters.of(execution);
            String now = Commands.inputSet(run.inputRoot(), run.year()).fingerprint();
            if (!now.equals(run.fingerprint())) {
                err.println("输入文件已变化 (the files of " + run.yearFolder() + " changed since run " + run.runId()
                        + " started): restarting would mix two input sets. Start a new run:"
                        + " " + Program.command() + " run --year " + run.year() + " --mode " + run.mode());
                return ReductionAccountingApplication.USAGE;
            }
            RunParameters.Basis basis = basis(references, run.year());
            if (!basis.equals(run.basis())) {
                err.println("参考数据或程序已变化 (the reference data or the program changed since run " + run.runId()
                        + " started: it ran on " + run.describeBasis() + "; this is " + basis.referenceVersion()
                        + ", " + basis.programVersion() + "): restarting would mix figures of both. Start a new run:"
                        + " java -jar target/reduction-accounting.jar run --year " + run.year() + " --mode " + run.mode());
                return ReductionAccountingApplication.USAGE;
            }
            try (RunLock lock = RunLock.acquire(context, database, output, run.year(), run.mode())) {
                if (lock == null) {
                    err.println("a run of " + run.year() + " " + run.mode() + " is in progress: "
                            + describeRunning(context, run.year(), run.mode())
                            + "; wait for it to end, or stop that process first.");
                    return ReductionAccountingApplication.USAGE;
                }
                // under the lock, an execution still recorded as running has lost its process (here or on
                // another machine): restart recovers it
                return restart(context, Recovery.find(repository, execution.getId()), out);
            }
        });
    }

    static int restart(ConfigurableApplicationContext context, JobExecution failed, PrintStream out) {
        JobOperator operator = context.getBean(JobOperator.class);
        JobExecution execution = failed;
        if (Recovery.needed(execution)) {
            // its process is gone, or lost its database mid-run: mark what it left running or unknown as failed,
            // so that Spring Batch lets the run continue
            execution = Recovery.markFailed(context.getBean(JobRepository.class), execution,
                    "recovered: the process ended without recording the outcome");
        }
        try {
            return report(context, operator.restart(execution), out);
        } catch (org.springframework.batch.core.launch.JobRestartException e) {
            throw new IllegalStateException("cannot restart execution " + failed.getId() + ": " + e.getMessage(), e);
        }
    }

    static int report(ConfigurableApplicationContext context, JobExecution execution, PrintStream out) {
        RunParameters run = RunParameters.of(execution);
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        long ms = start == null ? 0 : Duration.between(start, end).toMillis();
        out.printf("run %d (execution %d) of %d %s: %s in %.1f s%n", run.runId(), execution.getId(), run.year(),
                run.mode(), execution.getStatus(), ms / 1000.0);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        RunCounts counts = RunCounts.of(jdbc, run.runId());
        out.println("  " + counts.describe());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            out.println("  output: " + run.publication().finalFolder());
            return ReductionAccountingApplication.OK;
        }
        boolean stepFailed = false;
        for (org.springframework.batch.core.step.StepExecution step : execution.getStepExecutions()) {
            for (Throwable t : step.getFailureExceptions()) {
                out.println("  failed in " + InputLimits.printable(step.getStepName()) + ": "
                        + InputLimits.printable(Failures.describe(t)));
                stepFailed = true;
            }
        }
        if (!stepFailed) {
            for (Throwable t : execution.getAllFailureExceptions()) {
                out.println("  failed: " + Failures.describe(t));
            }
        }
        out.println("  details: " + Database.stateFolder(run.outputRoot()).resolve("reduction-accounting.log"));
        out.println("  to continue: " + Program.command() + " restart --execution " + execution.getId()
                + " --output " + run.outputRoot());
        return ReductionAccountingApplication.FAILED;
    }
}
