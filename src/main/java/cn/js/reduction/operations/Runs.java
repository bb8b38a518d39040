package cn.js.reduction.operations;

import cn.js.reduction.core.RunMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;

/** Queries over the job repository that the operator's commands share. */
final class Runs {

    private Runs() {
    }

    /** Executions of recent runs, newest first, optionally of one year only. */
    static List<JobExecution> recent(JobRepository repository, Integer year, int limit) {
        List<JobExecution> out = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances(AccountingJobConfiguration.JOB_NAME, 0, 1000)) {
            for (JobExecution e : repository.getJobExecutions(instance)) {
                if (year == null || year.longValue() == e.getJobParameters().getLong(RunParameters.YEAR)) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparing(JobExecution::getCreateTime).thenComparing(JobExecution::getId).reversed());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The last execution of each recent run (job instance), newest run first, optionally of one year only. */
    static List<JobExecution> lastOfEachRun(JobRepository repository, Integer year, int limit) {
        List<JobExecution> out = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (JobExecution e : recent(repository, year, Integer.MAX_VALUE)) {
            if (seen.add(e.getJobInstance().getInstanceId())) {
                out.add(e); // recent() is newest first: the first execution seen of a run is its last
            }
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    /** The newest execution of the year and mode that failed, stopped, was interrupted or is running; null when none. */
    static JobExecution lastRestartable(JobRepository repository, int year, RunMode mode) {
        for (JobExecution e : recent(repository, year, Integer.MAX_VALUE)) {
            if (!mode.code().equals(e.getJobParameters().getString(RunParameters.MODE))) {
                continue;
            }
            JobExecution last = repository.getLastJobExecution(e.getJobInstance());
            if (last == null || last.getId() != e.getId()) {
                continue; // an older execution of a run that has moved on
            }
            BatchStatus s = e.getStatus();
            // a running one too: whether its process is gone is decided under the run lock (RunCommand)
            if (s == BatchStatus.FAILED || s == BatchStatus.STOPPED || s == BatchStatus.UNKNOWN || e.isRunning()) {
                return e;
            }
            if (s == BatchStatus.COMPLETED) {
                return null; // the newest run of this year and mode is complete: nothing to continue
            }
        }
        return null;
    }
}
