package cn.js.reduction.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress of one file's intake: a log line every few seconds while it runs (rows, rate) and one when it ends,
 * so an operator watching a long run sees it move and a scheduler's log shows what each file took.
 */
public class ProgressListener implements StepExecutionListener, ChunkListener<Object, Object> {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);
    private static final long INTERVAL_NANOS = 5_000_000_000L;

    private final String file;
    private StepExecution step;
    private long started;
    private long lastReport;

    public ProgressListener(String file) {
        this.file = file;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        step = stepExecution;
        started = System.nanoTime();
        lastReport = started;
    }

    @Override
    public void afterChunk(Chunk<Object> chunk) {
        long now = System.nanoTime();
        if (now - lastReport >= INTERVAL_NANOS) {
            lastReport = now;
            log.info("  {}: {} rows read, {} rows/s", file, step.getReadCount(), rate(now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        log.info("  {}: {} rows read in {} ms ({} rows/s), {}", file, stepExecution.getReadCount(),
                (System.nanoTime() - started) / 1_000_000, rate(System.nanoTime()), stepExecution.getStatus());
        return stepExecution.getExitStatus();
    }

    private long rate(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        return Math.round(step.getReadCount() / seconds);
    }
}
