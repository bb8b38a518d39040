package cn.js.reduction.operations;

import cn.js.reduction.publish.Publication;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Records which process owns an execution (so that status can tell a dead one from a running one) and logs
 * one plain line when a run starts and ends, for the scheduler's log.
 */
public class RunListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunListener.class);

    /** Key in the job's execution context: this execution sends its intake partitions to workers. */
    static final String DISTRIBUTED = "distributed";

    private final JobRepository repository;
    private final boolean distributed;

    public RunListener(JobRepository repository, boolean distributed) {
        this.repository = repository;
        this.distributed = distributed;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Liveness.claim(execution.getExecutionContext());
        // status tells "no worker took this file" from "the run stopped before this file" by it
        execution.getExecutionContext().putString(DISTRIBUTED, String.valueOf(distributed));
        if (!execution.getExecutionContext().containsKey(RunParameters.RUN_NUMBER)) {
            // the first execution of the run: its number in the output folder, kept for every restart of it
            RunParameters run = RunParameters.of(execution);
            try {
                RunParameters.previousRun(execution); // before this run's own folder is made
                execution.getExecutionContext().putLong(RunParameters.RUN_NUMBER,
                        Publication.allocate(run.outputRoot(), run.year(), run.mode()).runNumber());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make the run's folder in " + run.outputRoot() + ": "
                        + e.getMessage(), e);
            }
        }
        repository.updateExecutionContext(execution);
        RunParameters run = RunParameters.of(execution);
        log.info("run-{} (execution {}) started: year {}, mode {}, input {}", run.runNumber(), execution.getId(),
                run.year(), run.mode(), run.yearFolder());
        // SIGTERM from now on stops this execution at a chunk boundary (GracefulStop)
        GracefulStop.started(repository, execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        GracefulStop.ended();
        log.info("run-{} (execution {}) ended: {}", RunParameters.of(execution).runNumber(), execution.getId(),
                execution.getStatus());
    }
}
