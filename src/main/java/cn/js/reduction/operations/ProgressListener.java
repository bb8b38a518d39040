package cn.js.reduction.operations;

import cn.js.reduction.core.InputLimits;
import cn.js.reduction.core.Disposition;
import cn.js.reduction.intake.StagedRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One file's intake as an operator follows it: the rows accepted, rejected and ignored are counted into the
 * step's execution context with every chunk (so they are committed with it, survive a restart and show in
 * status). The log file gets a line for each file when it is done (and every few seconds while a large one is
 * read); the terminal gets one progress line for the whole intake every few seconds, since the files' own lines
 * come in the order the threads finish them and before consolidation, so they would not agree with files.csv.
 */
public class ProgressListener implements StepExecutionListener, ItemWriteListener<StagedRow> {

    static final String ACCEPTED = "rows.accepted";
    static final String REJECTED = "rows.rejected";
    static final String IGNORED = "rows.ignored";

    /** The files' own lines: to the log file only (logback-spring.xml lets only cn.js.reduction.* on the terminal). */
    private static final Logger FILES = LoggerFactory.getLogger("progress.files");
    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);
    private static final long INTERVAL_NANOS = 5_000_000_000L;
    /**
     * Intake as a whole, over the partitions this process runs for one execution: files done, rows read, when it
     * was last said. Counted afresh for each execution, so that a worker serving run after run, or a restart in the
     * same process, never adds one run's files to another's.
     */
    private record Intake(long execution, long files, long rows, long said) {
    }

    private static final java.util.concurrent.atomic.AtomicReference<Intake> INTAKE =
            new java.util.concurrent.atomic.AtomicReference<>(new Intake(-1, 0, 0, System.nanoTime()));

    private final String file;
    private StepExecution step;
    private long started;
    private long lastReport;

    public ProgressListener(String file) {
        this.file = InputLimits.printable(file); // a line break in a name must not forge a log line
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        started = System.nanoTime();
        lastReport = started;
    }

    @Override
    public void afterWrite(Chunk<? extends StagedRow> items) {
        ExecutionContext context = step.getExecutionContext();
        long accepted = 0;
        long rejected = 0;
        long ignored = 0;
        for (StagedRow row : items) {
            for (cn.js.reduction.intake.RowOutcome<?> o : row.outcomes()) {
                Disposition d = o.disposition();
                if (d == Disposition.ACCEPTED) {
                    accepted++;
                } else if (d == Disposition.REJECTED) {
                    rejected++;
                } else {
                    ignored++;
                }
            }
        }
        context.putLong(ACCEPTED, context.getLong(ACCEPTED, 0) + accepted);
        context.putLong(REJECTED, context.getLong(REJECTED, 0) + rejected);
        context.putLong(IGNORED, context.getLong(IGNORED, 0) + ignored);
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            FILES.info("  {}: {} rows so far ({})", file, step.getReadCount() + items.size(), rate(now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        ExecutionContext c = stepExecution.getExecutionContext();
        long execution = stepExecution.getJobExecutionId();
        long read = stepExecution.getReadCount();
        long now = System.nanoTime();
        Intake intake = INTAKE.updateAndGet(i -> {
            Intake counted = i.execution() == execution ? new Intake(execution, i.files() + 1, i.rows() + read, i.said())
                    : new Intake(execution, 1, read, i.said());
            return now - counted.said() >= INTERVAL_NANOS
                    ? new Intake(execution, counted.files(), counted.rows(), now) : counted;
        });
        if (intake.said() == now) {
            log.info("intake: {} {} read so far, {} rows", intake.files(), intake.files() == 1 ? "file" : "files",
                    intake.rows());
        }
        FILES.info("  {}: {} rows read in {} ms ({}), {} accepted, {} rejected, {} ignored, {}", file,
                stepExecution.getReadCount(), (System.nanoTime() - started) / 1_000_000, rate(System.nanoTime()),
                c.getLong(ACCEPTED, 0), c.getLong(REJECTED, 0), c.getLong(IGNORED, 0), stepExecution.getStatus());
        return stepExecution.getExitStatus();
    }

    private String rate(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        return Math.round(step.getReadCount() / seconds) + " rows/s";
    }
}
