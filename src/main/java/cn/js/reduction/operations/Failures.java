package cn.js.reduction.operations;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.LocalDateTime;

/**
 * A failure put in the words an operator acts on: the cause ("permission denied: /path", "database x does not
 * exist", "connection refused to host:port"), not the framework's wrapping of it. The full trace goes to the
 * log file in the state folder.
 */
final class Failures {

    private Failures() {
    }

    /** One line: the plain cause of the failure. */
    static String describe(Throwable failure) {
        if (failure instanceof ReductionAccountingApplication.DatabaseUnavailable) {
            return failure.getMessage(); // already in plain words, with the database it concerns
        }
        if (isDiskFull(failure)) {
            return "the disk is full (no space left on device)" + diskFullWhere(failure);
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException e) {
                // the driver wraps it as "connection refused" (08001): the host name is what to check
                return "unknown host " + e.getMessage() + ": check the host name of the database (--db-url)";
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String plain = plain(t);
            if (plain != null) {
                return plain;
            }
        }
        return withoutSql(Commands.oneLine(failure));
    }

    /**
     * Whether the failure is the operator's set-up (a database that does not exist or refuses the given
     * credentials, an output folder that cannot be written): exit code 2 rather than 1.
     */
    static boolean isConfiguration(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 28: invalid authorization (password, role); 3D000: no such database; 08001 / 08004: cannot
                // connect (wrong host or port) or the server rejected the connection
                if (state.startsWith("28") || state.equals("3D000") || state.equals("08001") || state.equals("08004")) {
                    return true;
                }
            }
            if (t instanceof AccessDeniedException || t instanceof NotDirectoryException
                    || t instanceof UnknownHostException || t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /**
     * H2 refusing to open its file because another process has it (error 90020: "Database may be already in use"
     * / "Lock file recently modified"), which passes once that process's server answers.
     */
    static boolean isEmbeddedDatabaseBusy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
                return true;
            }
        }
        return false;
    }

    private static final int H2_DATABASE_ALREADY_OPEN = 90020;

    /** Whether the failure comes from a full disk (the run database's, a workbook's, the log's). */
    static boolean isDiskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(NO_SPACE)) {
                return true;
            }
        }
        return false;
    }

    private static final String NO_SPACE = "No space left on device";

    private static String diskFullWhere(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FileSystemException e && e.getFile() != null) {
                return ": " + e.getFile();
            }
        }
        return "";
    }

    private static String plain(Throwable t) {
        if (t instanceof AccessDeniedException e) {
            return "permission denied: " + e.getFile();
        }
        if (t instanceof NotDirectoryException e) {
            return "not a folder: " + e.getFile();
        }
        if (t instanceof FileAlreadyExistsException e) {
            return "a file is in the way: " + e.getFile() + " (a folder is needed there)";
        }
        if (t instanceof NoSuchFileException e) {
            return "no such file or folder: " + e.getFile();
        }
        if (t instanceof FileSystemException e) {
            return (e.getReason() == null ? "cannot use" : e.getReason().toLowerCase(java.util.Locale.ROOT)) + ": "
                    + e.getFile();
        }
        if (t instanceof UnknownHostException e) {
            return "unknown host " + e.getMessage();
        }
        if (t instanceof ConnectException e) {
            return "connection refused" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
        }
        if (t instanceof SQLException e && e.getSQLState() != null) {
            String msg = firstLine(e.getMessage());
            return switch (e.getSQLState()) {
                case "28P01", "28000" -> "the database refused the user or password: " + msg;
                case "3D000" -> msg.replaceFirst("^FATAL: ", "").replace("\"", "") + " (check the database name in --db-url)";
                case "08001" -> "connection refused: " + msg;
                case "08003", "08006", "57P01" -> "the connection to the run database was lost (" + msg
                        + "); when the database is back, continue the run with restart (see status)";
                case "90020" -> "the run database is in use by another process that does not share it: " + msg;
                default -> "the run database refused a statement (SQLSTATE " + e.getSQLState() + "): "
                        + withoutSql(msg);
            };
        }
        return null;
    }

    /**
     * The one line an operator needs from a stack trace kept as text (a step's exit description in the job
     * repository): the deepest cause's message, in the same plain words, without class names or SQL.
     */
    static String describeText(String stackTrace) {
        String line = stackTrace.lines().findFirst().orElse("");
        for (String l : stackTrace.lines().toList()) {
            if (l.startsWith("Caused by: ")) {
                line = l.substring("Caused by: ".length());
            }
        }
        return withoutSql(line.replaceFirst("^[\\w.$]+: ", ""));
    }

    /**
     * A database message without the statement it quotes (H2's "; SQL statement: …", Spring's
     * "PreparedStatementCallback; SQL [...]"), which says nothing to an operator and is cut mid-way anyway; the
     * log file keeps it whole.
     */
    static String withoutSql(String message) {
        String m = message.replaceAll("\\w+Callback; (bad )?SQL \\[[^\\]]*\\]?;? ?", "");
        int sql = m.indexOf("; SQL statement:");
        if (sql >= 0) {
            m = m.substring(0, sql);
        }
        m = m.replaceAll("\\[[0-9]{5}-[0-9]+\\]$", "").trim(); // H2's error code and version
        return m.length() > MAX_LINE ? m.substring(0, MAX_LINE) + "…" : m;
    }

    private static final int MAX_LINE = 300;

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }

    /** Appends the full failure to the log file (when there is a state folder); returns the file, or null. */
    static Path record(Database database, Throwable failure) {
        if (database == null || !Files.isDirectory(database.stateFolder())) {
            return null;
        }
        Path log = database.logFile();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        try {
            Files.writeString(log, LocalDateTime.now() + " ERROR " + trace, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return log;
        } catch (IOException e) {
            return null;
        }
    }
}
