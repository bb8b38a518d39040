package cn.js.reduction.report.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What 与上次对比 says of the run it compares with: its name, mode and when it was written. */
class PreviousRunTest {

    @TempDir
    Path dir;

    @Test
    void writtenIsTheManifestsTimeInTheClockTheRunsTimesAreIn() throws IOException {
        Path run = Files.createDirectories(dir.resolve("2020/nightly/run-41"));
        Path manifest = Files.writeString(run.resolve("manifest.csv"), "file,sha256\n");
        Instant at = Instant.parse("2026-12-07T16:11:16Z");
        Files.setLastModifiedTime(manifest, FileTime.from(at));

        PreviousRun previous = PreviousRun.of(run);
        assertThat(previous.written()).isEqualTo(LocalDateTime.ofInstant(at, ZoneId.systemDefault()));
        assertThat(previous.describe("nightly")).isEqualTo("run-41");
        assertThat(previous.describe("final")).isEqualTo("nightly run-41");
    }
}
