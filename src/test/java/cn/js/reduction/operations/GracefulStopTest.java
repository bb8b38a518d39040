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
 * A stop signal while a step commits chunks and the job writes its execution: neither's own writes fail, the step
 * sees the stop, the execution is recorded STOPPING, and the step's record is written by the step alone (its version
 * counts the step's own writes, no more). Spring Batch's JobOperator.stop wrote the step's record from the signal's
 * thread; a step committing at that moment failed its optimistic lock and the run ended UNKNOWN, which no restart
 * continues (StopSignalTest met it once in the reference step). The job's own writes go through
 * {@link GracefulStop#takingTurns}, as the job's do: without it, the stop's write between the job's reading of the
 * version and its write failed the job's.
 */
class GracefulStopTest {

    @TempDir
    Path dir;

    @Test
    void aStopDuringChunkCommitsNeverFailsTheStepsOwnWritesAndIsRecordedStopping() throws Exception {
        try (StepHarness harness = new StepHarness(TestDatabases.H2, "nightly", dir)) {
            JobRepository repository = harness.repository();
            JobRepository jobs = GracefulStop.takingTurns(repository);
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
                long stepVersion = repository.getStepExecution(step.getId()).getVersion();

                // the step's thread: a chunk committed and its record written, again and again, until it sees the stop
                List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
                CountDownLatch committing = new CountDownLatch(3);
                long[] written = {0};
                Thread steps = new Thread(() -> {
                    try {
                        for (int chunk = 1; !step.isTerminateOnly() && chunk < 1_000_000; chunk++) {
                            step.setWriteCount(chunk);
                            repository.update(step);
                            written[0]++;
                            committing.countDown();
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }, "step-" + trial);
                // the job's thread: its own writes of the execution, through the repository the job is built with
                java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
                Thread job = new Thread(() -> {
                    try {
                        while (!stopped.get()) {
                            jobs.update(execution);
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }, "job-" + trial);
                steps.start();
                job.start();
                assertThat(committing.await(30, TimeUnit.SECONDS)).isTrue();
                GracefulStop.stop(repository, execution);
                steps.join(TimeUnit.SECONDS.toMillis(30));
                stopped.set(true);
                job.join(TimeUnit.SECONDS.toMillis(30));

                assertThat(steps.isAlive()).as("the step saw the stop").isFalse();
                assertThat(failures).as("trial " + trial + ": the step's and the job's own writes").isEmpty();
                assertThat(repository.getStepExecution(step.getId()).getVersion())
                        .as("the step's record written by the step alone").isEqualTo(stepVersion + written[0]);
                assertThat(repository.getJobExecution(execution.getId()).getStatus()).isEqualTo(BatchStatus.STOPPING);
                assertThat(repository.getStepExecution(step.getId()).getStatus()).as("the step's record is the step's")
                        .isEqualTo(BatchStatus.STARTED);
            }
        }
    }
}
