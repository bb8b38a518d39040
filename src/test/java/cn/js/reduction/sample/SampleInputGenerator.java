package cn.js.reduction.sample;

import cn.js.reduction.sample.EmissionLayout.PollutantStyle;
import cn.js.reduction.sample.ProjectLayout.CategoryStyle;
import cn.js.reduction.sample.ProjectLayout.CityStyle;
import cn.js.reduction.sample.ProjectLayout.DateStyle;
import cn.js.reduction.sample.ProjectLayout.Quirk;
import cn.js.reduction.sample.ProjectLayout.StatusStyle;
import cn.js.reduction.sample.SampleFile.Format;
import cn.js.reduction.sample.SampleProject.Status;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the bundled sample submission set {@code input/2020/}: a project list and an emission report for
 * each of the 13 cities, laid out the many ways cities really send them, with a handful of deliberate mistakes
 * (see SAMPLE.md beside this class). Deterministic: one fixed seed, fixed file times.
 *
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; rm -rf input/2020 &amp;&amp;
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.js.reduction.sample.SampleInputGenerator input/2020 \
 *     src/test/java/cn/js/reduction/sample/SAMPLE.md
 * </pre>
 * It rewrites the tables of SAMPLE.md (and prints them). It writes into the folder without emptying it, hence
 * the rm.
 */
public final class SampleInputGenerator {

    static final long SEED = 20200101L;

    /** SAMPLE.md's text above this line is written by hand, the tables below it by {@link #main}. */
    static final String TABLES_MARKER = "<!-- The tables below are written by SampleInputGenerator. -->";

    /** Annex 4 cells the sample deliberately misses, by city and category: + excess, − shortfall. */
    static final Map<String, Integer> COUNT_DEVIATIONS = new LinkedHashMap<>();

    static {
        COUNT_DEVIATIONS.put("南京|VOC_FUGITIVE", -3);
        COUNT_DEVIATIONS.put("无锡|KILN", +3);
        COUNT_DEVIATIONS.put("苏州|ROLLING", +2); // planned 0: UNPLANNED
        COUNT_DEVIATIONS.put("南通|VOC_UPGRADE", +2);
        COUNT_DEVIATIONS.put("淮安|DUST_SITE", -8);
        COUNT_DEVIATIONS.put("盐城|KILN", -2);
        COUNT_DEVIATIONS.put("扬州|BOILER", +3);
        COUNT_DEVIATIONS.put("宿迁|CATERING", -2);
    }

    /** Cities that miss one annex 2 target, and which. */
    static final Map<String, String> TARGET_MISSES = Map.of("徐州", "NOX", "镇江", "VOCS", "连云港", "SO2");

    /** The city whose completed projects claim far more VOC reduction than its emissions show. */
    static final String OVERCLAIMING_CITY = "宿迁";
    private static final double OVERCLAIM_FACTOR = 6.0;

    private final Random rng = new Random(SEED);
    private final ProjectFactory factory = new ProjectFactory(rng);
    private final List<SampleNote> notes = new ArrayList<>();
    private final List<Layout.FileEntry> entries = new ArrayList<>();
    private final List<SampleFile> files = new ArrayList<>();
    /** The rows that should be accepted (warnings included), per city, from the current files. */
    private final Map<SampleCity, List<SampleProject>> accepted = new LinkedHashMap<>();
    private final Map<SampleCity, List<SampleEmission>> emissions = new LinkedHashMap<>();

    /**
     * Arguments: the output folder (default input/2020) and, optionally, the SAMPLE.md whose tables are to be
     * replaced by the new ones (everything after {@link #TABLES_MARKER}).
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "input/2020");
        Result result = generate(folder);
        if (args.length > 1) {
            Path sampleMd = Path.of(args[1]);
            String text = Files.readString(sampleMd);
            int tables = text.indexOf(TABLES_MARKER);
            String kept = tables < 0 ? text + "\n" + TABLES_MARKER : text.substring(0, tables + TABLES_MARKER.length());
            Files.writeString(sampleMd, kept + "\n\n" + result.markdown());
        }
        System.out.println(result.markdown());
        System.out.printf("%d files, %d project rows (%d in current files), written to %s%n",
                result.files().size(), result.projectRowsWritten(), result.acceptedProjectCount(),
                folder.toAbsolutePath());
    }

    /** Writes the sample into folder (created if need be) and says what it holds. */
    public static Result generate(Path folder) throws IOException {
        return new SampleInputGenerator().run(folder);
    }

