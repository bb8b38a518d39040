package cn.js.reduction.operations.distributed;

import cn.js.reduction.operations.AccountingJobConfiguration;
import cn.js.reduction.operations.Liveness;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.StepExecutionSplitter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The manager's wait for its workers, bounded: Spring Batch's partition handler sends the requests and polls
 * the job repository; when its timeout passes first (no worker running, a worker killed, requests lost with the
 * broker), the intake step fails with a message that names each file left and the worker it was on, so that
 * the operator knows what to mend before {@code restart}. Also says at the start how many workers listen, and at
 * the end which partitions a worker failed.
 */
final class IntakeDeadline implements PartitionHandler {

    private static final Logger log = LoggerFactory.getLogger(IntakeDeadline.class);

    private final PartitionHandler handler;
    private final JobRepository repository;
    private final Duration timeout;
    private final IntSupplier listening;
    private final String queue;

    IntakeDeadline(PartitionHandler handler, JobRepository repository, Duration timeout, IntSupplier listening,
                   String queue) {
        this.handler = handler;
        this.repository = repository;
        this.timeout = timeout;
        this.listening = listening;
        this.queue = queue;
    }

    @Override
    public Collection<StepExecution> handle(StepExecutionSplitter splitter, StepExecution managerStep) throws Exception {
        int consumers = listening.getAsInt();
        log.info("intake: one request per file to queue {} ({}); waiting for the workers at most {}", queue,
                consumers == 0 ? "no worker listening yet" : consumers < 0 ? "workers unknown"
                        : consumers + " worker thread(s) listening", describe(timeout));
        Collection<StepExecution> ended;
        try {
            ended = handler.handle(splitter, managerStep);
        } catch (TimeoutException e) {
            log.debug("intake timed out", e);
            throw new IntakeTimedOut(unfinished(managerStep));
        }
        for (StepExecution partition : ended) {
            if (partition.getStatus() != BatchStatus.COMPLETED) {
                String why = partition.getExitStatus().getExitDescription();
                log.warn("{} {} on worker {}{}", partition.getStepName(), partition.getStatus(),
                        Liveness.owner(partition.getExecutionContext()),
                        why == null || why.isBlank() ? "" : ": " + why.lines().findFirst().orElse(""));
            }
        }
        return ended;
    }

    /** The message of a timeout: which files are left, and where. */
    private String unfinished(StepExecution managerStep) {
        List<StepExecution> partitions = repository.getJobExecution(managerStep.getJobExecutionId()).getStepExecutions()
                .stream()
                .filter(s -> s.getStepName().startsWith(AccountingJobConfiguration.INTAKE_FILE + ":"))
                .filter(s -> s.getId() > managerStep.getId()) // this attempt's partitions, made after its manager step
                .sorted(Comparator.comparing(StepExecution::getStepName))
                .toList();
        List<String> left = new ArrayList<>();
        for (StepExecution p : partitions) {
            if (!p.getStatus().isRunning()) {
                continue;
            }
            String file = p.getStepName().substring(AccountingJobConfiguration.INTAKE_FILE.length() + 1);
            left.add(p.getStatus() == BatchStatus.STARTING ? file + " not taken by any worker"
                    : file + " still running on worker " + Liveness.owner(p.getExecutionContext())
                    + (Liveness.isAlive(p.getExecutionContext()) ? "" : " (process gone)"));
        }
        return "工作进程未在规定时间内完成导入 (the workers did not finish intake within " + describe(timeout)
                + ", --intake-timeout): " + left.size() + " of " + partitions.size() + " files left: "
                + String.join("; ", left) + ". Mend or start the workers, then restart the run; status shows each"
                + " file's worker";
    }

    static String describe(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /** The intake step's failure when the workers did not end every partition in time. */
    static final class IntakeTimedOut extends RuntimeException {
        IntakeTimedOut(String message) {
            super(message);
        }
    }
}
