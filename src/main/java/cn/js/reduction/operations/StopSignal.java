package cn.js.reduction.operations;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * What every command that stops on SIGTERM or Ctrl-C shares ({@link GracefulStop} for run and restart,
 * {@link WorkerStop} for a worker): the JVM's own handling would run the shutdown hooks at once, closing the database
 * pool under the running step and exiting 143. Here the first signal asks the command's own stop and starts a
 * watchdog that halts with exit 1 after {@link #GRACE}; a second signal halts at once. The operator is told each.
 */
final class StopSignal {

    /** How long a stop may take before the process halts; measured stops take 0.2-4.5 s (docs/operations.md). */
    static final Duration GRACE = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);

    private final AtomicBoolean requested = new AtomicBoolean();
    private final String what;
    private final Function<String, String> received;
    private final Runnable stop;
    private volatile PrintStream err;

    /**
     * @param what     what is stopping, in the halt messages ("the run", "the partitions")
     * @param received the line said on the first signal, given the signal's name ("SIGTERM")
     * @param stop     the command's own stop, run on the signal's thread after the line is said
     */
    StopSignal(String what, Function<String, String> received, Runnable stop) {
        this.what = what;
        this.received = received;
        this.stop = stop;
    }

    /** Handles SIGTERM and SIGINT for the rest of this process (main only: a command in its own JVM). */
    void install(PrintStream operatorErr) {
        err = operatorErr;
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), this::onSignal);
            } catch (IllegalArgumentException e) {
                // the signal is not known here (or the JVM keeps it, -Xrs): the JVM's default stays
            }
        }
    }

    /** Whether a stop was asked for in this process. */
    boolean requested() {
        return requested.get();
    }

    private void onSignal(Signal signal) {
        if (!requested.compareAndSet(false, true)) {
            say("second SIG" + signal.getName() + ": stopping now, without waiting for " + what + " to reach the end of"
                    + " a chunk");
            Runtime.getRuntime().halt(ReductionAccountingApplication.FAILED);
        }
        say(received.apply("SIG" + signal.getName()));
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(GRACE.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            say(what + " did not stop within " + GRACE.toSeconds() + " s: halting; the run's restart continues it"
                    + " (see status)");
            Runtime.getRuntime().halt(ReductionAccountingApplication.FAILED);
        }, "stop-signal-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        stop.run();
    }

    private void say(String line) {
        PrintStream stream = err;
        if (stream == null) {
            LOG.info(line);
            return;
        }
        stream.println(line); // the operator's stream copies it to the log file
        stream.flush();
    }
}