    private Result run(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<SampleCity, List<SampleProject>> projects = new LinkedHashMap<>();
        for (SampleCity city : SampleCity.ALL) {
            int[] counts = city.planned().clone();
            for (SampleCategory category : SampleCategory.values()) {
                counts[category.ordinal()] += COUNT_DEVIATIONS.getOrDefault(city.name() + "|" + category.name(), 0);
            }
            double vocFactor = city.name().equals(OVERCLAIMING_CITY) ? OVERCLAIM_FACTOR : 1.0;
            projects.put(city, factory.projects(city, counts, vocFactor));
        }
        for (SampleCity city : SampleCity.ALL) {
            emissions.put(city, emissionRows(city));
        }
        projectFiles(projects);
        emissionFiles();
        checkStory();
        List<Path> written = new ArrayList<>();
        for (SampleFile file : files) {
            written.add(SampleFileWriter.write(file, folder));
        }
        return new Result(written, List.copyOf(notes), List.copyOf(entries), accepted, emissions);
    }

    // ---------------------------------------------------------------- project lists

    private void projectFiles(Map<SampleCity, List<SampleProject>> projects) {
        SampleCity nj = SampleCity.byName("南京");
        List<Line<SampleProject>> njLines = lines(nj, projects.get(nj));
        ProjectLayout l = new ProjectLayout("南京市2020年大气污染防治工程项目清单.xlsx", Format.XLSX);
        l.sheetName = "项目清单";
        l.title = "南京市2020年大气污染防治工程项目清单";
        l.subtitle = "填报单位：南京市生态环境局　　　　　　填报日期：2020年12月28日";
        l.blankAfterTitle = true;
        l.quirks.add(Quirk.TOTAL_ROW);
        l.quirks.add(Quirk.INVESTMENT_FORMULA_ONCE);
        l.description = "merged title + subtitle, blank row; 序号 column; city 南京市; Excel dates; formula cell; 合计 row";
        add(l, njLines);

        projectFilesWuxi(projects.get(SampleCity.byName("无锡")));

        SampleCity xz = SampleCity.byName("徐州");
        List<Line<SampleProject>> xzLines = lines(xz, projects.get(xz));
        SampleProject xzExtra = factory.project(xz, SampleCategory.VOC_UPGRADE, projects.get(xz).size() + 1, 1);
        xzLines.add(37, Line.odd(xzExtra, "responsible_unit", null,
                "REQUIRED_MISSING (ERROR): 责任单位 blank; extra row, not counted"));
        l = new ProjectLayout("徐州市项目清单.xls", Format.XLS);
        l.sheetName = "徐州";
        l.title = "徐州市2020年大气污染防治工程项目清单";
        l.blankAfterTitle = true;
        l.columns = List.of("project_id", "city", "district", "project_name", "responsible_unit", "category",
                "status", "planned_completion", "actual_completion", "investment", "voc_t", "so2_t", "nox_t", "pm_t",
                "remarks");
        l.dateFormat = "yyyy\"年\"m\"月\"d\"日\"";
        l.description = "HSSF; title, blank row; no 统一社会信用代码 column (optional); dates as Excel dates shown 2020年6月30日";
        add(l, xzLines);

        SampleCity cz = SampleCity.byName("常州");
        List<SampleProject> czProjects = new ArrayList<>(projects.get(cz));
        int czLate = nth(czProjects, p -> p.status() == Status.COMPLETED, 12);
        czProjects.set(czLate, czProjects.get(czLate).withStatus(Status.COMPLETED, LocalDate.of(2021, 1, 15)));
        List<Line<SampleProject>> czLines = lines(cz, czProjects);
        czLines.set(czLate, Line.noted(czProjects.get(czLate), "actual_completion",
                "COMPLETION_AFTER_YEAR_END (WARNING): 已完成 on 2021/1/15; accepted, counted as in progress"));
        l = new ProjectLayout("changzhou_xiangmu_qingdan.csv", Format.CSV_UTF8_BOM);
        l.sheetName = "changzhou_xiangmu_qingdan";
        l.title = "常州市2020年大气污染防治工程项目清单";
        l.columns = STANDARD_WITHOUT_SEQ;
        l.dateStyle = DateStyle.SLASH;
        l.quirks.add(Quirk.THOUSANDS_TEXT);
        l.description = "CSV UTF-8 with BOM, exported with its title row; dates 2020/6/30; investments like \"1,234.50\"";
        add(l, czLines);

        SampleCity sz = SampleCity.byName("苏州");
        List<SampleProject> szProjects = new ArrayList<>(projects.get(sz));
        int szBad = nth(szProjects, p -> p.creditCode() != null, 30);
        szProjects.set(szBad, szProjects.get(szBad).withCreditCode(
                CreditCode.withWrongCheck(szProjects.get(szBad).creditCode())));
        List<Line<SampleProject>> szLines = lines(sz, szProjects);
        szLines.set(szBad, Line.noted(szProjects.get(szBad), "credit_code",
                "BAD_CREDIT_CODE (WARNING): wrong check character; row accepted"));
        szLines.set(0, Line.noted(szProjects.get(0), "category",
                "UNPLANNED_CATEGORY: 苏州 滚动实施项目, annex 4 plans none (2 rows)"));
        l = new ProjectLayout("苏州市大气污染防治工程项目汇总表.xlsx", Format.XLSX);
        l.sheetName = "汇总表";
        l.title = "苏州市2020年大气污染防治工程项目汇总表";
        l.columns = List.of("seq", "city", "district", "category", "project_id", "project_name", "responsible_unit",
                "credit_code", "contact", "phone", "investment", "status", "planned_completion", "actual_completion",
                "voc_t", "so2_t", "nox_t", "pm_t", "remarks");
        l.cityStyle = CityStyle.CODE_NUMBER;
        l.quirks.add(Quirk.THOUSANDS_TEXT);
        l.description = "columns reordered; extra 联系人, 联系电话; city as number 320500; investments ≥ 1,000 as text \"1,234.50\"";
        add(l, szLines);

        SampleCity nt = SampleCity.byName("南通");
        List<Line<SampleProject>> ntLines = lines(nt, projects.get(nt));
        SampleProject ntExtra = factory.project(nt, SampleCategory.INDUSTRY, projects.get(nt).size() + 1, 1);
        ntLines.add(120, Line.odd(ntExtra, "category", "秸秆综合利用项目",
                "UNKNOWN_CATEGORY (ERROR): 秸秆综合利用项目; extra row"));
        l = new ProjectLayout("nantong_2020_projects.xlsx", Format.XLSX);
        l.sheetName = "项目清单";
        l.title = "南通市2020年大气污染防治工程项目清单";
        l.blankAfterTitle = true;
        l.labels.put("district", "县(市、区)");
        l.labels.put("project_name", "项目 名称");
        l.labels.put("investment", "总投资(万元)");
        l.labels.put("planned_completion", "计划完成\n时间");
        l.labels.put("actual_completion", "实际完成\n时间");
        l.labels.put("voc_t", "VOCs减排量(吨/年)");
        l.categoryStyle = CategoryStyle.NO_SUFFIX;
        l.dateStyle = DateStyle.CHINESE;
        l.quirks.add(Quirk.NUMBERS_AS_TEXT);
        l.description = "headers with half-width brackets, spaces and line breaks; categories without 项目; dates as text "
                + "2020年6月 (planned) and 2020年6月30日 (actual); every 7th row's reductions stored as text";
        add(l, ntLines);

        SampleCity lyg = SampleCity.byName("连云港");
        List<Line<SampleProject>> lygLines = lines(lyg, projects.get(lyg));
        SampleProject lygExtra = factory.project(lyg, SampleCategory.DUST_SITE, projects.get(lyg).size() + 1, 1);
        lygLines.add(200, Line.odd(lygExtra, "status", "已验收", "UNKNOWN_STATUS (ERROR): 已验收; extra row"));
        l = new ProjectLayout("连云港市2020年大气治理项目.xlsx", Format.XLSX);
        l.sheetName = "项目表";
        l.title = "连云港市2020年大气污染防治工程项目清单";
        l.twoRowHeader();
        l.categoryStyle = CategoryStyle.FULL_WIDTH_BRACKETS;
        l.quirks.add(Quirk.FULL_WIDTH_ONCE);
        l.description = "two-row header (减排量（吨/年） over VOCs|二氧化硫|氮氧化物|颗粒物); 移动源（船舶）… with full-width "
                + "brackets; one full-width number";
        add(l, lygLines);

        SampleCity ha = SampleCity.byName("淮安");
        List<Line<SampleProject>> haLines = lines(ha, projects.get(ha));
        SampleProject haExtra = factory.project(ha, SampleCategory.DUST_SITE, projects.get(ha).size() + 1, 1);
        haLines.add(250, Line.odd(haExtra, "planned_completion", "待定",
                "BAD_DATE (ERROR): 计划完成时间 待定; extra row"));
        l = new ProjectLayout("huaian_projects.xlsx", Format.XLSX);
        l.sheetName = "淮安市";
        l.columns = STANDARD_WITHOUT_SEQ;
        l.cityStyle = CityStyle.CODE_TEXT;
        l.quirks.add(Quirk.TOTAL_ROW);
        l.description = "header on row 1; city as text 320800; 合计 row (first filled cell, in the 项目编号 column)";
        add(l, haLines);

        SampleCity yc = SampleCity.byName("盐城");
        List<Line<SampleProject>> ycLines = lines(yc, projects.get(yc));
        SampleProject ycExtra = factory.project(yc, SampleCategory.VOC_UPGRADE, projects.get(yc).size() + 1, 1);
        ycLines.add(100, Line.odd(ycExtra, "voc_t", new BigDecimal("-3.5"),
                "NEGATIVE_NUMBER (ERROR): VOCs减排量 −3.5; extra row"));
        l = new ProjectLayout("盐城市项目清单（2020）.xlsx", Format.XLSX);
        l.sheetName = "盐城";
        l.title = "盐城市2020年大气污染防治工程项目清单";
        l.columns = List.of("project_id", "project_name", "category", "city", "district", "responsible_unit",
                "credit_code", "status", "planned_completion", "actual_completion", "so2_t", "nox_t", "voc_t", "pm_t",
                "investment", "remarks");
        l.statusStyle = StatusStyle.BUILT;
        l.dateFormat = "yyyy/m/d";
        l.description = "columns reordered (SO2, NOx before VOCs; investment late); statuses 已建成/实施中/未启动";
        add(l, ycLines);

        SampleCity yz = SampleCity.byName("扬州");
        List<Line<SampleProject>> yzLines = lines(yz, projects.get(yz));
        SampleProject yzExtra = factory.project(yz, SampleCategory.BOILER, projects.get(yz).size() + 1, 1)
                .withStatus(Status.COMPLETED, null);
        yzLines.add(64, Line.noted(yzExtra, "actual_completion",
                "COMPLETED_WITHOUT_DATE (ERROR): 已完成, 实际完成时间 blank; extra row"));
        l = new ProjectLayout("yangzhou.xlsx", Format.XLSX);
        l.sheetName = "项目清单";
        l.instructions = List.of("2020年大气污染防治工程项目清单填报说明",
                "1. 项目编号按“JS-城市代码-2020-四位序号”填写，如JS-321000-2020-0001；",
                "2. 项目类别按《2020年大气污染防治工程项目汇总表》（附件4）所列18类填写；",
                "3. 进展状态填写已完成、在建或未开工，已完成项目须填写实际完成时间；",
                "4. 减排量单位为吨/年，无减排量的留空；",
                "5. 请于2021年1月10日前报送市生态环境局。");
        l.title = "扬州市2020年大气污染防治工程项目清单";
        l.twoRowHeader();
        l.description = "first sheet 填报说明 has no header (the second sheet is read); two-row header";
        add(l, yzLines);

        SampleCity zj = SampleCity.byName("镇江");
        List<Line<SampleProject>> zjLines = lines(zj, projects.get(zj));
        SampleProject shared = projects.get(nj).stream()
                .filter(p -> p.category() == SampleCategory.MOBILE_SHIP_RS).findFirst().orElseThrow();
        zjLines.add(zjLines.size() - 1, new Line<>(shared.withCity(zj).withRemarks("与南京市共同实施（宁镇跨界）"),
                Map.of("district", zj.districts().get(2)), "project_id",
                "DUPLICATE_PROJECT_ID (ERROR): " + shared.id() + " is also in 南京市2020年大气污染防治工程项目清单.xlsx, "
                        + "which sorts first and keeps it; extra row"));
        l = new ProjectLayout("镇江市2020年大气污染防治项目清单.xlsx", Format.XLSX);
        l.sheetName = "项目清单";
        l.title = "镇江市2020年大气污染防治工程项目清单";
        l.blankAfterTitle = true;
        l.dateFormat = "yyyy-m-d";
        l.description = "title, blank row; a project id already used by 南京";
        add(l, zjLines);

        SampleCity tz = SampleCity.byName("泰州");
        List<SampleProject> tzProjects = new ArrayList<>(projects.get(tz));
        int tzEarly = nth(tzProjects, p -> p.status() == Status.IN_PROGRESS, 3);
        tzProjects.set(tzEarly, tzProjects.get(tzEarly).withStatus(Status.IN_PROGRESS, LocalDate.of(2020, 11, 30)));
        List<Line<SampleProject>> tzLines = lines(tz, tzProjects);
        tzLines.set(tzEarly, Line.noted(tzProjects.get(tzEarly), "actual_completion",
                "ACTUAL_DATE_NOT_COMPLETED (WARNING): 在建 (进行中) with an actual completion date; accepted"));
        l = new ProjectLayout("taizhou_projects.csv", Format.CSV_GBK);
        l.sheetName = "taizhou_projects";
        l.columns = STANDARD_WITHOUT_SEQ;
        l.dateStyle = DateStyle.MIXED_TEXT;
        l.statusStyle = StatusStyle.DONE;
        l.description = "CSV in GBK, header on row 1; dates as 2020-06-30, 20200630 and 2020.6.30; statuses 完成/进行中/未开工";
        add(l, tzLines);

        SampleCity sq = SampleCity.byName("宿迁");
        List<Line<SampleProject>> sqLines = lines(sq, projects.get(sq));
        SampleProject sqExtra = factory.project(sq, SampleCategory.VOC_FUGITIVE, projects.get(sq).size() + 1, 1);
        sqLines.add(150, Line.odd(sqExtra, "voc_t", "约12", "BAD_NUMBER (ERROR): VOCs减排量 约12; extra row"));
        l = new ProjectLayout("宿迁市项目清单.xlsx", Format.XLSX);
        l.sheetName = "Sheet1";
        l.title = "宿迁市2020年大气污染防治工程项目清单";
        l.cityStyle = CityStyle.NAME;
        l.description = "city as 宿迁; VOC reductions claimed about 6× what comparable projects elsewhere claim";
        add(l, sqLines);
    }

