package cn.js.reduction.operations;

import cn.js.reduction.core.InputLimits;
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
        Path output = Commands.output(options);
        return new Commands.Prepared(Database.existing(options, env, output), (context, out, err) -> {
            JobRepository repository = context.getBean(JobRepository.class);
            List<JobExecution> executions = Runs.recent(repository, year, limit == null ? 10 : limit);
            if (executions.isEmpty()) {
                out.println("no runs" + (year == null ? "" : " of " + year) + " in " + output);
            }
            for (JobExecution e : executions) {
                print(e, repository.getLastJobExecution(e.getJobInstance()), out, output,
                        context.getBean(JdbcTemplate.class));
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

    private static void print(JobExecution e, JobExecution lastOfRun, PrintStream out, Path output,
                              JdbcTemplate jdbc) {
        RunParameters run = RunParameters.of(e);
        String state = state(e);
        out.printf("run %d  execution %d  %d %-7s  %-11s  started %s  %s  owner %s%n", run.runId(), e.getId(),
                run.year(), run.mode(), state, e.getStartTime() == null ? "-" : TIME.format(e.getStartTime()),
                duration(e.getStartTime(), e.getEndTime()), Liveness.owner(e));
        // what the figures rest on besides the files, and why an unchanged set was run again
        out.println("    on " + run.describeBasis());
        if (run.rerunReason() != null) {
            out.println("    rerun on request (重新核算原因): " + InputLimits.printable(run.rerunReason()));
        }
        List<StepExecution> steps = e.getStepExecutions().stream()
                .sorted(Comparator.comparing(StepExecution::getId)).toList();
        // files.csv counts after consolidation; an intake step counted before it
        Map<String, RunCounts.FileRows> files = RunCounts.perFile(jdbc, run.runId());
        for (StepExecution s : steps) {
            var ctx = s.getExecutionContext();
            String rows = ctx.containsKey(ProgressListener.ACCEPTED)
                    ? String.format("  (accepted %d  rejected %d  ignored %d)", ctx.getLong(ProgressListener.ACCEPTED),
                    ctx.getLong(ProgressListener.REJECTED, 0), ctx.getLong(ProgressListener.IGNORED, 0)) : "";
            out.printf("    %-44s %-10s read %d  written %d  skipped %d  commits %d  %s%s%n",
                    InputLimits.printable(s.getStepName()),
                    s.getStatus(), s.getReadCount(), s.getWriteCount(), s.getSkipCount(), s.getCommitCount(),
                    duration(s.getStartTime(), s.getEndTime()), rows);
            RunCounts.FileRows file = rows.isEmpty() ? null : files.get(ctx.getString("file", ""));
            if (file != null && !file.unchangedSinceIntake()) {
                out.println("      " + file.afterConsolidation());
            }
            if (s.getStatus() == BatchStatus.FAILED && !s.getFailureExceptions().isEmpty()) {
                out.println("      error: " + InputLimits.printable(Failures.describe(s.getFailureExceptions().get(0))));
            } else if (s.getStatus() == BatchStatus.FAILED && s.getExitStatus() != null) {
                String msg = s.getExitStatus().getExitDescription();
                if (msg != null && !msg.isBlank()) {
                    // the repository keeps the stack trace; its first line, without the exception's class name,
                    // is the message an operator needs
                    out.println("      error: " + InputLimits.printable(rootCause(msg)));
                }
            }
        }
        // every state has a next step: continue, give up, or (abandoned) start the same files afresh
        if (lastOfRun != null && lastOfRun.getId() != e.getId()) {
            out.println("    continued by execution " + lastOfRun.getId());
        } else if (state.equals("RUNNING")) {
            out.println("    in progress (process " + Liveness.owner(e) + "); if that process is gone (its machine lost),"
                    + " " + Program.command() + " restart --execution " + e.getId() + " --output " + output
                    + " continues it");
        } else if (state.equals("ABANDONED")) {
            out.println("    given up; the next run of these files starts afresh: " + Program.command()
                    + " run --year " + run.year() + " --mode " + run.mode() + " --input " + run.inputRoot()
                    + " --output " + output);
        } else if (state.equals("FAILED") || state.equals("INTERRUPTED") || state.equals("STOPPED")
                || state.equals("UNKNOWN")) {
            out.println("    to continue: " + Program.command() + " restart --execution " + e.getId()
                    + " --output " + output + "   (or give up: abandon --execution " + e.getId() + ")");
        }
    }

    /**
     * The one line an operator needs from the stack trace the repository keeps: the deepest cause's message
     * ("Unable to process chunk" says nothing; what made it fail does), without the exception's class name.
     */
    static String rootCause(String stackTrace) {
        String line = stackTrace.lines().findFirst().orElse("");
        for (String l : stackTrace.lines().toList()) {
            if (l.startsWith("Caused by: ")) {
                line = l.substring("Caused by: ".length());
            }
        }
        return line.replaceFirst("^[\\w.$]+: ", "");
    }

    private static String duration(LocalDateTime start, LocalDateTime end) {
        if (start == null) {
            return "";
        }
        Duration d = Duration.between(start, end == null ? LocalDateTime.now() : end);
        return String.format("%d.%01d s", d.toSeconds(), d.toMillisPart() / 100);
    }

    static Commands.Prepared prepareAbandon(Options options, Map<String, String> env) {
        Integer id = options.integer("execution");
        if (id == null) {
            throw new UsageException("--execution ID is required (see status)");
        }
        Path output = Commands.output(options);
        Database database = Database.existing(options, env, output);
        return new Commands.Prepared(database, (context, out, err) -> {
            JobRepository repository = context.getBean(JobRepository.class);
            JobOperator operator = context.getBean(JobOperator.class);
            JobExecution e = Recovery.find(repository, id);
            if (e == null) {
                err.println("没有该执行 (no such execution): " + id + " is not in the run state of " + output
                        + "; see: " + Program.command() + " status --output " + output);
                return ReductionAccountingApplication.USAGE;
            }
            RunParameters run = RunParameters.of(e);
            try (RunLock lock = RunLock.acquire(context, database, output, run.year(), run.mode())) {
                if (lock == null && e.isRunning()) {
                    err.println("execution " + id + " is still running (process " + Liveness.owner(e)
                            + "); stop it first.");
                    return ReductionAccountingApplication.USAGE;
                }
                if (Recovery.needed(e)) {
                    // left running, starting or unknown by a process that is gone (the run lock is free): Spring
                    // Batch abandons only a stopped or failed execution
                    e = Recovery.markFailed(repository, e, "recovered before being abandoned");
                }
                try {
                    operator.abandon(e);
                } catch (Exception ex) {
                    err.println("cannot abandon execution " + id + ": " + Failures.describe(ex));
                    return ReductionAccountingApplication.FAILED;
                }
            }
            out.println("execution " + id + " abandoned; the next run of these files starts afresh.");
            return ReductionAccountingApplication.OK;
        });
    }
}
