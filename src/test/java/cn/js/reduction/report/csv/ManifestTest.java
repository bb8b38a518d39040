package cn.js.reduction.report.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest.csv read back: a file as written, one edited, one gone, and a manifest an editor left unreadable. */
class ManifestTest {

    @TempDir
    Path run;

    @Test
    void eachOutputIsCheckedAgainstWhatTheManifestRecorded() throws IOException {
        Files.writeString(run.resolve("files.csv"), "file,sha256\r\na.xlsx,00\r\n", StandardCharsets.UTF_8);
        Files.writeString(run.resolve("changes.csv"), "scope\r\n", StandardCharsets.UTF_8);
        Manifest.write(run, List.of(), run);
        assertThat(Manifest.differences(run)).isEmpty();
        assertThat(Manifest.outputs(run)).containsOnlyKeys("changes.csv", "files.csv");

        Files.writeString(run.resolve("files.csv"), "file,sha256\r\na.xlsx,01\r\n", StandardCharsets.UTF_8);
        Files.delete(run.resolve("changes.csv"));
        assertThat(Manifest.differences(run)).containsExactly("changes.csv: missing",
                "files.csv: its content differs from the manifest's SHA-256");
        assertThat(Manifest.outputs(run).get("files.csv").difference(run))
                .contains("files.csv: its content differs from the manifest's SHA-256");
    }

    @Test
    void aManifestLeftWithAnOpenQuoteIsADifferenceThatNamesIt() throws IOException {
        Files.writeString(run.resolve("files.csv"), "file\r\n", StandardCharsets.UTF_8);
        Manifest.write(run, List.of(), run);
        Files.writeString(run.resolve(Manifest.FILE), "\"output,files.csv\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        assertThat(Manifest.differences(run)).singleElement().asString().startsWith("manifest.csv: unreadable (")
                .doesNotContain("\n");
        assertThatThrownBy(() -> Manifest.outputs(run)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("manifest.csv: unreadable (");
    }

    @Test
    void anEmptyOrMissingManifestIsADifference() throws IOException {
        assertThat(Manifest.differences(run)).containsExactly("manifest.csv: missing (the report was not finished)");
        assertThat(Manifest.outputs(run)).isEmpty();
        Files.writeString(run.resolve(Manifest.FILE), "");
        assertThat(Manifest.differences(run)).containsExactly("manifest.csv: empty");
    }
}
