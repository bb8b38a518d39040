package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * A stop signal against the two writers it meets, on the job repository the program uses, 50 times each. While a
 * step commits chunks: the step's own writes never fail, it sees the stop, the execution is recorded STOPPING, and the
 * step's record is the step's alone (its version counts the step's own writes, no more). Spring Batch's
 * JobOperator.stop wrote the step's record from the signal's thread; a step committing at that moment failed its
 * optimistic lock and the run ended UNKNOWN, which no restart continues (StopSignalTest met it in the reference
 * step). While the job writes its execution (as it does once its steps have ended): the job's writes never fail,
 * because they take turns with the stop's ({@link GracefulStop#takingTurns}); the stop's write landing between the
 * job's reading of the version and its write failed the job's last write.
 */
class GracefulStopTest {

    private static final int TRIALS = 50;

    @TempDir
    Path dir;

    @Test
    void aStopWhileAStepCommitsNeverFailsTheStepsWritesNorWritesItsRecord() throws Exception {
        try (StepHarness harness = new StepHarness(TestDatabases.H2, "nightly", dir)) {
            JobRepository repository = harness.repository();
            for (int trial = 0; trial < TRIALS; trial++) {
                JobExecution execution = started(repository);
                StepExecution step = repository.createStepExecution("intakeFile:file:trial.csv", execution);
                step.setStartTime(LocalDateTime.now());
                step.setStatus(BatchStatus.STARTED);
                repository.update(step);
                long stepVersion = repository.getStepExecution(step.getId()).getVersion();

                // the step's thread: a chunk committed and its record written, again and again, until it sees the stop
                List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
                CountDownLatch committing = new CountDownLatch(3);
                long[] written = {0};
                Thread steps = writing("step-" + trial, failures, () -> {
                    for (int chunk = 1; !step.isTerminateOnly() && chunk < 1_000_000; chunk++) {
                        step.setWriteCount(chunk);
                        repository.update(step);
                        written[0]++;
                        committing.countDown();
                    }
                });
                assertThat(committing.await(30, TimeUnit.SECONDS)).isTrue();
                GracefulStop.stop(repository, execution);
                steps.join(TimeUnit.SECONDS.toMillis(30));

                assertThat(steps.isAlive()).as("the step saw the stop").isFalse();
                assertThat(failures).as("trial " + trial + ": the step's own writes").isEmpty();
                assertThat(repository.getJobExecution(execution.getId()).getStatus()).isEqualTo(BatchStatus.STOPPING);
                StepExecution record = repository.getStepExecution(step.getId());
                assertThat(record.getStatus()).as("the step's record is the step's").isEqualTo(BatchStatus.STARTED);
                assertThat(record.getVersion()).as("written by the step alone").isEqualTo(stepVersion + written[0]);
            }
        }
    }

    @Test
    void aStopWhileTheJobWritesItsExecutionNeverFailsTheJobsWrites() throws Exception {
        try (StepHarness harness = new StepHarness(TestDatabases.H2, "nightly", dir)) {
            JobRepository repository = harness.repository();
            JobRepository jobs = GracefulStop.takingTurns(repository); // what the job is built with
            for (int trial = 0; trial < TRIALS; trial++) {
                JobExecution execution = started(repository);
                List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
                CountDownLatch updating = new CountDownLatch(3);
                AtomicBoolean done = new AtomicBoolean();
                Thread job = writing("job-" + trial, failures, () -> {
                    while (!done.get()) {
                        jobs.update(execution);
                        updating.countDown();
                    }
                });
                assertThat(updating.await(30, TimeUnit.SECONDS)).isTrue();
                GracefulStop.stop(repository, execution);
                Thread.sleep(5); // the job's writes after the stop's, too
                done.set(true);
                job.join(TimeUnit.SECONDS.toMillis(30));

                assertThat(failures).as("trial " + trial + ": the job's own writes").isEmpty();
                assertThat(repository.getJobExecution(execution.getId()).getStatus()).isEqualTo(BatchStatus.STOPPING);
            }
        }
    }

    /** A thread started on {@code writes}; what it throws goes into {@code failures}. */
    private static Thread writing(String name, List<Throwable> failures, Runnable writes) {
        Thread thread = new Thread(() -> {
            try {
                writes.run();
            } catch (Throwable t) {
                failures.add(t);
            }
        }, name);
        thread.start();
        return thread;
    }

    /** A new execution recorded STARTED, as the job records it before its first step. */
    private static JobExecution started(JobRepository repository) {
        JobParameters parameters = new JobParametersBuilder().addString("trial", UUID.randomUUID().toString())
                .toJobParameters();
        JobInstance instance = repository.createJobInstance("stop-trial", parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStartTime(LocalDateTime.now());
        execution.setStatus(BatchStatus.STARTED);
        repository.update(execution);
        return execution;
    }
}
