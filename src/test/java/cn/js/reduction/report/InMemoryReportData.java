package cn.js.reduction.report;

import cn.js.reduction.store.WrittenWords;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import cn.js.reduction.intake.ReferenceFixture;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.data.AcceptedEmission;
import cn.js.reduction.report.data.AcceptedProject;
import cn.js.reduction.report.data.ReadColumns;
import cn.js.reduction.report.data.ReportData;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.store.ProjectRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test data for the workbooks: the shipped plan's 13 cities, 18 categories and annex-2 targets, a handful of
 * planned counts, four accepted projects (one named like a formula), emissions for 南京 and 无锡, findings and
 * rejections. The tallies are derived from these by the docs/outputs.md arithmetic, so they agree with each other
 * the way the reconciliation's do.
 */
public final class InMemoryReportData implements ReportData {

    static final String NANJING = "320100";
    static final String WUXI = "320200";
    static final String FILE_NJ = "南京_项目清单_20201201.xlsx";
    static final String FILE_WX = "无锡_项目清单.csv";
    static final String FILE_EMISSIONS = "排放量报表.xlsx";
    static final String EVIL_NAME = "=cmd|' /C calc'!A0";
    static final String EVIL_VALUE = "=HYPERLINK(\"http://x\",\"点我\")";

    final ReferenceData reference;
    final RunInfo run;
    final List<AcceptedProject> projects = new ArrayList<>();
    final List<Finding> findings = new ArrayList<>();
    final List<Finding> rejections = new ArrayList<>();
    /** cityCode|POLLUTANT → {base, reporting} */
    final Map<String, BigDecimal[]> emissions = new LinkedHashMap<>();
    List<ProjectTally> projectTallies;
    List<ReductionTally> reductionTallies;

    InMemoryReportData(String mode) {
        this(mode, plan2020());
    }

    /** The same projects, emissions and findings against other reference data (holding 南京 and 无锡). */
    InMemoryReportData(String mode, ReferenceData reference) {
        this.reference = reference;
        run = new RunInfo(42, 2020, cn.js.reduction.core.RunMode.stored(mode),
                new LinkedHashMap<>(Map.of("year", "2020", "mode", mode, "input", "input")),
                LocalDateTime.of(2021, 1, 5, 2, 0, 0), LocalDateTime.of(2021, 1, 5, 2, 3, 17), "1.0.0", "2020-v1",
                List.of(new RunInfo.InputFile(FILE_NJ, "a".repeat(64), 18_432, "PROJECTS", List.of(NANJING), 10, 2, 1, 7,
                                List.of()),
                        new RunInfo.InputFile("南京_项目清单_20201101.xlsx", "b".repeat(64), 9_876, "PROJECTS", List.of(NANJING),
                                5, 0, 0, 5, List.of(NANJING)),
                        new RunInfo.InputFile(FILE_WX, "c".repeat(64), 512, "PROJECTS", List.of(WUXI), 3, 2, 0, 1, List.of()),
                        new RunInfo.InputFile(FILE_EMISSIONS, "d".repeat(64), 7_000, "EMISSIONS", List.of(WUXI, NANJING), 6, 6,
                                0, 0, List.of()),
                        new RunInfo.InputFile("损坏.xlsx", "e".repeat(64), 0, null, List.of(), 0, 0, 0, 0, List.of())));

        projects.add(new AcceptedProject(project("NJ-001", NANJING, "ENERGY_COAL", "燃煤锅炉淘汰", ProjectStatus.COMPLETED,
                LocalDate.of(2020, 6, 30), "0", "62.5", "3.25", "+1 备注"), FILE_NJ, "项目清单", 5,
                new WrittenWords("南京市", "煤炭消费总量控制", "已建成", "2020年6月", "2020-06-30")));
        projects.add(new AcceptedProject(project("NJ-002", NANJING, "VOC_FUGITIVE", EVIL_NAME, ProjectStatus.IN_PROGRESS,
                null, "1.5", "0", "0", null), FILE_NJ, "项目清单", 6));
        projects.add(new AcceptedProject(project("WX-001", WUXI, "ROLLING", "滚动项目", ProjectStatus.COMPLETED,
                LocalDate.of(2020, 9, 1), "100", "0", "0", null), FILE_WX, FILE_WX.replace(".csv", ""), 2));
        projects.add(new AcceptedProject(project("WX-002", WUXI, "DUST_SITE", "工地扬尘", ProjectStatus.NOT_STARTED,
                null, "0", "0", "0", "@某人"), FILE_WX, FILE_WX.replace(".csv", ""), 3));

        emission(NANJING, ReferenceFixture.pollutant("VOCS"), "1000", "700");   // 30 % vs 28: MET
        emission(NANJING, ReferenceFixture.pollutant("SO2"), "200", "160");     // 20 % vs 24.1: NOT_MET; claimed 62.5 / 40 > 1.5
        emission(NANJING, ReferenceFixture.pollutant("NOX"), "300", "227");     // 24.333… % vs 24.4: NOT_MET
        emission(WUXI, ReferenceFixture.pollutant("VOCS"), "2000", "1753.1");   // exactly 12.345 %: shows 12.35 (half-up)

        Finding missing = Finding.of(Rule.REQUIRED_MISSING, NANJING, FILE_NJ, "项目清单", 7, "D7", null,
                "项目名称为空：每个项目必须填写项目名称 (project name is required)");
        Finding badNumber = Finding.of(Rule.BAD_NUMBER, NANJING, FILE_NJ, "项目清单", 7, "L7", EVIL_VALUE,
                "VOCs减排量应为不小于0的数字 (expected a number)");
        rejections.add(missing);
        rejections.add(badNumber);
        findings.add(Finding.of(Rule.SUPERSEDED_FILE, NANJING, "南京_项目清单_20201101.xlsx", null, null, null, null,
                "已被 " + FILE_NJ + " 替代"));
        findings.add(missing);
        findings.add(badNumber);
        findings.add(Finding.of(Rule.BAD_CREDIT_CODE, WUXI, FILE_WX, FILE_WX.replace(".csv", ""), 3, "G3",
                "-91320200MA1XXXXXX", "统一社会信用代码校验位不符，请核对 (check digit mismatch)"));
        findings.add(Finding.of(Rule.COUNT_SHORTFALL, NANJING, null, null, null, null, "1 / 3",
                "煤炭消费总量控制项目报送 1 个，计划 3 个"));
        findings.add(Finding.of(Rule.UNPLANNED_CATEGORY, WUXI, null, null, null, null, "DUST_SITE", "施工工地扬尘治理项目未列入计划"));
        recompute();
    }

