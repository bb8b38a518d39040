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
    }

    /**
     * True when the owner is alive, or cannot be checked from here (another host): never declare a run on
     * another machine dead.
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
        return ProcessHandle.of(ctx.getLong(PID)).map(ProcessHandle::isAlive).orElse(false);
    }
}
