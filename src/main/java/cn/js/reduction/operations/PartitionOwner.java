package cn.js.reduction.operations;

import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Names the process that runs an intake partition (host and process id) in the partition's execution context,
 * saved at once rather than with the first chunk: status shows which worker ran, or is running, each file, and
 * whether that process is gone. A run on one machine names itself in every partition.
 */
public class PartitionOwner implements StepExecutionListener {

    private final JobRepository repository;

    public PartitionOwner(JobRepository repository) {
        this.repository = repository;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        Liveness.claim(stepExecution.getExecutionContext());
        repository.updateExecutionContext(stepExecution);
    }
}
