package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property-style: generated hostile rows and file names (long texts, control characters, NUL, emoji, formulas,
 * huge, tiny and odd numbers, odd dates, repeated rows, entries that are not files) thrown at the real job on
 * the real database, H2 and PostgreSQL. Whatever the seed, the run completes; every file's rows read = accepted
 * + rejected + ignored; every rejected row has an ERROR finding naming file, sheet, row and cell; and the
 * figures of the cities the hostile files do not touch are those of a run without them. The seed is printed;
 * set -Dhostile.seed=N to replay one.
 */
class HostileSubmissionsTest {

    /** The cities of the clean files; the hostile files never name them. */
    static final Set<String> CLEAN_CITIES = Set.of("320100", "320200");
    /** One per hostile file, so that no hostile file supersedes another (each submits for its own city). */
    static final List<String> HOSTILE_CITIES = List.of("徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江",
            "泰州", "宿迁");

    /**
     * The run without the hostile files, made once for the class (it was once per database: a full run, a tenth
     * of the class's time): the clean cities' figures do not depend on the database (EndToEndTest holds this set's
     * CSVs to the same exact figures on H2 and on PostgreSQL), so the hostile run on each database is held to this
     * one run's figures, on the embedded database.
     */
    @TempDir
    static Path shared;
    private static Path cleanFolder;

    @TempDir
    Path dir;

