package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the command line program in this JVM, as an operator would type it, and captures what it says. */
final class Cli {

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private Cli() {
    }

    static Result run(List<String> args) {
        return run(args, Map.of());
    }

    /** With these environment variables (the broker's address of a distributed run). */
    static Result run(List<String> args, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReductionAccountingApplication.execute(args.toArray(String[]::new), env,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(List<String> command, List<String> options) {
        List<String> args = new ArrayList<>(command);
        args.addAll(options);
        return run(args);
    }

    /**
     * The arguments of the command a line of the program's output offers (a hint: "to continue: java -jar … restart
     * --execution 7 --output '/tmp/a b'"), the command word first, read back as a POSIX shell reads the words
     * (single quotes, as {@link Hints#quote} writes them): what an operator pastes, to run as it is printed.
     */
    static List<String> offered(String line, String command) {
        String start = Program.command() + " " + command + " ";
        int at = line.indexOf(start);
        assertThat(at).as("'" + command + "' offered in: " + line).isNotNegative();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        String rest = line.substring(at + Program.command().length() + 1);
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '\\' && i + 1 < rest.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(rest.charAt(++i));
            } else if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                if (rest.startsWith("  ", i)) {
                    break; // the hint ends where two spaces set off what follows it ("   (or give up: …)")
                }
            } else if (c == ')' && word == null) {
                break;
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        if (!words.isEmpty() && unbalanced(words.get(words.size() - 1))) {
            // "(and give this one up: … abandon --execution 7 --output /x)": the parenthesis is not the hint's
            String last = words.remove(words.size() - 1);
            words.add(last.substring(0, last.length() - 1));
        }
        return words;
    }

    /** A word ending in a ')' it does not open: the end of the parenthesis a hint is written in. */
    private static boolean unbalanced(String word) {
        return word.endsWith(")") && word.chars().filter(c -> c == '(').count() < word.chars().filter(c -> c == ')').count();
    }

    /**
     * Runs {@code run} without interruption on a database of its own (output in {@code dir}/clean) and returns its
     * summary tables: the result an interrupted run must reach once continued.
     */
    static Map<String, byte[]> uninterruptedTables(Path dir, String database, List<String> run) throws IOException {
        Path clean = dir.resolve("clean");
        Result result = run(run, TestDatabases.options(database, clean));
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        return summaryTables(clean, "nightly");
    }

    /** The four summary CSVs of the latest run of a year and mode, by name, as bytes. */
    static Map<String, byte[]> summaryTables(Path output, String mode) throws IOException {
        Path modeFolder = output.resolve("2020").resolve(mode);
        Path run = modeFolder.resolve(Files.readString(modeFolder.resolve("LATEST")).trim());
        Map<String, byte[]> tables = new LinkedHashMap<>();
        for (String name : List.of("projects_by_city_category.csv", "reductions_by_city_pollutant.csv", "findings.csv",
                "files.csv")) {
            tables.put(name, Files.readAllBytes(run.resolve(name)));
        }
        return tables;
    }

    /**
     * The hand-made set of {@link EndToEndTest} plus a project list of {@code rows} rows for 常州, so that intake
     * spans several chunks (500 rows each) and a failure can land between two commits.
     */
    static Path inputWithLargeFile(Path dir, int rows) throws IOException {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        StringBuilder csv = new StringBuilder(EndToEndTest.PROJECT_HEADER);
        for (int i = 1; i <= rows; i++) {
            String status = i % 3 == 0 ? "在建,2020-12-31," : "已完成,2020-06-30,2020-06-" + (1 + i % 28);
            csv.append("CZ-").append(i).append(",常州,武进区,项目").append(i).append(",常州某公司").append(i)
                    .append(",,").append(i % 2 == 0 ? "VOC_FUGITIVE" : "锅炉提标改造项目").append(',').append(status)
                    .append(",10,").append(i % 7).append(".5,0,1,0,\n");
        }
        Files.writeString(input.resolve("2020").resolve("changzhou_projects.csv"), csv, StandardCharsets.UTF_8);
        return input;
    }
}
