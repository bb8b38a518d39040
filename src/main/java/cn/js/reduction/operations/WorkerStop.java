package cn.js.reduction.operations;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import sun.misc.Signal;

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
 * outside the table. The stop is bounded: {@link #GRACE} after the signal the worker halts (exit 1); a second
 * signal halts at once.
 */
public final class WorkerStop {

    /** How long giving the partitions back may take before the worker halts: one chunk, normally well under 1 s. */
    static final Duration GRACE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(WorkerStop.class);
    private static final AtomicBoolean REQUESTED = new AtomicBoolean();
    private static final Set<StepExecution> RUNNING = ConcurrentHashMap.newKeySet();
    private static volatile PrintStream err;

    private WorkerStop() {
    }

    /** Handles SIGTERM and SIGINT for the rest of this process (main only: a worker in its own JVM). */
    static void install(PrintStream operatorErr) {
        err = operatorErr;
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), WorkerStop::onSignal);
            } catch (IllegalArgumentException e) {
                // not known here (or the JVM keeps it, -Xrs): the JVM's default stays
            }
        }
    }

    /** Whether this worker was asked to stop: the worker command then returns, closing its listener. */
    static boolean requested() {
        return REQUESTED.get();
    }

    /** A listener for the intake step a worker runs: it knows which partitions are running, to stop them. */
    public static StepExecutionListener partitions() {
        return new StepExecutionListener() {
            @Override
            public void beforeStep(StepExecution stepExecution) {
                RUNNING.add(stepExecution);
                if (REQUESTED.get()) {
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

    private static void onSignal(Signal signal) {
        if (!REQUESTED.compareAndSet(false, true)) {
            say("second SIG" + signal.getName() + ": stopping now, without waiting for the partitions' chunks to end");
            Runtime.getRuntime().halt(ReductionAccountingApplication.FAILED);
        }
        say("SIG" + signal.getName() + " received: the worker takes no more partitions; the " + RUNNING.size()
                + " it runs stop at the end of their current chunk (within " + GRACE.toSeconds() + " s), recorded"
                + " STOPPED, and are continued by the run's restart");
        RUNNING.forEach(StepExecution::setTerminateOnly);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            say("the partitions did not stop within " + GRACE.toSeconds() + " s: halting; the run's restart"
                    + " continues them (see status)");
            Runtime.getRuntime().halt(ReductionAccountingApplication.FAILED);
        }, "worker-stop-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void say(String line) {
        PrintStream stream = err;
        if (stream == null) {
            LOG.info(line);
            return;
        }
        stream.println(line);
        stream.flush();
    }
}
