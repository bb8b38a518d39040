package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator sees: help, usage errors (exit 2), the final run's refusal (exit 3), abandon. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommands() {
        Cli.Result help = Cli.run(List.of("--help"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run", "restart", "status", "abandon", "Exit codes");
        assertThat(Cli.run(List.of("restart", "--help")).out()).contains("--execution ID");
    }

    @Test
    void usageErrorsExitTwoAndSayWhatToType() {
        assertThat(Cli.run(List.of()).exitCode()).isEqualTo(2);
        Cli.Result noYear = Cli.run(List.of("run"));
        assertThat(noYear.exitCode()).isEqualTo(2);
        assertThat(noYear.err()).contains("--year is required");
        Cli.Result badMode = Cli.run(List.of("run", "--year", "2020", "--mode", "weekly"));
        assertThat(badMode.exitCode()).isEqualTo(2);
        assertThat(badMode.err()).contains("--mode must be nightly or final");
        Cli.Result noReference = Cli.run(List.of("run", "--year", "2019"));
        assertThat(noReference.exitCode()).isEqualTo(2);
        assertThat(noReference.err()).contains("no reference data for plan year 2019");
        Cli.Result noInput = Cli.run(List.of("run", "--year", "2020", "--input", dir.resolve("nowhere").toString()));
        assertThat(noInput.exitCode()).isEqualTo(2);
        assertThat(noInput.err()).contains("no input folder");
        assertThat(Cli.run(List.of("status", "--colour")).err()).contains("unknown option --colour");
        assertThat(Cli.run(List.of("frobnicate")).err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void anArgumentACommandDoesNotTakeIsAUsageErrorNotIgnored() {
        // "run 2020" (meaning --year 2020) must not start something else than the operator asked for
        Cli.Result run = Cli.run(List.of("run", "2020"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unexpected argument '2020': run takes only options");
        Cli.Result status = Cli.run(List.of("status", "--year", "2020", "extra"));
        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("unexpected argument 'extra'");
        Cli.Result rules = Cli.run(List.of("rules", "all"));
        assertThat(rules.exitCode()).isEqualTo(2);
        assertThat(rules.out()).isEmpty();
        // validate reads its files from the positional arguments on purpose
        Cli.Result validate = Cli.run(List.of("validate", dir.resolve("absent.xlsx").toString()));
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("no such file").doesNotContain("unexpected argument");
    }

    @Test
    void finalRunIsRefusedWhileACityIsMissing() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        Path output = dir.resolve("output");
        Cli.Result refused = Cli.run(List.of("run", "--year", "2020", "--mode", "final", "--input", input.toString(),
                "--output", output.toString()));
        assertThat(refused.exitCode()).isEqualTo(3);
        // 无锡 submitted both, but both its NOx rows were rejected: its reductions would be INCOMPLETE, named by cell
        assertThat(refused.err()).contains("final run refused").contains("320300 徐州: 项目清单、排放量报表")
                .contains("320200 无锡: 排放量报表不完整（INCOMPLETE）", "第8行 D8 BAD_NUMBER", "第9行 D9 NEGATIVE_NUMBER")
                .doesNotContain("320100 南京").doesNotContain("320200 无锡: 项目清单");
        assertThat(output.resolve("2020/final")).doesNotExist();
    }

    @Test
    void finalRunOnTheBundledSampleCompletes() {
        Path output = dir.resolve("output");
        Cli.Result done = Cli.run(List.of("run", "--year", "2020", "--mode", "final", "--output", output.toString()));
        assertThat(done.exitCode()).as(done.all()).isZero();
        assertThat(done.out()).contains("COMPLETED");
        assertThat(Files.exists(output.resolve("2020/final/LATEST"))).isTrue();
    }

    @Test
    void abandonedRunIsNotRestartedAndTheNextRunStartsAfresh() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        List<String> db = TestDatabases.options(TestDatabases.H2, dir.resolve("output"));
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());
        System.setProperty(FaultInjection.PROPERTY, "consolidate");
        try {
            assertThat(Cli.run(run, db).exitCode()).isEqualTo(1);
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
        }
        String status = Cli.run(List.of("status", "--verbose"), db).out();
        String execution = status.replaceAll("(?s).*execution (\\d+).*", "$1");
        Cli.Result abandoned = Cli.run(List.of("abandon", "--execution", execution), db);
        assertThat(abandoned.exitCode()).as(abandoned.all()).isZero();
        assertThat(Cli.run(List.of("status", "--verbose"), db).out()).contains("ABANDONED");
        Cli.Result restart = Cli.run(List.of("restart", "--execution", execution), db);
        assertThat(restart.exitCode()).isEqualTo(2);
        assertThat(restart.err()).contains("abandoned");
    }
}
