package cn.js.reduction.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.operations.ReductionAccountingApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample run twice, from scratch, into the same output folder: the CSVs are byte-identical, and so is
 * every part of every workbook, but for the run's own times (运行信息's 开始时间 and 结束时间, the file's creation time).
 */
public class ReproducibleOutputsTest {

    @TempDir
    Path dir;

    @Test
    void theSameInputsGiveTheSameCsvsAndWorkbooks() throws IOException {
        Path first = runInto(dir.resolve("first"));
        Path second = runInto(dir.resolve("second"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(first)) {
            files = s.filter(Files::isRegularFile).map(first::relativize).sorted().toList();
        }
        int workbooks = 0;
        for (Path file : files) {
            String name = file.toString();
            if (name.endsWith(".csv") && !name.equals("manifest.csv")) {
                assertThat(Files.readAllBytes(second.resolve(file))).as(name).isEqualTo(Files.readAllBytes(first.resolve(file)));
            } else if (name.endsWith(".xlsx")) {
                assertSameParts(first.resolve(file), second.resolve(file));
                workbooks++;
            }
        }
        assertThat(workbooks).isEqualTo(14);
    }

    /** Runs the sample into {@code output}, moves the run folder to {@code aside} and deletes the rest. */
    private Path runInto(Path aside) throws IOException {
        Path output = dir.resolve("output");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ReductionAccountingApplication.execute(new String[]{"run", "--year", "2020", "--input", "input",
                        "--output", output.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path mode = output.resolve("2020/nightly");
        Files.move(mode.resolve(Files.readString(mode.resolve("LATEST")).trim()), aside);
        try (Stream<Path> s = Files.walk(output)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return aside;
    }

    /**
     * Every part of the two workbooks (sheets, shared strings, styles, drawings, charts, comments, links, properties)
     * byte for byte, in the same order, once the run's own times are masked: the values of 运行信息's 开始时间 and
     * 结束时间, and the file's creation time in docProps/core.xml. Bytes say more than cells read back (every
     * style, every link, every formula and cached value as written) and cost a tenth: no workbook is loaded.
     */
    private static void assertSameParts(Path a, Path b) throws IOException {
        Map<String, String> partsA = parts(a);
        Map<String, String> partsB = parts(b);
        assertThat(partsB.keySet()).as(a.getFileName().toString()).containsExactlyElementsOf(partsA.keySet());
        int times = 0;
        for (Map.Entry<String, String> part : partsA.entrySet()) {
            String where = a.getFileName() + " " + part.getKey();
            String maskedA = masked(part.getValue());
            assertThat(masked(partsB.get(part.getKey()))).as(where).isEqualTo(maskedA);
            times += count(maskedA, RUN_TIME_MASK);
        }
        assertThat(times).as(a.getFileName() + ": the run's times found, and masked").isEqualTo(3);
    }

    /** The workbook's parts in the order the file holds them, each as text (every part of an .xlsx is XML). */
    private static Map<String, String> parts(Path workbook) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (var in = zip.getInputStream(e)) {
                    parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return parts;
    }

    private static final String RUN_TIME_MASK = "(run time)";
    private static final Pattern RUN_TIME = Pattern.compile(
            "(<t>(?:开始时间|结束时间)</t></is></c><c [^>]*><v>)[^<]*(</v>)|(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)");

    private static String masked(String xml) {
        return RUN_TIME.matcher(xml).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) != null ? m.group(1) + RUN_TIME_MASK + m.group(2) : m.group(3) + RUN_TIME_MASK + m.group(4)));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
