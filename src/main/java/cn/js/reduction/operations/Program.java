package cn.js.reduction.operations;

import java.io.File;

/**
 * The command that runs this program, as hints print it ("to continue: java -jar … restart --execution 7"):
 * the jar as it was started (java.class.path of {@code java -jar X} is X, as typed, relative to the folder the
 * operator is in), so that the hint works where it is read; outside a jar (tests, an IDE) the checkout's build.
 */
final class Program {

    static final String IN_CHECKOUT = "java -jar target/reduction-accounting.jar";

    /**
     * Set by jobs/environment.sh when it had to give the process a UTF-8 locale (cron, a unit without LANG): the
     * commands a hint suggests then carry it, or pasted into that environment they would be refused.
     */
    private static final String LOCALE = System.getenv("REDUCTION_LOCALE_SET") != null ? "LC_ALL=C.UTF-8 " : "";

    private static final String COMMAND = LOCALE + command(System.getProperty("java.class.path"));

    private Program() {
    }

    /** "java -jar PATH" for the running jar. */
    static String command() {
        return COMMAND;
    }

    static String command(String classPath) {
        if (classPath == null || classPath.isBlank() || classPath.contains(File.pathSeparator)
                || !classPath.endsWith(".jar")) {
            return IN_CHECKOUT;
        }
        return "java -jar " + Hints.quote(classPath); // as a shell reads it back, like every path in a hint
    }
}
