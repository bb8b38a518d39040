package cn.js.reduction.operations;

import java.io.PrintStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;

/**
 * SIGTERM (what systemd sends on stop, on a timer's timeout and at shutdown) and Ctrl-C during {@code run} or
 * {@code restart} are a stop, not a crash: Spring Batch is asked to stop the running execution
 * ({@link JobOperator#stop}), its step ends at the next chunk boundary (a tasklet step at its end), the execution is
 * recorded STOPPED and the command prints how to continue and exits 1 (restartable).
 *
 * <p>The JVM's own handling of these signals would run the shutdown hooks at once, closing the database pool under
 * the running step (the execution left STARTED, exit 143). So for these two commands the signal is handled here
 * instead, and the JVM goes on until the command returns. The stop is bounded: a command still alive
 * {@link StopSignal#GRACE} after the signal halts with exit 1, its execution left as a killed one's (INTERRUPTED, which
 * {@code restart} continues); a second signal halts at once. The systemd unit gives it that time
 * (TimeoutStopSec above GRACE).
 */
final class GracefulStop {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);
    private static final StopSignal SIGNAL = new StopSignal("the run", signal -> signal + " received: the run stops at"
            + " the end of its current chunk (within " + StopSignal.GRACE.toSeconds() + " s) and is recorded STOPPED;"
            + " the command to continue follows", GracefulStop::stop);
    private static volatile JobOperator operator;
    private static volatile JobExecution running;
    /** The execution the current command started, kept after it ended (a failure that escaped the job). */
    private static volatile JobExecution lastStarted;

    private GracefulStop() {
    }

    /** Handles SIGTERM and SIGINT for the rest of this process (main only: a run or restart in its own JVM). */
    static void install(PrintStream operatorErr) {
        SIGNAL.install(operatorErr);
    }

    /**
     * The execution this process runs, told by the job's listener when it starts (the live object, whose version
     * the running steps share); a stop asked before it started is carried out now.
     */
    static void started(JobOperator jobOperator, JobExecution execution) {
        operator = jobOperator;
        running = execution;
        lastStarted = execution;
        if (SIGNAL.requested()) {
            stop();
        }
    }

    /** The execution ended: a signal from now on needs no stop, the command is about to return. */
    static void ended() {
        running = null;
    }

    /** Forgets the execution an earlier command of this JVM started (before a command starts one). */
    static void forget() {
        lastStarted = null;
    }

    /** The execution this command started, or null: for the command to continue a failure the job could not record. */
    static JobExecution lastStarted() {
        return lastStarted;
    }

    /** Whether a stop was asked for in this process (the summary says so). */
    static boolean requested() {
        return SIGNAL.requested();
    }

    private static synchronized void stop() {
        JobExecution execution = running;
        if (execution == null || operator == null || !execution.isRunning()) {
            return; // not started yet (started() stops it) or already ended: the command returns by itself
        }
        try {
            operator.stop(execution);
        } catch (org.springframework.dao.OptimisticLockingFailureException e) {
            // Spring Batch records the execution STOPPING first, then each running step; a step that recorded its
            // own progress at that very moment refuses the second write. Harmless: the step reads the execution's
            // state back at its next write (JobRepository.update), sees STOPPING and stops there.
            LOG.info("execution {} is recorded STOPPING; its running step takes the stop at its next commit",
                    execution.getId());
            LOG.debug("the step's record was being written at the same moment", e);
        } catch (Exception e) {
            // already ending; or the repository refused: the watchdog bounds the wait all the same
            LOG.warn("cannot ask execution {} to stop: {}", execution.getId(), e.toString(), e);
        }
    }
}
