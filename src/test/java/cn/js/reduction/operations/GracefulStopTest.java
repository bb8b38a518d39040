package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * A stop signal while a step commits chunks: the step's own writes of its record never fail and it sees the stop,
 * and the execution is recorded STOPPING. Spring Batch's JobOperator.stop wrote the step's record from the signal's
 * thread; a step committing at that moment failed its optimistic lock and the run ended UNKNOWN, which no restart
 * continues (StopSignalTest met it once in the reference step). Writing the step's record in the stop as well fails
 * this test within its first trials.
 */
class GracefulStopTest {

    @TempDir
    Path dir;

    @Test
    void aStopDuringChunkCommitsNeverFailsTheStepsOwnWritesAndIsRecordedStopping() throws Exception {
        try (StepHarness harness = new StepHarness(TestDatabases.H2, "nightly", dir)) {
            JobRepository repository = harness.repository();
            for (int trial = 0; trial < 50; trial++) {
                JobParameters parameters = new JobParametersBuilder().addString("trial", UUID.randomUUID().toString())
                        .toJobParameters();
                JobInstance instance = repository.createJobInstance("stop-trial", parameters);
                JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
                execution.setStartTime(LocalDateTime.now());
                execution.setStatus(BatchStatus.STARTED);
                repository.update(execution);
                StepExecution step = repository.createStepExecution("intakeFile:file:trial.csv", execution);
                step.setStartTime(LocalDateTime.now());
                step.setStatus(BatchStatus.STARTED);
                repository.update(step);

                // the step's thread: a chunk committed and its record written, again and again, until it sees the stop
                List<Throwable> failures = new ArrayList<>();
                CountDownLatch committing = new CountDownLatch(3);
                Thread steps = new Thread(() -> {
                    try {
                        for (int chunk = 1; !step.isTerminateOnly() && chunk < 1_000_000; chunk++) {
                            step.setWriteCount(chunk);
                            repository.update(step);
                            committing.countDown();
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }, "step-" + trial);
                steps.start();
                assertThat(committing.await(30, TimeUnit.SECONDS)).isTrue();
                GracefulStop.stop(repository, execution);
                steps.join(TimeUnit.SECONDS.toMillis(30));

                assertThat(steps.isAlive()).as("the step saw the stop").isFalse();
                assertThat(failures).as("trial " + trial + ": the step's own writes").isEmpty();
                assertThat(repository.getJobExecution(execution.getId()).getStatus()).isEqualTo(BatchStatus.STOPPING);
                assertThat(repository.getStepExecution(step.getId()).getStatus()).as("the step's record is the step's")
                        .isEqualTo(BatchStatus.STARTED);
            }
        }
    }
}