    private void emission(String city, Pollutant p, String base, String reporting) {
        emissions.put(city + "|" + p.code(), new BigDecimal[]{new BigDecimal(base), new BigDecimal(reporting)});
    }

    private static ProjectRecord project(String id, String city, String category, String name, ProjectStatus status,
                                         LocalDate actual, String voc, String so2, String nox, String remarks) {
        return new ProjectRecord(id, city, "玄武区", name, "某公司", "91320100MA1XXXXXXX",
                category, status, status, LocalDate.of(2020, 12, 31), actual, new BigDecimal("120.5"),
                Map.of("VOCS", new BigDecimal(voc), "SO2", new BigDecimal(so2), "NOX", new BigDecimal(nox), "PM",
                        BigDecimal.ZERO), remarks);
    }

    /**
     * The sums over this fixture's projects and emissions, hand-counted here; every figure derived from them
     * (rates, percentages, statuses) by production's own {@link ProjectTally#of} and {@link ReductionTally#of}.
     */
    void recompute() {
        List<City> all = new ArrayList<>(reference.cities());
        all.add(reference.province());
        projectTallies = new ArrayList<>();
        for (City city : all) {
            List<String> codes = new ArrayList<>(reference.categories().stream().map(Category::code).toList());
            codes.add(Category.TOTAL);
            for (String code : codes) {
                int planned = 0;
                int submitted = 0;
                int completed = 0;
                int inProgress = 0;
                for (City c : reference.cities()) {
                    if (!city.isProvince() && !c.equals(city)) {
                        continue;
                    }
                    for (Category cat : reference.categories()) {
                        if (!code.equals(Category.TOTAL) && !code.equals(cat.code())) {
                            continue;
                        }
                        planned += reference.planned(c.code(), cat.code());
                        for (AcceptedProject a : projects) {
                            ProjectRecord p = a.project();
                            if (p.cityCode().equals(c.code()) && p.categoryCode().equals(cat.code())) {
                                submitted++;
                                completed += p.countedStatus() == ProjectStatus.COMPLETED ? 1 : 0;
                                inProgress += p.countedStatus() == ProjectStatus.IN_PROGRESS ? 1 : 0;
                            }
                        }
                    }
                }
                Category cat = reference.category(code).orElse(null);
                projectTallies.add(ProjectTally.of(2020, city, code, cat == null ? "合计" : cat.name(),
                        cat == null ? "合计" : cat.group(), planned, submitted, completed, inProgress,
                        submitted - completed - inProgress));
            }
        }
        reductionTallies = new ArrayList<>();
        for (City city : all) {
            for (Pollutant p : reference.pollutants()) {
                int rows = 0;
                BigDecimal base = null;
                BigDecimal reporting = null;
                BigDecimal claimed = BigDecimal.ZERO;
                for (City c : reference.cities()) {
                    if (!city.isProvince() && !c.equals(city)) {
                        continue;
                    }
                    BigDecimal[] e = emissions.get(c.code() + "|" + p.code());
                    if (e != null) {
                        rows++;
                        base = base == null ? e[0] : base.add(e[0]);
                        reporting = reporting == null ? e[1] : reporting.add(e[1]);
                    }
                    for (AcceptedProject a : projects) {
                        ProjectRecord r = a.project();
                        if (r.cityCode().equals(c.code()) && r.countedStatus() == ProjectStatus.COMPLETED) {
                            claimed = claimed.add(r.claim(p.code()));
                        }
                    }
                }
                reductionTallies.add(ReductionTally.of(2020, city, p, rows, base, reporting,
                        reference.targetPct(city.code(), p), claimed));
            }
        }
    }

