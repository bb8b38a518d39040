package cn.js.reduction.operations;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Whether this JVM can read the input folder's file names as they are. The JVM decodes file names with the
 * locale's character set ({@code sun.jnu.encoding}), fixed when it starts and not changeable by a {@code -D}
 * option: under cron, or a systemd unit without {@code LANG}, that is ASCII, every Chinese name turns into
 * question marks, two files get the same name and the run's files are not the ones on disk. So a command that
 * reads or writes the folders refuses before it touches any state, and says how to start it right; the scripts
 * of jobs/ and the systemd units set a UTF-8 locale themselves.
 */
final class FileNameEncoding {

    private FileNameEncoding() {
    }

    /** Null when names are decoded as UTF-8; else the message that tells the operator what to do. */
    static String problem() {
        return problem(System.getProperty("sun.jnu.encoding"));
    }

    static String problem(String encoding) {
        if (encoding != null && Charset.isSupported(encoding) && Charset.forName(encoding).equals(StandardCharsets.UTF_8)) {
            return null;
        }
        return "文件名无法正确读取 (file names cannot be read): this process has no UTF-8 locale (file names are decoded as "
                + encoding + ", so Chinese names would turn into question marks). Start it with a UTF-8 locale,"
                + " e.g. LC_ALL=C.UTF-8 " + Program.command() + " ...; the scripts of jobs/ and the systemd units set"
                + " it themselves (cron and systemd start programs without LANG)";
    }
}
