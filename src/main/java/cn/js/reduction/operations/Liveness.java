package cn.js.reduction.operations;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.batch.core.job.JobExecution;

/**
 * Whether the process that owns a running execution is still there. Each execution records its host and
 * process id when it starts ({@link RunListener}); an execution left STARTED by a process that is gone
 * (killed, machine lost) is interrupted, not running.
 */
final class Liveness {

    static final String HOST = "owner.host";
    static final String PID = "owner.pid";

    private Liveness() {
    }

    static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    static String owner(JobExecution execution) {
        var ctx = execution.getExecutionContext();
        return ctx.containsKey(PID) ? ctx.getString(HOST, "?") + ":" + ctx.getLong(PID) : "unknown";
    }

    /**
     * True when the owner is alive, or cannot be checked from here (another host): never declare a run on
     * another machine dead.
     */
    static boolean isAlive(JobExecution execution) {
        var ctx = execution.getExecutionContext();
        if (!ctx.containsKey(PID)) {
            return true;
        }
        if (!thisHost().equals(ctx.getString(HOST, ""))) {
            return true;
        }
        return ProcessHandle.of(ctx.getLong(PID)).map(ProcessHandle::isAlive).orElse(false);
    }
}
