package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.discover.HostileXlsx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance of "no single submission can stop, stall or corrupt the province's run", as a fixed set: the
 * hostile and careless files a city sends (each kind from the issue, made small), thrown all together at a real
 * run on H2 and on PostgreSQL beside the clean set. The run completes; every one of them has a finding naming
 * it, with the rule a clerk or operator needs; and the figures of the cities they do not belong to are those
 * of the clean run. {@link HostileSubmissionsTest} throws random rows; this one names what each file must give.
 */
class HostileSetTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void everyHostileFileIsNamedInAFindingAndNoOtherCityMoves(String database) throws Exception {
        Path clean = dir.resolve("clean");
        EndToEndTest.writeInput(clean);
        EndToEndTest.Result baseline = run(clean, dir.resolve("out-clean"), database);
        assertThat(baseline.exitCode()).as(baseline.out() + baseline.err()).isZero();

        Path hostile = dir.resolve("hostile");
        EndToEndTest.writeInput(hostile);
        Map<String, String> expected = writeHostileSet(hostile.resolve("2020"), dir.resolve("elsewhere"));

        EndToEndTest.Result result = run(hostile, dir.resolve("out-hostile"), database);

        String said = result.out() + result.err();
        assertThat(result.exitCode()).as(said).isZero();
        assertThat(result.out()).as(said).contains("COMPLETED");
        assertThat(said).doesNotContain("Exception").doesNotContain("\tat ");
        Path runFolder = HostileSubmissionsTest.latest(dir.resolve("out-hostile"));
        List<String[]> findings = HostileSubmissionsTest.csv(runFolder.resolve("findings.csv"));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            List<String> itsFindings = findings.stream()
                    .filter(f -> HostileSubmissionsTest.unguarded(f[3]).equals(e.getKey()))
                    .map(f -> f[0] + " " + f[1] + " " + f[6] + " " + cn.js.reduction.core.InputLimits.forDisplay(f[8], 200)).toList();
            assertThat(findings).as("a finding %s naming %s; it has %s", e.getValue(), e.getKey(), itsFindings)
                    .anyMatch(f -> HostileSubmissionsTest.unguarded(f[3]).equals(e.getKey())
                            && (f[0] + " " + f[1]).equals(e.getValue()));
        }
        // the row Excel calls 1,048,576 is read and named as such
        assertThat(findings).anyMatch(f -> f[3].equals("million_rows.xlsx") && f[5].equals("1048576")
                && f[6].equals("B1048576"));
        for (String[] f : HostileSubmissionsTest.csv(runFolder.resolve("files.csv"))) {
            assertThat(Integer.parseInt(f[4])).as(f[0])
                    .isEqualTo(Integer.parseInt(f[5]) + Integer.parseInt(f[6]) + Integer.parseInt(f[7]));
        }

        // 南京 and 无锡 (the clean files' cities; 南京 named by nanjing_extra.csv, which holds a 苏州 row) are as
        // in the clean run: a stray row, a dead file, a hostile name never reaches them
        Path cleanFolder = HostileSubmissionsTest.latest(dir.resolve("out-clean"));
        for (String table : List.of("projects_by_city_category.csv", "reductions_by_city_pollutant.csv")) {
            assertThat(rowsOf(runFolder.resolve(table))).as(table).isEqualTo(rowsOf(cleanFolder.resolve(table)));
        }
    }

    private static EndToEndTest.Result run(Path input, Path output, String database) {
        List<String> args = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString()));
        args.addAll(TestDatabases.options(database, output));
        return EndToEndTest.cli(args);
    }

    private static List<String> rowsOf(Path table) throws Exception {
        return HostileSubmissionsTest.csv(table).stream()
                .filter(r -> HostileSubmissionsTest.CLEAN_CITIES.contains(r[1]))
                .map(r -> String.join(",", r)).toList();
    }

    /** A project row of the city, with the cells given by column index replaced. */
    private static String[] projectRow(String id, String city, Object... replacements) {
        String[] cells = {id, city, "某区", "项目" + id, "某公司", null, "锅炉提标改造项目", "在建", "2020-06-30", null, "10", "1",
            "2", "3", "4", "备注"};
        for (int i = 0; i < replacements.length; i += 2) {
            cells[(Integer) replacements[i]] = (String) replacements[i + 1];
        }
        return cells;
    }

    private static String csvLine(String... cells) {
        return String.join(",", Arrays.stream(cells).map(c -> c == null ? "" : "\"" + c.replace("\"", "\"\"") + "\"")
                .toList()) + "\n";
    }

    /**
     * Writes the set; returns each file's name with the finding (severity and rule) it must get. The cities of
     * their rows are never 南京 or 无锡: 火星市 (no city at all), or 徐州, 常州, 苏州, whose figures may move.
     */
    static Map<String, String> writeHostileSet(Path year, Path elsewhere) throws IOException {
        Map<String, String> expected = new LinkedHashMap<>();
        String header = EndToEndTest.PROJECT_HEADER;

        // numbers no real figure can be, in numeric cells (1E+308 arrives as 309 digits; 1E401 is no double)
        HostileXlsx.writeSheetXml(year.resolve("huge_numbers.xlsx"),
                HostileXlsx.row(1, "设区市", "污染物", "排放源类别", "基准年排放量（吨）", "核算年排放量（吨）", "备注")
                        + "<row r=\"2\">" + inline("A2", "常州") + inline("B2", "SO2") + "<c r=\"D2\"><v>1E+308</v></c>"
                        + "<c r=\"E2\"><v>90</v></c></row>"
                        + "<row r=\"3\">" + inline("A3", "常州") + inline("B3", "NOx") + "<c r=\"D3\"><v>1E401</v></c>"
                        + "<c r=\"E3\"><v>90</v></c></row>");
        expected.put("huge_numbers.xlsx", "ERROR NUMBER_OUT_OF_RANGE");
        // a row number twice (once a primary-key violation that failed every run), and one going back
        HostileXlsx.writeSheetXml(year.resolve("row_twice.xlsx"), HostileXlsx.PROJECT_HEADER_ROW
                + HostileXlsx.row(2, projectRow("RT-1", "火星市")) + HostileXlsx.row(2, projectRow("RT-2", "火星市")));
        expected.put("row_twice.xlsx", "ERROR FILE_UNREADABLE");
        HostileXlsx.writeSheetXml(year.resolve("rows_backwards.xlsx"), HostileXlsx.PROJECT_HEADER_ROW
                + HostileXlsx.row(5, projectRow("RB-5", "火星市")) + HostileXlsx.row(3, projectRow("RB-3", "火星市")));
        expected.put("rows_backwards.xlsx", "ERROR FILE_UNREADABLE");
        // a cell past Excel's 32,767 characters; formula errors in figures and dates; the last row of a sheet
        HostileXlsx.writeSheetXml(year.resolve("long_cell.xlsx"), HostileXlsx.PROJECT_HEADER_ROW
                + HostileXlsx.row(2, projectRow("LC-1", "徐州", 3, varied(40_000))));
        expected.put("long_cell.xlsx", "ERROR TEXT_TOO_LONG");
        HostileXlsx.writeSheetXml(year.resolve("formula_errors.xlsx"), HostileXlsx.PROJECT_HEADER_ROW
                + HostileXlsx.row(2, projectRow("FE-1", "徐州")).replace("<c r=\"K2\" t=\"inlineStr\"><is><t>10</t></is></c>",
                        "<c r=\"K2\" t=\"e\"><f>1/0</f><v>#DIV/0!</v></c>")
                + HostileXlsx.row(3, projectRow("FE-2", "徐州")).replace("<c r=\"I3\" t=\"inlineStr\"><is><t>2020-06-30</t></is></c>",
                        "<c r=\"I3\" t=\"e\"><v>#REF!</v></c>"));
        expected.put("formula_errors.xlsx", "ERROR BAD_NUMBER");
        HostileXlsx.writeSheetXml(year.resolve("million_rows.xlsx"), HostileXlsx.PROJECT_HEADER_ROW
                + HostileXlsx.row(2, projectRow("MR-2", "火星市")) + HostileXlsx.row(1_048_576, projectRow("MR-9", "火星市")));
        expected.put("million_rows.xlsx", "ERROR UNKNOWN_CITY");

        // files that are no workbook, whatever their names say
        byte[] workbook = workbook();
        Files.write(year.resolve("truncated.xlsx"), Arrays.copyOf(workbook, workbook.length / 2));
        Files.write(year.resolve("encrypted.xlsx"), encrypted(workbook));
        Files.writeString(year.resolve("report.xlsx"), "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n%%EOF\n");
        Files.write(year.resolve("empty.xlsx"), new byte[0]);
        Files.write(year.resolve("zero.csv"), new byte[0]);
        Files.writeString(year.resolve("web_page.xls"), "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body>"
                + "<table><tr><td>项目编号</td><td>设区市</td></tr><tr><td>WP-1</td><td>南京</td></tr></table></body></html>");
        for (String name : List.of("truncated.xlsx", "encrypted.xlsx", "report.xlsx", "empty.xlsx", "zero.csv")) {
            expected.put(name, "ERROR FILE_UNREADABLE");
        }
        // issue 16: a web page under an .xls name is read as the table Excel shows; this one's two columns are no header
        expected.put("web_page.xls", "ERROR UNKNOWN_FILE_KIND");

        // CSV as careless tools write it
        Files.write(year.resolve("bom_lie_gbk.csv"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (header + csvLine(projectRow("GB-1", "火星市"))).getBytes(Charset.forName("GBK"))));
        expected.put("bom_lie_gbk.csv", "ERROR UNKNOWN_CITY"); // read as GBK: its header is recognised
        StringBuilder utf8 = new StringBuilder(header);
        for (int i = 0; i < 5; i++) {
            utf8.append(csvLine(projectRow("BU-" + i, "徐州")));
        }
        Files.write(year.resolve("broken_utf8.csv"), concat(utf8.toString().getBytes(StandardCharsets.UTF_8),
                "BU-9,徐州,某区,项目".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                ",某公司,,锅炉提标改造项目,在建,2020-06-30,,10,1,2,3,4,\n".getBytes(StandardCharsets.UTF_8)));
        expected.put("broken_utf8.csv", "WARNING CHARACTER_REPLACED");
        Files.writeString(year.resolve("unbalanced_quotes.csv"), header + "\"UQ-1,火星市,某区,项目\n".repeat(3));
        expected.put("unbalanced_quotes.csv", "ERROR FILE_UNREADABLE");
        Files.writeString(year.resolve("wide_row.csv"), header + "v,".repeat(16_385) + "\n");
        expected.put("wide_row.csv", "ERROR FILE_UNREADABLE");
        Files.writeString(year.resolve("long_dates.csv"), header
                + csvLine(projectRow("LD-1", "徐州", 8, "a" + " ".repeat(40_000) + "a")));
        expected.put("long_dates.csv", "ERROR BAD_DATE");
        Files.writeString(year.resolve("changzhou_long_remark.csv"), header
                + csvLine(projectRow("CZ-1", "常州", 15, "备".repeat(4100))));
        expected.put("changzhou_long_remark.csv", "WARNING TEXT_TRUNCATED");
        // one row of 苏州 in a file named for 南京, newer than every 南京 file: it must not supersede them
        Files.writeString(year.resolve("nanjing_extra.csv"), header + csvLine(projectRow("SZ-STRAY", "苏州市")));
        expected.put("nanjing_extra.csv", "WARNING ROW_OF_OTHER_CITY");

        // a submission date that is no date: counted by its modification time, and told
        Files.writeString(year.resolve("changzhou_fix_20201399.csv"), header + csvLine(projectRow("CZ-2", "常州")));
        // both 常州 files are dated by their modification time: written a moment apart, the second could tick
        // between them and decide which one supersedes the other; say it here, the remark file is the newer
        Files.setLastModifiedTime(year.resolve("changzhou_fix_20201399.csv"),
                FileTime.from(Instant.parse("2020-12-01T08:00:00Z")));
        Files.setLastModifiedTime(year.resolve("changzhou_long_remark.csv"),
                FileTime.from(Instant.parse("2020-12-02T08:00:00Z")));
        expected.put("changzhou_fix_20201399.csv", "WARNING BAD_SUBMISSION_DATE");

        // the same list sent twice under two names: both are told, and 南京 is counted once
        Files.copy(year.resolve("nanjing_projects.csv"), year.resolve("nanjing_projects (1).csv"));
        expected.put("nanjing_projects (1).csv", "WARNING DUPLICATE_FILE");
        expected.put("nanjing_projects.csv", "WARNING DUPLICATE_FILE");

        // names: 220 characters, a line break, a formula, a right-to-left override and an emoji
        for (String name : List.of("x".repeat(216) + ".csv", "line1\nINFO forged.csv", "=cmd|' -C calc'!A0.csv",
                "emoji 😀 \u202Eright.csv")) {
            Files.writeString(year.resolve(name), header + csvLine(projectRow("NM-" + name.length(), "火星市")));
            expected.put(name, "ERROR UNKNOWN_CITY");
        }

        // entries that are not submissions
        Files.writeString(year.resolve("readme.txt"), "报送说明\n");
        Files.writeString(year.resolve(".hidden.csv"), header);
        Files.writeString(year.resolve("~$lock.xlsx"), "lock");
        Files.createDirectories(year.resolve("subfolder"));
        Files.writeString(year.resolve("subfolder/nanjing_more.csv"), header + csvLine(projectRow("NJ-SUB", "南京")));
        Files.createDirectories(elsewhere);
        Path outside = Files.writeString(elsewhere.resolve("nanjing_secret.csv"), header
                + csvLine(projectRow("NJ-OUT", "南京")));
        Files.createSymbolicLink(year.resolve("link_outside.csv"), outside);
        Files.createSymbolicLink(year.resolve("passwd.csv"), Path.of("/etc/passwd"));
        expected.put("readme.txt", "INFO NOT_A_SUBMISSION");
        expected.put(".hidden.csv", "INFO NOT_A_SUBMISSION");
        expected.put("~$lock.xlsx", "INFO NOT_A_SUBMISSION");
        expected.put("subfolder", "WARNING ENTRY_NOT_READ");
        expected.put("link_outside.csv", "WARNING ENTRY_NOT_READ");
        expected.put("passwd.csv", "WARNING ENTRY_NOT_READ");
        try {
            // a FIFO would block a reader forever: it must never be opened
            if (new ProcessBuilder("mkfifo", year.resolve("pipe.csv").toString()).start().waitFor() == 0) {
                expected.put("pipe.csv", "WARNING ENTRY_NOT_READ");
            }
        } catch (IOException | InterruptedException noMkfifo) {
            // not on this system: the rest of the test stands
        }
        return expected;
    }

    /** Chinese text that does not compress a hundredfold (that would be refused as a zip bomb first). */
    private static String varied(int length) {
        java.util.Random random = new java.util.Random(length);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            s.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return s.toString();
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static byte[] workbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var header = wb.createSheet("项目").createRow(0);
            String[] names = EndToEndTest.PROJECT_HEADER.trim().split(",");
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            wb.write(out);
        }
        return out.toByteArray();
    }

    /** The workbook as Excel saves it with a password to open (agile encryption). */
    private static byte[] encrypted(byte[] workbook) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(workbook);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
