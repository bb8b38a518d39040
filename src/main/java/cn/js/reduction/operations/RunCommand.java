package cn.js.reduction.operations;

import cn.js.reduction.intake.InputSet;
import cn.js.reduction.intake.SubmissionCoverage;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceDataLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.io.PrintStream;
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
        int year = Commands.year(options);
        String mode = Commands.mode(options);
        Path input = ReductionAccountingApplication.absolute(options.path("input", "input"));
        Path output = Commands.output(options);
        InputSet set = Commands.inputSet(input, year);
        JobParameters params = RunParameters.jobParameters(year, mode, set.fingerprint(), input, output);
        return new Commands.Prepared(Database.resolve(options, env, output), (context, out, err) -> {
            JobRepository repository = context.getBean(JobRepository.class);
            JobInstance instance = repository.getJobInstance(AccountingJobConfiguration.JOB_NAME, params);
            if (instance != null) {
                JobExecution last = repository.getLastJobExecution(instance);
                if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
                    out.println("本输入集已核算完成，无需重复运行 (nothing to do): run " + instance.getInstanceId() + " of "
                            + year + " " + mode + " already completed on these " + set.files().size() + " files.");
                    out.println("  output: " + RunParameters.of(last).publication().finalFolder());
                    return ReductionAccountingApplication.OK;
                }
                if (last != null && last.isRunning()) {
                    if (Liveness.isAlive(last)) {
                        out.println("另一个运行正在进行 (already in progress): run " + instance.getInstanceId()
                                + " (execution " + last.getId() + ") of " + year + " " + mode
                                + " is running; nothing started.");
                        return ReductionAccountingApplication.OK;
                    }
                    out.println("run " + instance.getInstanceId() + " was interrupted (its process is gone); continuing it.");
                    return restart(context, last, out);
                }
                if (last != null && last.getStatus() != BatchStatus.ABANDONED) {
                    out.println("run " + instance.getInstanceId() + " of these files failed before (" + last.getStatus()
                            + "); continuing it from the failed step.");
                    return restart(context, last, out);
                }
            }
            // one run of a year and mode at a time, whatever its files: a nightly run that finds the previous
            // one still going leaves it alone
            for (JobExecution other : Runs.recent(repository, year, 50)) {
                if (other.isRunning() && Liveness.isAlive(other)
                        && mode.equals(other.getJobParameters().getString(RunParameters.MODE))) {
                    out.println("另一个运行正在进行 (already in progress): run " + other.getJobInstance().getInstanceId()
                            + " (execution " + other.getId() + ") of " + year + " " + mode + " is running; nothing started.");
                    return ReductionAccountingApplication.OK;
                }
            }
            if (RunParameters.FINAL.equals(mode)) {
                ReferenceData ref = ReferenceDataLoader.load(year);
                List<String> missing;
                try {
                    missing = SubmissionCoverage.of(set, ref).missing(ref);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (!missing.isEmpty()) {
                    err.println("年终核算拒绝运行 (final run refused): every city must submit both a project list and an"
                            + " emission report; missing in " + set.folder() + ":");
                    missing.forEach(m -> err.println("  " + m));
                    err.println("Run the nightly mode meanwhile: run --year " + year + " --mode nightly");
                    return ReductionAccountingApplication.REFUSED;
                }
            }
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
        });
    }

    static Commands.Prepared prepareRestart(Options options, java.util.Map<String, String> env) {
        Path output = Commands.output(options);
        Integer executionId = options.integer("execution");
        Integer year = options.integer("year");
        if (executionId == null && year == null) {
            throw new UsageException("say which run: --execution ID, or --year Y [--mode M] for its last failed run");
        }
        String mode = Commands.mode(options);
        return new Commands.Prepared(Database.resolve(options, env, output), (context, out, err) -> {
            JobRepository repository = context.getBean(JobRepository.class);
            JobExecution execution = executionId != null ? repository.getJobExecution(executionId)
                    : Runs.lastRestartable(repository, year, mode);
            if (execution == null) {
                err.println(executionId != null ? "no execution " + executionId + " in " + output
                        : "no failed or interrupted run of " + year + " " + mode + " to restart");
                return ReductionAccountingApplication.USAGE;
            }
            if (execution.getStatus() == BatchStatus.COMPLETED) {
                out.println("execution " + execution.getId() + " completed; nothing to restart.");
                return ReductionAccountingApplication.OK;
            }
            if (execution.getStatus() == BatchStatus.ABANDONED) {
                err.println("execution " + execution.getId() + " was abandoned and cannot be restarted; start a new run.");
                return ReductionAccountingApplication.USAGE;
            }
            if (execution.isRunning() && Liveness.isAlive(execution)) {
                err.println("execution " + execution.getId() + " is still running (process "
                        + Liveness.owner(execution) + "); wait for it or stop that process first.");
                return ReductionAccountingApplication.USAGE;
            }
            RunParameters run = RunParameters.of(execution);
            String now = Commands.inputSet(run.inputRoot(), run.year()).fingerprint();
            if (!now.equals(run.fingerprint())) {
                err.println("输入文件已变化 (the files of " + run.yearFolder() + " changed since run " + run.runId()
                        + " started): restarting would mix two input sets. Start a new run: run --year " + run.year()
                        + " --mode " + run.mode());
                return ReductionAccountingApplication.USAGE;
            }
            return restart(context, execution, out);
        });
    }

    static int restart(ConfigurableApplicationContext context, JobExecution failed, PrintStream out) {
        JobOperator operator = context.getBean(JobOperator.class);
        JobExecution execution = failed;
        if (execution.isRunning()) {
            // its JVM is gone: mark it failed so Spring Batch lets the run continue
            execution = operator.recover(execution);
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
        for (Throwable t : execution.getAllFailureExceptions()) {
            out.println("  failed: " + Commands.oneLine(t));
        }
        out.println("  to continue: java -jar target/reduction-accounting.jar restart --execution " + execution.getId()
                + " --output " + run.outputRoot());
        return ReductionAccountingApplication.FAILED;
    }
}
