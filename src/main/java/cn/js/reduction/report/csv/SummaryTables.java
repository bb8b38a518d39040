package cn.js.reduction.report.csv;

import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.report.data.ReportData;
import cn.js.reduction.report.data.RunInfo;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import static cn.js.reduction.report.csv.CsvFiles.inert;
import static cn.js.reduction.report.csv.CsvFiles.plain;
import static cn.js.reduction.report.csv.CsvFiles.rounded;
import static cn.js.reduction.report.csv.CsvFiles.row;

/** The four summary CSVs of docs/outputs.md, with exactly the specified columns in the specified order. */
public final class SummaryTables {

    public static final String PROJECTS = "projects_by_city_category.csv";
    public static final String REDUCTIONS = "reductions_by_city_pollutant.csv";
    public static final String FINDINGS = "findings.csv";
    public static final String FILES = "files.csv";

    /** Ratios (completion_rate, claim_ratio) are shown to 4 decimals, percentages to 2; both half-up. */
    public static final int RATIO_DECIMALS = 4;
    public static final int PERCENT_DECIMALS = 2;

    private SummaryTables() {
    }

    public static void writeAll(ReportData data, Path folder) throws IOException {
        writeProjects(data, folder.resolve(PROJECTS));
        writeReductions(data, folder.resolve(REDUCTIONS));
        writeFindings(data, folder.resolve(FINDINGS));
        writeFiles(data, folder.resolve(FILES));
    }

    public static void writeProjects(ReportData data, Path file) throws IOException {
        try (ICSVWriter csv = CsvFiles.open(file)) {
            row(csv, "year", "city_code", "city_name", "category_code", "category_name", "group_name", "planned",
                    "submitted", "completed", "in_progress", "not_started", "variance", "completion_rate",
                    "count_status", "completion_status");
            for (ProjectTally t : data.projectTallies()) {
                row(csv, String.valueOf(t.year()), t.cityCode(), t.cityName(), t.categoryCode(), t.categoryName(),
                        t.groupName(), String.valueOf(t.planned()), String.valueOf(t.submitted()),
                        String.valueOf(t.completed()), String.valueOf(t.inProgress()), String.valueOf(t.notStarted()),
                        String.valueOf(t.variance()), rounded(t.completionRate(), RATIO_DECIMALS), t.countStatus().name(),
                        t.completionStatus().name());
            }
        }
    }

    public static void writeReductions(ReportData data, Path file) throws IOException {
        try (ICSVWriter csv = CsvFiles.open(file)) {
            row(csv, "year", "city_code", "city_name", "pollutant", "base_t", "reporting_t", "reduction_t",
                    "reduction_pct", "target_pct", "gap_pct", "allowed_t", "status", "claimed_t", "claim_ratio");
            for (ReductionTally t : data.reductionTallies()) {
                row(csv, String.valueOf(t.year()), t.cityCode(), t.cityName(), t.pollutant().code(), plain(t.baseT()),
                        plain(t.reportingT()), plain(t.reductionT()), rounded(t.reductionPct(), PERCENT_DECIMALS),
                        rounded(t.targetPct(), PERCENT_DECIMALS), rounded(t.gapPct(), PERCENT_DECIMALS),
                        plain(t.allowedT()), t.status().name(), plain(t.claimedT()),
                        rounded(t.claimRatio(), RATIO_DECIMALS));
            }
        }
    }

    public static void writeFindings(ReportData data, Path file) throws IOException {
        try (ICSVWriter csv = CsvFiles.open(file)) {
            row(csv, "severity", "rule", "city_code", "file", "sheet", "row", "cell", "value", "message");
            data.forEachFinding(null, f -> row(csv, f.severity().name(), f.rule().name(), nz(f.cityCode()),
                    inert(f.file()), inert(f.sheet()), f.row() == null ? "" : String.valueOf(f.row()), nz(f.cell()),
                    inert(f.value()), inert(f.message())));
            if (csv.checkError()) {
                throw new UncheckedIOException(new IOException("writing " + file + " failed"));
            }
        }
    }

    public static void writeFiles(ReportData data, Path file) throws IOException {
        try (ICSVWriter csv = CsvFiles.open(file)) {
            row(csv, "file", "sha256", "kind", "cities", "rows_read", "accepted", "rejected", "ignored", "superseded");
            for (RunInfo.InputFile f : data.runInfo().inputFiles()) {
                row(csv, inert(f.file()), f.sha256(), nz(f.kind()), String.join(";", f.cities()),
                        String.valueOf(f.rowsRead()), String.valueOf(f.accepted()), String.valueOf(f.rejected()),
                        String.valueOf(f.ignored()), String.join(";", f.superseded()));
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
