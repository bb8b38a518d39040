package cn.js.reduction.discover;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this thread spends on some work, for the checks that a hostile long cell is read in linear time: CPU
 * time, not the wall clock, so that a loaded machine (the other test JVMs, child processes) does not fail them,
 * while a quadratic pattern still takes seconds of it.
 */
public final class ThreadCpu {

    private ThreadCpu() {
    }

    /** Milliseconds of this thread's CPU time that {@code work} took. */
    public static long millis(Runnable work) {
        var threads = ManagementFactory.getThreadMXBean();
        long began = threads.getCurrentThreadCpuTime();
        work.run();
        return (threads.getCurrentThreadCpuTime() - began) / 1_000_000;
    }
}
