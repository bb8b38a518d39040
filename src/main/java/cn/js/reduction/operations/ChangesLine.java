package cn.js.reduction.operations;

import cn.js.reduction.report.changes.Comparison;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.batch.core.job.JobExecution;

/**
 * The line the run's closing summary and status give about what changed since the previous complete run, read
 * from the run's published changes.csv and the previous run recorded when it started.
 */
final class ChangesLine {

    private ChangesLine() {
    }

    /** The line for a completed run, or null where the run wrote no changes.csv (a run of an earlier release). */
    static String of(JobExecution execution) {
        RunParameters run = RunParameters.of(execution);
        Path changes = run.publication().finalFolder().resolve(Comparison.FILE);
        if (!execution.getExecutionContext().containsKey(RunParameters.PREVIOUS_RUN) || !Files.isRegularFile(changes)) {
            return null;
        }
        try {
            var context = execution.getExecutionContext();
            String previous = context.getString(RunParameters.PREVIOUS_RUN);
            return Comparison.read(previous.isEmpty() ? null : Path.of(previous), changes).summary(run.mode().code(),
                    context.getString(RunParameters.PROJECT_CHANGES, ""), context.getString(RunParameters.NOT_COMPARED, ""));
        } catch (IOException | RuntimeException e) {
            return "changes: cannot read " + changes + ": " + e.getMessage();
        }
    }
}