    @BeforeAll
    static void runWithoutHostileFiles() throws Exception {
        Path clean = shared.resolve("clean");
        EndToEndTest.writeInput(clean);
        EndToEndTest.Result baseline = run(clean, shared.resolve("out-clean"), TestDatabases.H2);
        assertThat(baseline.exitCode()).as(baseline.out() + baseline.err()).isZero();
        cleanFolder = latest(shared.resolve("out-clean"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void noHostileInputStopsTheRunOrTouchesAnotherCity(String database) throws Exception {
        long seed = Long.getLong("hostile.seed", System.nanoTime());
        System.out.println("HostileSubmissionsTest seed " + seed + " (replay with -Dhostile.seed=" + seed + ")");
        Random random = new Random(seed);

        Path hostile = dir.resolve("hostile");
        EndToEndTest.writeInput(hostile);
        Path year = hostile.resolve("2020");
        Map<String, String> hostileFiles = writeHostileFiles(year, random);
        writeEntriesThatAreNotSubmissions(year, dir.resolve("elsewhere"));

        EndToEndTest.Result result = run(hostile, dir.resolve("out-hostile"), database);

        String seedNote = "seed " + seed + "\n" + result.out() + result.err();
        assertThat(result.exitCode()).as(seedNote).isZero();
        assertThat(result.out()).as(seedNote).contains("COMPLETED");
        Path runFolder = latest(dir.resolve("out-hostile"));

        // every submission is accounted for, row by row
        List<String[]> files = csv(runFolder.resolve("files.csv"));
        List<String[]> findings = csv(runFolder.resolve("findings.csv"));
        System.out.println("findings by rule: " + findings.stream()
                .collect(Collectors.groupingBy(f -> f[1], java.util.TreeMap::new, Collectors.counting())));
        files.forEach(f -> System.out.println("file " + String.join(" | ", f).replace("\n", "\\n")));
        findings.stream().filter(f -> f[1].equals("FILE_UNREADABLE"))
                .forEach(f -> System.out.println("unreadable " + String.join(" | ", f).replace("\n", "\\n")));
        Map<String, Set<String>> errorRows = new HashMap<>();
        for (String[] f : findings) {
            if (f[0].equals("ERROR") && !f[5].isEmpty()) {
                assertThat(f[3]).as(seedNote).isNotEmpty();
                assertThat(f[4]).as("sheet of " + String.join("|", f)).isNotEmpty();
                assertThat(f[6]).as("cell of " + String.join("|", f)).isNotEmpty();
                errorRows.computeIfAbsent(unguarded(f[3]), k -> new HashSet<>()).add(f[4] + "!" + f[5]);
            }
        }
        Set<String> listed = new HashSet<>();
        for (String[] f : files) {
            String name = unguarded(f[0]);
            listed.add(name);
            int read = Integer.parseInt(f[4]);
            int accepted = Integer.parseInt(f[5]);
            int rejected = Integer.parseInt(f[6]);
            int ignored = Integer.parseInt(f[7]);
            assertThat(read).as(name + " " + seedNote).isEqualTo(accepted + rejected + ignored);
            assertThat(errorRows.getOrDefault(name, Set.of())).as("rows with an ERROR in " + name)
                    .hasSize(rejected);
        }
        assertThat(listed).as("every hostile file is listed under its real name").containsAll(hostileFiles.keySet());
        for (Map.Entry<String, String> e : hostileFiles.entrySet()) {
            // a file that stopped early (a limit passed) or could not be read says so, under its own name
            if (e.getValue().equals("breaks")) {
                assertThat(findings).as(e.getKey())
                        .anyMatch(f -> f[1].equals("FILE_UNREADABLE") && unguarded(f[3]).equals(e.getKey()));
            }
        }

        // entries that are not submissions are reported, not read
        Map<String, String> ruleOf = findings.stream().filter(f -> f[5].isEmpty() && !f[3].isEmpty())
                .collect(Collectors.toMap(f -> unguarded(f[3]), f -> f[0] + " " + f[1], (a, b) -> a + ";" + b));
        assertThat(ruleOf).containsEntry("readme.txt", "INFO NOT_A_SUBMISSION")
                .containsEntry(".hidden.csv", "INFO NOT_A_SUBMISSION")
                .containsEntry("~$lock.xlsx", "INFO NOT_A_SUBMISSION")
                .containsEntry("subfolder", "WARNING ENTRY_NOT_READ")
                .containsEntry("link-outside.csv", "WARNING ENTRY_NOT_READ")
                .containsEntry("corrupt.xlsx", "ERROR FILE_UNREADABLE");
        if (Files.exists(year.resolve("pipe.csv"))) {
            assertThat(ruleOf).containsEntry("pipe.csv", "WARNING ENTRY_NOT_READ");
        }
        assertThat(listed).doesNotContain("readme.txt", "link-outside.csv", "subfolder", "pipe.csv");

        // the clean cities' figures are those of the run without the hostile files
        for (String table : List.of("projects_by_city_category.csv", "reductions_by_city_pollutant.csv")) {
            assertThat(rowsOfCleanCities(runFolder.resolve(table))).as(table + " " + seedNote)
                    .isEqualTo(rowsOfCleanCities(cleanFolder.resolve(table)));
        }
    }

    private static EndToEndTest.Result run(Path input, Path output, String database) {
        List<String> args = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString()));
        args.addAll(TestDatabases.options(database, output));
        return EndToEndTest.cli(args);
    }

    static Path latest(Path output) throws IOException {
        return output.resolve("2020/nightly").resolve(Files.readString(output.resolve("2020/nightly/LATEST")).trim());
    }

    static List<String[]> csv(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        // RFC 4180: no escape character (opencsv's default backslash would misread a text holding one)
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text.substring(1)))
                .withCSVParser(new CSVParserBuilder().withEscapeChar(ICSVParser.NULL_CHARACTER).build()).build()) {
            List<String[]> rows = reader.readAll();
            return rows.subList(1, rows.size());
        }
    }

    /**
     * A name as the input folder has it: the CSVs may write a text starting with = + - @ behind a ' so that no
     * spreadsheet program runs it (the formula guard is the report's business, not under test here).
     */
    static String unguarded(String written) {
        return written.length() > 1 && written.charAt(0) == '\'' && "=+-@".indexOf(written.charAt(1)) >= 0
                ? written.substring(1) : written;
    }

    private static List<String> rowsOfCleanCities(Path table) throws Exception {
        return csv(table).stream().filter(r -> CLEAN_CITIES.contains(r[1])).map(r -> String.join(",", r)).toList();
    }

    // ---------------------------------------------------------------- the hostile files

    /**
     * Writes the hostile files, each for one city of {@link #HOSTILE_CITIES}; returns their names, each with
     * "breaks" when it must end in a FILE_UNREADABLE finding, else "rows".
     */
    static Map<String, String> writeHostileFiles(Path year, Random random) throws IOException {
        List<String> names = new ArrayList<>(List.of(
                "x".repeat(216) + ".csv",                     // 220 characters: once longer than its sheet column
                "line1\nINFO forged log line.csv",            // a newline: once forged a log line
                "tab\tbell\u0007esc\u001b.csv",
                "=HYPERLINK(\"http x\",\"y\").csv",
                "+SUM(1;2).csv",
                "-2+3.csv",
                "@SUM(1).csv",
                "emoji 😀 e\u0301 \u202Eright-to-left.csv"));
        Map<String, String> written = new HashMap<>();
        int city = 0;
        for (String name : names) {
            StringBuilder text = new StringBuilder(EndToEndTest.PROJECT_HEADER);
            int rows = 5 + random.nextInt(25);
            for (int i = 0; i < rows; i++) {
                text.append(projectRow(random, HOSTILE_CITIES.get(city), "H" + city + "-" + i));
            }
            // getBytes, not Files.writeString: a lone surrogate becomes '?' as any program writing UTF-8 does
            Files.write(year.resolve(name), text.toString().getBytes(StandardCharsets.UTF_8));
            written.put(name, "rows");
            city++;
        }

        // GBK, hostile in Chinese only (GBK has no emoji)
        StringBuilder gbk = new StringBuilder(EndToEndTest.PROJECT_HEADER);
        for (int i = 0; i < 10; i++) {
            gbk.append(projectRow(random, HOSTILE_CITIES.get(city), "gbk-" + i).replaceAll("[^\\u0000-\\u007F\\u4E00-\\u9FFF，。：]", "？"));
        }
        Files.write(year.resolve("gbk hostile.csv"), gbk.toString().getBytes(Charset.forName("GBK")));
        written.put("gbk hostile.csv", "rows");
        city++;

        // emissions with every odd number, and a NUL past the part of the file that is sniffed for binary data
        String emissionCity = HOSTILE_CITIES.get(city);
        StringBuilder emissions = new StringBuilder("设区市,污染物,排放源类别,基准年排放量（吨）,核算年排放量（吨）,备注\n");
        while (emissions.length() < 80_000) {
            emissions.append(emissionCity).append(",SO2,工业源,100,90,").append("填充".repeat(50)).append('\n');
        }
        for (int i = 0; i < 40; i++) {
            emissions.append(csvField(random.nextInt(5) == 0 ? hostileText(random) : emissionCity)).append(',')
                    .append(csvField(random.nextBoolean() ? "NOx" : hostileText(random))).append(',')
                    .append(csvField(hostileText(random))).append(',')
                    .append(csvField(hostileNumber(random))).append(',')
                    .append(csvField(hostileNumber(random))).append(',')
                    .append(csvField(i == 3 ? "NUL\u0000here" : hostileText(random))).append('\n');
        }
        Files.write(year.resolve("emissions hostile.csv"), emissions.toString().getBytes(StandardCharsets.UTF_8));
        written.put("emissions hostile.csv", "rows");
        city++;

        // an xlsx no spreadsheet program saves: a figure of 1E401, an error cell of a long text, a 40,000-character
        // name, rows of hostile cells of every type, then a row number twice (once a primary-key violation that
        // failed every run)
        String xlsxCity = HOSTILE_CITIES.get(city);
        cn.js.reduction.discover.HostileXlsx.write(year.resolve("raw hostile.xlsx"), xlsxCity, random,
                10 + random.nextInt(30), column -> switch (column) {
                    case "I", "J" -> hostileDate(random);
                    case "K", "L", "M", "N", "O" -> hostileNumber(random);
                    default -> hostileText(random);
                });
        written.put("raw hostile.xlsx", "breaks");
        return written;
    }

    static void writeEntriesThatAreNotSubmissions(Path year, Path elsewhere) throws IOException {
        Files.writeString(year.resolve("readme.txt"), "说明：这是报送说明，不是报送文件\n");
        Files.writeString(year.resolve(".hidden.csv"), EndToEndTest.PROJECT_HEADER);
        Files.writeString(year.resolve("~$lock.xlsx"), "lock");
        Files.createDirectories(year.resolve("subfolder"));
        Files.writeString(year.resolve("subfolder/nanjing_more.csv"), EndToEndTest.PROJECT_HEADER
                + "NJ-9,南京,玄武区,藏在子文件夹里的项目,某公司,,ROLLING,已完成,2020-06-30,2020-06-01,,,,,,\n");
        // a link to a 南京 list outside the input: were it followed, 南京's figures would change
        Files.createDirectories(elsewhere);
        Path outside = Files.writeString(elsewhere.resolve("secret.csv"), EndToEndTest.PROJECT_HEADER
                + "NJ-8,南京,玄武区,文件夹外的项目,某公司,,ROLLING,已完成,2020-06-30,2020-06-01,,,,,,\n");
        Files.createSymbolicLink(year.resolve("link-outside.csv"), outside);
        byte[] junk = new byte[3000];
        new Random(1).nextBytes(junk);
        junk[0] = 'P';
        junk[1] = 'K';
        junk[2] = 3;
        junk[3] = 4;
        Files.write(year.resolve("corrupt.xlsx"), junk);
        try {
            // a FIFO would block a reader forever: it must never be opened
            new ProcessBuilder("mkfifo", year.resolve("pipe.csv").toString()).start().waitFor();
        } catch (IOException | InterruptedException noMkfifo) {
            // not on this system: the rest of the test stands
        }
    }

    /** A row of a project list for the city, with 0 to 4 of its cells replaced by hostile values. */
    static String projectRow(Random random, String city, String id) {
        List<String> cells = new ArrayList<>(List.of(id, city, "姑苏区", "项目" + id, "某公司", "", "锅炉提标改造项目", "在建",
                "2020-06-30", "", "10", "1", "2", "3", "4", "备注"));
        int hostileCells = random.nextInt(5);
        for (int i = 0; i < hostileCells; i++) {
            int column = random.nextInt(cells.size());
            if (column == 1 && random.nextBoolean()) {
                continue; // keep the city most of the time, so that the row's other rules are reached
            }
            Supplier<String> kind = switch (column) {
                case 8, 9 -> () -> hostileDate(random);
                case 10, 11, 12, 13, 14 -> () -> hostileNumber(random);
                default -> () -> hostileText(random);
            };
            cells.set(column, random.nextInt(4) == 0 ? hostileText(random) : kind.get());
        }
        return cells.stream().map(HostileSubmissionsTest::csvField).collect(Collectors.joining(",")) + "\n";
    }

    static String csvField(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static final String[] FORMULAS = {"=1+1", "+1", "-1", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")",
        "=cmd|' /C calc'!A0", "-5", "=A1*1E308"};

    static String hostileText(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return FORMULAS[random.nextInt(FORMULAS.length)];
            case 1:
                return randomText(random, 1 + random.nextInt(50));
            case 2:
                return randomText(random, 150 + random.nextInt(4000)); // around the column limits
            case 3:
                return randomText(random, 30_000 + random.nextInt(10_000)); // around Excel's cell limit
            case 4:
                return "苏州".repeat(1 + random.nextInt(3)) + "\r\n" + "合计";
            default:
                return "\uFEFF\u200B 😀\u202E" + randomText(random, 10);
        }
    }

    static String randomText(Random random, int length) {
        String pool = "abcXYZ019 ,\"'\t;|\\/<>&%$#@!=+-_苏州项目公司备注（）【】１２３ａｂｃ\u3000\u00A0\u200B\u202E\uFEFF";
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            int r = random.nextInt(1000);
            if (r < 2) {
                s.append((char) (1 + random.nextInt(31))); // a rare control character, a line break among them
            } else if (r < 10) {
                s.appendCodePoint(0x1F600 + random.nextInt(80)); // emoji: two chars in Java, one in the database
            } else if (r < 12) {
                s.append('\uD800'); // a lone surrogate: UTF-8 has no form for it
            } else {
                s.append(pool.charAt(random.nextInt(pool.length())));
            }
        }
        return s.toString();
    }

    private static final String[] NUMBERS = {"100000000000000000000", "1e308", "1E401", "1E-401", "0.0000001",
        "0.00000049", "3.14159265358979", "NaN", "Infinity", "-0", "１２３", "1,2,3", "12,345.6", "--", "—", "  ",
        "=1+1", "1e999999999", "9".repeat(400), "0." + "0".repeat(300) + "1", "9999999999.9999995", "10000000000",
        "-1", "12.5 吨", "3万", "0x1F", "1_000", "١٢٣"};

    static String hostileNumber(Random random) {
        return random.nextInt(5) == 0 ? String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(30) - 10))
                : NUMBERS[random.nextInt(NUMBERS.length)];
    }

    private static final String[] DATES = {"2020-02-30", "2020-13-01", "0000-00-00", "99999", "-1", "2020年13月",
        "20201399", "2020.6", "2020/6/31", "9999-12-31", "1899-12-30", "2020-06-30T25:61", "昨天", "2020-06-30 00:00:00"};

    static String hostileDate(Random random) {
        int r = random.nextInt(4);
        if (r == 0) {
            return "a" + " ".repeat(random.nextInt(40_000)) + "a"; // once 8 s in the date patterns
        }
        return DATES[random.nextInt(DATES.length)];
    }

}
