package cn.js.reduction.operations.distributed;

import cn.js.reduction.operations.AccountingJobConfiguration;
import cn.js.reduction.operations.Liveness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import cn.js.reduction.operations.RunParameters;
import cn.js.reduction.reference.ReferenceLibrary;
import java.time.LocalDateTime;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.dao.DataAccessException;

/**
 * Which requests a worker runs: an intake partition of this database that nobody has taken (STARTING) of a run
 * that is going on. Everything else is logged and dropped: a request the broker delivered again after a worker
 * died or the broker restarted (its partition STARTED, or ended), one of a run whose manager gave up (restart
 * makes new partitions and sends them anew), one of another deployment's database. Two workers cannot both
 * run one partition: Spring Batch's optimistic lock on the step execution lets only the first start it. A
 * partition of a run started on another program or other reference data than this worker's is failed, saying
 * so: its figures would not be the run's.
 */
final class RequestGuard {

    private static final Logger log = LoggerFactory.getLogger(RequestGuard.class);

    private final JobRepository repository;
    private final ReferenceLibrary references;

    RequestGuard(JobRepository repository, ReferenceLibrary references) {
        this.repository = repository;
        this.references = references;
    }

    boolean isRequest(String text) {
        if (PartitionRequests.parse(text) == null) {
            log.warn("dropped a message that is not a partition request: {}", abbreviate(text));
            return false;
        }
        return true;
    }

    boolean untaken(StepExecutionRequest request) {
        StepExecution partition;
        try {
            partition = repository.getStepExecution(request.getStepExecutionId());
        } catch (DataAccessException e) {
            partition = null;
        }
        if (partition == null || !partition.getStepName().startsWith(AccountingJobConfiguration.INTAKE_FILE + ":")) {
            log.warn("dropped a request for step execution {}: no intake partition of that id in this database"
                    + " (is the queue shared with another deployment?)", request.getStepExecutionId());
            return false;
        }
        if (partition.getStatus() != BatchStatus.STARTING) {
            log.info("{} (step execution {}) is {} (worker {}): its request came again; dropped",
                    partition.getStepName(), partition.getId(), partition.getStatus(),
                    Liveness.owner(partition.getExecutionContext()));
            return false;
        }
        if (partition.getJobExecution().getStatus() != BatchStatus.STARTED) {
            log.info("{} (step execution {}) belongs to execution {}, which is {}: dropped (restart sends it anew)",
                    partition.getStepName(), partition.getId(), partition.getJobExecutionId(),
                    partition.getJobExecution().getStatus());
            return false;
        }
        String mismatch = basisMismatch(partition);
        if (mismatch != null) {
            refuse(partition, mismatch);
            return false;
        }
        log.info("took {} (step execution {}, run {})", partition.getStepName(), partition.getId(),
                partition.getJobExecution().getJobInstance().getInstanceId());
        return true;
    }

    /**
     * Why this worker must not run the partition: its program or its reference data are not those the run
     * started on (a worker left on an older release would stage rows by other rules); null when they are.
     */
    private String basisMismatch(StepExecution partition) {
        RunParameters run = RunParameters.of(partition.getJobExecution());
        RunParameters.Basis here;
        try {
            here = RunParameters.Basis.current(references, run.year());
        } catch (RuntimeException e) {
            return "this worker has no usable reference data for " + run.year() + " (" + e.getMessage() + ")";
        }
        if (here.equals(run.basis())) {
            return null;
        }
        return "this worker runs " + here.programVersion() + " with reference data " + here.referenceVersion()
                + " (sha256 " + here.referenceSha256() + "), the run " + run.describeBasis()
                + ": run the manager's release on every worker, then restart";
    }

    /** Fails a partition this worker must not run, naming the worker and why: the manager's step then fails. */
    private void refuse(StepExecution partition, String why) {
        log.error("refused {} (step execution {}): {}", partition.getStepName(), partition.getId(), why);
        Liveness.claim(partition.getExecutionContext());
        repository.updateExecutionContext(partition);
        partition.setStatus(BatchStatus.FAILED);
        partition.setExitStatus(ExitStatus.FAILED.addExitDescription("on worker "
                + Liveness.owner(partition.getExecutionContext()) + ": " + why));
        partition.setEndTime(LocalDateTime.now());
        repository.update(partition);
    }

    void ended(StepExecution partition) {
        log.info("{} (step execution {}) ended: {}", partition.getStepName(), partition.getId(), partition.getStatus());
    }

    private static String abbreviate(String text) {
        String t = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }
}
