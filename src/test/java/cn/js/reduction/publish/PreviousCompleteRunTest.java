package cn.js.reduction.publish;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.core.RunMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run a new run compares itself with (changes.csv, 与上次对比), over published folders as runs leave them: the
 * latest of the same year and mode; a final run with no final run before it, the last nightly run; nothing for the
 * first run of a year and mode, and nothing from another year.
 */
class PreviousCompleteRunTest {

    @TempDir
    Path output;

    @Test
    void aFinalRunComparesWithThePreviousFinalRunElseTheLastNightlyRun() throws IOException {
        assertThat(Publication.previousComplete(output, 2020, RunMode.NIGHTLY)).isEmpty();
        assertThat(Publication.previousComplete(output, 2020, RunMode.FINAL)).isEmpty();

        Path nightly = published(2020, RunMode.NIGHTLY, 3);
        assertThat(Publication.previousComplete(output, 2020, RunMode.NIGHTLY)).contains(nightly);
        assertThat(Publication.previousComplete(output, 2020, RunMode.FINAL)).contains(nightly);
        assertThat(Publication.previousComplete(output, 2021, RunMode.FINAL)).isEmpty();

        Path fin = published(2020, RunMode.FINAL, 1);
        assertThat(Publication.previousComplete(output, 2020, RunMode.FINAL)).contains(fin);
        assertThat(Publication.previousComplete(output, 2020, RunMode.NIGHTLY)).contains(nightly);
    }

    /** A run's folder made the latest of its year and mode, as publishing leaves it. */
    private Path published(int year, RunMode mode, int number) throws IOException {
        Path folder = output.resolve(String.valueOf(year)).resolve(mode.code());
        Path run = Files.createDirectories(folder.resolve("run-" + number));
        Files.writeString(folder.resolve("LATEST"), "run-" + number + "\n", StandardCharsets.UTF_8);
        return run;
    }
}
