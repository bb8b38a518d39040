package cn.js.reduction.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Whether the process that owns a running execution is still there. Each execution records its host and
 * process id when it starts ({@link RunListener}); an execution left STARTED by a process that is gone
 * (killed, machine lost) is interrupted, not running.
 */
public final class Liveness {

    static final String HOST = "owner.host";
    static final String PID = "owner.pid";
    /** When the owner process started (ms since the epoch): a PID reused by another process is not the owner. */
    static final String STARTED = "owner.started";
    /** Two readings of one process's start time differ by the clock's tick at most. */
    private static final long SAME_START_MS = 1000;

    private Liveness() {
    }

    public static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    static String owner(JobExecution execution) {
        return owner(execution.getExecutionContext());
    }

    /** "host:pid" of the process an execution context names (a run's, or an intake partition's worker). */
    public static String owner(ExecutionContext ctx) {
        return ctx.containsKey(PID) ? ctx.getString(HOST, "?") + ":" + ctx.getLong(PID) : "unknown";
    }

    /** Names this process in the context: the run it runs, or the intake partition a worker took. */
    public static void claim(ExecutionContext ctx) {
        ctx.putString(HOST, thisHost());
        ctx.putLong(PID, ProcessHandle.current().pid());
        ctx.putLong(STARTED, startOf(ProcessHandle.current()));
    }

    /** The start time of a process in ms since the epoch, or 0 when the system does not say. */
    static long startOf(ProcessHandle process) {
        return process.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
    }

    /**
     * Whether the process {@code pid} of this host is alive and is the one that started at {@code started} (0:
     * not recorded, by an earlier release): a dead owner's PID given to another process is not taken for it.
     */
    static boolean isAlive(long pid, long started) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> started == 0 || startOf(p) == 0 || Math.abs(startOf(p) - started) <= SAME_START_MS)
                .orElse(false);
    }

    /**
     * True when the owner is alive (its PID, and its start time where recorded), or cannot be checked from here
     * (another host): never declare a run on another machine dead.
     */
    static boolean isAlive(JobExecution execution) {
        return isAlive(execution.getExecutionContext());
    }

    public static boolean isAlive(ExecutionContext ctx) {
        if (!ctx.containsKey(PID)) {
            return true;
        }
        if (!thisHost().equals(ctx.getString(HOST, ""))) {
            return true;
        }
        return isAlive(ctx.getLong(PID), ctx.containsKey(STARTED) ? ctx.getLong(STARTED) : 0);
    }
}
