package cn.js.reduction.operations;

import java.time.LocalDateTime;
import cn.js.reduction.intake.FilePartitioner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.EmptyResultDataAccessException;

/**
 * Brings the record of an execution that ended without a clean account of itself to FAILED, so that Spring
 * Batch restarts it. Three ways an execution ends like that:
 * <ul>
 *   <li>its process died (killed, machine lost): the job and some steps stay STARTED;</li>
 *   <li>its database connections were lost mid-run: steps that were waiting to start stay STARTING (the
 *       launcher then refuses both start and restart with "already running"), and a chunk whose rollback
 *       failed leaves its step and the job UNKNOWN (which the launcher refuses to restart at all);</li>
 *   <li>a second crash after a recovery: {@code JobOperator.recover} does nothing for an execution whose
 *       context carries the mark of an earlier recovery, which a restarted execution inherits.</li>
 * </ul>
 * Hence done here over the repository's own API rather than with {@code JobOperator.recover}, which covers the
 * first case only. An UNKNOWN intake partition may or may not have committed its last chunk; its file is read
 * again from the start (the intake listener clears that file's staged rows when the context has no reader
 * position), so nothing is counted twice. Other steps are atomic tasklets and repeat safely.
 */
final class Recovery {

    /** What the partitioner puts into each partition's context; kept when the rest is reset. */
    private static final String FILE = "file";

    private Recovery() {
    }

    /** The execution with this id, or null when there is none (the repository throws for a missing id). */
    static JobExecution find(JobRepository repository, long id) {
        try {
            return repository.getJobExecution(id);
        } catch (EmptyResultDataAccessException e) {
            return null;
        }
    }

    /**
     * Gives back its file to every intake partition of the execution whose context lost it: a process killed
     * between creating a partition's record and saving its context leaves the context empty, and Spring Batch
     * restarts a partition with its last context, so that partition could never be read again (its reader has no
     * file). The partitioner's own context for it (file and hash, from the run's list of files) is put back.
     */
    static void restorePartitionContexts(JobRepository repository, JdbcTemplate jdbc, JobExecution execution) {
        JobExecution e = repository.getJobExecution(execution.getId());
        String prefix = AccountingJobConfiguration.INTAKE_FILE + ":";
        java.util.Map<String, ExecutionContext> partitions = null;
        for (StepExecution s : e.getStepExecutions()) {
            if (!s.getStepName().startsWith(prefix) || s.getExecutionContext().containsKey(FILE)) {
                continue;
            }
            if (partitions == null) {
                partitions = new FilePartitioner(jdbc, RunParameters.of(e).runId()).partition(0);
            }
            ExecutionContext original = partitions.get(s.getStepName().substring(prefix.length()));
            if (original != null) {
                s.setExecutionContext(new ExecutionContext(original));
                repository.updateExecutionContext(s);
            }
        }
    }

    /** True when the record needs {@link #markFailed} before Spring Batch will restart or abandon it. */
    static boolean needed(JobExecution execution) {
        if (execution.isRunning() || execution.getStatus() == BatchStatus.UNKNOWN) {
            return true;
        }
        return execution.getStepExecutions().stream()
                .anyMatch(s -> s.getStatus().isRunning() || s.getStatus() == BatchStatus.UNKNOWN);
    }

    /**
     * Marks the execution and every step of it still shown as starting, running or unknown FAILED. Only for an
     * execution whose process is gone ({@link Liveness}); returns it as the repository now has it.
     */
    static JobExecution markFailed(JobRepository repository, JobExecution execution, String why) {
        JobExecution e = repository.getJobExecution(execution.getId()); // current versions of every record
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution s : e.getStepExecutions()) {
            BatchStatus status = s.getStatus();
            if (!status.isRunning() && status != BatchStatus.UNKNOWN) {
                continue;
            }
            if (status == BatchStatus.UNKNOWN && s.getExecutionContext().containsKey(FILE)) {
                ExecutionContext fresh = new ExecutionContext();
                fresh.putString(FILE, s.getExecutionContext().getString(FILE));
                s.setExecutionContext(fresh);
                repository.updateExecutionContext(s);
            }
            s.setStatus(BatchStatus.FAILED);
            s.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
            if (s.getEndTime() == null) {
                s.setEndTime(now);
            }
            repository.update(s);
        }
        e.setStatus(BatchStatus.FAILED);
        e.setExitStatus(ExitStatus.FAILED.addExitDescription(why));
        if (e.getEndTime() == null) {
            e.setEndTime(now);
        }
        repository.update(e);
        return repository.getJobExecution(e.getId());
    }
}
