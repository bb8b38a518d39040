package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The table of exit codes of docs/operations.md, command by command: 0 completed or nothing to do, 1 failed and
 * restartable, 2 bad usage or configuration, 3 final run refused. Each case also checks the one plain line a
 * scheduler's operator reads, never a framework's sentence.
 */
class ExitCodesTest {

    private static Path dir;
    private static Path input;
    private static Path output;
    private static long completedExecution;

    @BeforeAll
    static void aCompletedRun() throws IOException {
        dir = Files.createTempDirectory("exit-codes-");
        input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        output = dir.resolve("output");
        Cli.Result run = run("run", "--year", "2020", "--input", input.toString(), "--output", output.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        completedExecution = Long.parseLong(RecoveryTest.number(run.out(), "\\(execution (\\d+)\\)"));
    }

    @AfterAll
    static void clean() throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }

    private static Cli.Result run(String... args) {
        return Cli.run(List.of(args));
    }

    private static Cli.Result withState(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", output.toString()));
        return Cli.run(all);
    }

    private static void assertCode(Cli.Result r, int code, String says) {
        assertThat(r.exitCode()).as(r.all()).isEqualTo(code);
        assertThat(r.all()).as(r.all()).contains(says).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Error creating bean");
    }

    @Test
    void runCommand() {
        assertCode(run(), 2, "Usage:");
        assertCode(run("run"), 2, "--year is required");
        assertCode(run("run", "--year", "2020", "--colour"), 2, "unknown option --colour");
        assertCode(run("run", "--year", "1999"), 2, "no reference data for plan year 1999");
        assertCode(withState("run", "--year", "2020", "--input", dir.resolve("nowhere").toString()), 2,
                "no input folder");
        assertCode(withState("run", "--year", "2020", "--input", input.toString()), 0, "nothing to do");
        assertCode(withState("run", "--year", "2020", "--input", input.toString(), "--mode", "final"), 3,
                "final run refused");
    }

    @Test
    void runOnAnEmptyInputFolder() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty/2020"));
        Files.writeString(empty.resolve("README.txt"), "submissions go here");
        assertCode(withState("run", "--year", "2020", "--input", empty.getParent().toString()), 2, "no submission");
    }

    @Test
    void restartCommand() {
        assertCode(withState("restart"), 2, "say which run");
        assertCode(withState("restart", "--year", "2020", "--mode", "nightly"), 0, "nothing to restart");
        assertCode(withState("restart", "--execution", "999999"), 2, "no such execution");
        assertCode(withState("restart", "--execution", String.valueOf(completedExecution)), 0,
                "it completed; nothing to restart");
        assertCode(run("restart", "--execution", "1", "--output", dir.resolve("no-state").toString()), 2,
                "no run state");
    }

    @Test
    void abandonCommand() {
        assertCode(withState("abandon"), 2, "--execution ID is required");
        assertCode(withState("abandon", "--execution", "999999"), 2, "no such execution");
        assertCode(withState("abandon", "--execution", String.valueOf(completedExecution)), 2,
                "a completed run is published and cannot be abandoned");
    }

    @Test
    void statusCommand() {
        assertCode(withState("status"), 0, "run-1 ");
        assertCode(withState("status", "--db-url", "postgres://db-host:5432/reduction"), 2,
                "must be a JDBC URL");
        assertCode(withState("status", "--db-url", "jdbc:postgresql://no-such-host.invalid:5432/reduction"), 2,
                "unknown host no-such-host.invalid");
        assertCode(withState("status", "--db-url", "jdbc:postgresql://127.0.0.1:1/reduction"), 2,
                "connection refused");
    }

    @Test
    void clerkCommandsAndTheCatalogue() throws IOException {
        assertCode(run("years"), 0, "2020");
        assertCode(run("rules"), 0, "FILE_UNREADABLE");
        assertCode(run("template", "--kind", "trees", "--out", dir.resolve("t.xlsx").toString()), 2, "--kind");
        Path template = dir.resolve("南京_项目清单.xlsx");
        assertCode(run("template", "--kind", "projects", "--city", "南京", "--out", template.toString()), 0, "");
        assertCode(run("validate", dir.resolve("nothing.xlsx").toString()), 2, "nothing.xlsx");
        // a file with rows to fix (an unknown category): 1, the clerk's "not yet"
        Path faulty = input.resolve("2020").resolve("nanjing_projects.csv");
        assertCode(run("validate", faulty.toString(), "--output", dir.resolve("returned").toString()), 1,
                "nanjing_projects.csv");
    }
}
