package cn.js.reduction.reference;

import com.opencsv.exceptions.CsvException;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Loads and checks a plan year's reference files (docs/outputs.md). The files of year Y live in the classpath folder
 * reference/Y/ (shipped inside the program) or in any folder of the same files; a new plan year is a new
 * folder, not new code. Any failed check stops the load with a {@link ReferenceDataException} that lists every
 * problem of the first file that has one.
 */
public final class ReferenceDataLoader {

    public static final String PLAN = "plan.properties";
    public static final String SOURCE = "source.txt";
    public static final String CITIES = "cities.csv";
    public static final String CATEGORIES = "categories.csv";
    public static final String POLLUTANTS = "pollutants.csv";
    public static final String ANNEX1 = "annex1_air_quality_targets.csv";
    public static final String ANNEX2 = "annex2_reduction_targets.csv";
    public static final String ANNEX3 = "annex3_autumn_winter_targets.csv";
    public static final String ANNEX4 = "annex4_project_plan.csv";

    /** Every file a reference folder must hold. */
    public static final List<String> FILES = List.of(PLAN, SOURCE, CITIES, CATEGORIES, POLLUTANTS, ANNEX1, ANNEX2, ANNEX3,
            ANNEX4);
    /**
     * The local names a folder may hold beside them (the county-level units under each city; the words clerks
     * use for a category): read from the same folder as the annexes, so that a new plan year's folder brings its
     * own; without them no district or alias is accepted.
     */
    public static final List<String> LOCAL_NAMES = List.of(LocalNames.DISTRICTS, LocalNames.CATEGORY_ALIASES);

    static final String CITY_CODE = "city_code";
    static final String CITY_NAME = "city_name";

    private ReferenceDataLoader() {
    }

    /**
     * The reference data shipped inside the program for plan year {@code year}, read and checked afresh: a program
     * keeps the years it uses in its {@link ReferenceLibrary}.
     */
    public static ReferenceData load(int year) {
        ReferenceFolder folder = ReferenceFolder.classpath(year);
        if (!exists(year)) {
            throw new ReferenceDataException("没有 " + year + " 年的参考数据：在 " + folder.describe() + " 中找不到 " + PLAN
                    + "（no reference data for plan year " + year + ": " + PLAN + " not found in "
                    + folder.describe() + "）");
        }
        return new Load(folder, year).run();
    }