    private static final List<String> STANDARD_WITHOUT_SEQ = ProjectLayout.STANDARD.subList(1,
            ProjectLayout.STANDARD.size());

    /** 无锡 sent its list on 15 Dec and again, corrected, on 10 Jan: only the newer counts. */
    private void projectFilesWuxi(List<SampleProject> projects) {
        SampleCity wx = SampleCity.byName("无锡");
        ProjectLayout newer = wuxiLayout("wuxi_projects_20210110.xlsx", "2021年1月10日");
        newer.description = "resubmission (newest, counts); two-row header; dates shown 2020/6/30";
        List<Line<SampleProject>> newLines = lines(wx, projects);

        // the older file: two projects not yet listed, three not yet finished, one category mistyped
        List<Line<SampleProject>> oldLines = new ArrayList<>();
        int lastUpgrade = -1;
        for (int i = 0; i < projects.size(); i++) {
            if (projects.get(i).category() == SampleCategory.VOC_UPGRADE) {
                lastUpgrade = i;
            }
        }
        int changed = 0;
        boolean typo = false;
        for (int i = 0; i < projects.size(); i++) {
            SampleProject p = projects.get(i);
            if (i == lastUpgrade || i == lastUpgrade - 1) {
                continue;
            }
            if (changed < 3 && p.status() == Status.COMPLETED && p.actual().getMonthValue() == 12) {
                oldLines.add(Line.noted(p.withStatus(Status.IN_PROGRESS, null), "status",
                        "superseded: 在建 here, 已完成 in the 20210110 resubmission"));
                changed++;
            } else if (!typo && p.category() == SampleCategory.VOC_FUGITIVE) {
                oldLines.add(Line.odd(p, "category", "VOCs治理",
                        "superseded: category VOCs治理 (unknown) corrected in the resubmission; ignored, not rejected"));
                typo = true;
            } else {
                oldLines.add(Line.plain(p));
            }
        }
        ProjectLayout older = wuxiLayout("wuxi_projects_20201215.xlsx", "2020年12月15日");
        older.description = "superseded by wuxi_projects_20210110.xlsx (_YYYYMMDD suffix): all its 无锡 rows ignored";
        add(older, oldLines);
        notes.add(new SampleNote(older.fileName, older.sheetName, 1, "",
                "SUPERSEDED_FILE (INFO): lacks " + projects.get(lastUpgrade - 1).id() + " and "
                        + projects.get(lastUpgrade).id() + ", which the resubmission adds"));
        add(newer, newLines);
    }

