package cn.js.reduction.operations;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the program in a JVM of its own, as the tests that kill, stop, starve or spread a run start
 * it: the test's own class path (so FaultInjection's hooks are there), then {@code options}, then the program's
 * main class. One place for what every such child shares: the JIT's first tier only and the serial collector,
 * which halve the CPU a child spends on runs of a few thousand rows (measured on the bundled sample with
 * /usr/bin/time: 33 CPU-seconds by default, 15-17 with these two options) and change nothing the tests look at.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /** {@code java [these options] [options] -cp <the test's class path> <main class>}; add the program's arguments. */
    static List<String> command(String... options) {
        return onClassPath(System.getProperty("java.class.path"), options);
    }

    /** As {@link #command(String...)}, on the class path given (e.g. another build's classes first). */
    static List<String> onClassPath(String classPath, String... options) {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", classPath, ReductionAccountingApplication.class.getName()));
        return command;
    }
}
