package cn.js.reduction.operations;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The scripts of jobs/ as a scheduler starts them: from a deployment without the sources (the scripts, the
 * program, the input folder; no pom.xml, no src/), under {@code env -i} with a bare PATH and no LANG, as cron
 * does. Their results must be byte for byte those of a run started from a UTF-8 shell.
 */
class ScheduledScriptsTest {

    private static Path dir;
    private static Path deployment;

    @BeforeAll
    static void deploy() throws IOException {
        dir = Files.createTempDirectory("scheduled-scripts-");
        deployment = dir.resolve("opt-reduction");
        Files.createDirectories(deployment.resolve("jobs"));
        try (Stream<Path> jobs = Files.list(Path.of("jobs"))) {
            for (Path p : jobs.toList()) {
                Path copy = deployment.resolve("jobs").resolve(p.getFileName());
                Files.copy(p, copy);
                copy.toFile().setExecutable(p.toFile().canExecute());
            }
        }
        FileSystemUtils.copyRecursively(Path.of("input", "2020"), deployment.resolve("input").resolve("2020"));
        writeProgram(deployment.resolve("reduction-accounting.jar"));
    }

    @AfterAll
    static void clean() throws IOException {
        FileSystemUtils.deleteRecursively(dir);
    }

    /**
     * The program as a deployment has it: a jar naming its main class and its libraries (here the test's own
     * class path, as absolute URLs, in place of the lib/ folder a build writes).
     */
    private static void writeProgram(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, ReductionAccountingApplication.class.getName());
        List<String> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toAbsolutePath().toUri().toString());
        }
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", urls));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.flush();
        }
    }

    /** Runs {@code script} in the deployment as cron does: env -i, a bare PATH, no LANG; extra variables as a crontab sets them. */
    private static Cli.Result cron(String script, Map<String, String> variables) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "-i", "HOME=" + dir, "PATH=/usr/bin:/bin",
                // the options a small deployment gives its runs (docs/operations.md), as the test JVMs run: half the CPU
                "REDUCTION_JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
        variables.forEach((k, v) -> command.add(k + "=" + v));
        command.addAll(List.of("/bin/sh", "-c", "cd " + deployment + " && " + script));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        int code = p.waitFor();
        return new Cli.Result(code, Files.readString(dir.resolve("stdout.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void nightlyAndYearEndUnderCronMatchARunFromAUtf8Shell() throws Exception {
        Cli.Result nightly = cron("jobs/nightly.sh", Map.of());
        assertThat(nightly.exitCode()).as(nightly.all()).isZero();
        // every line a scheduler keeps carries its date; nothing asks for the sources
        assertDated(nightly);
        assertThat(nightly.all()).doesNotContain("pom.xml").doesNotContain("\u001b[").contains("run-1 of 2020 nightly");
        Cli.Result yearEnd = cron("jobs/year-end.sh", Map.of());
        assertThat(yearEnd.exitCode()).as(yearEnd.all()).isZero();

        Path utf8 = dir.resolve("utf8");
        for (String mode : List.of("nightly", "final")) {
            Cli.Result reference = Cli.run(List.of("run", "--year", "2020", "--mode", mode, "--input",
                    deployment.resolve("input").toString(), "--output", utf8.toString()));
            assertThat(reference.exitCode()).as(reference.all()).isZero();
            Map<String, byte[]> expected = Cli.summaryTables(utf8, mode);
            Map<String, byte[]> underCron = Cli.summaryTables(deployment.resolve("output"), mode);
            for (String table : expected.keySet()) {
                assertThat(new String(underCron.get(table), StandardCharsets.UTF_8)).as(mode + " " + table)
                        .isEqualTo(new String(expected.get(table), StandardCharsets.UTF_8));
            }
        }
        // the names in files.csv are the names on disk, Chinese ones included
        String files = new String(Cli.summaryTables(deployment.resolve("output"), "nightly").get("files.csv"),
                StandardCharsets.UTF_8);
        assertThat(files).contains("南京市2020年大气污染防治工程项目清单.xlsx").doesNotContain("?").doesNotContain("\uFFFD");
        // the operator's lines are in the log file too
        assertThat(Files.readString(deployment.resolve("output/.state/reduction-accounting.log")))
                .contains("run-1 of 2020 nightly: COMPLETED");
    }

    @Test
    void theProgramWithoutAUtf8LocaleRefusesBeforeTouchingAnyState() throws Exception {
        Path output = dir.resolve("no-locale");
        Cli.Result refused = cron("java -jar reduction-accounting.jar run --year 2020 --input input --output " + output,
                Map.of());
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("no UTF-8 locale").contains("LC_ALL=C.UTF-8");
        assertThat(output).doesNotExist();
    }

    @Test
    void anEmptyInputFolderIsAConfigurationErrorAndLatestStaysAsItWas() throws Exception {
        Path output = dir.resolve("empty-input");
        // a small set of its own (the hand-made one of EndToEndTest): the point is LATEST, not the figures
        Path small = dir.resolve("small-input");
        EndToEndTest.writeInput(small);
        Map<String, String> smallSet = Map.of("REDUCTION_OUTPUT", output.toString(), "REDUCTION_INPUT", small.toString());
        Cli.Result first = cron("jobs/nightly.sh 2020", smallSet);
        assertThat(first.exitCode()).as(first.all()).isZero();
        Path latest = output.resolve("2020/nightly/LATEST");
        String before = Files.readString(latest);
        // the commands it suggests under cron carry the locale the script gave it: pasted there, they work
        Cli.Result again = cron("jobs/nightly.sh 2020", smallSet);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("nothing to do").contains("on purpose: LC_ALL=C.UTF-8 java -jar ");
        Files.createDirectories(dir.resolve("unmounted/2020"));
        Cli.Result empty = cron("jobs/nightly.sh 2020", Map.of("REDUCTION_OUTPUT", output.toString(),
                "REDUCTION_INPUT", dir.resolve("unmounted").toString()));
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no submission").contains(dir.resolve("unmounted/2020").toString());
        assertThat(Files.readString(latest)).isEqualTo(before);
        try (Stream<Path> runs = Files.list(output.resolve("2020/nightly"))) {
            assertThat(runs.map(p -> p.getFileName().toString()).filter(n -> n.contains("run-")))
                    .containsExactly("run-1");
        }
    }

    /**
     * A deployment as the build makes it (the program's classes in the jar, its libraries in lib/): the first
     * scheduled run writes a class-data sharing archive into the state folder, the next starts from it (with
     * -Xshare:on the JVM refuses to start when it cannot use the archive), and a newer jar makes it again. No line
     * of the JVM's own about the archive reaches what the scheduler keeps.
     */
    @Test
    void aDeploymentWithItsLibrariesMakesAClassArchiveOnItsFirstRunAndStartsFromItAfter() throws Exception {
        Path built = dir.resolve("opt-built");
        Files.createDirectories(built.resolve("lib"));
        FileSystemUtils.copyRecursively(deployment.resolve("jobs"), built.resolve("jobs"));
        List<String> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar")) {
                Files.copy(p, built.resolve("lib").resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                libraries.add("lib/" + p.getFileName());
            }
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, ReductionAccountingApplication.class.getName());
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", libraries));
        Path classes = Path.of("target", "classes");
        try (OutputStream out = Files.newOutputStream(built.resolve("reduction-accounting.jar"));
             JarOutputStream jar = new JarOutputStream(out, manifest); Stream<Path> files = Files.walk(classes)) {
            // folders as entries too, as the jar plugin writes them: Spring and Flyway find their resources by them
            for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                jar.putNextEntry(new java.util.jar.JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (Files.isRegularFile(f)) {
                    Files.copy(f, jar);
                }
                jar.closeEntry();
            }
        }
        Path small = dir.resolve("archive-input");
        EndToEndTest.writeInput(small);
        Path output = dir.resolve("archive-output");
        Map<String, String> set = Map.of("REDUCTION_OUTPUT", output.toString(), "REDUCTION_INPUT", small.toString());
        Path archive = output.resolve(".state/reduction-accounting.jsa");

        Cli.Result first = cron("cd " + built + " && jobs/nightly.sh 2020", set);
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(archive).isRegularFile();
        assertDated(first);
        java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(archive);

        Map<String, String> required = new java.util.HashMap<>(set);
        required.put("REDUCTION_JAVA_OPTS", "-Xshare:on -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Cli.Result second = cron("cd " + built + " && jobs/nightly.sh 2020", required);
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("nothing to do");
        assertDated(second);
        assertThat(Files.getLastModifiedTime(archive)).as("the archive was used, not made again").isEqualTo(made);

        Files.setLastModifiedTime(built.resolve("reduction-accounting.jar"),
                java.nio.file.attribute.FileTime.fromMillis(made.toMillis() + 60_000));
        Cli.Result newerJar = cron("cd " + built + " && jobs/nightly.sh 2020", set);
        assertThat(newerJar.exitCode()).as(newerJar.all()).isZero();
        assertDated(newerJar);
        assertThat(Files.getLastModifiedTime(archive)).as("made again for the newer jar").isNotEqualTo(made);
    }

    private static void assertDated(Cli.Result result) {
        assertThat(result.out().lines().filter(l -> !l.isBlank()))
                .allMatch(l -> l.matches("^20[0-9]{2}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} .*"), "dated");
    }

    @Test
    void theScriptsSayHowToCallThemAndExitTwoOnMisuse() throws Exception {
        Cli.Result noMode = cron("jobs/run-year.sh", Map.of());
        assertThat(noMode.exitCode()).isEqualTo(2);
        assertThat(noMode.err()).contains("usage: jobs/run-year.sh nightly|final [YEAR]");
        // the plan year: REDUCTION_YEAR, else the newest year with reference data (as the program has it: no
        // source tree here) and an input folder; a folder of 2031 without reference data is passed over
        Path input = dir.resolve("years");
        Files.createDirectories(input.resolve("2020"));
        Files.createDirectories(input.resolve("2031"));
        Cli.Result year = cron("jobs/plan-year.sh", Map.of("REDUCTION_INPUT", input.toString()));
        assertThat(year.exitCode()).as(year.all()).isZero();
        assertThat(year.out().strip()).isEqualTo("2020");
        assertThat(cron("jobs/plan-year.sh", Map.of("REDUCTION_YEAR", "2019")).out().strip()).isEqualTo("2019");
        Cli.Result noYear = cron("jobs/plan-year.sh", Map.of("REDUCTION_INPUT", dir.resolve("nothing").toString()));
        assertThat(noYear.exitCode()).isEqualTo(2);
        assertThat(noYear.err()).contains("no plan year to run").contains("REDUCTION_YEAR");
    }
}
