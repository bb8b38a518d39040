package cn.js.reduction.publish;

import cn.js.reduction.core.RunMode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where a run writes and how it becomes visible (docs/outputs.md): everything is written into a hidden working
 * folder {@code <output>/<year>/<mode>/.run-<id>.partial}, then moved in one rename to
 * {@code run-<id>}, then marked latest (a LATEST file and a {@code latest} link, both replaced atomically).
 * A run that dies half-way leaves only a hidden partial folder, never a result that looks complete.
 */
public record Publication(Path modeFolder, long runId) {

    public static Publication of(Path outputRoot, int year, RunMode mode, long runId) {
        return new Publication(outputRoot.resolve(String.valueOf(year)).resolve(mode.code()), runId);
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

    /**
     * Moves the finished work into place and marks it latest. Safe to repeat after a crash half-way. Every file
     * and folder is forced to disk before the rename that makes it visible, and the rename before this returns
     * (and so before the run is recorded COMPLETED): a machine that loses power never shows a complete-looking
     * run with empty or missing files.
     */
    public Path publish() throws IOException {
        if (Files.isDirectory(workFolder())) {
            syncTree(workFolder());
            deleteTree(finalFolder());
            move(workFolder(), finalFolder());
            syncFolder(modeFolder);
        } else if (!Files.isDirectory(finalFolder())) {
            throw new IOException("nothing to publish: neither " + workFolder() + " nor " + finalFolder() + " exists");
        }
        markLatest();
        return finalFolder();
    }

    /**
     * Names this run in LATEST and the {@code latest} link, each replaced atomically and forced to disk. Also
     * what a rerun of an already-completed input set does, so that LATEST names what the last command reported.
     */
    public void markLatest() throws IOException {
        if (!Files.isDirectory(finalFolder())) {
            throw new IOException("the output of run " + runId + " is gone: " + finalFolder() + " does not exist");
        }
        Path tmp = modeFolder.resolve(".LATEST.tmp");
        Files.writeString(tmp, runName() + "\n", StandardCharsets.UTF_8);
        syncFile(tmp);
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
        syncFolder(modeFolder);
    }

    private static void syncTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            // files first, then each folder (deepest first), so a folder's entries are durable when it is
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    syncFolder(p);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    syncFile(p);
                }
            }
        }
    }

    private static void syncFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** A folder's entries (names, renames) reach the disk when the folder itself is forced. */
    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open a folder for forcing (Windows); its files are forced all the same
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
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