    private static ProjectLayout wuxiLayout(String fileName, String date) {
        ProjectLayout l = new ProjectLayout(fileName, Format.XLSX);
        l.title = "无锡市2020年大气污染防治工程项目清单";
        l.subtitle = "填报单位（盖章）：无锡市生态环境局　　　　　　填报日期：" + date;
        l.twoRowHeader();
        l.cityStyle = CityStyle.NAME;
        l.dateFormat = "yyyy/m/d";
        return l;
    }

    /** Lines for the city's projects; the ones that count are remembered (a later add for the same city wins). */
    private List<Line<SampleProject>> lines(SampleCity city, List<SampleProject> projects) {
        accepted.put(city, List.copyOf(projects));
        List<Line<SampleProject>> lines = new ArrayList<>();
        projects.forEach(p -> lines.add(Line.plain(p)));
        return lines;
    }

    private void add(Layout<?> layout, List<? extends Line<?>> lines) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        SampleFile file = ((Layout) layout).render(lines, notes, entries);
        files.add(file);
    }

    private static int nth(List<SampleProject> projects, java.util.function.Predicate<SampleProject> test, int n) {
        int seen = 0;
        for (int i = 0; i < projects.size(); i++) {
            if (test.test(projects.get(i)) && ++seen == n) {
                return i;
            }
        }
        throw new IllegalStateException("fewer than " + n + " matching projects");
    }

    // ---------------------------------------------------------------- emission reports

    /** 2-3 rows per pollutant by sector; 2020 below 2015 by the annex 2 target plus a margin, or short of it. */
    private List<SampleEmission> emissionRows(SampleCity city) {
        List<SampleEmission> rows = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            String pollutant = SampleCity.POLLUTANTS.get(p);
            BigDecimal base = BigDecimal.valueOf(Math.round(city.base2015()[p] * (0.97 + 0.06 * rng.nextDouble()) / 10)
                    * 10L);
            double margin = pollutant.equals(TARGET_MISSES.get(city.name())) ? -(1.0 + 2.0 * rng.nextDouble())
                    : 0.8 + 4.2 * rng.nextDouble();
            BigDecimal pct = city.targetPct()[p].add(BigDecimal.valueOf(margin));
            BigDecimal reporting = base.multiply(BigDecimal.ONE.subtract(pct.movePointLeft(2)))
                    .setScale(1, RoundingMode.HALF_UP);
            String[] sectors;
            double[] baseShare;
            double[] reportShare;
            boolean three = rng.nextBoolean();
            switch (pollutant) {
                case "VOCS" -> {
                    sectors = new String[]{"工业源", "移动源", "生活源"};
                    baseShare = new double[]{.68, .17, .15};
                    reportShare = new double[]{.64, .19, .17};
                }
                case "SO2" -> {
                    sectors = three ? new String[]{"工业源", "生活源", "移动源"} : new String[]{"工业源", "生活源"};
                    baseShare = three ? new double[]{.88, .10, .02} : new double[]{.90, .10};
                    reportShare = three ? new double[]{.86, .11, .03} : new double[]{.89, .11};
                }
                default -> {
                    sectors = three ? new String[]{"工业源", "移动源", "生活源"} : new String[]{"工业源", "移动源"};
                    baseShare = three ? new double[]{.58, .38, .04} : new double[]{.62, .38};
                    reportShare = three ? new double[]{.52, .44, .04} : new double[]{.56, .44};
                }
            }
            BigDecimal[] b = split(base, baseShare);
            BigDecimal[] r = split(reporting, reportShare);
            for (int s = 0; s < sectors.length; s++) {
                String remarks = sectors[s].equals("移动源") && rng.nextInt(3) == 0 ? "含非道路移动机械"
                        : sectors[s].equals("生活源") && rng.nextInt(4) == 0 ? "含餐饮油烟、民用燃料" : null;
                rows.add(new SampleEmission(city, pollutant, sectors[s], b[s], r[s], remarks));
            }
        }
        return rows;
    }

    private static BigDecimal[] split(BigDecimal total, double[] shares) {
        BigDecimal[] parts = new BigDecimal[shares.length];
        BigDecimal rest = total;
        for (int i = 0; i < shares.length - 1; i++) {
            parts[i] = total.multiply(BigDecimal.valueOf(shares[i])).setScale(1, RoundingMode.HALF_UP);
            rest = rest.subtract(parts[i]);
        }
        parts[shares.length - 1] = rest.setScale(1, RoundingMode.HALF_UP);
        return parts;
    }

    private void emissionFiles() {
        EmissionLayout l = new EmissionLayout("南京市2015-2020年大气污染物排放量报表.xlsx", Format.XLSX);
        l.sheetName = "排放量";
        l.title = "南京市主要大气污染物排放量报表（2015年、2020年）";
        l.blankAfterTitle = true;
        l.description = "title, blank row; 序号; city 南京市; Chinese pollutant names";
        addEmissions(l, "南京");

        l = new EmissionLayout("wuxi_emissions.xlsx", Format.XLSX);
        l.columns = List.of("city", "pollutant", "sector", "base_t", "reporting_t", "remarks");
        l.cityStyle = CityStyle.NAME;
        l.pollutantStyle = PollutantStyle.ENGLISH;
        l.description = "header on row 1; pollutants VOCs/SO2/NOx";
        addEmissions(l, "无锡");

        l = new EmissionLayout("徐州市排放量报表.xlsx", Format.XLSX);
        l.title = "徐州市2020年主要大气污染物排放量报表";
        l.description = "a 颗粒物 row, which is not a pollutant of annex 2";
        List<Line<SampleEmission>> xz = emissionLines("徐州");
        SampleEmission pm = new SampleEmission(SampleCity.byName("徐州"), "PM", "工业源", new BigDecimal("61250.0"),
                new BigDecimal("43810.5"), "烟粉尘");
        xz.add(Line.noted(pm, "pollutant", "POLLUTANT_NOT_ACCOUNTED (INFO): 颗粒物; extra row, ignored"));
        add(l, xz);

        l = new EmissionLayout("changzhou_paifang.xlsx", Format.XLSX);
        l.title = "常州市大气污染物排放量";
        l.yearHeaders();
        l.description = "headers 2015年排放量（吨） and 2020年排放量（吨）";
        addEmissions(l, "常州");

        l = new EmissionLayout("苏州市主要大气污染物排放量.xlsx", Format.XLSX);
        l.sheetName = "排放量报表";
        l.title = "苏州市主要大气污染物排放量报表";
        l.cityStyle = CityStyle.CODE_NUMBER;
        l.thousandsText = true;
        l.description = "city as number 320500; tonnes as text with thousands separators \"98,765.4\"";
        addEmissions(l, "苏州");

        l = new EmissionLayout("nantong_emissions_2020.xlsx", Format.XLSX);
        l.columns = List.of("seq", "city", "sector", "pollutant", "reporting_t", "base_t", "remarks");
        l.pollutantStyle = PollutantStyle.SUBSCRIPT;
        l.description = "columns reordered (2020 before 2015); pollutants VOCs/SO₂/NOx";
        addEmissions(l, "南通");

        l = new EmissionLayout("连云港市排放量报表.xlsx", Format.XLSX);
        l.title = "连云港市主要大气污染物排放量报表";
        l.subtotals = true;
        l.description = "小计 row with SUM formulas after each pollutant";
        addEmissions(l, "连云港");

        l = new EmissionLayout("huaian_emissions.xlsx", Format.XLSX);
        l.columns = List.of("city", "pollutant", "sector", "base_t", "reporting_t");
        l.cityStyle = CityStyle.CODE_TEXT;
        l.description = "header on row 1; city as text 320800; no 备注 column";
        addEmissions(l, "淮安");

        l = new EmissionLayout("盐城市排放量.xls", Format.XLS);
        l.sheetName = "盐城";
        l.title = "盐城市主要大气污染物排放量报表";
        l.description = "HSSF; title row";
        addEmissions(l, "盐城");

        l = new EmissionLayout("yangzhou_emissions.xlsx", Format.XLSX);
        l.title = "扬州市主要大气污染物排放量报表";
        l.blankAfterTitle = true;
        l.cityStyle = CityStyle.NAME;
        l.description = "title, blank row";
        addEmissions(l, "扬州");

        l = new EmissionLayout("镇江市排放量报表.xlsx", Format.XLSX);
        l.title = "镇江市主要大气污染物排放量报表";
        l.pollutantStyle = PollutantStyle.ENGLISH;
        l.description = "pollutants VOCs/SO2/NOx";
        addEmissions(l, "镇江");

        l = new EmissionLayout("泰州宿迁排放量报表.xlsx", Format.XLSX);
        l.sheetName = "泰州宿迁";
        l.title = "泰州市、宿迁市主要大气污染物排放量报表";
        l.description = "two cities in one file";
        List<Line<SampleEmission>> two = emissionLines("泰州");
        two.addAll(emissionLines("宿迁"));
        add(l, two);
    }

    private void addEmissions(EmissionLayout layout, String city) {
        add(layout, emissionLines(city));
    }

    private List<Line<SampleEmission>> emissionLines(String city) {
        List<Line<SampleEmission>> lines = new ArrayList<>();
        emissions.get(SampleCity.byName(city)).forEach(e -> lines.add(Line.plain(e)));
        return lines;
    }

    // ---------------------------------------------------------------- the story must hold

    /**
     * The sample exists to tell a known story (SAMPLE.md); fail loudly if a change to the generator breaks it:
     * the planned misses and only those, one over-claiming city, claims elsewhere well below achievements.
     */
    private void checkStory() {
        for (SampleCity city : SampleCity.ALL) {
            for (String pollutant : SampleCity.POLLUTANTS) {
                Reduction r = reduction(city, pollutant, accepted.get(city), emissions.get(city));
                boolean shouldMiss = pollutant.equals(TARGET_MISSES.get(city.name()));
                if (r.met() == shouldMiss) {
                    throw new IllegalStateException(city.name() + " " + pollutant + ": target story broken " + r);
                }
                boolean overclaim = city.name().equals(OVERCLAIMING_CITY) && pollutant.equals("VOCS");
                if (overclaim ? r.claimRatio() <= 1.5 : r.claimRatio() > 0.6) {
                    throw new IllegalStateException(city.name() + " " + pollutant + ": claim story broken " + r);
                }
            }
        }
    }

    /** A city's reduction of one pollutant as the reconciliation should find it. */
    record Reduction(String city, String pollutant, BigDecimal base, BigDecimal reporting, BigDecimal target,
                     BigDecimal claimed) {

        BigDecimal reductionPct() {
            return base.subtract(reporting).multiply(BigDecimal.valueOf(100)).divide(base, 4, RoundingMode.HALF_UP);
        }

        boolean met() {
            return base.subtract(reporting).multiply(BigDecimal.valueOf(100))
                    .compareTo(target.multiply(base)) >= 0;
        }

        double claimRatio() {
            return claimed.doubleValue() / base.subtract(reporting).doubleValue();
        }
    }

    static Reduction reduction(SampleCity city, String pollutant, List<SampleProject> projects,
                               List<SampleEmission> rows) {
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal reporting = BigDecimal.ZERO;
        for (SampleEmission e : rows) {
            if (e.pollutant().equals(pollutant)) {
                base = base.add(e.base());
                reporting = reporting.add(e.reporting());
            }
        }
        BigDecimal claimed = projects.stream().filter(SampleProject::completedIn2020)
                .map(p -> p.tonnes(pollutant)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Reduction(city.name(), pollutant, base, reporting,
                city.targetPct()[SampleCity.POLLUTANTS.indexOf(pollutant)], claimed);
    }

    // ---------------------------------------------------------------- what was made

    /**
     * What the generator wrote: the files, the notes of SAMPLE.md, and the rows that should be accepted per city
     * (project rows of the current files including the warned ones; all emission rows but the 颗粒物 one).
     */
    public record Result(List<Path> files, List<SampleNote> notes, List<Layout.FileEntry> entries,
                         Map<SampleCity, List<SampleProject>> acceptedProjects,
                         Map<SampleCity, List<SampleEmission>> emissions) {

        int acceptedProjectCount() {
            return acceptedProjects.values().stream().mapToInt(List::size).sum();
        }

        int projectRowsWritten() {
            return entries.stream().filter(e -> e.kind().equals("项目清单")).mapToInt(Layout.FileEntry::dataRows).sum();
        }

        /** The tables of SAMPLE.md, exactly. */
        String markdown() {
            StringBuilder s = new StringBuilder();
            s.append("| file | format | kind | cities | sheet | header rows | data rows | rows | what is unusual |\n");
            s.append("|---|---|---|---|---|---|---|---|---|\n");
            entries.stream().sorted(java.util.Comparator.comparing(Layout.FileEntry::file))
                    .forEach(e -> s.append(e.markdown()).append('\n'));
            s.append("\n| file | sheet | row | cell | feature or mistake |\n|---|---|---|---|---|\n");
            notes.stream().sorted(java.util.Comparator.comparing(SampleNote::file)
                            .thenComparingInt(SampleNote::row))
                    .forEach(n -> s.append(n.markdown()).append('\n'));
            s.append("\n| city | category | planned (annex 4) | accepted rows | count_status |\n|---|---|---|---|---|\n");
            for (SampleCity city : SampleCity.ALL) {
                for (SampleCategory category : SampleCategory.values()) {
                    long rows = acceptedProjects.get(city).stream().filter(p -> p.category() == category).count();
                    int planned = city.planned(category);
                    if (rows != planned) {
                        s.append("| ").append(city.name()).append(" | ").append(category.name()).append(" | ")
                                .append(planned).append(" | ").append(rows).append(" | ")
                                .append(planned == 0 ? "UNPLANNED" : rows < planned ? "SHORTFALL" : "EXCESS")
                                .append(" |\n");
                    }
                }
            }
            s.append("\n| city | pollutant | base 2015 t | 2020 t | reduction % | target % | claimed t | claim ratio |\n");
            s.append("|---|---|---|---|---|---|---|---|\n");
            for (SampleCity city : SampleCity.ALL) {
                for (String pollutant : SampleCity.POLLUTANTS) {
                    Reduction r = reduction(city, pollutant, acceptedProjects.get(city), emissions.get(city));
                    s.append("| ").append(city.name()).append(" | ").append(pollutant).append(" | ")
                            .append(r.base().toPlainString()).append(" | ").append(r.reporting().toPlainString())
                            .append(" | ").append(r.reductionPct().setScale(2, RoundingMode.HALF_UP))
                            .append(r.met() ? "" : " **NOT_MET**").append(" | ").append(r.target()).append(" | ")
                            .append(r.claimed().toPlainString()).append(" | ")
                            .append(BigDecimal.valueOf(r.claimRatio()).setScale(2, RoundingMode.HALF_UP))
                            .append(r.claimRatio() > 1.5 ? " **CLAIM_EXCEEDS_ACHIEVED**" : "").append(" |\n");
                }
            }
            return s.toString();
        }
    }

    private SampleInputGenerator() {
    }
}
