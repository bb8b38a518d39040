package cn.js.reduction.operations;

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

    private final JobRepository repository;

    public RunListener(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        Liveness.claim(execution.getExecutionContext());
        repository.updateExecutionContext(execution);
        RunParameters run = RunParameters.of(execution);
        log.info("run {} (execution {}) started: year {}, mode {}, input {}", run.runId(), execution.getId(),
                run.year(), run.mode(), run.yearFolder());
    }

    @Override
    public void afterJob(JobExecution execution) {
        log.info("run {} (execution {}) ended: {}", execution.getJobInstance().getInstanceId(), execution.getId(),
                execution.getStatus());
    }
}
