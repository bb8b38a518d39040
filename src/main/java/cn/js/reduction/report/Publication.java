package cn.js.reduction.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a run writes and how it becomes visible (SPEC §6): everything is written into a hidden working
 * folder {@code <output>/<year>/<mode>/.run-<id>.partial}, then moved in one rename to
 * {@code run-<id>}, then marked latest (a LATEST file and a {@code latest} link, both replaced atomically).
 * A run that dies half-way leaves only a hidden partial folder, never a result that looks complete.
 */
public record Publication(Path modeFolder, long runId) {

    public static Publication of(Path outputRoot, int year, String mode, long runId) {
        return new Publication(outputRoot.resolve(String.valueOf(year)).resolve(mode), runId);
    }

    public String runName() {
        return "run-" + runId;
    }

    public Path workFolder() {
        return modeFolder.resolve("." + runName() + ".partial");
    }

    public Path finalFolder() {
        return modeFolder.resolve(runName());
    }

    /** A clean working folder: what an interrupted attempt left there is thrown away. */
    public Path prepareWorkFolder() throws IOException {
        deleteTree(workFolder());
        return Files.createDirectories(workFolder());
    }

    /** Moves the finished work into place and marks it latest. Safe to repeat after a crash half-way. */
    public Path publish() throws IOException {
        if (Files.isDirectory(workFolder())) {
            deleteTree(finalFolder());
            move(workFolder(), finalFolder());
        } else if (!Files.isDirectory(finalFolder())) {
            throw new IOException("nothing to publish: neither " + workFolder() + " nor " + finalFolder() + " exists");
        }
        Path tmp = modeFolder.resolve(".LATEST.tmp");
        Files.writeString(tmp, runName() + "\n", StandardCharsets.UTF_8);
        move(tmp, modeFolder.resolve("LATEST"));
        Path link = modeFolder.resolve("latest");
        Path tmpLink = modeFolder.resolve(".latest.tmp");
        try {
            Files.deleteIfExists(tmpLink);
            Files.createSymbolicLink(tmpLink, Path.of(runName()));
            move(tmpLink, link);
        } catch (UnsupportedOperationException | FileAlreadyExistsException | SecurityException e) {
            // no symbolic links here (some file systems): LATEST alone names the latest run
        }
        return finalFolder();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
