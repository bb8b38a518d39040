package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A run is identified by what decides its figures: the input files, and also the reference data and the
 * program. A corrected annex on unchanged inputs is a new run with the new figures, never "nothing to do"
 * over stale results; and an operator can ask for a new run of an unchanged set, saying why.
 */
class RunIdentityTest {

    private static final String NANJING_VOCS = "2020,320100,南京,VOCS,";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void aRerunOnRequestIsANewRunWhoseReasonStatusShows(String database) throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        Path output = dir.resolve("output");
        List<String> db = TestDatabases.options(database, output);
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());

        Cli.Result first = Cli.run(run, db);
        assertThat(first.exitCode()).as(first.all()).isZero();
        long firstRun = runId(first.out());
        Map<String, byte[]> firstTables = Cli.summaryTables(output, "nightly");
        assertThat(Cli.run(run, db).out()).contains("nothing to do").contains("--rerun");

        Cli.Result rerun = Cli.run(List.of("run", "--year", "2020", "--input", input.toString(), "--rerun",
                "annex 2 corrected"), db);
        assertThat(rerun.exitCode()).as(rerun.all()).isZero();
        assertThat(rerun.out()).contains("COMPLETED").doesNotContain("nothing to do");
        long secondRun = runId(rerun.out().substring(rerun.out().indexOf("a new run")));
        assertThat(secondRun).isNotEqualTo(firstRun);
        assertThat(latest(output)).isEqualTo("run-" + secondRun);
        // the same files, reference data and program: the same figures, in a folder of its own
        Map<String, byte[]> secondTables = Cli.summaryTables(output, "nightly");
        for (String table : firstTables.keySet()) {
            assertThat(secondTables.get(table)).as(table).isEqualTo(firstTables.get(table));
        }
        assertThat(output.resolve("2020/nightly/run-" + firstRun)).isDirectory();
        assertThat(runSheet(output.resolve("2020/nightly/run-" + secondRun))).contains("运行参数：重新运行的原因=annex 2 corrected");
        assertThat(runSheet(output.resolve("2020/nightly/run-" + firstRun))).doesNotContain("rerunReason");

        Cli.Result status = Cli.run(List.of("status", "--verbose", "--year", "2020"), db);
        assertThat(status.exitCode()).as(status.all()).isZero();
        String newest = status.out().substring(0, status.out().indexOf("run-" + firstRun + " "));
        assertThat(newest).startsWith("run-" + secondRun + " ")
                .contains("rerun on request (重新核算原因): annex 2 corrected").contains("attempt 2");
        assertThat(status.out().substring(status.out().indexOf("run-" + firstRun + " ")))
                .doesNotContain("rerun on request");

        // plain run again: the newest run of the set is the one done, and LATEST stays on it
        Cli.Result again = Cli.run(run, db);
        assertThat(again.out()).contains("(nothing to do): run-" + secondRun + " of 2020 nightly");
        assertThat(latest(output)).isEqualTo("run-" + secondRun);
    }

    @Test
    void aRerunOfASetWhoseRunFailedContinuesThatRun() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        List<String> db = TestDatabases.options(TestDatabases.H2, dir.resolve("output"));
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());
        System.setProperty(FaultInjection.PROPERTY, "reconcile");
        Cli.Result failed;
        try {
            failed = Cli.run(run, db);
        } finally {
            System.clearProperty(FaultInjection.PROPERTY);
        }
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        long failedRun = runId(failed.out());

        List<String> rerun = new ArrayList<>(run);
        rerun.addAll(List.of("--rerun", "try again"));
        Cli.Result continued = Cli.run(rerun, db);
        assertThat(continued.exitCode()).as(continued.all()).isZero();
        assertThat(continued.out()).contains("run-" + failedRun + " of 2020 nightly of these files did not complete")
                .contains("run-" + failedRun + " of 2020 nightly: ").contains("COMPLETED");
        String status = Cli.run(List.of("status", "--verbose"), db).out();
        assertThat(status).doesNotContain("rerun on request").doesNotContain("attempt 2");
    }

    @Test
    void aRerunWithoutAReasonIsAUsageError() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        for (List<String> args : List.of(List.of("--rerun", "  "), List.of("--rerun", "two\nlines"), List.of("--rerun"))) {
            List<String> command = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString(),
                    "--output", dir.resolve("output").toString()));
            command.addAll(args);
            Cli.Result r = Cli.run(command);
            assertThat(r.exitCode()).as(r.all()).isEqualTo(2);
            assertThat(r.err()).contains("--rerun").doesNotContain("Exception");
        }
        assertThat(dir.resolve("output")).doesNotExist();
    }

    /**
     * The same files after a release that corrects annex 2 (南京's VOCs target 28 → 31): the program, started
     * with the corrected annex before the shipped one on its class path, makes a new run with the new target,
     * though the inputs did not change. A failed run of the corrected release cannot be continued by the old
     * one (figures of both would mix); the corrected release continues it.
     */
    @Test
    void aCorrectedAnnexOnUnchangedInputsIsANewRun() throws Exception {
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        Path output = dir.resolve("output");
        List<String> db = TestDatabases.options(TestDatabases.H2, output);
        List<String> run = List.of("run", "--year", "2020", "--input", input.toString());

        Cli.Result shipped = Cli.run(run, db);
        assertThat(shipped.exitCode()).as(shipped.all()).isZero();
        long shippedRun = runId(shipped.out());
        assertThat(nanjingVocs(output)).isEqualTo(NANJING_VOCS + "10000,7000,3000,30.00,28.00,2.00,7200,MET,1200,0.4000");

        Path corrected = correctedRelease();
        List<String> args = new ArrayList<>(run);
        args.addAll(db);
        Child failed = child(corrected, args, "consolidate");
        assertThat(failed.exitCode()).as(failed.log()).isEqualTo(1);
        assertThat(failed.log()).doesNotContain("nothing to do").contains("injected fault");
        long correctedRun = runId(failed.log());
        assertThat(correctedRun).isNotEqualTo(shippedRun);

        Cli.Result mixed = Cli.run(List.of("restart", "--year", "2020", "--mode", "nightly"), db);
        assertThat(mixed.exitCode()).as(mixed.all()).isEqualTo(2);
        assertThat(mixed.err()).contains("the reference data or the program changed since run-" + correctedRun);

        Child continued = child(corrected, args, null);
        assertThat(continued.exitCode()).as(continued.log()).isZero();
        assertThat(continued.log()).contains("run-" + correctedRun + " of 2020 nightly of these files failed before")
                .contains("COMPLETED");
        assertThat(latest(output)).isEqualTo("run-" + correctedRun);
        assertThat(nanjingVocs(output)).isEqualTo(NANJING_VOCS + "10000,7000,3000,30.00,31.00,-1.00,6900,NOT_MET,1200,0.4000");

        // status tells the two runs apart by the reference data they rest on
        String status = Cli.run(List.of("status", "--verbose", "--year", "2020"), db).out();
        List<String> bases = new ArrayList<>();
        Matcher m = Pattern.compile("on reference data 2020\\.1 \\(sha256 ([0-9a-f]{12})…\\)").matcher(status);
        while (m.find()) {
            bases.add(m.group(1));
        }
        assertThat(bases).hasSizeGreaterThanOrEqualTo(2);
        assertThat(bases.stream().distinct()).hasSize(2);

        // and the shipped release, on the same files, finds its own run done
        Cli.Result back = Cli.run(run, db);
        assertThat(back.out()).contains("(nothing to do): run-" + shippedRun + " ");
        assertThat(nanjingVocs(output)).contains(",28.00,");
    }

    /** A class path folder holding reference/2020/annex2 with 南京's VOCs target corrected to 31. */
    private Path correctedRelease() throws IOException {
        String annex;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("reference/2020/annex2_reduction_targets.csv")) {
            annex = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fixed = annex.replace("320100,南京,28.0,", "320100,南京,31.0,");
        assertThat(fixed).isNotEqualTo(annex);
        Path folder = dir.resolve("corrected-release");
        Files.createDirectories(folder.resolve("reference/2020"));
        Files.writeString(folder.resolve("reference/2020/annex2_reduction_targets.csv"), fixed, StandardCharsets.UTF_8);
        return folder;
    }

    record Child(int exitCode, String log) {
    }

    /** The program in a JVM of its own, with {@code first} ahead of this JVM's class path. */
    private Child child(Path first, List<String> args, String fault) throws Exception {
        String tmp = "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("child-tmp"));
        String classPath = first + File.pathSeparator + System.getProperty("java.class.path");
        List<String> command = fault == null ? ChildJvm.onClassPath(classPath, tmp)
                : ChildJvm.onClassPath(classPath, tmp, "-D" + FaultInjection.PROPERTY + "=" + fault);
        command.addAll(args);
        Path log = Files.createTempFile(dir, "child", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the child run did not end in 3 minutes:\n" + Files.readString(log));
        }
        return new Child(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** The province workbook's sheets, as lines of their cells joined by "=" (so "label=value" on the run sheet). */
    private static String runSheet(Path run) throws IOException {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run.resolve("reconciled_320000_全省.xlsx")))) {
            DataFormatter format = new DataFormatter();
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    row.forEach(c -> cells.add(format.formatCellValue(c)));
                    text.append(String.join("=", cells)).append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String nanjingVocs(Path output) throws IOException {
        Path run = output.resolve("2020/nightly").resolve(latest(output));
        return EndToEndTest.row(EndToEndTest.csv(run.resolve("reductions_by_city_pollutant.csv")), "2020", "320100",
                "南京", "VOCS");
    }

    private static String latest(Path output) throws IOException {
        return Files.readString(output.resolve("2020/nightly/LATEST")).trim();
    }

    /** The run id of the first "run N" a command printed. */
    private static long runId(String out) {
        Matcher m = Pattern.compile("run-(\\d+)").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return Long.parseLong(m.group(1));
    }
}
