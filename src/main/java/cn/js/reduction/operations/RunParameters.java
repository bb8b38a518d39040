package cn.js.reduction.operations;

import cn.js.reduction.report.Publication;
import cn.js.reduction.report.RunInfo;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A run's parameters. year, mode and inputFingerprint identify the run (the Spring Batch job instance); the
 * folders do not, so the same input set moved elsewhere is still the same run.
 *
 * @param runId the job instance id: shared by every execution (restart) of the run
 */
public record RunParameters(long runId, int year, String mode, String fingerprint, Path inputRoot,
                            Path outputRoot) {

    public static final String YEAR = "year";
    public static final String MODE = "mode";
    public static final String FINGERPRINT = "inputFingerprint";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    /** Identifying from the second attempt on: a new run of an input set whose previous run was abandoned. */
    public static final String ATTEMPT = "attempt";
    public static final String NIGHTLY = "nightly";
    public static final String FINAL = "final";

    public static JobParameters jobParameters(int year, String mode, String fingerprint, Path inputRoot,
                                              Path outputRoot) {
        return new JobParametersBuilder()
                .addLong(YEAR, (long) year, true)
                .addString(MODE, mode, true)
                .addString(FINGERPRINT, fingerprint, true)
                .addString(INPUT, inputRoot.toAbsolutePath().normalize().toString(), false)
                .addString(OUTPUT, outputRoot.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    /** The parameters of a new attempt at the same input set (the earlier attempts were abandoned). */
    public static JobParameters withAttempt(JobParameters firstAttempt, int attempt) {
        return new JobParametersBuilder(firstAttempt).addLong(ATTEMPT, (long) attempt, true).toJobParameters();
    }

    public static RunParameters of(JobExecution execution) {
        JobParameters p = execution.getJobParameters();
        return new RunParameters(execution.getJobInstance().getInstanceId(), p.getLong(YEAR).intValue(),
                p.getString(MODE), p.getString(FINGERPRINT), Path.of(p.getString(INPUT)), Path.of(p.getString(OUTPUT)));
    }

    public Path yearFolder() {
        return inputRoot.resolve(String.valueOf(year));
    }

    public boolean isFinal() {
        return FINAL.equals(mode);
    }

    public Publication publication() {
        return Publication.of(outputRoot, year, mode, runId);
    }

    /** What the workbooks say about the run; its input files are filled in from the database. */
    public RunInfo runInfo(JobExecution execution) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("year", String.valueOf(year));
        parameters.put("mode", mode);
        parameters.put("input", yearFolder().toString());
        parameters.put("output", outputRoot.toString());
        parameters.put("inputFingerprint", fingerprint);
        parameters.put("jobExecutionId", String.valueOf(execution.getId()));
        LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
        return new RunInfo(runId, year, mode, parameters, start, LocalDateTime.now().withNano(0), Version.current(),
                cn.js.reduction.reference.ReferenceDataLoader.load(year).version(), List.of());
    }
}
