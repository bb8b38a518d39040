package cn.js.reduction.reconcile;

import cn.js.reduction.core.RunMode;
import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.discover.FileNameCities;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.InputFileStore;
import cn.js.reduction.store.StagedRowStore;
import cn.js.reduction.store.TallyStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reconciliation (docs/outputs.md, "How the figures are made"): the database counts and sums the accepted,
 * current rows by city × category and city × pollutant, joined to the annex tables; the province is summed
 * over the cities; then one finding per shortfall, excess, unmet target, missing submission and excessive
 * claim. One transaction; rerunnable.
 */
public final class Reconciliation {

    public static final String STAGE = "RECONCILE";

    private final TallyStore store;
    private final StagedRowStore rows;
    private final Tallies tallies;
    private final FindingStore findings;
    private final InputFileStore files;

    public Reconciliation(JdbcTemplate jdbc) {
        this.store = new TallyStore(jdbc);
        this.rows = new StagedRowStore(jdbc);
        this.tallies = new Tallies(jdbc);
        this.findings = new FindingStore(jdbc);
        this.files = new InputFileStore(jdbc);
    }

    public void reconcile(long runId, ReferenceData ref, RunMode mode) {
        int year = ref.year();
        String province = City.PROVINCE_CODE;
        store.deleteRun(runId);
        findings.deleteStage(runId, STAGE);
        store.tally(runId, year, province, Category.TOTAL);

        findings.insertAll(runId, STAGE, findings(runId, ref, mode));
    }

    private List<Finding> findings(long runId, ReferenceData ref, RunMode mode) {
        List<Finding> out = new ArrayList<>();
        Set<String> withProjects = new HashSet<>(rows.submittingCities(runId, FileKind.PROJECTS));
        Set<String> withEmissions = new HashSet<>(rows.submittingCities(runId, FileKind.EMISSIONS));
        Completeness completeness = tallies.completeness(runId);
        Map<String, List<String>> named = namedFiles(runId, ref);
        for (City city : ref.cities()) {
            if (!withProjects.contains(city.code())) {
                out.add(missing(city, FileKind.PROJECTS, completeness, named));
            }
            if (!withEmissions.contains(city.code())) {
                out.add(missing(city, FileKind.EMISSIONS, completeness, named));
            }
        }
        for (ProjectTally t : tallies.projects(runId, ref)) {
            if (t.cityCode().equals(City.PROVINCE_CODE) || t.categoryCode().equals(Category.TOTAL)) {
                continue;
            }
            String where = t.cityName() + "市「" + t.categoryName() + "」";
            String rejected = rejected(completeness, t);
            switch (t.countStatus()) {
                case SHORTFALL -> out.add(Finding.of(Rule.COUNT_SHORTFALL, t.cityCode(), null, null, null, null,
                        t.categoryCode(), where + "计划" + t.planned() + "项，报送" + t.submitted() + "项，少"
                                + (-t.variance()) + "项" + rejected));
                case EXCESS -> out.add(Finding.of(Rule.COUNT_EXCESS, t.cityCode(), null, null, null, null,
                        t.categoryCode(), where + "计划" + t.planned() + "项，报送" + t.submitted() + "项，多"
                                + t.variance() + "项"));
                case UNPLANNED -> out.add(Finding.of(Rule.UNPLANNED_CATEGORY, t.cityCode(), null, null, null, null,
                        t.categoryCode(), where + "无计划项目，但报送了" + t.submitted() + "项"));
                case OK -> { }
            }
            if (mode.isFinal() && t.completionStatus() == CompletionStatus.NOT_MET) {
                out.add(Finding.of(Rule.COMPLETION_SHORTFALL, t.cityCode(), null, null, null, null, t.categoryCode(),
                        where + "计划" + t.planned() + "项，完成" + t.completed() + "项" + rejected));
            }
        }
        for (ReductionTally t : tallies.reductions(runId, ref)) {
            if (t.cityCode().equals(City.PROVINCE_CODE)) {
                continue;
            }
            String where = t.cityName() + "市" + t.pollutant().chineseName();
            if (t.status() == ReductionStatus.NOT_MET) {
                out.add(Finding.of(Rule.TARGET_NOT_MET, t.cityCode(), null, null, null, null, t.pollutant().code(),
                        where + "比" + ref.baseYear() + "年削减" + pct(t.reductionPct()) + "%，目标" + pct(t.targetPct()) + "%，差"
                                + pct(t.gapPct().negate()) + "个百分点"));
            }
            if (t.claimExceedsAchieved(ref.claimRatioLimit())) {
                out.add(Finding.of(Rule.CLAIM_EXCEEDS_ACHIEVED, t.cityCode(), null, null, null, null,
                        t.pollutant().code(), where + "已完成项目申报减排" + t.claimedT().toPlainString() + "吨，排放核算减排"
                                + t.reductionT().toPlainString() + "吨，比值" + t.claimRatio().setScale(2, RoundingMode.HALF_UP)
                                + "，超过上限" + ref.claimRatioLimit().toPlainString() + "：项目申报的减排多于排放量所显示的"));
            }
        }
        return out;
    }

