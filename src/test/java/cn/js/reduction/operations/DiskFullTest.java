package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk of the embedded run state fills up in the middle of intake (a real, size-limited file system: a tmpfs
 * the test mounts, which needs root; elsewhere the test says so and is skipped): the run ends with one plain
 * message naming the cause and the exact command that continues, no stack trace on the terminal; once there is
 * space again, that command completes the run byte-identical to an uninterrupted one, and nothing is left
 * behind (H2's trace file, POI's temporary files).
 */
class DiskFullTest {

    @TempDir
    Path dir;

    private Path mount;
    private Process child;

    @AfterEach
    void unmount() throws Exception {
        if (child != null) {
            child.destroyForcibly(); // the file system is busy while the process lives
            child.waitFor(30, TimeUnit.SECONDS);
        }
        if (mount != null) {
            new ProcessBuilder("umount", "--lazy", mount.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskEndsInOneMessageAndTheCommandItPrintsCompletesTheRun() throws Exception {
        Path input = Cli.inputWithLargeFile(dir, 3000);
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());
        Map<String, byte[]> expected = Cli.uninterruptedTables(dir, TestDatabases.H2, run);

        Path disk = Files.createDirectories(dir.resolve("disk"));
        int mounted = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", disk.toString())
                .redirectErrorStream(true).start().waitFor();
        Assumptions.assumeTrue(mounted == 0, "a tmpfs cannot be mounted here (not root): the disk-full test needs one");
        mount = disk;
        Path output = disk.resolve("out");
        List<String> db = TestDatabases.options(TestDatabases.H2, output);
        Path log = dir.resolve("child.log");
        child = StopSignalTest.start("slow:300", run, db, log);
        // the disk fills up between two chunks of the large file
        StopSignalTest.waitFor(log, "fault: writing a chunk of intakeFile:file:changzhou_projects.csv", child);
        Path filler = disk.resolve("filler");
        fill(filler);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(printed).isEqualTo(ReductionAccountingApplication.FAILED);
        assertThat(printed).as(printed).contains("the disk is full").contains("to continue")
                .doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(printed.lines().filter(l -> !l.startsWith("fault: ")).count()).as(printed).isLessThan(15);
        String toContinue = printed.lines().filter(l -> l.contains("to continue")).findFirst().orElseThrow();
        assertThat(toContinue).contains("restart --execution").contains("--output " + output);

        // space again: the printed command completes the run
        Files.delete(filler);
        List<String> restart = List.of(toContinue.replaceFirst(".*restart ", "restart ").split(" "));
        Cli.Result restarted = Cli.run(restart.subList(0, restart.indexOf("--output")), db);
        assertThat(restarted.exitCode()).as(restarted.all()).isZero();
        Map<String, byte[]> actual = Cli.summaryTables(output, "nightly");
        for (String table : expected.keySet()) {
            assertThat(new String(actual.get(table), StandardCharsets.UTF_8)).as(table)
                    .isEqualTo(new String(expected.get(table), StandardCharsets.UTF_8));
        }
        assertThat(output.resolve(".state/reduction-accounting.trace.db")).doesNotExist();
        try (var tmp = Files.list(output.resolve(".state/tmp"))) {
            assertThat(tmp.toList()).as("temporary files left").isEmpty();
        }
    }

    /** Writes until the file system is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }
}
