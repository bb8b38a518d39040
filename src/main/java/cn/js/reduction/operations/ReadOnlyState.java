package cn.js.reduction.operations;

import java.util.Map;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The run state as {@code status} reads it: the job repository and a JdbcTemplate over one connection, without
 * starting the application (no migrations, no job, no pool). A status that only reads answers in a fraction of
 * the time the full context takes to start, which is most of what an idle status cost. It never writes: the
 * schema is the one the runs left, and a database with no runs yet has no tables to read (status says "no runs").
 */
final class ReadOnlyState {

    private ReadOnlyState() {
    }

    static ConfigurableApplicationContext open(Database database) {
        Map<String, Object> properties = database.properties();
        initialiseLogging(properties);
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(database.url(),
                database.user() == null ? "" : database.user(), database.password() == null ? "" : database.password(),
                true);
        JobRepository repository;
        try {
            JdbcJobRepositoryFactoryBean factory = new JdbcJobRepositoryFactoryBean();
            factory.setDataSource(dataSource);
            factory.setTransactionManager(new JdbcTransactionManager(dataSource));
            factory.afterPropertiesSet();
            repository = factory.getObject();
        } catch (Exception e) {
            dataSource.destroy();
            throw new ReductionAccountingApplication.DatabaseUnavailable("cannot open the run database "
                    + database.display() + ": " + Failures.describe(e), e);
        }
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(JobRepository.class, () -> repository);
        context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(dataSource));
        context.registerBean("dataSource", SingleConnectionDataSource.class, () -> dataSource);
        context.refresh();
        OperatorOutput.logFileReady = true;
        return context;
    }

    /** The same logging as the application's (logback-spring.xml, the log file of the state folder). */
    private static void initialiseLogging(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("state", properties));
        LoggingSystem system = LoggingSystem.get(ReadOnlyState.class.getClassLoader());
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(environment), "classpath:logback-spring.xml",
                LogFile.get(environment));
    }
}
