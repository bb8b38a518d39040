package cn.js.reduction.operations;

import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceLibrary;
import cn.js.reduction.store.ReferenceStore;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.StepRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One stage of the job run on its own, on a fresh database that a test seeds with SQL: the program's own Spring
 * context (Flyway makes the schema), the job's step beans, and spring-batch-test's step launcher. The run's
 * job instance is made before seeding, so the test knows the run id its rows must carry; the launcher then
 * restarts that instance. The reference data is the shipped 2020 plan, loaded into the ra_ref_* tables as the
 * reference stage would. Closing the harness closes the context; an H2 in-memory database goes with it, a
 * PostgreSQL test database is dropped when the test JVM ends ({@link TestDatabases}).
 */
public final class StepHarness implements AutoCloseable {

    static {
        // H2 reads h2.bindAddress once, at its first use in the JVM; the program's Database sets it (loopback only)
        // before any H2 use, so must this harness, or a later test's AUTO_SERVER would listen on every interface
        try {
            Class.forName(Database.class.getName());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private final ConfigurableApplicationContext context;
    private final JobParameters parameters;
    private final long runId;
    private final ReferenceData reference;

    /**
     * @param database {@link TestDatabases#H2} or {@link TestDatabases#POSTGRESQL}
     * @param mode     nightly or final
     * @param output   a folder for the run's output (only the report stage writes there)
     */
    public StepHarness(String database, String mode, Path output) {
        Map<String, Object> properties = database.equals(TestDatabases.POSTGRESQL)
                ? Map.of("spring.datasource.url", TestDatabases.freshPostgres(), "spring.datasource.username",
                "postgres", "logging.file.name", "/dev/null")
                // no DB_CLOSE_DELAY: the in-memory database disappears when the context closes its pool
                : Map.of("spring.datasource.url", "jdbc:h2:mem:step_" + UUID.randomUUID(),
                "spring.datasource.username", "sa", "logging.file.name", "/dev/null");
        context = new SpringApplicationBuilder(ReductionAccountingApplication.class).properties(properties)
                .logStartupInfo(false).run();
        parameters = RunParameters.jobParameters(2020, cn.js.reduction.core.RunMode.stored(mode),
                "step-test-" + UUID.randomUUID(), RunParameters.Basis.current(context.getBean(ReferenceLibrary.class), 2020),
                output, output);
        reference = context.getBean(ReferenceLibrary.class).year(2020);
        // the seeded rows stand for the stages before this one: recorded as an attempt of the run that stopped
        // there, so that launching the step restarts the same job instance and the run id is known beforehand
        JobRepository repository = context.getBean(JobRepository.class);
        JobInstance instance = repository.createJobInstance(StepRunner.JOB_NAME, parameters);
        JobExecution earlier = repository.createJobExecution(instance, parameters, new ExecutionContext());
        earlier.setStartTime(LocalDateTime.now());
        earlier.setEndTime(LocalDateTime.now());
        earlier.setStatus(BatchStatus.FAILED);
        earlier.setExitStatus(ExitStatus.FAILED);
        repository.update(earlier);
        runId = instance.getInstanceId();
        new ReferenceStore(jdbc()).replace(reference);
    }

    public long runId() {
        return runId;
    }

    public ReferenceData reference() {
        return reference;
    }

    public JobRepository repository() {
        return context.getBean(JobRepository.class);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    /** Runs the job's step {@code name} (discover, consolidate, reconcile, report …) for the seeded run. */
    public JobExecution runStep(String name) {
        JobOperatorTestUtils utils = new JobOperatorTestUtils(context.getBean(JobOperator.class),
                context.getBean(JobRepository.class));
        utils.setJob(context.getBean(Job.class));
        JobExecution execution = utils.startStep(name, parameters, new ExecutionContext());
        if (execution.getJobInstance().getInstanceId() != runId) {
            throw new IllegalStateException("the step ran as run " + execution.getJobInstance().getInstanceId()
                    + ", not the seeded run " + runId);
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new IllegalStateException("step " + name + " ended " + execution.getStatus() + ": "
                    + execution.getAllFailureExceptions());
        }
        return execution;
    }

    /** For {@code @MethodSource}: the step tests of every package run on both databases through this one list. */
    public static final String DATABASES = "cn.js.reduction.operations.StepHarness#databases";

    /** Both databases the product runs on, for parameterized tests. */
    public static List<String> databases() {
        return List.of(TestDatabases.H2, TestDatabases.POSTGRESQL);
    }

    @Override
    public void close() {
        context.close();
    }
}
