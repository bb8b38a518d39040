package cn.js.reduction.operations;

import cn.js.reduction.report.csv.Manifest;

import cn.js.reduction.consolidate.Consolidation;
import cn.js.reduction.discover.Discovery;
import cn.js.reduction.intake.FilePartitioner;
import cn.js.reduction.core.Finding;
import cn.js.reduction.intake.RowProcessor;
import cn.js.reduction.intake.RowValidator;
import cn.js.reduction.intake.SourcedRow;
import cn.js.reduction.intake.StagedRow;
import cn.js.reduction.intake.StagingWriter;
import cn.js.reduction.intake.SubmissionRowReader;
import cn.js.reduction.reconcile.Reconciliation;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceLibrary;
import cn.js.reduction.report.Reporting;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.ReferenceStore;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The reduction accounting job: discover ▸ reference ▸ intake (one partition per file) ▸ consolidate ▸
 * reconcile ▸ report ▸ publish. Its identifying parameters are what decides its figures: the year, the mode, the
 * input set's fingerprint, the reference data and the program ({@link RunParameters}); the run id used
 * everywhere is the job instance id, so every execution of one run (a restart) shares the run's staging rows and
 * output folder. The steps here are all there is in production: the restart and crash tests add their fault
 * switch to them from test code.
 */
@Configuration
public class AccountingJobConfiguration {

    public static final String JOB_NAME = "reductionAccounting";
    /** The intake step, and the step each of its partitions runs (here, or on a worker: operations.distributed). */
    public static final String INTAKE = "intake";
    public static final String INTAKE_FILE = "intakeFile";
    /** The last step: once it completed, the run is published. */
    public static final String PUBLISH = "publish";
    /** Rows per transaction in intake: big enough for throughput, small enough to lose little on a crash. */
    static final int CHUNK_SIZE = 500;

    @Bean
    public Job reductionAccountingJob(JobRepository repository, Step discoverStep, Step referenceStep,
                                      Step intakeStep, Step consolidateStep, Step reconcileStep, Step reportStep,
                                      Step publishStep, RunListener runListener) {
        // the job's writes of its execution take turns with a stop signal's (GracefulStop)
        return new JobBuilder(JOB_NAME, GracefulStop.takingTurns(repository))
                .listener(runListener)
                .start(discoverStep).next(referenceStep).next(intakeStep).next(consolidateStep)
                .next(reconcileStep).next(reportStep).next(publishStep)
                .build();
    }

    /**
     * The plan years' reference data, each year loaded and checked once: the shipped ones, or those of the folder
     * a command was given (--reference DIR). Every step takes its run's year from here.
     */
    @Bean
    public ReferenceLibrary referenceLibrary(@Value("${reduction.reference-folder:}") String folder) {
        return folder.isBlank() ? ReferenceLibrary.shipped() : ReferenceLibrary.of(java.nio.file.Path.of(folder));
    }

    @Bean
    public RunListener runListener(JobRepository repository,
                                   @Value("${reduction.distributed.manager:false}") boolean distributed) {
        return new RunListener(repository, distributed);
    }

    /** What a tasklet stage does with its run; one transaction per stage (the stage's work is atomic). */
    interface Stage {
        void run(RunParameters run, StepExecution step) throws Exception;
    }

