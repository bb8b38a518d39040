package cn.js.reduction.operations;

import cn.js.reduction.core.RunMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The right to run (or restart) the one run of a year and mode: held from before the checks until the job has
 * ended, and released by the database or the operating system when the process dies, so a crash never leaves
 * it taken. PostgreSQL: a session advisory lock on a connection kept for the purpose (runs on several hosts
 * share the database). Otherwise (the embedded H2): an exclusive lock on a file in the state folder.
 */
final class RunLock implements AutoCloseable {

    private final Connection connection;
    private final long key;
    private final FileChannel channel;
    private final FileLock fileLock;

    private RunLock(Connection connection, long key, FileChannel channel, FileLock fileLock) {
        this.connection = connection;
        this.key = key;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** The lock, or null when another process holds it. */
    static RunLock acquire(ConfigurableApplicationContext context, Database database, Path outputRoot, int year,
                           RunMode mode) {
        String name = "reduction-accounting:" + year + ":" + mode;
        if (database.isPostgres()) {
            return advisory(context.getBean(DataSource.class), name);
        }
        return file(Database.stateFolder(outputRoot).resolve("run-" + year + "-" + mode + ".lock"));
    }

    private static RunLock advisory(DataSource dataSource, String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        long key = crc.getValue();
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return new RunLock(c, key, null, null);
                    }
                }
            }
            c.close();
            return null;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new IllegalStateException("cannot take the run lock in the database: " + e.getMessage(), e);
        }
    }

    private static RunLock file(Path lockFile) {
        try {
            Database.ensurePrivateFolder(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this JVM holds it already (a test running two commands at once)
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            return new RunLock(null, 0, channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot take the run lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, key);
                s.execute();
            } catch (SQLException e) {
                // the connection is gone, and the lock with it
            }
            closeQuietly(connection);
        }
        if (channel != null) {
            try {
                fileLock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do with it
            }
        }
    }
}
