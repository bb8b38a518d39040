package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files changed while a run is under way are never read in their new form while files.csv shows the hash of
 * the old one. A real process runs the job, one intake partition at a time and slowed; as soon as intake
 * opens its first file, every other file gets a row appended (a 南京 project, a 南京 emission) that would
 * change 南京's figures if it were read. Each of them is then reported as changed and not read; 南京's
 * figures are those of the files as discovered.
 */
class FileChangedDuringRunTest {

    @TempDir
    Path dir;

    @Test
    void aFileChangedAfterDiscoveryIsNotReadAndSaysSo() throws Exception {
        Path input = Cli.inputWithLargeFile(dir, 1000);
        Path year = input.resolve("2020");
        Map<String, String> hashed = new HashMap<>();
        try (Stream<Path> files = Files.list(year)) {
            for (Path f : files.toList()) {
                hashed.put(f.getFileName().toString(), cn.js.reduction.discover.InputSet.sha256(f));
            }
        }
        Path output = dir.resolve("output");
        Path tmp = output.resolve(".state").resolve("tmp"); // the run's private temp folder, where intake copies files
        Path log = dir.resolve("child.log");
        List<String> command = ChildJvm.command(
                "-XX:ActiveProcessorCount=1", // one intake partition at a time: the others wait, unopened
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("jvm-tmp")), "-D" + FaultInjection.PROPERTY + "=slow:800");
        command.addAll(List.of("run", "--year", "2020", "--input", input.toString(), "--output", output.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String first;
        try {
            first = firstFileOpenedByIntake(tmp, child, log);
            for (String name : hashed.keySet()) {
                if (!name.equals(first)) {
                    String extra = name.startsWith("emissions") ? "南京,VOCs,工业源,5000,1\n"
                            : "NJ-99,南京,玄武区,改过的项目,某公司,,ROLLING,已完成,2020-06-30,2020-06-01,,,,,,\n";
                    Files.writeString(year.resolve(name), extra, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                }
            }
            assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("the run ends").isTrue();
        } finally {
            child.destroyForcibly();
        }
        String childLog = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(childLog).isZero();

        Path run = output.resolve("2020/nightly").resolve(Files.readString(output.resolve("2020/nightly/LATEST")).trim());
        List<List<String>> files = EndToEndTest.csv(run.resolve("files.csv"));
        String findings = Files.readString(run.resolve("findings.csv"), StandardCharsets.UTF_8);
        for (String name : hashed.keySet()) {
            String row = EndToEndTest.row(files, name);
            assertThat(row).as("files.csv shows the hash of what was discovered").contains("," + hashed.get(name) + ",");
            if (!name.equals(first)) {
                assertThat(row).as(name + " not read").contains(",0,0,0,0,");
                // city code of the file's name, if it names one (a finding about a file reaches its city)
                assertThat(findings).containsPattern("ERROR,FILE_UNREADABLE,(\\d{6})?," + java.util.regex.Pattern.quote(name)
                        + ",").contains("被修改");
            }
        }
        List<List<String>> projects = EndToEndTest.csv(run.resolve("projects_by_city_category.csv"));
        assertThat(EndToEndTest.row(projects, "2020", "320100", "南京", "ROLLING")).contains(",0,0,0,0,");
        List<List<String>> reductions = EndToEndTest.csv(run.resolve("reductions_by_city_pollutant.csv"));
        assertThat(EndToEndTest.row(reductions, "2020", "320100", "南京", "VOCS")).doesNotContain(",15000,");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("reduction-input-")))
                    .as("the private copies are deleted").isEmpty();
        }
    }

    /** The name of the first file intake copies to read (its private copy's folder appears in the temp folder). */
    private static String firstFileOpenedByIntake(Path tmp, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            Optional<String> opened = openedCopy(tmp);
            if (opened.isPresent()) {
                return opened.get();
            }
            if (!child.isAlive()) {
                throw new AssertionError("the run ended before intake was seen:\n" + Files.readString(log));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("intake did not start in 2 minutes:\n" + Files.readString(log));
    }

    /** The file of the first private copy in the temporary folder of the run's command (.state/tmp/process-*). */
    private static Optional<String> openedCopy(Path tmp) throws IOException {
        if (!Files.isDirectory(tmp)) {
            return Optional.empty();
        }
        try (Stream<Path> commands = Files.list(tmp)) {
            for (Path command : commands.filter(Files::isDirectory).toList()) {
                Optional<String> copy = openedCopyIn(command);
                if (copy.isPresent()) {
                    return copy;
                }
            }
        } catch (IOException goneMeanwhile) {
            // a command's folder went while listing: look again
        }
        return Optional.empty();
    }

    private static Optional<String> openedCopyIn(Path tmp) throws IOException {
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path folder : entries.filter(p -> p.getFileName().toString().startsWith("reduction-input-")).toList()) {
                try (Stream<Path> inside = Files.list(folder)) {
                    Optional<Path> copy = inside.findFirst();
                    if (copy.isPresent()) {
                        return Optional.of(copy.get().getFileName().toString());
                    }
                } catch (IOException goneMeanwhile) {
                    // the copy was read and deleted between the two listings: look again
                }
            }
        }
        return Optional.empty();
    }
}
