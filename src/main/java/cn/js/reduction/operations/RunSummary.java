package cn.js.reduction.operations;

import cn.js.reduction.core.InputLimits;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** What run and restart print when the job has ended: its outcome, its counts, and how to continue it. */
final class RunSummary {

    private RunSummary() {
    }

    /**
     * A failure the job could not record (its database closed under it: a full disk, the database gone): the step
     * it hit and the cause in one line, and the command that continues the run once the cause is mended; the
     * execution is left as a killed one's, which restart recovers. The stack trace goes to the log file only.
     */
    static int unrecorded(RuntimeException e, PrintStream out, Hints hints) {
        JobExecution execution = GracefulStop.lastStarted();
        if (execution == null) {
            throw e; // before the run started: the command's own failure (ReductionAccountingApplication)
        }
        RunParameters run = RunParameters.of(execution);
        Failures.record(new Database(null, null, null, Database.stateFolder(run.outputRoot()), false, false), e);
        // the last step it began (intake's partitions, named intakeFile:…, are intake)
        String step = execution.getStepExecutions().stream()
                .map(org.springframework.batch.core.step.StepExecution::getStepName)
                .filter(n -> !n.contains(":")).reduce((a, b) -> b).orElse(null);
        out.println(run.describe() + ": FAILED (execution " + execution.getId() + "), its state not recorded");
        out.println("  failed" + (step == null ? "" : " in " + step) + ": "
                + InputLimits.printable(Failures.describe(e)));
        out.println("  details: " + Database.stateFolder(run.outputRoot()).resolve("reduction-accounting.log"));
        out.println("  to continue" + (Failures.isDiskFull(e) ? ", once there is free space on the disk of "
                + Database.stateFolder(run.outputRoot()) : "") + ": " + hints.restart(execution.getId()));
        String note = hints.passwordNote();
        if (!note.isEmpty()) {
            out.println(note);
        }
        return ReductionAccountingApplication.FAILED;
    }

    static int report(ConfigurableApplicationContext context, JobExecution execution, PrintStream out, Hints hints) {
        RunParameters run = RunParameters.of(execution);
        LocalDateTime start = execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        long ms = start == null ? 0 : Duration.between(start, end).toMillis();
        out.printf("%s: %s in %.1f s (execution %d)%n", run.describe(), execution.getStatus(), ms / 1000.0,
                execution.getId());
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        RunCounts counts = RunCounts.of(jdbc, run.runId());
        out.println("  " + counts.describe());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            out.println("  output: " + run.publication().finalFolder());
            String changes = ChangesLine.of(execution);
            if (changes != null) {
                out.println("  " + changes);
            }
            if (counts.errors() > 0 || counts.warnings() > 0) {
                out.println("  findings: " + run.publication().finalFolder().resolve("findings.csv")
                        + "; each city's cells to fix: " + run.publication().finalFolder().resolve("cities"));
            }
            return ReductionAccountingApplication.OK;
        }
        boolean stepFailed = false;
        if (execution.getStatus() == BatchStatus.STOPPED) {
            // a stop asked for (SIGTERM, systemd's stop): every committed chunk is kept, the rest continues
            String step = execution.getStepExecutions().stream()
                    .filter(s -> s.getStatus() == BatchStatus.STOPPED && !s.getStepName().contains(":"))
                    .map(org.springframework.batch.core.step.StepExecution::getStepName).findFirst().orElse(null);
            out.println("  stopped on request" + (GracefulStop.requested() ? " (a stop signal)" : "")
                    + (step == null ? "" : " in step " + step) + ": what was committed is kept; restart continues"
                    + " from there");
            stepFailed = true;
        }
        for (org.springframework.batch.core.step.StepExecution step : execution.getStepExecutions()) {
            for (Throwable t : step.getFailureExceptions()) {
                if (t instanceof org.springframework.batch.core.job.JobInterruptedException) {
                    continue; // how Spring Batch records a stop: said above
                }
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
        out.println("  to continue: " + hints.restart(execution.getId()));
        String note = hints.passwordNote();
        if (!note.isEmpty()) {
            out.println(note);
        }
        return ReductionAccountingApplication.FAILED;
    }
}