    private static Step stage(String name, JobRepository repository, PlatformTransactionManager tx, Stage stage) {
        Tasklet tasklet = (contribution, chunk) -> {
            StepExecution step = contribution.getStepExecution();
            if (GracefulStop.requested()) {
                // a SIGTERM after the step began and before its work: the stop is recorded a moment later by the
                // signal's thread, and a stage started now would finish first (publish would publish a run
                // recorded STOPPED); the step stops here instead, as Spring Batch stops one between chunks
                throw new org.springframework.batch.core.job.JobInterruptedException("stopped on request before " + name);
            }
            stage.run(RunParameters.of(step.getJobExecution()), step);
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder(name, repository).tasklet(tasklet, tx).build();
    }

    @Bean
    public Step discoverStep(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc,
                             ReferenceLibrary references) {
        return stage("discover", repository, tx, (run, step) -> step.getExecutionContext().putInt("readableFiles",
                new Discovery(jdbc).discover(run.runId(), references.year(run.year()), run.yearFolder(),
                        run.fingerprint())));
    }

    @Bean
    public Step referenceStep(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc,
                              ReferenceLibrary references) {
        return stage("reference", repository, tx,
                (run, step) -> new ReferenceStore(jdbc).replace(references.year(run.year())));
    }

    /** Partitions on this machine's cores; a distributed run's manager has its own (operations.distributed). */
    @Bean
    @ConditionalOnProperty(name = "reduction.distributed.manager", havingValue = "false", matchIfMissing = true)
    public Step intakeStep(JobRepository repository, FilePartitioner filePartitioner, Step intakeFileStep) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("intake-");
        executor.setConcurrencyLimit(Math.max(1, Runtime.getRuntime().availableProcessors()));
        return new StepBuilder(INTAKE, repository)
                .partitioner(INTAKE_FILE, filePartitioner)
                .step(intakeFileStep)
                .gridSize(1)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    @StepScope
    public FilePartitioner filePartitioner(JdbcTemplate jdbc, @Value("#{stepExecution}") StepExecution step) {
        return new FilePartitioner(jdbc, RunParameters.of(step.getJobExecution()).runId());
    }

    @Bean
    public Step intakeFileStep(JobRepository repository, PlatformTransactionManager tx,
                               SubmissionRowReader submissionRowReader, RowProcessor rowProcessor,
                               StagingWriter stagingWriter, IntakeFileListener intakeFileListener,
                               ProgressListener progressListener) {
        return new StepBuilder(INTAKE_FILE, repository)
                .<SourcedRow, StagedRow>chunk(CHUNK_SIZE)
                .transactionManager(tx) // never the resourceless default: a failed chunk must roll back
                .reader(submissionRowReader)
                .processor(rowProcessor)
                .writer(stagingWriter)
                .listener(intakeFileListener)
                .listener(progressListener)
                .listener(new PartitionOwner(repository))
                .build();
    }

    @Bean
    @StepScope
    public SubmissionRowReader submissionRowReader(@Value("#{stepExecution}") StepExecution step,
                                                   ReferenceLibrary references,
                                                   @Value("#{stepExecutionContext['file']}") String file,
                                                   @Value("#{stepExecutionContext['sha256']}") String sha256) {
        RunParameters run = RunParameters.of(step.getJobExecution());
        return new SubmissionRowReader(run.yearFolder().resolve(file), references.year(run.year()), sha256);
    }

    @Bean
    @StepScope
    public RowProcessor rowProcessor(@Value("#{stepExecution}") StepExecution step, ReferenceLibrary references) {
        RunParameters run = RunParameters.of(step.getJobExecution());
        ReferenceData ref = references.year(run.year());
        return new RowProcessor(new RowValidator(ref, run.year()));
    }

    @Bean
    @StepScope
    public StagingWriter stagingWriter(JdbcTemplate jdbc, @Value("#{stepExecution}") StepExecution step) {
        return new StagingWriter(jdbc, RunParameters.of(step.getJobExecution()).runId());
    }

    @Bean
    @StepScope
    public IntakeFileListener intakeFileListener(JdbcTemplate jdbc, SubmissionRowReader submissionRowReader,
                                                 StagingWriter stagingWriter,
                                                 @Value("#{stepExecutionContext['file']}") String file,
                                                 @Value("${reduction.distributed.worker:false}") boolean worker) {
        return new IntakeFileListener(jdbc, submissionRowReader, stagingWriter, file, worker);
    }

    @Bean
    @StepScope
    public ProgressListener progressListener(@Value("#{stepExecutionContext['file']}") String file) {
        return new ProgressListener(file);
    }

    /**
     * Clears a file's staged rows on a fresh (not restarted) attempt; reports a file that broke mid-read. On a
     * worker, a file that is not as discovery hashed it (changed, gone, unreadable) also fails the partition:
     * there it means the worker does not see the shared input folder the manager saw, which restart can
     * continue once mended; on one machine, the run goes on without the file and the finding says so.
     */
    public static class IntakeFileListener implements StepExecutionListener {
        private final JdbcTemplate jdbc;
        private final SubmissionRowReader reader;
        private final StagingWriter writer;
        private final String file;
        private final boolean worker;
        /** The reader's position, which Spring Batch saves with every chunk; absent before the first one. */
        private static final String READ_COUNT = "submissionRows.read.count";

        IntakeFileListener(JdbcTemplate jdbc, SubmissionRowReader reader, StagingWriter writer, String file,
                           boolean worker) {
            this.jdbc = jdbc;
            this.reader = reader;
            this.writer = writer;
            this.file = file;
            this.worker = worker;
        }

        @Override
        public void beforeStep(StepExecution stepExecution) {
            if (!stepExecution.getExecutionContext().containsKey(READ_COUNT)) {
                writer.clearFile(file);
            }
        }

        @Override
        public org.springframework.batch.core.ExitStatus afterStep(StepExecution stepExecution) {
            Finding breakage = reader.breakage();
            if (breakage != null) {
                long runId = RunParameters.of(stepExecution.getJobExecution()).runId();
                FindingStore findings = new FindingStore(jdbc);
                findings.deleteFileLevel(runId, StagingWriter.STAGE, file);
                findings.insert(runId, StagingWriter.STAGE, 0, breakage);
                if (worker && reader.notAsDiscovered()) {
                    // nothing of the file was read: its restart starts it afresh (and clears this finding)
                    stepExecution.getExecutionContext().remove(READ_COUNT);
                    stepExecution.setStatus(org.springframework.batch.core.BatchStatus.FAILED);
                    return org.springframework.batch.core.ExitStatus.FAILED.addExitDescription(
                            "on worker " + Liveness.owner(stepExecution.getExecutionContext()) + ": " + breakage.message());
                }
            }
            return stepExecution.getExitStatus();
        }
    }

    @Bean
    public Step consolidateStep(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc,
                                ReferenceLibrary references) {
        return stage("consolidate", repository, tx, (run, step) ->
                new Consolidation(jdbc).consolidate(run.runId(), references.year(run.year())));
    }

    @Bean
    public Step reconcileStep(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc,
                              ReferenceLibrary references) {
        return stage("reconcile", repository, tx, (run, step) ->
                new Reconciliation(jdbc).reconcile(run.runId(), references.year(run.year()), run.mode()));
    }

    /** CSVs, workbooks and the manifest, into the run's private working folder. */
    @Bean
    public Step reportStep(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc,
                           ReferenceLibrary references) {
        return stage("report", repository, tx, (run, step) -> writeReport(jdbc, references, run, step));
    }

    private static void writeReport(JdbcTemplate jdbc, ReferenceLibrary references, RunParameters run,
                                     StepExecution step) throws java.io.IOException {
        Reporting reporting = new Reporting(jdbc);
        ReferenceData reference = references.year(run.year());
        var comparison = reporting.write(reporting.data(run.runId(), reference,
                        run.runInfo(step.getJobExecution(), reference)), run.publication().prepareWorkFolder(),
                run.yearFolder(), RunParameters.previousRun(step.getJobExecution()));
        // the run's summary and status say it without reading the two runs' project lists again
        var context = step.getJobExecution().getExecutionContext();
        context.putString(RunParameters.PROJECT_CHANGES, comparison.projectLine());
        context.putString(RunParameters.NOT_COMPARED, comparison.notComparedLine());
    }

    /**
     * Checks the finished folder against its manifest, moves it into place and marks it latest; safe to repeat
     * after a crash half-way. A folder that differs from its manifest (damaged while the run waited for a restart:
     * a full disk, a hand) is written again from the run's tables, as the report step writes it, and checked again;
     * it is never published as it is.
     */
    @Bean
    public Step publishStep(JobRepository repository, PlatformTransactionManager tx, JdbcTemplate jdbc,
                            ReferenceLibrary references) {
        return stage(PUBLISH, repository, tx, (run, step) -> {
            java.nio.file.Path work = run.publication().workFolder();
            if (java.nio.file.Files.isDirectory(work)) {
                java.util.List<String> damaged = Manifest.differences(work);
                if (!damaged.isEmpty()) {
                    org.slf4j.LoggerFactory.getLogger(AccountingJobConfiguration.class).warn(
                            "{} differs from its manifest ({}): written again before it is published", work, String.join("; ", damaged));
                    writeReport(jdbc, references, run, step);
                    damaged = Manifest.differences(work);
                    if (!damaged.isEmpty()) {
                        throw new java.io.IOException("the run's outputs in " + work + " differ from their manifest"
                                + " even when written again (" + String.join("; ", damaged) + "); not published");
                    }
                }
            }
            step.getJobExecution().getExecutionContext().putString("outputFolder",
                    run.publication().publish().toString());
        });
    }
}
