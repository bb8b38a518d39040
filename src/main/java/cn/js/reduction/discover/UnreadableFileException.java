package cn.js.reduction.discover;

/**
 * A file that cannot be read as a spreadsheet (corrupt, truncated, encrypted, a zip bomb, not a spreadsheet,
 * too large to be real). The message is written for a city clerk, in Chinese with the English reason, and
 * becomes a FILE_UNREADABLE finding; the run goes on without the file.
 */
public class UnreadableFileException extends Exception {

    public UnreadableFileException(String message) {
        super(message);
    }

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
