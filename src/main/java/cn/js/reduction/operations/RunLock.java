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
        if (database.isPostgres()) {
            return advisory(context.getBean(DataSource.class), name(year, mode));
        }
        return file(lockFile(outputRoot, year, mode));
    }

    /** The advisory lock's key of the year and mode (a bigint: pg_locks shows it as classid and objid). */
    static long key(int year, RunMode mode) {
        return key(name(year, mode));
    }

    private static long key(String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static String name(int year, RunMode mode) {
        return "reduction-accounting:" + year + ":" + mode;
    }

    private static Path lockFile(Path outputRoot, int year, RunMode mode) {
        return Database.stateFolder(outputRoot).resolve("run-" + year + "-" + mode + ".lock");
    }

    /**
     * Who holds the lock of the year and mode, in an operator's words ("process 4711 on host db1, started
     * 2026-12-07T05:40:01, alive"): the holder writes itself into the lock file (H2), or is the session whose
     * application name names it (PostgreSQL, {@link Database#properties}); a process of this host is checked
     * alive by its PID and start time, so a reused PID is not taken for the holder.
     */
    static String holder(ConfigurableApplicationContext context, Database database, Path outputRoot, int year,
                         RunMode mode) {
        String who;
        if (database.isPostgres()) {
            who = postgresHolder(context.getBean(DataSource.class), year, mode);
        } else {
            try {
                who = java.nio.file.Files.readString(lockFile(outputRoot, year, mode), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                who = null;
            }
        }
        return describe(who);
    }

    /** "host pid started", as {@link #self} writes it. */
    static String describe(String who) {
        String[] parts = who == null ? new String[0] : who.replaceFirst("^reduction-accounting ", "").split(" ");
        if (parts.length != 3 || !parts[1].matches("[0-9]{1,19}") || !parts[2].matches("[0-9]{1,19}")) {
            return "another process (it does not say which: an earlier release)";
        }
        long pid = Long.parseLong(parts[1]);
        long started = Long.parseLong(parts[2]);
        String since = started == 0 ? "" : ", started " + java.time.LocalDateTime.ofInstant(
                java.time.Instant.ofEpochMilli(started), java.time.ZoneId.systemDefault()).withNano(0);
        String state = !parts[0].equals(Liveness.thisHost()) ? ", on another machine (not checked from here)"
                : Liveness.isAlive(pid, started) ? ", alive" : ", gone (the lock is being released)";
        return "process " + pid + " on " + parts[0] + since + state;
    }

    /** This process, as the holder of a lock names itself. */
    static String self() {
        return Liveness.thisHost() + " " + ProcessHandle.current().pid() + " "
                + Liveness.startOf(ProcessHandle.current());
    }

    /** The application name of the session holding the year and mode's advisory lock in this database, or null. */
    static String postgresHolder(DataSource dataSource, int year, RunMode mode) {
        long key = key(name(year, mode));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT a.application_name FROM pg_locks l"
                     + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted"
                     + " AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1"
                     // pg_locks lists the advisory locks of every database of the server: another database's run
                     // of the same year and mode (another deployment, another test JVM) holds the same key
                     + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            s.setLong(1, key >>> 32);
            s.setLong(2, key & 0xffffffffL);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            return null; // not allowed to read pg_stat_activity: the holder stays unnamed
        }
    }

    private static RunLock advisory(DataSource dataSource, String name) {
        long key = key(name);
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
            // the holder names itself, for the message of a command that finds the lock taken
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((self() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
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
                channel.truncate(0); // an empty lock file: nobody holds it
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
