package cn.js.reduction.operations;

import cn.js.reduction.core.RunMode;
import cn.js.reduction.publish.Publication;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.data.RunInfo;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * A run's parameters. What decides its figures identifies the run (the Spring Batch job instance): the year,
 * the mode, the input set's fingerprint, the reference data's version and content hash, the program's version,
 * and from the second attempt on the attempt's number. So a corrected annex or a new release, on unchanged
 * inputs, is a new run, never "nothing to do" over stale results. The folders do not identify it (the same
 * input set moved elsewhere is still the same run), nor does the reason an operator gave for a rerun.
 *
 * <p>Runs recorded before the reference data and the program joined the identity have none of those three
 * parameters: they read as null, and such a run is simply not the run of any set today.
 *
 * @param runId           the job instance id: shared by every execution (restart) of the run; the key of its
 *                        staged rows in the database
 * @param runNumber       the run's number in its output folder ({@code run-N}), which the operator sees: taken
 *                        from the folder when the run first starts ({@link Publication#allocate}) and kept in the
 *                        job's execution context, so every execution of the run publishes into the same folder;
 *                        the job instance id for a run that has not started yet or one of an earlier release
 * @param referenceSha256 {@link cn.js.reduction.reference.ReferenceLibrary#contentSha256}; null for older runs
 * @param attempt         1, or the number of the new run of the same identity (after abandon, or on request)
 * @param rerunReason     why the operator asked for this run of an unchanged set ({@code run --rerun}); else null
 */
public record RunParameters(long runId, long runNumber, int year, RunMode mode, String fingerprint, Path inputRoot,
                            Path outputRoot, String referenceVersion, String referenceSha256,
                            String programVersion, int attempt, String rerunReason) {

    public static final String YEAR = "year";
    public static final String MODE = "mode";
    public static final String FINGERPRINT = "inputFingerprint";
    public static final String REFERENCE_VERSION = "referenceVersion";
    public static final String REFERENCE_SHA256 = "referenceSha256";
    public static final String PROGRAM_VERSION = "programVersion";
    public static final String INPUT = "input";
    public static final String OUTPUT = "output";
    /**
     * Identifying from the second attempt on: a new run of the same identity, because the previous one was
     * abandoned or the operator asked for one ({@code run --rerun}). Absent on the first attempt, so that adding
     * it changed the identity of no earlier run.
     */
    public static final String ATTEMPT = "attempt";
    /** Not identifying: the operator's words for why this run was asked for; shown by status and the workbooks. */
    public static final String RERUN_REASON = "rerunReason";
    /**
     * Not identifying: the published folder of the completed run a {@code run --rerun} repeats, which the rerun
     * compares itself with (changes.csv) even when a run of other inputs was published after it.
     */
    public static final String REPEATS = "repeats";
    /** Key of the run number in the job's execution context (not a parameter: it is known only once the run starts). */
    public static final String RUN_NUMBER = "runNumber";
    /**
     * Key in the job's execution context: the folder of the complete run this run compares itself with
     * (changes.csv), as it was when the run first started, so that a restart compares with the same one; empty for none.
     */
    public static final String PREVIOUS_RUN = "previousRun";
    /** Key in the job's execution context: the projects' part of the changes line (Comparison.projectLine). */
    public static final String PROJECT_CHANGES = "projectChanges";
    /** Key in the job's execution context: the previous tables not compared, for the changes line (Comparison). */
    public static final String NOT_COMPARED = "notCompared";

    /** The previous complete run recorded when the run started (recorded now for a run that started without it). */
    public static Path previousRun(JobExecution execution) throws java.io.IOException {
        var context = execution.getExecutionContext();
        if (!context.containsKey(PREVIOUS_RUN)) {
            RunParameters run = of(execution);
            String repeats = execution.getJobParameters().getString(REPEATS);
            context.putString(PREVIOUS_RUN, repeats != null && java.nio.file.Files.isDirectory(Path.of(repeats))
                    ? repeats : Publication.previousComplete(run.outputRoot(), run.year(), run.mode())
                    .map(Path::toString).orElse(""));
        }
        String folder = context.getString(PREVIOUS_RUN);
        return folder.isEmpty() ? null : Path.of(folder);
    }

    /** What decides a run's figures, besides its input files. */
    public record Basis(String referenceVersion, String referenceSha256, String programVersion) {

        /** What decides a run's figures besides its files, as this program has it now. */
        public static Basis current(cn.js.reduction.reference.ReferenceLibrary references, int year) {
            return new Basis(references.year(year).version(), references.contentSha256(year), Version.current());
        }
    }

    public static JobParameters jobParameters(int year, RunMode mode, String fingerprint, Basis basis,
                                              Path inputRoot, Path outputRoot) {
        return new JobParametersBuilder()
                .addLong(YEAR, (long) year, true)
                .addString(MODE, mode.code(), true)
                .addString(FINGERPRINT, fingerprint, true)
                .addString(REFERENCE_VERSION, basis.referenceVersion(), true)
                .addString(REFERENCE_SHA256, basis.referenceSha256(), true)
                .addString(PROGRAM_VERSION, basis.programVersion(), true)
                .addString(INPUT, inputRoot.toAbsolutePath().normalize().toString(), false)
                .addString(OUTPUT, outputRoot.toAbsolutePath().normalize().toString(), false)
                .toJobParameters();
    }

    /** The parameters of attempt number {@code attempt} at the same identity; 1 is the first attempt's own. */
    public static JobParameters withAttempt(JobParameters firstAttempt, int attempt) {
        return attempt == 1 ? firstAttempt
                : new JobParametersBuilder(firstAttempt).addLong(ATTEMPT, (long) attempt, true).toJobParameters();
    }

    /** The same parameters with the operator's reason for asking for this run; the identity is unchanged. */
    public static JobParameters withRerunReason(JobParameters params, String reason) {
        return new JobParametersBuilder(params).addString(RERUN_REASON, reason, false).toJobParameters();
    }

    /** The same parameters naming the published run a rerun repeats; the identity is unchanged. */
    public static JobParameters repeating(JobParameters params, Path publishedFolder) {
        return new JobParametersBuilder(params).addString(REPEATS, publishedFolder.toString(), false)
                .toJobParameters();
    }

    public static RunParameters of(JobExecution execution) {
        JobParameters p = execution.getJobParameters();
        Long attempt = p.getLong(ATTEMPT);
        long runId = execution.getJobInstance().getInstanceId();
        var context = execution.getExecutionContext();
        long number = context.containsKey(RUN_NUMBER) ? context.getLong(RUN_NUMBER) : runId;
        return new RunParameters(runId, number, p.getLong(YEAR).intValue(),
                RunMode.stored(p.getString(MODE)), p.getString(FINGERPRINT), Path.of(p.getString(INPUT)),
                Path.of(p.getString(OUTPUT)), p.getString(REFERENCE_VERSION), p.getString(REFERENCE_SHA256),
                p.getString(PROGRAM_VERSION), attempt == null ? 1 : attempt.intValue(), p.getString(RERUN_REASON));
    }

    public Path yearFolder() {
        return inputRoot.resolve(String.valueOf(year));
    }

    public Basis basis() {
        return new Basis(referenceVersion, referenceSha256, programVersion);
    }

    public Publication publication() {
        return Publication.of(outputRoot, year, mode, runNumber);
    }

    /** "run-3 of 2020 nightly": the run as the operator finds it in the output folder. */
    public String describe() {
        return "run-" + runNumber + " of " + year + " " + mode;
    }

    /** One line for status: what the run's figures rest on besides the files, and why it was asked for. */
    public String describeBasis() {
        String basis = referenceVersion == null
                ? "reference data and program not recorded (a run of an earlier release)"
                : "reference data " + referenceVersion + " (sha256 " + abbreviate(referenceSha256) + "), " + programVersion;
        return basis + (attempt > 1 ? ", attempt " + attempt : "");
    }

    private static String abbreviate(String sha256) {
        return sha256 == null || sha256.length() <= 12 ? String.valueOf(sha256) : sha256.substring(0, 12) + "…";
    }

    /** What the workbooks say about the run; its input files are filled in from the database. */
    public RunInfo runInfo(JobExecution execution, ReferenceData reference) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("year", String.valueOf(year));
        parameters.put("mode", mode.code());
        parameters.put("input", yearFolder().toString());
        parameters.put("output", outputRoot.toString());
        parameters.put("inputFingerprint", fingerprint);
        parameters.put(REFERENCE_SHA256, String.valueOf(referenceSha256));
        parameters.put(PROGRAM_VERSION, String.valueOf(programVersion));
        if (attempt > 1) {
            parameters.put(ATTEMPT, String.valueOf(attempt));
        }
        if (rerunReason != null) {
            parameters.put(RERUN_REASON, rerunReason);
        }
        parameters.put("jobExecutionId", String.valueOf(execution.getId()));
        LocalDateTime start = execution.getStartTime() != null ? execution.getStartTime() : execution.getCreateTime();
        return new RunInfo(runNumber, year, mode, parameters, start, LocalDateTime.now().withNano(0), Version.current(),
                reference.version(), List.of());
    }
}