    /** The reference data in {@code folder} (a folder holding {@link #FILES}); its year is read from plan.properties. */
    public static ReferenceData load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ReferenceDataException("参考数据文件夹不存在：" + folder.toAbsolutePath().normalize()
                    + "（reference data folder not found）");
        }
        String name = folder.toAbsolutePath().normalize().getFileName() == null ? ""
                : folder.toAbsolutePath().normalize().getFileName().toString();
        // a folder named after a year must hold that year's files: catches a copied folder left unedited
        Integer yearOfFolder = name.matches("\\d{4}") ? Integer.valueOf(name) : null;
        return new Load(ReferenceFolder.directory(folder), yearOfFolder).run();
    }

    /**
     * The SHA-256 of a plan year's reference files: each of {@link #FILES} in that order, then each of
     * {@link #LOCAL_NAMES} the folder holds, as its name, its length and its bytes. Part of a run's identity,
     * because these files decide its figures as much as the inputs do: a corrected transcription of an annex makes a
     * new run even when nobody raised the version in plan.properties.
     */
    static String contentSha256(ReferenceFolder folder) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String name : FILES) {
                try (InputStream in = folder.open(name).orElseThrow(() -> new ReferenceDataException(
                        "参考数据缺少文件 " + name + "（reference file missing in " + folder.describe() + "）"))) {
                    digest(sha256, name, in);
                }
            }
            // the local names decide which rows count as well; hashed where the folder has them
            for (String name : LOCAL_NAMES) {
                Optional<InputStream> present = folder.open(name);
                if (present.isPresent()) {
                    try (InputStream in = present.get()) {
                        digest(sha256, name, in);
                    }
                }
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new ReferenceDataException("参考数据无法读取（reference data unreadable in " + folder.describe() + "）: "
                    + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Name and length first, so that no two different sets of files give the same stream of bytes. */
    private static void digest(MessageDigest sha256, String name, InputStream in) throws IOException {
        byte[] content = in.readAllBytes();
        sha256.update((name + "\0" + content.length + "\0").getBytes(StandardCharsets.UTF_8));
        sha256.update(content);
    }

    /** Whether the program ships reference data for plan year {@code year}. */
    public static boolean exists(int year) {
        return ReferenceDataLoader.class.getClassLoader().getResource("reference/" + year + "/" + PLAN) != null;
    }

    /** One load: reads the files in dependency order, stopping at the first file that has problems. */
    private static final class Load {
        private final ReferenceFolder folder;
        private final Integer expectedYear;
        private Integer year;

        Load(ReferenceFolder folder, Integer expectedYear) {
            this.folder = folder;
            this.expectedYear = expectedYear;
            this.year = expectedYear;
        }

        ReferenceData run() {
            PlanInfo plan = plan();
            checkSource(plan);
            List<City> all = cities();
            City province = all.get(all.size() - 1);
            List<City> cities = all.subList(0, all.size() - 1);
            List<Category> categories = categories();
            List<Pollutant> listed = pollutants();
            AnnexTables annexes = new AnnexTables(cities, province);
            List<AirQualityTarget> airQuality = checked(ANNEX1, annexes::annex1);
            Map<String, BigDecimal> targetPct = new HashMap<>();
            List<String> targeted = checked(ANNEX2, t -> annexes.annex2(t, listed, targetPct));
            List<Pollutant> pollutants = listed.stream().map(p -> targeted.contains(p.code()) ? new Pollutant(p.code(),
                    p.label(), p.chineseName(), p.written(), p.claimKey(), p.claimColumn(), p.claimAliases(), true) : p)
                    .toList();
            List<AutumnWinterTarget> autumnWinter = checked(ANNEX3, annexes::annex3);
            Map<String, Integer> planned = checked(ANNEX4, t -> annexes.annex4(t, categories));
            return new ReferenceData(plan, cities, province, categories, pollutants, planned, targetPct, airQuality,
                    autumnWinter, LocalNames.load(folder));
        }

        /** Reads an annex with {@code reader}, stopping the load if the annex has problems. */
        private <T> T checked(String file, Function<ReferenceTable, T> reader) {
            ReferenceTable t = table(file);
            T read = reader.apply(t);
            stopIf(t.problems());
            return read;
        }

        private PlanInfo plan() {
            Properties p = new Properties();
            try (InputStream in = open(PLAN)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException | IllegalArgumentException e) {
                throw new ReferenceDataException(heading() + "\n - " + PLAN + " 无法读取 unreadable: " + e.getMessage(), e);
            }
            List<String> problems = new ArrayList<>();
            Function<String, String> required = key -> {
                String v = p.getProperty(key, "").strip();
                if (v.isEmpty()) {
                    problems.add(PLAN + " 键 key " + key + "：应为 expected 非空 a value，实为 found 缺失 missing");
                }
                return v;
            };
            String yearText = required.apply("year");
            String baseYearText = required.apply("base_year");
            String version = required.apply("version");
            String title = required.apply("title");
            String sourceFile = required.apply("source_file");
            String sha = required.apply("source_sha256").toLowerCase();
            String limitText = required.apply("claim_ratio_limit");
            BigDecimal claimRatioLimit = null;
            try {
                claimRatioLimit = limitText.isEmpty() ? null : new BigDecimal(limitText);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (!limitText.isEmpty() && (claimRatioLimit == null || claimRatioLimit.signum() <= 0)) {
                problems.add(PLAN + " 键 key claim_ratio_limit：应为 expected 正数 a positive number such as 1.5，实为 found "
                        + limitText);
            }
            int planYear = yearNumber(yearText, "year", problems);
            int baseYear = yearNumber(baseYearText, "base_year", problems);
            if (expectedYear != null && planYear != 0 && planYear != expectedYear) {
                problems.add(PLAN + " 键 key year：应为 expected " + expectedYear + "（文件夹所属年份 the folder's year），实为 found "
                        + planYear);
            }
            if (planYear != 0 && baseYear != 0 && baseYear >= planYear) {
                problems.add(PLAN + " 键 key base_year：应为 expected 早于 before " + planYear + "，实为 found " + baseYear);
            }
            if (!sha.isEmpty() && !sha.matches("[0-9a-f]{64}")) {
                problems.add(PLAN + " 键 key source_sha256：应为 expected 64 位十六进制 64 hex digits，实为 found " + sha);
            }
            if (year == null && planYear != 0) {
                year = planYear;
            }
            stopIf(problems);
            return new PlanInfo(planYear, baseYear, version, title, sourceFile, sha, claimRatioLimit);
        }

        private static int yearNumber(String text, String key, List<String> problems) {
            if (text.matches("\\d{4}")) {
                return Integer.parseInt(text);
            }
            if (!text.isEmpty()) {
                problems.add(PLAN + " 键 key " + key + "：应为 expected 四位年份 a year such as 2020，实为 found " + text);
            }
            return 0;
        }

        /** source.txt must be the very document plan.properties names: the provenance auditors rely on. */
        private void checkSource(PlanInfo plan) {
            String found;
            try (InputStream in = open(SOURCE)) {
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                found = HexFormat.of().formatHex(sha256.digest(in.readAllBytes()));
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new ReferenceDataException(heading() + "\n - " + SOURCE + " 无法读取 unreadable: " + e.getMessage(), e);
            }
            if (!found.equals(plan.sourceSha256())) {
                stopIf(List.of(SOURCE + " SHA-256：应为 expected " + plan.sourceSha256() + "（" + PLAN + " 中 "
                        + plan.sourceFile() + " 的摘要 its digest），实为 found " + found));
            }
        }

        /** The 13 cities in annex order, then the province as the last row. */
        private List<City> cities() {
            ReferenceTable t = table(CITIES);
            List<City> cities = new ArrayList<>();
            if (t.requireColumns(List.of("code", "name", "pinyin"))) {
                Map<String, Integer> seen = new HashMap<>();
                for (ReferenceTable.Row row : t.rows()) {
                    String code = t.cell(row, "code");
                    String name = t.text(row, "name");
                    String pinyin = t.text(row, "pinyin");
                    if (!code.matches("\\d{6}")) {
                        t.problem(row, "code", "六位行政区划代码 a six-digit GB/T 2260 code", code.isEmpty() ? "空 blank" : code);
                    }
                    for (String key : new String[] {code, name}) {
                        Integer first = key == null ? null : seen.putIfAbsent(key, row.line());
                        if (first != null) {
                            t.problem(row, key.equals(code) ? "code" : "name", "不重复 unique", key + "（与第" + first
                                    + "行重复 also on line " + first + "）");
                        }
                    }
                    cities.add(new City(code, name, pinyin));
                }
                long provinces = cities.stream().filter(City::isProvince).count();
                if (cities.isEmpty() || !cities.get(cities.size() - 1).isProvince() || provinces != 1) {
                    t.problem("最后一行 last row", "全省 " + City.PROVINCE_CODE + "（仅一行，放在最后 once, as the last row）",
                            provinces + " 行 rows with " + City.PROVINCE_CODE
                                    + (cities.isEmpty() ? "" : "，最后一行 last row " + cities.get(cities.size() - 1).code()));
                }
                if (cities.size() < 2) {
                    t.problem("数据行 data rows", "至少一个设区市 at least one city", cities.size() + " 行 rows");
                }
            }
            stopIf(t.problems());
            return cities;
        }

        /** The categories of annex 4 in its column order; {@code order} must count 1, 2, 3 … */
        private List<Category> categories() {
            ReferenceTable t = table(CATEGORIES);
            List<Category> categories = new ArrayList<>();
            if (t.requireColumns(List.of("order", "code", "name", "group"))) {
                Map<String, Integer> seen = new HashMap<>();
                for (ReferenceTable.Row row : t.rows()) {
                    int expectedOrder = categories.size() + 1;
                    String order = t.cell(row, "order");
                    if (!order.equals(String.valueOf(expectedOrder))) {
                        t.problem(row, "order", String.valueOf(expectedOrder), order.isEmpty() ? "空 blank" : order);
                    }
                    String code = t.cell(row, "code");
                    if (!code.matches("[A-Z][A-Z0-9_]*") || code.equals(Category.TOTAL)) {
                        t.problem(row, "code", "大写英文代码 an upper-case code such as VOC_SUBST, not TOTAL",
                                code.isEmpty() ? "空 blank" : code);
                    }
                    String name = t.text(row, "name");
                    String group = t.text(row, "group");
                    for (String key : new String[] {code, name}) {
                        Integer first = key == null ? null : seen.putIfAbsent(key, row.line());
                        if (first != null) {
                            t.problem(row, key.equals(code) ? "code" : "name", "不重复 unique", key + "（与第" + first
                                    + "行重复 also on line " + first + "）");
                        }
                    }
                    categories.add(new Category(code, name, group, expectedOrder));
                }
                if (categories.isEmpty()) {
                    t.problem("数据行 data rows", "至少一个类别 at least one category", "0 行 rows");
                }
            }
            stopIf(t.problems());
            return categories;
        }

        /**
         * The pollutants, in the order the outputs list them: each one's names, and the header of the project
         * list's column that claims a reduction of it. Which of them annex 2 sets targets for is read there.
         */
        private List<Pollutant> pollutants() {
            ReferenceTable t = table(POLLUTANTS);
            List<Pollutant> pollutants = new ArrayList<>();
            if (t.requireColumns(List.of("code", "label", "chinese_name", "written", "claim_key", "claim_column",
                    "claim_aliases"))) {
                Map<String, Integer> seen = new HashMap<>();
                for (ReferenceTable.Row row : t.rows()) {
                    String code = t.cell(row, "code");
                    if (!code.matches("[A-Z][A-Z0-9]*") || code.length() > 10) {
                        t.problem(row, "code", "大写英文代码 an upper-case code of at most 10 characters such as VOCS",
                                code.isEmpty() ? "空 blank" : code);
                    }
                    String key = t.cell(row, "claim_key");
                    if (!key.matches("[a-z][a-z0-9_]*")) {
                        t.problem(row, "claim_key", "小写英文键 a lower-case key such as voc_t", key.isEmpty() ? "空 blank" : key);
                    }
                    String label = t.text(row, "label");
                    String chineseName = t.text(row, "chinese_name");
                    String written = t.text(row, "written");
                    String claimColumn = t.text(row, "claim_column");
                    List<String> aliases = t.cell(row, "claim_aliases").isEmpty() ? List.of()
                            : List.of(t.cell(row, "claim_aliases").split("\\|"));
                    List<String> unique = new ArrayList<>(List.of(code, key));
                    if (claimColumn != null) {
                        unique.add(claimColumn);
                    }
                    unique.addAll(aliases);
                    for (String name : unique) {
                        Integer first = name.isEmpty() ? null : seen.putIfAbsent(name, row.line());
                        if (first != null) {
                            t.problem(row, "code", "名称不重复 names unique", name + "（与第" + first + "行重复 also on line "
                                    + first + "）");
                        }
                    }
                    pollutants.add(new Pollutant(code, label, chineseName, written, key, claimColumn,
                            aliases.stream().map(String::strip).toList(), false));
                }
                if (pollutants.isEmpty()) {
                    t.problem("数据行 data rows", "至少一种污染物 at least one pollutant", "0 行 rows");
                }
            }
            stopIf(t.problems());
            return pollutants;
        }

        private ReferenceTable table(String file) {
            try (InputStream in = open(file)) {
                return ReferenceTable.read(file, in);
            } catch (IOException | CsvException e) {
                throw new ReferenceDataException(heading() + "\n - " + file + " 无法读取 unreadable: " + e.getMessage(), e);
            }
        }

        private InputStream open(String file) {
            return folder.open(file).orElseThrow(() -> new ReferenceDataException("参考数据文件缺失（reference file "
                    + "missing）：" + yearText() + "，文件夹 folder " + folder.describe() + " 中没有 " + file
                    + "（" + file + " not found）"));
        }

        private void stopIf(List<String> problems) {
            if (!problems.isEmpty()) {
                throw new ReferenceDataException(heading(), problems, null);
            }
        }

        private String heading() {
            return "参考数据校验未通过（reference data check failed）：" + yearText() + "，文件夹 folder "
                    + folder.describe();
        }

        private String yearText() {
            return year == null ? "计划年份未知 plan year unknown" : year + " 年 plan year " + year;
        }
    }
}
