package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.core.RunMode;
import cn.js.reduction.operations.RunAdmission.Facts;
import cn.js.reduction.operations.RunAdmission.LastExecution;
import cn.js.reduction.operations.RunAdmission.Outcome;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/** What run does, case by case, decided from the facts alone. */
class RunAdmissionTest {

    private static final Supplier<List<String>> ALL_SUBMITTED = List::of;
    private static final Supplier<List<String>> NANJING_MISSING = () -> List.of("南京 320100: 排放量报表 emission report");
    /** Coverage reads every file of the year: asked only when a final run would start. */
    private static final Supplier<List<String>> NOT_TO_BE_ASKED = () -> {
        throw new AssertionError("the coverage of the set was checked though no final run was to start");
    };

    private static Outcome decide(boolean lockHeldElsewhere, LastExecution last, RunMode mode, boolean rerun,
                                  Supplier<List<String>> missing) {
        return RunAdmission.decide(new Facts(lockHeldElsewhere, last, mode, rerun, missing));
    }

    @Test
    void anotherProcessHoldingTheYearAndModeMeansAlreadyRunningWhateverElse() {
        for (LastExecution last : LastExecution.values()) {
            assertThat(decide(true, last, RunMode.FINAL, true, NOT_TO_BE_ASKED)).as(last.name())
                    .isEqualTo(Outcome.ALREADY_RUNNING);
        }
    }

    @Test
    void aCompletedRunOfTheSameIdentityIsNothingToDo() {
        assertThat(decide(false, LastExecution.COMPLETED, RunMode.NIGHTLY, false, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.NOTHING_TO_DO);
        // a final run whose set lacks a submission today was complete then: still nothing to do
        assertThat(decide(false, LastExecution.COMPLETED, RunMode.FINAL, false, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.NOTHING_TO_DO);
    }

    @Test
    void aRerunOfACompletedSetStartsANewRun() {
        assertThat(decide(false, LastExecution.COMPLETED, RunMode.NIGHTLY, true, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.START_NEW);
        assertThat(decide(false, LastExecution.COMPLETED, RunMode.FINAL, true, ALL_SUBMITTED))
                .isEqualTo(Outcome.START_NEW);
    }

    @Test
    void aRunWhoseProcessIsGoneIsRecoveredAndContinued() {
        assertThat(decide(false, LastExecution.LEFT_RUNNING, RunMode.NIGHTLY, false, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.RECOVER_AND_CONTINUE);
        assertThat(decide(false, LastExecution.NEEDS_RECOVERY, RunMode.FINAL, false, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.RECOVER_AND_CONTINUE);
    }

    @Test
    void aFailedRunIsContinuedAlsoOnRerunAndWithoutCheckingCoverageAgain() {
        assertThat(decide(false, LastExecution.FAILED, RunMode.NIGHTLY, false, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.CONTINUE);
        assertThat(decide(false, LastExecution.FAILED, RunMode.FINAL, false, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.CONTINUE);
        // a second run beside an unfinished one would leave it failed for ever: abandon it first
        assertThat(decide(false, LastExecution.FAILED, RunMode.NIGHTLY, true, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.CONTINUE);
        assertThat(decide(false, LastExecution.LEFT_RUNNING, RunMode.NIGHTLY, true, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.RECOVER_AND_CONTINUE);
    }

    @Test
    void aFinalRunThatWouldStartWithACityMissingIsRefused() {
        assertThat(decide(false, LastExecution.NONE, RunMode.FINAL, false, NANJING_MISSING))
                .isEqualTo(Outcome.REFUSED_FINAL);
        assertThat(decide(false, LastExecution.ABANDONED, RunMode.FINAL, false, NANJING_MISSING))
                .isEqualTo(Outcome.REFUSED_FINAL);
        assertThat(decide(false, LastExecution.COMPLETED, RunMode.FINAL, true, NANJING_MISSING))
                .isEqualTo(Outcome.REFUSED_FINAL);
    }

    @Test
    void aNewOrAbandonedSetStartsANewRun() {
        assertThat(decide(false, LastExecution.NONE, RunMode.NIGHTLY, false, NOT_TO_BE_ASKED))
                .as("nightly tolerates missing submissions").isEqualTo(Outcome.START_NEW);
        assertThat(decide(false, LastExecution.ABANDONED, RunMode.NIGHTLY, false, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.START_NEW);
        assertThat(decide(false, LastExecution.NONE, RunMode.FINAL, false, ALL_SUBMITTED))
                .isEqualTo(Outcome.START_NEW);
        assertThat(decide(false, LastExecution.NONE, RunMode.NIGHTLY, true, NOT_TO_BE_ASKED))
                .isEqualTo(Outcome.START_NEW);
    }

    @Test
    void theLastExecutionIsReadFromWhatTheRepositoryRecorded() {
        assertThat(LastExecution.of(null)).isEqualTo(LastExecution.NONE);
        assertThat(LastExecution.of(execution(BatchStatus.COMPLETED))).isEqualTo(LastExecution.COMPLETED);
        assertThat(LastExecution.of(execution(BatchStatus.ABANDONED))).isEqualTo(LastExecution.ABANDONED);
        assertThat(LastExecution.of(execution(BatchStatus.STARTED))).isEqualTo(LastExecution.LEFT_RUNNING);
        assertThat(LastExecution.of(execution(BatchStatus.STARTING))).isEqualTo(LastExecution.LEFT_RUNNING);
        assertThat(LastExecution.of(execution(BatchStatus.FAILED))).isEqualTo(LastExecution.FAILED);
        assertThat(LastExecution.of(execution(BatchStatus.STOPPED))).isEqualTo(LastExecution.FAILED);
        assertThat(LastExecution.of(execution(BatchStatus.UNKNOWN))).isEqualTo(LastExecution.NEEDS_RECOVERY);
        // lost connections: the job failed, a step waiting to start stayed STARTING (Spring Batch: "already running")
        JobExecution failed = execution(BatchStatus.FAILED);
        StepExecution starting = new StepExecution(7, "consolidate", failed);
        starting.setStatus(BatchStatus.STARTING);
        failed.addStepExecution(starting);
        assertThat(LastExecution.of(failed)).isEqualTo(LastExecution.NEEDS_RECOVERY);
    }

    private static JobExecution execution(BatchStatus status) {
        JobExecution e = new JobExecution(1, new JobInstance(1, AccountingJobConfiguration.JOB_NAME), new JobParameters());
        e.setStatus(status);
        return e;
    }
}
