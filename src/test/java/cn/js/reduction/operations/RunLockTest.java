package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.core.RunMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The holder of a run on PostgreSQL is looked for in the run's own database. pg_locks lists the advisory locks of
 * every database of the server, and another deployment's run of the same year and mode (or another test JVM's)
 * takes the same key: found first by the suite's two test JVMs, which named each other as the holder.
 */
class RunLockTest {

    @Test
    void theHolderOfAnotherDatabasesRunOfTheSameYearAndModeIsNotNamed() throws Exception {
        String other = TestDatabases.freshPostgres();
        String ours = TestDatabases.freshPostgres();
        Properties otherDeployment = new Properties();
        otherDeployment.setProperty("user", "postgres");
        otherDeployment.setProperty("password", "");
        otherDeployment.setProperty("ApplicationName", "reduction-accounting db2 4711 0");
        try (Connection held = DriverManager.getConnection(other, otherDeployment);
             Statement s = held.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + RunLock.key(2020, RunMode.NIGHTLY) + ")");

            DriverManagerDataSource ourDatabase = new DriverManagerDataSource(ours, "postgres", "");
            assertThat(RunLock.postgresHolder(ourDatabase, 2020, RunMode.NIGHTLY)).as("nobody holds our run").isNull();
            DriverManagerDataSource theirs = new DriverManagerDataSource(other, "postgres", "");
            assertThat(RunLock.postgresHolder(theirs, 2020, RunMode.NIGHTLY)).isEqualTo("reduction-accounting db2 4711 0");
        }
    }
}
