package cn.js.reduction.operations;

import cn.js.reduction.core.RunMode;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * What {@code run} does with a year, a mode and an input set, decided from the facts alone (no database, no
 * files), so that each case has a test of its own ({@code RunAdmissionTest}). {@link RunCommand} gathers the
 * facts under the run lock and carries the decision out.
 */
final class RunAdmission {

    /** The outcomes, in the order they are considered. */
    enum Outcome {
        /** Another process holds the run lock of the year and mode: leave it alone, exit 0. */
        ALREADY_RUNNING,
        /** The run of this identity completed: say so, mark it latest again, exit 0. */
        NOTHING_TO_DO,
        /** Its last execution was left running or unknown by a process that is gone: mark it failed, restart it. */
        RECOVER_AND_CONTINUE,
        /** Its last execution failed or was stopped: restart it from the failed step. */
        CONTINUE,
        /** A new run is due but the final mode lacks a city's submission: exit 3, nothing started. */
        REFUSED_FINAL,
        /** No run of this identity, its last one was abandoned, or the operator asked for a fresh one. */
        START_NEW
    }

    /** What the job repository says about the newest run of this identity's last execution. */
    enum LastExecution {
        /** No run of this identity yet. */
        NONE,
        COMPLETED,
        ABANDONED,
        /** Recorded as starting or running, though this process holds the lock a live run would hold. */
        LEFT_RUNNING,
        /** FAILED, STOPPED or UNKNOWN, or a step of it left starting, running or unknown (lost connections). */
        NEEDS_RECOVERY,
        /** FAILED or STOPPED with every step's outcome recorded: Spring Batch restarts it as it is. */
        FAILED;

        static LastExecution of(JobExecution last) {
            if (last == null) {
                return NONE;
            }
            if (last.getStatus() == BatchStatus.COMPLETED) {
                return COMPLETED;
            }
            if (last.getStatus() == BatchStatus.ABANDONED) {
                return ABANDONED;
            }
            if (last.isRunning()) {
                return LEFT_RUNNING;
            }
            return Recovery.needed(last) ? NEEDS_RECOVERY : FAILED;
        }
    }

    /**
     * @param lockHeldElsewhere  another process holds the run lock of the year and mode
     * @param last               the newest run of this identity's last execution
     * @param mode               the mode asked for
     * @param rerunRequested     {@code run --rerun}: a fresh run even of a completed set
     * @param missingSubmissions what the final mode lacks (city and kind); asked only when a final run would start
     */
    record Facts(boolean lockHeldElsewhere, LastExecution last, RunMode mode, boolean rerunRequested,
                 Supplier<List<String>> missingSubmissions) {
    }

    private RunAdmission() {
    }

    static Outcome decide(Facts facts) {
        if (facts.lockHeldElsewhere()) {
            return Outcome.ALREADY_RUNNING;
        }
        switch (facts.last()) {
            case COMPLETED -> {
                if (!facts.rerunRequested()) {
                    return Outcome.NOTHING_TO_DO;
                }
            }
            // a run that did not complete is continued, also on --rerun: a fresh run beside it would leave it
            // failed or interrupted for ever; abandon it first to start afresh
            case LEFT_RUNNING, NEEDS_RECOVERY -> {
                return Outcome.RECOVER_AND_CONTINUE;
            }
            case FAILED -> {
                return Outcome.CONTINUE;
            }
            case NONE, ABANDONED -> {
                // a new run: below
            }
        }
        // the coverage of a set is checked only when a final run would start: a failed final run of the same
        // set passed it when it started
        if (facts.mode().isFinal() && !facts.missingSubmissions().get().isEmpty()) {
            return Outcome.REFUSED_FINAL;
        }
        return Outcome.START_NEW;
    }
}
