package cn.js.reduction.operations;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * SIGTERM (what systemd sends on stop, on a timer's timeout and at shutdown) and Ctrl-C during {@code run} or
 * {@code restart} are a stop, not a crash: the running steps end at their next chunk boundary (a tasklet step at its
 * end), the execution is recorded STOPPED and the command prints how to continue and exits 1 (restartable).
 *
 * <p>Not through {@code JobOperator.stop}: from this signal's thread it writes the running step's record while the
 * step's own thread commits a chunk, and whichever writes second fails its optimistic lock. When the step loses, it
 * ends UNKNOWN, and Spring Batch restarts no UNKNOWN execution (spring-batch issue 5308; seen here as a SIGTERM
 * in the reference step ending "UNKNOWN: Attempt to update step execution id=5 with wrong version (1)"). So the
 * steps of this process are told in memory, as a worker's partitions are (WorkerStop), the live execution is marked
 * STOPPING in memory (so that the next step is not started), and its record is marked STOPPING from a copy read
 * afresh, which a worker's partitions of this execution read at their next chunk and stop there. That write and the
 * job's own writes of the execution take turns ({@link #takingTurns}): the job reads the version and then writes, and
 * a write of the stop in between made the job's last write fail.
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
    private static volatile JobRepository repository;
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
    static void started(JobRepository jobRepository, JobExecution execution) {
        repository = jobRepository;
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
        if (execution == null || repository == null || !execution.isRunning()) {
            return; // not started yet (started() stops it) or already ended: the command returns by itself
        }
        stop(repository, execution);
    }

    /**
     * The job's repository, its writes of a job execution taking turns with the stop's: what the job is built with.
     * Its other calls (the steps' records, the contexts) go straight through.
     */
    static JobRepository takingTurns(JobRepository repository) {
        return (JobRepository) Proxy.newProxyInstance(JobRepository.class.getClassLoader(),
                new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    try {
                        if (method.getName().equals("update") && args != null && args.length == 1
                                && args[0] instanceof JobExecution) {
                            synchronized (GracefulStop.class) {
                                return method.invoke(repository, args);
                            }
                        }
                        return method.invoke(repository, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Stops the live execution: its running steps at their next chunk, no step after them; records it STOPPING.
     * Never writes a step's record. A run whose publish step completed is published: nothing is left to stop.
     */
    static synchronized void stop(JobRepository repository, JobExecution execution) {
        if (execution.getStepExecutions().stream().anyMatch(s -> s.getStepName().equals(AccountingJobConfiguration.PUBLISH)
                && s.getStatus() == BatchStatus.COMPLETED)) {
            return;
        }
        execution.upgradeStatus(BatchStatus.STOPPING); // SimpleStepHandler starts no step after this
        // a step of this process that committed its chunk sees the flag at the boundary; were the flag not yet
        // visible to its thread, its next write of its record reads STOPPING and sets it there (JobRepository.update)
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setTerminateOnly();
            }
        }
        // recorded from a copy read afresh, never the live object the job's thread writes; the job's writes wait for
        // this one (takingTurns), so no write of the job's comes between the copy's reading and its writing
        try {
            JobExecution copy = repository.getJobExecution(execution.getId());
            if (copy != null && copy.isRunning() && copy.getStatus() != BatchStatus.STOPPING) {
                copy.setStatus(BatchStatus.STOPPING);
                repository.update(copy);
            }
        } catch (RuntimeException e) {
            // the repository refused: this process's steps stop all the same, and the watchdog bounds the wait
            LOG.warn("cannot record execution {} as stopping: {}", execution.getId(), e.toString(), e);
        }
    }
}