    /**
     * The shipped 2020 plan (the one reference fixture of the tests: cities, categories, annex-2 targets) with
     * annex 4 replaced by a handful of planned counts, so that the workbooks' marks can be worked out by hand.
     */
    static ReferenceData plan2020() {
        ReferenceData shipped = ReferenceFixture.jiangsu2020();
        Map<String, Integer> planned = new HashMap<>();
        planned.put("320100|ENERGY_COAL", 3);
        planned.put("320100|VOC_FUGITIVE", 1);
        planned.put("320200|ROLLING", 1);
        planned.put("320300|KILN", 2);
        planned.put("320000|ENERGY_COAL", 3);
        planned.put("320000|VOC_FUGITIVE", 1);
        planned.put("320000|ROLLING", 1);
        planned.put("320000|KILN", 2);
        Map<String, BigDecimal> targetPct = new HashMap<>();
        List<City> all = new ArrayList<>(shipped.cities());
        all.add(shipped.province());
        for (City city : all) {
            for (Pollutant p : shipped.pollutants()) {
                targetPct.put(city.code() + "|" + p.code(), shipped.targetPct(city.code(), p));
            }
        }
        return new ReferenceData(shipped.plan(), shipped.cities(), shipped.province(), shipped.categories(),
                shipped.claimPollutants(), planned, targetPct, shipped.airQualityTargets(), shipped.autumnWinterTargets());
    }

    @Override
    public RunInfo runInfo() {
        return run;
    }

    @Override
    public ReferenceData reference() {
        return reference;
    }

    @Override
    public List<ProjectTally> projectTallies() {
        return projectTallies;
    }

    @Override
    public List<ReductionTally> reductionTallies() {
        return reductionTallies;
    }

    @Override
    public void forEachFinding(String cityCode, Consumer<Finding> action) {
        findings.stream().filter(f -> cityCode == null || cityCode.equals(f.cityCode())).forEach(action);
    }

    @Override
    public void forEachAcceptedProject(String cityCode, Consumer<AcceptedProject> action) {
        projects.stream().filter(a -> cityCode == null || cityCode.equals(a.project().cityCode())).forEach(action);
    }

    /** One emission row per city and pollutant of {@link #emissions}, numbered from row 2 of one sheet. */
    @Override
    public void forEachAcceptedEmission(String cityCode, Consumer<AcceptedEmission> action) {
        int row = 2;
        for (Map.Entry<String, BigDecimal[]> e : emissions.entrySet()) {
            String[] key = e.getKey().split("\\|");
            AcceptedEmission a = new AcceptedEmission(new cn.js.reduction.store.EmissionRecord(key[0],
                    reference.pollutant(key[1]).orElseThrow(), "工业源", e.getValue()[0], e.getValue()[1], null), FILE_EMISSIONS, "排放量", row++);
            if (cityCode == null || cityCode.equals(key[0])) {
                action.accept(a);
            }
        }
    }

    /** 南京's list read from A to S (19 columns), 无锡's CSV from A to R, the emission report from B to H. */
    @Override
    public ReadColumns readColumns(String file, String sheet) {
        return switch (file) {
            case FILE_NJ -> new ReadColumns(0, 18);
            case FILE_WX -> new ReadColumns(0, 17);
            case FILE_EMISSIONS -> new ReadColumns(1, 7);
            default -> null;
        };
    }

    @Override
    public void forEachRejection(String cityCode, Consumer<Finding> action) {
        rejections.stream().filter(f -> f.severity() == Severity.ERROR)
                .filter(f -> cityCode == null || cityCode.equals(f.cityCode())).forEach(action);
    }
}
