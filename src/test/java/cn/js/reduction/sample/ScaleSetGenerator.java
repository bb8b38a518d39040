package cn.js.reduction.sample;

import cn.js.reduction.sample.ProjectLayout.CityStyle;
import cn.js.reduction.sample.ProjectLayout.DateStyle;
import cn.js.reduction.sample.ProjectLayout.Quirk;
import cn.js.reduction.sample.SampleFile.Format;
import cn.js.reduction.sample.SampleProject.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Writes a national-scale submission set (issue 9): N synthetic cities (default 340), M project rows in all (default
 * 1,000,000) and an emission report per city, mostly .xlsx and some .csv, with a sprinkling of bad rows so that the
 * rules do real work; the reference data of a synthetic plan year 2020 that knows those cities; and the figures the
 * job must come to, computed here from what was written, not by the job's code.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.js.reduction.sample.ScaleSetGenerator OUT \
 *     [--cities 340] [--rows 1000000] [--seed 9]
 * java -jar target/reduction-accounting.jar run --year 2020 --reference OUT/reference --input OUT/input ...
 * </pre>
 * OUT/input/2020/ holds the submissions, OUT/reference/2020/ the plan year, OUT/expected/ the figures
 * ({@link ScaleFigures} compares a run's CSVs with them). Each city's rows are made, written and forgotten in turn,
 * so the generator's memory does not grow with M. Deterministic for a given seed.
 */
public final class ScaleSetGenerator {

    static final int YEAR = 2020;
    static final List<String> POLLUTANTS = SampleCity.POLLUTANTS;
    private static final LocalDate YEAR_END = LocalDate.of(YEAR, 12, 31);
    private static final String HAN_FIRST = "安宝北昌长成大东丰福广海和河华淮吉嘉江金";
    private static final String[] PINYIN_FIRST = {"An", "Bao", "Bei", "Chang", "Zhang", "Cheng", "Da", "Dong", "Feng",
        "Fu", "Guang", "Hai", "He", "Hei", "Hua", "Huai", "Ji", "Jia", "Jiang", "Jin"};
    private static final String HAN_SECOND = "康乐临隆宁平庆瑞山顺松泰通阳兴云州庄城桥";
    private static final String[] PINYIN_SECOND = {"kang", "le", "lin", "long", "ning", "ping", "qing", "rui", "shan",
        "shun", "song", "tai", "tong", "yang", "xing", "yun", "zhou", "zhuang", "cheng", "qiao"};

    /** The bad rows every project list gets, one per this many rows, each an extra row that does not count. */
    private static final int UNKNOWN_CATEGORY_EVERY = 401;
    private static final int BAD_DATE_EVERY = 503;
    private static final int NEGATIVE_EVERY = 601;
    private static final int NAME_MISSING_EVERY = 701;
    private static final int DUPLICATE_EVERY = 809;
    /** Warnings: the row still counts. */
    private static final int BAD_CREDIT_EVERY = 907;
    private static final int LATE_COMPLETION_EVERY = 997;

    private final Path out;
    private final int cityCount;
    private final long rows;
    private final long seed;
    private final boolean sharedStrings;
    private final Expected expected;

    private ScaleSetGenerator(Path out, int cityCount, long rows, long seed, boolean sharedStrings) {
        this.out = out;
        this.cityCount = cityCount;
        this.rows = rows;
        this.seed = seed;
        this.sharedStrings = sharedStrings;
        this.expected = new Expected();
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ScaleSetGenerator OUT [--cities N] [--rows M] [--seed S]");
            System.exit(2);
        }
        int cities = 340;
        long rows = 1_000_000;
        long seed = 9;
        boolean sharedStrings = true;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cities" -> cities = Integer.parseInt(args[i + 1]);
                case "--rows" -> rows = Long.parseLong(args[i + 1].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                case "--shared-strings" -> sharedStrings = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long start = System.nanoTime();
        Summary s = generate(Path.of(args[0]), cities, rows, seed, sharedStrings);
        System.out.printf("%d cities, %d project rows (%d counting), %d files, %d bytes, in %.1f s: %s%n", s.cities(),
                s.projectRows(), s.countingRows(), s.files(), s.bytes(), (System.nanoTime() - start) / 1e9,
                Path.of(args[0]).toAbsolutePath());
    }

    /** What was written. */
    public record Summary(int cities, long projectRows, long countingRows, int files, long bytes) {
    }

    /**
     * Writes the set into {@code out} (input/2020, reference/2020, expected), which must be empty or absent. With
     * {@code sharedStrings} the .xlsx files keep their text in a shared strings table, as Excel writes them (the
     * benchmark's sets); without, inline in the cells, several times faster to write (the memory guard test's).
     */
    public static Summary generate(Path out, int cities, long rows, long seed, boolean sharedStrings)
            throws IOException {
        if (cities < 1 || cities > HAN_FIRST.length() * HAN_SECOND.length() || rows < cities) {
            throw new IllegalArgumentException("1.." + HAN_FIRST.length() * HAN_SECOND.length()
                    + " cities and at least one row per city");
        }
        return new ScaleSetGenerator(out, cities, rows, seed, sharedStrings).run();
    }

    private Summary run() throws IOException {
        Path input = Files.createDirectories(out.resolve("input").resolve(String.valueOf(YEAR)));
        List<SampleCity> cities = new ArrayList<>();
        long written = 0;
        long counting = 0;
        long bytes = 0;
        int files = 0;
        // cities are independent (each its own random numbers): made and written on every core, merged in order
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<CityRows>> made = new ArrayList<>();
            for (int i = 0; i < cityCount; i++) {
                int index = i;
                long share = rows / cityCount + (i < rows % cityCount ? 1 : 0);
                made.add(pool.submit(() -> {
                    Random rng = new Random(seed * 1_000_003L + index);
                    SampleCity template = SampleCity.ALL.get(index % SampleCity.ALL.size());
                    CityRows city = cityRows(index, template, (int) share, rng);
                    long size = 0;
                    for (SampleFile file : city.files) {
                        size += Files.size(SampleFileWriter.write(file, input, sharedStrings));
                    }
                    return new CityRows(city.city, List.of(), city.counting, city.expected, size);
                }));
            }
            for (int i = 0; i < cityCount; i++) {
                CityRows city = made.get(i).get();
                cities.add(city.city);
                expected.merge(city.expected);
                bytes += city.bytes;
                files += 2;
                written += rows / cityCount + (i < rows % cityCount ? 1 : 0);
                counting += city.counting;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        writeReference(cities);
        expected.write(out.resolve("expected"), cities);
        return new Summary(cityCount, written, counting, files, bytes);
    }

    private record CityRows(SampleCity city, List<SampleFile> files, long counting, Expected expected, long bytes) {
    }

    /** One city: its projects (share data rows, bad ones included), its annex rows and its two files. */
    private CityRows cityRows(int index, SampleCity template, int share, Random rng) {
        Expected figures = new Expected();
        String code = String.format("%02d%02d00", 10 + index / 99, 1 + index % 99);
        String name = HAN_FIRST.charAt(index % HAN_FIRST.length()) + "" + HAN_SECOND.charAt(index / HAN_FIRST.length());
        String pinyin = PINYIN_FIRST[index % HAN_FIRST.length()] + PINYIN_SECOND[index / HAN_FIRST.length()];
        int bad = 0;
        for (int every : new int[]{UNKNOWN_CATEGORY_EVERY, BAD_DATE_EVERY, NEGATIVE_EVERY, NAME_MISSING_EVERY,
            DUPLICATE_EVERY}) {
            bad += badRows(share, every);
        }
        int good = share - bad;
        // categories in a random mix, as a city's works are; the plan is the submission give or take a few
        double[] weights = new double[SampleCategory.values().length];
        for (int c = 0; c < weights.length; c++) {
            weights[c] = rng.nextInt(4) == 0 ? 0 : rng.nextDouble();
        }
        weights[SampleCategory.BOILER.ordinal()] += 0.5;
        double sum = Arrays.stream(weights).sum();
        int[] counts = new int[weights.length];
        int assigned = 0;
        for (int c = 0; c < weights.length; c++) {
            counts[c] = (int) Math.floor(good * weights[c] / sum);
            assigned += counts[c];
        }
        counts[SampleCategory.BOILER.ordinal()] += good - assigned;
        int[] planned = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            int deviation = switch (rng.nextInt(6)) {
                case 0 -> -(1 + rng.nextInt(3));  // submitted more than planned: EXCESS (UNPLANNED when 0)
                case 1 -> 1 + rng.nextInt(3);     // SHORTFALL
                default -> 0;
            };
            planned[c] = Math.max(0, counts[c] + deviation);
        }
        BigDecimal[] targets = new BigDecimal[3];
        int[] base = new int[3];
        for (int p = 0; p < 3; p++) {
            targets[p] = template.targetPct()[p];
            base[p] = template.base2015()[p];
        }
        SampleCity city = new SampleCity(code, name, pinyin, template.districts(), planned, targets, base);

        ProjectFactory factory = new ProjectFactory(rng);
        List<Line<SampleProject>> lines = new ArrayList<>(share);
        int number = 0;
        for (SampleCategory category : SampleCategory.values()) {
            for (int i = 0; i < counts[category.ordinal()]; i++) {
                number++;
                SampleProject p = factory.project(template, category, number, 1.0).withCity(city)
                        .withId(String.format("CN-%s-%07d", code, number));
                if (number % every(share, LATE_COMPLETION_EVERY) == 0) {
                    p = p.withStatus(Status.COMPLETED, LocalDate.of(YEAR + 1, 3, 15));
                } else if (number % every(share, BAD_CREDIT_EVERY) == 0 && p.creditCode() != null) {
                    p = p.withCreditCode(CreditCode.withWrongCheck(p.creditCode()));
                }
                lines.add(Line.plain(p));
                figures.project(p);
            }
        }
        // the bad rows, spread through the file; each is a fresh project that must not count
        List<SampleCategory> all = List.of(SampleCategory.values());
        int extra = 0;
        for (int[] kind : new int[][]{{UNKNOWN_CATEGORY_EVERY, 0}, {BAD_DATE_EVERY, 1}, {NEGATIVE_EVERY, 2},
            {NAME_MISSING_EVERY, 3}, {DUPLICATE_EVERY, 4}}) {
            for (int k = 0; k < badRows(share, kind[0]); k++) {
                extra++;
                SampleProject p = factory.project(template, all.get(rng.nextInt(all.size())), number + extra, 1.0)
                        .withCity(city).withId(String.format("CN-%s-X%06d", code, extra));
                int at = Math.min(lines.size(), 1 + rng.nextInt(Math.max(1, lines.size())));
                Line<SampleProject> line = switch (kind[1]) {
                    case 0 -> Line.odd(p, "category", "其他综合整治", "UNKNOWN_CATEGORY");
                    case 1 -> Line.odd(p, "planned_completion", "2020-13-45", "BAD_DATE");
                    case 2 -> Line.odd(p, "voc_t", new BigDecimal("-3.5"), "NEGATIVE_NUMBER");
                    case 3 -> Line.odd(p, "project_name", null, "REQUIRED_MISSING");
                    default -> {
                        // a later row that repeats an earlier row's id: rejected as DUPLICATE_PROJECT_ID
                        Line<SampleProject> firstLine = lines.get(rng.nextInt(at));
                        while (!firstLine.overrides().isEmpty()) {
                            firstLine = lines.get(rng.nextInt(at));
                        }
                        SampleProject first = firstLine.record();
                        yield Line.odd(p.withId(first.id()), "project_id", first.id(), "DUPLICATE_PROJECT_ID");
                    }
                };
                lines.add(at, line);
            }
        }
        boolean csv = index % 7 == 3;
        ProjectLayout l = new ProjectLayout(code + "_projects" + (csv ? ".csv" : ".xlsx"),
                csv ? (index % 14 == 3 ? Format.CSV_GBK : Format.CSV_UTF8_BOM) : Format.XLSX);
        l.sheetName = "项目清单";
        l.columns = ProjectLayout.STANDARD;
        if (csv) {
            l.dateStyle = DateStyle.ISO;
        } else {
            l.title = name + "市" + YEAR + "年大气污染防治工程项目清单";
            l.cityStyle = index % 3 == 0 ? CityStyle.NAME : CityStyle.NAME_SHI;
            if (index % 5 == 1) {
                l.quirks.add(Quirk.TOTAL_ROW);
            }
            if (index % 4 == 2) {
                l.quirks.add(Quirk.NUMBERS_AS_TEXT);
            }
        }
        List<SampleFile> files = new ArrayList<>();
        List<SampleNote> notes = new ArrayList<>();
        List<Layout.FileEntry> entries = new ArrayList<>();
        files.add(l.render(lines, notes, entries));
        figures.file(l.fileName, lines.size() - extra, extra, l.quirks.contains(Quirk.TOTAL_ROW) ? 1 : 0);

        List<Line<SampleEmission>> emissionLines = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            BigDecimal b = BigDecimal.valueOf(Math.round(base[p] * (0.9 + 0.2 * rng.nextDouble()) / 10) * 10L);
            // mostly beyond the target, one pollutant in five short of it
            double margin = rng.nextInt(5) == 0 ? -(1.0 + 2.0 * rng.nextDouble()) : 0.8 + 4.2 * rng.nextDouble();
            BigDecimal pct = targets[p].add(BigDecimal.valueOf(margin).setScale(2, RoundingMode.HALF_UP));
            BigDecimal r = b.multiply(BigDecimal.ONE.subtract(pct.movePointLeft(2))).setScale(1, RoundingMode.HALF_UP);
            BigDecimal b1 = b.multiply(new BigDecimal("0.6")).setScale(1, RoundingMode.HALF_UP);
            BigDecimal r1 = r.multiply(new BigDecimal("0.6")).setScale(1, RoundingMode.HALF_UP);
            for (SampleEmission e : List.of(new SampleEmission(city, POLLUTANTS.get(p), "工业源", b1, r1, null),
                    new SampleEmission(city, POLLUTANTS.get(p), "移动源", b.subtract(b1), r.subtract(r1), null))) {
                emissionLines.add(Line.plain(e));
                figures.emission(e);
            }
        }
        EmissionLayout e = new EmissionLayout(code + "_emissions" + (csv ? ".csv" : ".xlsx"),
                csv ? Format.CSV_UTF8_BOM : Format.XLSX);
        e.sheetName = "排放量";
        files.add(e.render(emissionLines, notes, entries));
        figures.file(e.fileName, emissionLines.size(), 0, 0);
        return new CityRows(city, files, lines.size() - extra, figures, 0);
    }

    /** Bad rows of one kind in a city's list: one in {@code every}, and one at least in a list of 100 rows or more. */
    private static int badRows(int share, int every) {
        return Math.max(share / every, share >= 100 ? 1 : 0);
    }

    /** One row in {@code every}, or in half the list when the list is shorter: small sets get warnings too. */
    private static int every(int share, int every) {
        return Math.min(every, Math.max(50, share / 2));
    }

    // ---------------------------------------------------------------- the synthetic plan year

    private void writeReference(List<SampleCity> cities) throws IOException {
        Path folder = Files.createDirectories(out.resolve("reference").resolve(String.valueOf(YEAR)));
        String source = "合成计划年 " + YEAR + "（synthetic plan year for the national-scale benchmark）: " + cities.size()
                + " 个城市 cities, seed " + seed + ", " + rows + " rows.\n";
        Files.writeString(folder.resolve("source.txt"), source, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("plan.properties"), "# generated by ScaleSetGenerator\nyear=" + YEAR
                + "\nbase_year=2015\nclaim_ratio_limit=1.5\nversion=" + YEAR + ".scale-" + cities.size() + "-" + rows
                + "\ntitle=合成计划 " + cities.size() + " 城市\nsource_file=source.txt\nsource_sha256="
                + sha256(source.getBytes(StandardCharsets.UTF_8)) + "\n", StandardCharsets.UTF_8);
        // the plan's categories and pollutants, as shipped: the set's rows use them
        for (String shipped : List.of("categories.csv", "pollutants.csv")) {
            try (InputStream in = ScaleSetGenerator.class.getClassLoader().getResourceAsStream("reference/2020/" + shipped)) {
                Files.write(folder.resolve(shipped), in.readAllBytes());
            }
        }
        StringBuilder citiesCsv = new StringBuilder("code,name,pinyin\n");
        StringBuilder annex1 = new StringBuilder("city_code,city_name,pm25_binding,pm25_working,good_day_ratio_binding,"
                + "good_day_ratio_working\n");
        StringBuilder annex2 = new StringBuilder("city_code,city_name,VOCS,SO2,NOX\n");
        StringBuilder annex3 = new StringBuilder("city_code,city_name,pm25_decline_pct,heavy_pollution_days\n");
        StringBuilder annex4 = new StringBuilder("city_code,city_name");
        for (SampleCategory c : SampleCategory.values()) {
            annex4.append(',').append(c.name());
        }
        annex4.append(",TOTAL\n");
        int[] provincePlanned = new int[SampleCategory.values().length];
        for (SampleCity c : cities) {
            citiesCsv.append(c.code()).append(',').append(c.name()).append(',').append(c.pinyin()).append('\n');
            annex1.append(c.code()).append(',').append(c.name()).append(",40,39,72,73\n");
            annex2.append(c.code()).append(',').append(c.name());
            for (BigDecimal t : c.targetPct()) {
                annex2.append(',').append(t.toPlainString());
            }
            annex2.append('\n');
            annex3.append(c.code()).append(',').append(c.name()).append(",3.0,持续改善\n");
            annex4.append(c.code()).append(',').append(c.name());
            int total = 0;
            for (int k = 0; k < provincePlanned.length; k++) {
                annex4.append(',').append(c.planned()[k]);
                provincePlanned[k] += c.planned()[k];
                total += c.planned()[k];
            }
            annex4.append(',').append(total).append('\n');
        }
        citiesCsv.append("320000,全省,Quansheng\n");
        annex1.append("320000,全省,40,39,72,73\n");
        annex2.append("320000,全省,25.0,25.0,22.0\n");
        annex4.append("320000,全省");
        for (int n : provincePlanned) {
            annex4.append(',').append(n);
        }
        annex4.append(',').append(Arrays.stream(provincePlanned).sum()).append('\n');
        Files.writeString(folder.resolve("cities.csv"), citiesCsv, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("annex1_air_quality_targets.csv"), annex1, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("annex2_reduction_targets.csv"), annex2, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("annex3_autumn_winter_targets.csv"), annex3, StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("annex4_project_plan.csv"), annex4, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- the expected figures

    /** The figures the written rows must give, accumulated city by city (SPEC section 5), kept as plain counts. */
    private static final class Expected {
        private final StringBuilder files = new StringBuilder("file,accepted,rejected,ignored\n");
        private final java.util.Map<String, long[]> counts = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, BigDecimal[]> tonnes = new java.util.LinkedHashMap<>();

        /** Adds a city's figures (made on another thread) to these. */
        void merge(Expected city) {
            files.append(city.files, "file,accepted,rejected,ignored\n".length(), city.files.length());
            counts.putAll(city.counts);
            tonnes.putAll(city.tonnes);
        }

        void project(SampleProject p) {
            int column = p.status() == Status.COMPLETED && p.actual() != null && !p.actual().isAfter(YEAR_END) ? 1
                    : p.status() == Status.NOT_STARTED ? 3 : 2;
            for (String key : List.of(p.city().code() + "|" + p.category().name(), p.city().code() + "|TOTAL")) {
                long[] c = counts.computeIfAbsent(key, k -> new long[4]);
                c[0]++;
                c[column]++;
            }
            if (column == 1) {
                for (int i = 0; i < 3; i++) {
                    add(p.city().code() + "|" + POLLUTANTS.get(i), 2, p.tonnes(POLLUTANTS.get(i)));
                }
            }
        }

        void emission(SampleEmission e) {
            add(e.city().code() + "|" + e.pollutant(), 0, e.base());
            add(e.city().code() + "|" + e.pollutant(), 1, e.reporting());
        }

        private void add(String key, int index, BigDecimal value) {
            BigDecimal[] t = tonnes.computeIfAbsent(key, k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO});
            if (value != null) {
                t[index] = t[index].add(value);
            }
        }

        void file(String name, int accepted, int rejected, int ignored) {
            files.append(name).append(',').append(accepted).append(',').append(rejected).append(',').append(ignored)
                    .append('\n');
        }

        void write(Path folder, List<SampleCity> cities) {
            try {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("files.csv"), files, StandardCharsets.UTF_8);
                StringBuilder projects = new StringBuilder(
                        "city_code,category_code,planned,submitted,completed,in_progress,not_started\n");
                long[][] province = new long[SampleCategory.values().length + 1][5];
                for (SampleCity city : cities) {
                    int total = 0;
                    for (SampleCategory c : SampleCategory.values()) {
                        total += city.planned(c);
                        row(projects, city.code(), c.name(), city.planned(c), counts.get(city.code() + "|" + c.name()),
                                province[c.ordinal()]);
                    }
                    row(projects, city.code(), "TOTAL", total, counts.get(city.code() + "|TOTAL"),
                            province[province.length - 1]);
                }
                for (SampleCategory c : SampleCategory.values()) {
                    long[] p = province[c.ordinal()];
                    projects.append("320000,").append(c.name()).append(',').append(p[4]).append(',').append(p[0])
                            .append(',').append(p[1]).append(',').append(p[2]).append(',').append(p[3]).append('\n');
                }
                long[] p = province[province.length - 1];
                projects.append("320000,TOTAL,").append(p[4]).append(',').append(p[0]).append(',').append(p[1])
                        .append(',').append(p[2]).append(',').append(p[3]).append('\n');
                Files.writeString(folder.resolve("projects_by_city_category.csv"), projects, StandardCharsets.UTF_8);

                StringBuilder reductions = new StringBuilder("city_code,pollutant,base_t,reporting_t,claimed_t\n");
                BigDecimal[][] sums = new BigDecimal[3][];
                for (SampleCity city : cities) {
                    for (int i = 0; i < 3; i++) {
                        BigDecimal[] t = tonnes.get(city.code() + "|" + POLLUTANTS.get(i));
                        reductions.append(city.code()).append(',').append(POLLUTANTS.get(i));
                        for (int k = 0; k < 3; k++) {
                            reductions.append(',').append(t[k].stripTrailingZeros().toPlainString());
                        }
                        reductions.append('\n');
                        if (sums[i] == null) {
                            sums[i] = new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                        }
                        for (int k = 0; k < 3; k++) {
                            sums[i][k] = sums[i][k].add(t[k]);
                        }
                    }
                }
                for (int i = 0; i < 3; i++) {
                    reductions.append("320000,").append(POLLUTANTS.get(i));
                    for (int k = 0; k < 3; k++) {
                        reductions.append(',').append(sums[i][k].stripTrailingZeros().toPlainString());
                    }
                    reductions.append('\n');
                }
                Files.writeString(folder.resolve("reductions_by_city_pollutant.csv"), reductions,
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void row(StringBuilder out, String city, String category, int planned, long[] c,
                                long[] province) {
            long[] n = c == null ? new long[4] : c;
            out.append(city).append(',').append(category).append(',').append(planned);
            for (long v : n) {
                out.append(',').append(v);
            }
            out.append('\n');
            for (int i = 0; i < 4; i++) {
                province[i] += n[i];
            }
            province[4] += planned;
        }
    }
}
