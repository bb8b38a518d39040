package cn.js.reduction.intake;

import cn.js.reduction.discover.RawXlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small files that once filled the heap in discover ("Java heap space", no file named, and the next run the
 * same; seen with a 12 MB xlsx holding one 200-million-character string, 8 million cells in one row, a 300 MB
 * CSV of one line). Here the same shapes, scaled to stay fast but each far beyond what the child JVM's 40 MB
 * heap could hold whole: a 40-million-character string, inline or shared; a million cells in one row; a CSV
 * of one 64 MB line. Made in seconds by streaming raw XML or text, read as a run reads them: each gives its
 * finding naming the file and the place, and nothing runs out of memory.
 */
class OversizedFilesTest {

    static final int HUGE_TEXT_CHARS = 40 << 20;
    static final int CELLS_IN_ONE_ROW = 1_000_000;
    static final long ONE_LINE_CSV_BYTES = 64L << 20;

    /** The child's heap: less than any one of the texts above would take if it were held. */
    static final int HEAP_MB = 40;

    @TempDir
    Path dir;

    /**
     * 1 MB of text that deflate squeezes to a few per cent, as real text does: repeated, it makes a long string
     * that POI's zip-bomb guard (at most 100:1) still lets through, so the limit under test is what stops it.
     */
    private static String block() {
        Random random = new Random(6);
        StringBuilder s = new StringBuilder(1 << 20);
        while (s.length() < 1 << 20) {
            s.append("remarks ".repeat(8)).append((char) ('a' + random.nextInt(26))).append(random.nextInt(100));
        }
        return s.substring(0, 1 << 20);
    }

    private static void hugeText(Writer xml) throws IOException {
        String block = block();
        for (int written = 0; written < HUGE_TEXT_CHARS; written += block.length()) {
            xml.write(block);
        }
    }

    @Test
    void hugeStringsManyCellsAndEndlessLinesEachGiveAFindingInASmallHeap() throws Exception {
        String row2 = RawXlsx.projectRow(2, "SZ-1").replace("</row>", "");
        Path inline = RawXlsx.write(dir.resolve("inline.xlsx"), xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW + row2 + "<c r=\"P2\" t=\"inlineStr\"><is><t>");
            hugeText(xml);
            xml.write("</t></is></c></row>" + RawXlsx.projectRow(3, "SZ-2"));
        });
        Path shared = RawXlsx.write(dir.resolve("shared.xlsx"), xml -> xml.write(RawXlsx.PROJECT_HEADER_ROW + row2
                + "<c r=\"P2\" t=\"s\"><v>0</v></c></row>" + RawXlsx.projectRow(3, "SZ-2")), sst -> {
                    sst.write("<si><t>");
                    hugeText(sst);
                    sst.write("</t></si>");
                });
        Path wide = RawXlsx.write(dir.resolve("wide.xlsx"), xml -> {
            Random random = new Random(7);
            xml.write(RawXlsx.PROJECT_HEADER_ROW + "<row r=\"2\">");
            for (int i = 0; i < CELLS_IN_ONE_ROW; i++) {
                xml.write("<c><v>" + random.nextInt(1000) + "</v></c>");
            }
            xml.write("</row>");
        });
        Path line = dir.resolve("one-line.csv");
        try (OutputStream out = Files.newOutputStream(line)) {
            byte[] chunk = "project,city,name,".repeat(1 << 12).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < ONE_LINE_CSV_BYTES; written += chunk.length) {
                out.write(chunk);
            }
        }
        System.out.printf("inline.xlsx %,d bytes, wide.xlsx %,d bytes%n", Files.size(inline), Files.size(wide));
        assertThat(Files.size(inline)).isLessThan(20L << 20);

        List<String> out = readInSmallHeap(inline, shared, wide, line);

        for (String name : List.of("inline.xlsx", "shared.xlsx")) {
            assertThat(out).as(name).contains(name + " FINDING TEXT_TOO_LONG P2 第2行 备注（P2） 超过 Excel 单元格的上限"
                    + " 32,767 个字符，文件不是 Excel 正常保存的，请检查后重新报送");
            assertThat(out).as(name).anyMatch(l -> l.startsWith(name + " ROWS 1 accepted 1 rejected"));
        }
        assertThat(out).anyMatch(l -> l.startsWith("wide.xlsx BREAK ") && l.contains("第 2 行的单元格超过 Excel 的上限 16,384 列"));
        assertThat(out).anyMatch(l -> l.startsWith("one-line.csv SNIFF FILE_UNREADABLE CSV 文件第 1 条记录超过 1,048,576 个字符"));
        assertThat(out).noneMatch(l -> l.contains("OutOfMemoryError") || l.contains("Exception"));
    }

    /** Runs {@link ReadSubmissionMain} on the files in a JVM of {@link #HEAP_MB}; its output, lines. */
    static List<String> readInSmallHeap(Path... files) throws Exception {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MB + "m", "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), // the build's, not a shared /tmp
                "-cp", System.getProperty("java.class.path"),
                ReadSubmissionMain.class.getName()));
        for (Path f : files) {
            command.add(f.toString());
        }
        Path log = Files.createTempFile("read-submission", ".log");
        try {
            Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("reading the files took over 2 minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            System.out.print(output);
            assertThat(child.exitValue()).as(output).isZero();
            return output.lines().toList();
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
