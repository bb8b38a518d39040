package cn.js.reduction.report.changes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The complete run a run compares itself with: its published folder, its name there (run-N) and its mode, and
 * when it was written (its manifest's time, the last file a run writes).
 */
public record PreviousRun(Path folder, String name, String mode, LocalDateTime written) {

    /** The run published in {@code folder} ({@code <output>/<year>/<mode>/run-N}). */
    public static PreviousRun of(Path folder) throws IOException {
        Path manifest = folder.resolve("manifest.csv");
        // in the machine's time, as the job repository records every run's times and 运行信息 shows them (in China
        // time this showed the previous run 8 hours after its own start on a machine kept in UTC)
        LocalDateTime written = Files.exists(manifest) ? LocalDateTime.ofInstant(
                Files.getLastModifiedTime(manifest).toInstant(), ZoneId.systemDefault()).withNano(0) : null;
        return new PreviousRun(folder, folder.getFileName().toString(),
                folder.getParent() == null ? "" : folder.getParent().getFileName().toString(), written);
    }

    /** "run-41" of the same mode, "nightly run-41" of another. */
    public String describe(String ownMode) {
        return ownMode.equals(mode) ? name : mode + " " + name;
    }
}
