package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hints print the command that runs this program on the operator's machine: the jar as it was started, from
 * wherever it was started, not a path that holds only in the project's checkout.
 */
class ProgramTest {

    @Test
    void theJarIsNamedAsItWasStarted() {
        assertThat(Program.command("reduction-accounting.jar")).isEqualTo("java -jar reduction-accounting.jar");
        assertThat(Program.command("/opt/reduction/target/reduction-accounting.jar"))
                .isEqualTo("java -jar /opt/reduction/target/reduction-accounting.jar");
        assertThat(Program.command("/srv/年度 核算/ra.jar")).isEqualTo("java -jar '/srv/年度 核算/ra.jar'");
    }

    @Test
    void outsideAJarTheCheckoutsCommandIsShown() {
        // tests and IDEs run from classes folders: the project's own build is what the README names
        String classes = String.join(File.pathSeparator, List.of("target/classes", "lib/a.jar"));
        assertThat(Program.command(classes)).isEqualTo("java -jar target/reduction-accounting.jar");
        assertThat(Program.command("")).isEqualTo("java -jar target/reduction-accounting.jar");
        assertThat(Program.command(null)).isEqualTo("java -jar target/reduction-accounting.jar");
    }

    @Test
    void anUnknownCommandPointsAtTheListOfCommands() {
        EndToEndTest.Result result = EndToEndTest.cli(List.of("frobnicate"));
        assertThat(result.exitCode()).isEqualTo(ReductionAccountingApplication.USAGE);
        assertThat(result.err()).contains("unknown command 'frobnicate'")
                .contains("See: java -jar target/reduction-accounting.jar --help").doesNotContain("frobnicate --help");
    }

    @Test
    void statusPadsNamesAsATerminalShowsThem() {
        // a Chinese character takes two columns: the next column starts at the same place after either name
        assertThat(StatusCommand.padded("南京市.xlsx", 16)).isEqualTo("南京市.xlsx" + " ".repeat(5));
        assertThat(StatusCommand.padded("nanjing.xlsx", 16)).isEqualTo("nanjing.xlsx" + " ".repeat(4));
    }
}
