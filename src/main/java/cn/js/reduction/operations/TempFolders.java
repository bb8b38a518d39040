package cn.js.reduction.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * The temporary files of a command (POI's while workbooks are written, the private copies of input files) in a
 * folder of its own process, {@code .state/tmp/process-<pid>-<n>}: what a killed process leaves there is known to be
 * nobody's once that process is gone, so every later command that opens the state removes it. Loose entries of
 * earlier releases (made directly in {@code .state/tmp}) go once they are a day old.
 */
final class TempFolders {

    private static final Pattern PROCESS = Pattern.compile("process-([0-9]{1,19})(-[0-9]+)?");
    /** Several commands may run in one JVM (the tests): each has its own folder. */
    private static final java.util.concurrent.atomic.AtomicInteger COMMANDS = new java.util.concurrent.atomic.AtomicInteger();
    private static final Duration LOOSE_AGE = Duration.ofDays(1);

    private TempFolders() {
    }

    /** A folder of this command under {@code tmp}, created; what dead processes left there is removed first. */
    static Path ofThisCommand(Path tmp) throws IOException {
        cleanLeftovers(tmp);
        return Files.createDirectories(tmp.resolve("process-" + ProcessHandle.current().pid() + "-"
                + COMMANDS.incrementAndGet()));
    }

    /** Removes the folders of processes that are gone, and loose entries older than a day. */
    static void cleanLeftovers(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp)) {
            return;
        }
        FileTime dayAgo = FileTime.from(Instant.now().minus(LOOSE_AGE));
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path p : entries.toList()) {
                Matcher m = PROCESS.matcher(p.getFileName().toString());
                boolean gone = m.matches() ? !alive(Long.parseLong(m.group(1)))
                        : Files.getLastModifiedTime(p).compareTo(dayAgo) < 0;
                if (gone) {
                    FileSystemUtils.deleteRecursively(p);
                }
            }
        }
    }

    /** Removes a command's own folder, at its end. */
    static void remove(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(folder);
        } catch (IOException e) {
            // the next command removes it
        }
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
