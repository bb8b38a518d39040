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
 * folder {@code <output>/<year>/<mode>/.run-<n>.partial}, then moved in one rename to
 * {@code run-<n>}, then marked latest (a LATEST file and a {@code latest} link, both replaced atomically).
 * A run that dies half-way leaves only a hidden partial folder, never a result that looks complete.
 *
 * <p>The run number {@code n} belongs to the output folder, not to the database: {@link #allocate} takes the next
 * number that no folder of the mode folder has used (published, partial or abandoned), so a published run is
 * never written again, whatever database holds the state, and after the state was lost or the database
 * switched the numbers go on from the folder's own.
 */
public record Publication(Path modeFolder, long runNumber) {

    private static final java.util.regex.Pattern NUMBERED =
            java.util.regex.Pattern.compile("(?:run-([0-9]{1,18})|\\.run-([0-9]{1,18})\\.(?:partial|abandoned))");

    public static Publication of(Path outputRoot, int year, RunMode mode, long runNumber) {
        return new Publication(modeFolder(outputRoot, year, mode), runNumber);
    }

    public static Path modeFolder(Path outputRoot, int year, RunMode mode) {
        return outputRoot.resolve(String.valueOf(year)).resolve(mode.code());
    }

    /**
     * Takes the next run number of the mode folder: one above every number it has used (run-N, .run-N.partial,
     * .run-N.abandoned), claimed by creating that run's working folder, which fails if another process took it
     * first. Numbers so go 1, 2, 3 … per output folder, year and mode, without gaps a crash could make.
     */
    public static Publication allocate(Path outputRoot, int year, RunMode mode) throws IOException {
        Path folder = Files.createDirectories(modeFolder(outputRoot, year, mode));
        while (true) {
            long next = highestNumber(folder) + 1;
            Publication publication = new Publication(folder, next);
            try {
                Files.createDirectory(publication.workFolder());
                syncFolder(folder);
                return publication;
            } catch (FileAlreadyExistsException e) {
                // taken meanwhile: look again
            }
        }
    }

    static long highestNumber(Path modeFolder) throws IOException {
        long highest = 0;
        try (Stream<Path> entries = Files.list(modeFolder)) {
            for (Path p : entries.toList()) {
                java.util.regex.Matcher m = NUMBERED.matcher(p.getFileName().toString());
                if (m.matches()) {
                    highest = Math.max(highest, Long.parseLong(m.group(1) != null ? m.group(1) : m.group(2)));
                }
            }
        }
        return highest;
    }

    /**
     * The newest complete run of the year and mode, as LATEST names it, or empty where none was published (or its
     * folder is gone).
     */
    public static java.util.Optional<Path> latest(Path outputRoot, int year, RunMode mode) throws IOException {
        Path folder = modeFolder(outputRoot, year, mode);
        Path latest = folder.resolve("LATEST");
        if (!Files.isRegularFile(latest)) {
            return java.util.Optional.empty();
        }
        String name = Files.readString(latest, StandardCharsets.UTF_8).strip();
        Path run = folder.resolve(name);
        return NUMBERED.matcher(name).matches() && name.startsWith("run-") && Files.isDirectory(run)
                ? java.util.Optional.of(run) : java.util.Optional.empty();
    }

    /**
     * The complete run a new run of the year and mode compares itself with (docs/outputs.md, changes.csv): the
     * latest of the same mode; for a final run that has no final run before it, the latest nightly run.
     */
    public static java.util.Optional<Path> previousComplete(Path outputRoot, int year, RunMode mode) throws IOException {
        java.util.Optional<Path> same = latest(outputRoot, year, mode);
        return same.isEmpty() && mode.isFinal() ? latest(outputRoot, year, RunMode.NIGHTLY) : same;
    }

    /** The mark an abandoned run leaves instead of its working folder, so that its number is not given again. */
    public Path abandonedMark() {
        return modeFolder.resolve("." + runName() + ".abandoned");
    }

    /**
     * Gives the run up: its working folder (half-written outputs) is deleted and an empty mark keeps its number
     * taken. A run that was published keeps its folder: publication is final.
     */
    public void abandon() throws IOException {
        if (!Files.isDirectory(modeFolder)) {
            return;
        }
        if (!Files.exists(abandonedMark()) && !Files.isDirectory(finalFolder())) {
            Files.createFile(abandonedMark());
        }
        deleteTree(workFolder());
        syncFolder(modeFolder);
    }

    public String runName() {
        return "run-" + runNumber;
    }

    public Path workFolder() {
        return modeFolder.resolve("." + runName() + ".partial");
    }

    public Path finalFolder() {
        return modeFolder.resolve(runName());
    }

    /**
     * A clean working folder: what an interrupted attempt left there is thrown away. Refused when the run was
     * published already (a folder of this number is never written twice).
     */
    public Path prepareWorkFolder() throws IOException {
        refuseIfPublished();
        deleteTree(workFolder());
        return Files.createDirectories(workFolder());
    }

    private void refuseIfPublished() throws IOException {
        if (Files.exists(finalFolder(), LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(finalFolder().toString(), null,
                    "already published; a published run is never written again");
        }
    }

    /**
     * Moves the finished work into place and marks it latest. Safe to repeat after a crash half-way. Every file
     * and folder is forced to disk before the rename that makes it visible, and the rename before this returns
     * (and so before the run is recorded COMPLETED): a machine that loses power never shows a complete-looking
     * run with empty or missing files.
     */
    public Path publish() throws IOException {
        if (Files.isDirectory(workFolder())) {
            refuseIfPublished();
            syncTree(workFolder());
            // a plain rename (never replacing): if a folder of that name appeared meanwhile, it stays as it is
            Files.move(workFolder(), finalFolder(), StandardCopyOption.ATOMIC_MOVE);
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
            throw new IOException("the output of run " + runNumber + " is gone: " + finalFolder() + " does not exist");
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
