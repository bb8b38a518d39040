package cn.js.reduction.report.workbook;

import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.reconcile.CompletionStatus;
import cn.js.reduction.reconcile.CountStatus;
import cn.js.reduction.reconcile.ReductionStatus;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.changes.Change;
import cn.js.reduction.report.changes.ProjectChange;
import cn.js.reduction.report.sheet.Labels;
import java.util.Map;

/**
 * The Chinese words 与上次对比 shows for the columns and statuses the CSVs carry as codes: an auditor reads 完成状态
 * 完成 → 未完成, and finds the code in the column beside it (列代码) and in changes.csv.
 */
final class ChangeWords {

    private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("planned", "计划"),
            Map.entry("submitted", "报送"), Map.entry("completed", "完成"), Map.entry("in_progress", "在建"),
            Map.entry("not_started", "未开工"), Map.entry("variance", "差额（报送−计划）"),
            Map.entry("completion_rate", "完成率"), Map.entry("count_status", "数量状态"),
            Map.entry("completion_status", "完成状态"), Map.entry("base_t", "基准年排放量（吨）"),
            Map.entry("reporting_t", "核算年排放量（吨）"), Map.entry("reduction_t", "减排量（吨）"),
            Map.entry("reduction_pct", "减排比例（%）"), Map.entry("target_pct", "目标比例（%）"),
            Map.entry("gap_pct", "差距（百分点）"), Map.entry("allowed_t", "允许排放量（吨）"), Map.entry("status", "状态"),
            Map.entry("claimed_t", "项目申报减排量（吨）"), Map.entry("claim_ratio", "申报÷实际减排"),
            Map.entry("sha256", "文件 SHA-256"));

    private static final Map<String, String> PROJECT_COLUMNS = Map.of(ProjectChange.ADDED, "新增项目",
            ProjectChange.WITHDRAWN, "撤回项目", "city_code", "设区市", "category_code", "项目类别",
            ProjectChange.STATUS, "进展状态", "planned_completion", "计划完成时间", "actual_completion", "实际完成时间",
            "investment", "总投资（万元）");

    private static final int SHORT_SHA = 16;

    private ChangeWords() {
    }

    /** A column of projects_by_city_category.csv, reductions_by_city_pollutant.csv or files.csv in words. */
    static String column(Change c) {
        return COLUMNS.getOrDefault(c.column(), c.column());
    }

    /** A value of changes.csv as the workbooks show it: statuses in words, every figure as the CSV writes it. */
    static String value(Change c, String value) {
        if (value.isEmpty()) {
            return value;
        }
        try {
            return switch (c.column()) {
                case "count_status" -> Labels.countStatus(CountStatus.valueOf(value));
                case "completion_status" -> Labels.completionStatus(CompletionStatus.valueOf(value));
                case "status" -> Labels.reductionStatus(ReductionStatus.valueOf(value));
                // the whole digest is in changes.csv and on 运行信息; 16 digits tell two files apart and fit the column
                case "sha256" -> value.length() > SHORT_SHA ? value.substring(0, SHORT_SHA) + "…" : value;
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            return value; // a status of another release: shown as written
        }
    }

    /** A project's changed column in words; a claim column by its pollutant's header (VOCs减排量（吨/年）). */
    static String column(ReferenceData reference, ProjectChange p) {
        String named = PROJECT_COLUMNS.get(p.column());
        if (named != null) {
            return named;
        }
        return reference.claimPollutants().stream().filter(q -> q.claimKey().equals(p.column())).findFirst()
                .map(q -> q.claimColumn() + "（吨/年）").orElse(p.column());
    }

    /** A project's value in words: a status, a city or a category by its name; dates and figures as written. */
    static String value(ReferenceData reference, ProjectChange p, String value) {
        if (value.isEmpty() || p.isPresence()) {
            return value;
        }
        return switch (p.column()) {
            case ProjectChange.STATUS -> status(value);
            case "city_code" -> reference.city(value).map(City::name).orElse(value);
            case "category_code" -> reference.category(value).map(Category::name).orElse(value);
            default -> value;
        };
    }

    /** A status in words (已完成), or as written where it is not one of ours (a hand-edited file, another release). */
    private static String status(String value) {
        try {
            return ProjectStatus.valueOf(value).chineseName();
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
