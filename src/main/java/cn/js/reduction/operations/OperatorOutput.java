package cn.js.reduction.operations;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines the program prints for the operator (a run's summary, "to continue: …"), as a scheduler keeps them:
 * each line also goes to the log file (logger "operator"), and where the output is not a terminal (cron's mail,
 * a log a script appends to, systemd's journal) each starts with its date and time, like the log lines beside it.
 */
final class OperatorOutput extends OutputStream {

    private static final Logger LOG = LoggerFactory.getLogger("operator");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss ");

    /**
     * Set once Spring has configured logging (logback-spring.xml): before that, logback's own default would print
     * the copy on the terminal a second time, and there is no log file yet.
     */
    static volatile boolean logFileReady;

    private final PrintStream target;
    private final boolean stamped;
    private final boolean error;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private OperatorOutput(PrintStream target, boolean stamped, boolean error) {
        this.target = target;
        this.stamped = stamped;
        this.error = error;
    }

    /** A stream over {@code target} that stamps lines when {@code stamped} and copies them to the log file. */
    static PrintStream of(PrintStream target, boolean stamped, boolean error) {
        return new PrintStream(new OperatorOutput(target, stamped, error), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else {
            line.write(b);
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    @Override
    public synchronized void flush() {
        target.flush();
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
        target.flush();
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        target.println(stamped ? TIME.format(LocalDateTime.now()) + text : text);
        if (!logFileReady) {
            return;
        }
        if (error) {
            LOG.warn(text);
        } else {
            LOG.info(text);
        }
    }
}
