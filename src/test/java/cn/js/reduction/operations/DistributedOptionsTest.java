package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distribution refused before anything starts, with exit code 2 and a plain reason: on the embedded H2 database
 * (a file on one machine cannot be shared), without the broker's address in the environment, with a timeout that
 * is no duration, or a timeout without --distributed. Nothing is created in the output folder.
 */
class DistributedOptionsTest {

    private static final Map<String, String> BROKER = Map.of(Distribution.BROKER_URL, "amqp://guest:guest@127.0.0.1:5672");
    private static final List<String> POSTGRES = List.of("--db-url", "jdbc:postgresql://127.0.0.1:5432/none", "--db-user", "x");

    @TempDir
    Path dir;

    @Test
    void theEmbeddedDatabaseCannotBeShared() {
        Cli.Result run = Cli.run(List.of("run", "--year", "2020", "--distributed", "--output", dir.toString()), BROKER);
        assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
        assertThat(run.err()).contains("a distributed run needs a run database that every machine shares")
                .contains("embedded H2");
        Cli.Result worker = Cli.run(List.of("worker", "--output", dir.toString()), BROKER);
        assertThat(worker.exitCode()).as(worker.all()).isEqualTo(2);
        assertThat(worker.err()).contains("a worker needs a run database that every machine shares");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void theBrokerComesFromTheEnvironment() {
        Cli.Result worker = Cli.run(args("worker"), Map.of());
        assertThat(worker.exitCode()).as(worker.all()).isEqualTo(2);
        assertThat(worker.err()).contains("set REDUCTION_BROKER_URL");
        Cli.Result malformed = Cli.run(args("worker"), Map.of(Distribution.BROKER_URL, "http://user:secret@host"));
        assertThat(malformed.exitCode()).as(malformed.all()).isEqualTo(2);
        assertThat(malformed.err()).contains("amqp://user:password@host:5672").contains("user:***@host")
                .doesNotContain("secret");
    }

    @Test
    void theTimeoutIsADurationOfADistributedRun() {
        Cli.Result bad = Cli.run(args("run", "--year", "2020", "--distributed", "--intake-timeout", "soon"), BROKER);
        assertThat(bad.exitCode()).as(bad.all()).isEqualTo(2);
        assertThat(bad.err()).contains("--intake-timeout must be a duration such as 90s, 30m or 2h");
        Cli.Result alone = Cli.run(args("restart", "--execution", "1", "--intake-timeout", "90s"), BROKER);
        assertThat(alone.exitCode()).as(alone.all()).isEqualTo(2);
        assertThat(alone.err()).contains("--intake-timeout is for distributed runs");
        assertThat(Distribution.timeout("90s")).hasSeconds(90);
        assertThat(Distribution.timeout("2h")).hasHours(2);
        assertThat(Distribution.timeout("45")).hasSeconds(45);
    }

    private List<String> args(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--output", dir.toString()));
        args.addAll(POSTGRES);
        return args;
    }
}