    /**
     * MISSING_SUBMISSION for a city and kind, naming the files that gave nothing (rows all rejected, skipped, broken
     * off): a city that sent a file is told why it does not count.
     */
    private static Finding missing(City city, FileKind kind, Completeness completeness,
                                   Map<String, List<String>> named) {
        String failed = completeness.failedFiles(city.code(), kind);
        List<String> others = named.getOrDefault(city.code() + "|" + kind.name(), List.of());
        if (failed.isEmpty() && !others.isEmpty()) {
            // a file named for the city holding only other cities' rows: a renamed copy, or the wrong 设区市 typed
            return Finding.of(Rule.MISSING_SUBMISSION, city.code(), null, null, null, null, kind.title(),
                    city.name() + "市没有可计入的" + kind.title() + "：「" + String.join("」「", others) + "」文件名表明是" + city.name()
                            + "市的，但其中没有" + city.name() + "市的行（设区市填的是其他城市）。请核对设区市或报送本市的文件");
        }
        if (failed.isEmpty()) {
            return Finding.of(Rule.MISSING_SUBMISSION, city.code(), null, null, null, null, kind.title(),
                    city.name() + "市未报送" + kind.title());
        }
        return Finding.of(Rule.MISSING_SUBMISSION, city.code(), null, null, null, null, kind.title(),
                city.name() + "市没有可计入的" + kind.title() + "：" + failed + "。请按各文件的错误改正后重新报送");
    }

    /** City code|kind → the files of that kind whose name names the city. */
    private Map<String, List<String>> namedFiles(long runId, ReferenceData ref) {
        Map<String, List<String>> out = new HashMap<>();
        for (InputFileStore.ListedFile f : files.files(runId)) {
            if (f.kind() != null) {
                for (String city : FileNameCities.of(f.fileName(), ref)) {
                    out.computeIfAbsent(city + "|" + f.kind(), k -> new ArrayList<>()).add(f.fileName());
                }
            }
        }
        return out;
    }

    /** "，另有 3 行被退回" when rows of the city and category (or of no readable category) were rejected. */
    private static String rejected(Completeness completeness, ProjectTally t) {
        int n = completeness.rejectedProjects(t.cityCode(), t.categoryCode());
        int unknown = completeness.rejectedProjectsOfNoCategory(t.cityCode());
        if (n == 0 && unknown == 0) {
            return "";
        }
        return (n > 0 ? "，另有 " + n + " 行被退回" : "")
                + (unknown > 0 ? "，" + t.cityName() + "市另有 " + unknown + " 行因项目类别无法识别被退回，其中可能有本类别的项目" : "")
                + "（见退回行）";
    }

    private static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
