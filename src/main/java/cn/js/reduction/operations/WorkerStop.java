package cn.js.reduction.operations;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * SIGTERM (systemctl stop, shutdown) and Ctrl-C on a {@code worker}: it gives its partitions back cleanly. Each
 * intake partition it runs ends at its next chunk boundary, recorded STOPPED with what it committed (a partition
 * it took after the signal stops at its first boundary); their requests are acknowledged, the broker keeps the rest
 * for the other workers, and the process exits 0 once they have ended. The manager's run then ends STOPPED (or
 * FAILED at its --intake-timeout when no worker is left for the other files): restartable, and {@code restart}
 * continues each stopped file from its last committed chunk.
 *
 * <p>Without this the JVM's own handling ran the shutdown hooks at once: the partition running was left to finish
 * within the listener's 60 s (or stayed STARTED, its database closed under it) and the process exited 143, a code
 * outside the table. The stop is bounded: {@link StopSignal#GRACE} after the signal the worker halts (exit 1); a second
 * signal halts at once.
 */
public final class WorkerStop {

    private static final Set<StepExecution> RUNNING = ConcurrentHashMap.newKeySet();
    private static final StopSignal SIGNAL = new StopSignal("the partitions", signal -> signal + " received: the worker"
            + " takes no more partitions; the " + RUNNING.size() + " it runs stop at the end of their current chunk"
            + " (within " + StopSignal.GRACE.toSeconds() + " s), recorded STOPPED, and are continued by the run's"
            + " restart", () -> RUNNING.forEach(StepExecution::setTerminateOnly));

    private WorkerStop() {
    }

    /** Handles SIGTERM and SIGINT for the rest of this process (main only: a worker in its own JVM). */
    static void install(PrintStream operatorErr) {
        SIGNAL.install(operatorErr);
    }

    /** Whether this worker was asked to stop: the worker command then returns, closing its listener. */
    static boolean requested() {
        return SIGNAL.requested();
    }

    /** A listener for the intake step a worker runs: it knows which partitions are running, to stop them. */
    public static StepExecutionListener partitions() {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                RUNNING.add(stepExecution);
                if (SIGNAL.requested()) {
                    stepExecution.setTerminateOnly(); // taken after the signal: given back at once
                }
            }

            @Override
            public ExitStatus afterStep(StepExecution stepExecution) {
                RUNNING.remove(stepExecution);
                return null;
            }
        };
    }
}
