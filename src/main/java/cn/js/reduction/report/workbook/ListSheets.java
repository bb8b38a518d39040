package cn.js.reduction.report.workbook;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Severity;
import cn.js.reduction.discover.Field;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.data.ReadColumns;
import cn.js.reduction.report.data.ReportData;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.Link;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.TableSheet.Column;
import cn.js.reduction.report.sheet.TableSheet;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The row-level sheets, streamed from {@link ReportData} one row at a time: 项目明细 (accepted projects) and
 * 排放明细 (accepted emission rows), each row with its lineage (file, the file's SHA-256, sheet, row), which the
 * summary sheets' formulas add up; then 问题清单 (findings) and 退回记录 (rejected rows with their reasons), whose
 * cell links to the detail row or the annotated input cell it concerns.
 */
public final class ListSheets {

    public static final String FINDINGS = "问题清单";
    public static final String PROJECTS = "项目明细";
    public static final String EMISSIONS = "排放明细";
    public static final String REJECTIONS = "退回记录";

    /** Hex digits of a file's SHA-256 shown on each detail row; the run sheet has the whole digest. */
    public static final int SHORT_SHA = 12;
    /** Warned rows whose detail row a finding links to; beyond this the findings are listed without a link. */
    public static final int MAX_LINKED_ROWS = 200_000;
    /**
     * Hyperlinks in the two lists of one workbook: SXSSF keeps every hyperlink of a sheet in memory until the file
     * is written, so beyond this the rows are listed as plain text (a million findings would not fit the heap).
     */
    public static final int MAX_LINKS = 100_000;

    public static final List<Column> FINDING_COLUMNS = List.of(new Column("级别", 6), new Column("规则", 30),
            new Column("规则说明", 30), new Column("城市", 8), new Column("文件", 32), new Column("工作表", 14),
            new Column("行号", 8), new Column("单元格", 8), new Column("值", 24), new Column("说明", 60), new Column("值代码", 14));

    // the columns of 项目明细 that the summary formulas read; the claim columns follow 总投资, one per pollutant
    public static final int P_CITY = 1;
    public static final int P_CATEGORY_CODE = 8;
    public static final int P_COUNTED_STATUS = 10;
    private static final int P_FIRST_CLAIM = 14;

    /**
     * The project list's columns, a claim column per pollutant of the plan year between 总投资 and 备注, the lineage
     * last.
     */
    public static List<Column> projectColumns(ReferenceData reference) {
        List<Column> columns = new ArrayList<>(List.of(new Column("项目编号", 18), new Column("设区市", 8),
                new Column("城市代码", 9), new Column("县（市、区）", 12), new Column("项目名称", 36),
                new Column("责任单位", 28), new Column("统一社会信用代码", 22), new Column("项目类别", 26),
                new Column("类别代码", 15), new Column("进展状态", 9), new Column("统计口径状态", 9),
                new Column("计划完成时间", 12), new Column("实际完成时间", 12), new Column("总投资（万元）", 12)));
        for (Field claim : Field.claims(reference.claimPollutants())) {
            columns.add(new Column(claim.label(), 12));
        }
        columns.addAll(List.of(new Column("备注", 24), new Column("来源文件", 32), new Column("文件SHA-256（前12位）", 15),
                new Column("工作表", 14), new Column("行号", 8), new Column("单元格范围", 13)));
        columns.addAll(WRITTEN_PROJECT_COLUMNS);
        return List.copyOf(columns);
    }

    /** The column of 项目明细 holding a project's claimed reduction of the pollutant. */
    public static int claimColumn(ReferenceData reference, Pollutant pollutant) {
        List<Pollutant> claimed = reference.claimPollutants();
        for (int i = 0; i < claimed.size(); i++) {
            if (claimed.get(i).code().equals(pollutant.code())) {
                return P_FIRST_CLAIM + i;
            }
        }
        throw new IllegalArgumentException("项目清单没有 " + pollutant.code() + " 的减排量列 (no claim column)");
    }

    // the columns of 排放明细 that the summary formulas read
    public static final int E_CITY = 0;
    public static final int E_POLLUTANT = 2;
    public static final int E_BASE = 5;
    public static final int E_REPORTING = 6;

    public static List<Column> emissionColumns(int year, int baseYear) {
        return List.of(new Column("设区市", 8), new Column("城市代码", 9), new Column("污染物代码", 10),
                new Column("污染物", 14), new Column("排放源类别", 14), new Column(baseYear + "年排放量（吨）", 16),
                new Column(year + "年排放量（吨）", 16), new Column("备注", 24), new Column("来源文件", 32),
                new Column("文件SHA-256（前12位）", 15), new Column("工作表", 14), new Column("行号", 8),
                new Column("单元格范围", 13), new Column("原文：设区市", 12), new Column("原文：污染物", 14));
    }

    /**
     * The city's own words for what was normalised, as the file has them (issue 22): an auditor tracing a row back
     * finds 已建成 where 进展状态 says 已完成. Last, after the lineage, so that the columns the formulas read stay put.
     */
    static final List<Column> WRITTEN_PROJECT_COLUMNS = List.of(new Column("原文：设区市", 12),
            new Column("原文：项目类别", 26), new Column("原文：进展状态", 10), new Column("原文：计划完成时间", 14),
            new Column("原文：实际完成时间", 14));

    public static final List<Column> REJECTION_COLUMNS = List.of(new Column("文件", 32), new Column("工作表", 14),
            new Column("行号", 8), new Column("单元格", 8), new Column("城市", 8), new Column("规则", 30),
            new Column("规则说明", 30), new Column("值", 24), new Column("说明", 60));

    /** What the city's 说明 sheet reports about the lists. */
    public record Counts(Map<Severity, Long> findings, long projects, long rejectedRows, long rejectionReasons,
                  List<TableSheet.Part> findingParts) {
    }

    /**
     * The detail lists as written: the sheets each went into (what the summary formulas cover), what they add up
     * to, and where each warned row sits (file, sheet, row → link address).
     */
    public record Details(List<TableSheet.Part> projects, List<TableSheet.Part> emissions, DetailTotals totals,
                   Map<String, String> rowLinks, long projectRows) {
    }

    private ListSheets() {
    }


    /** Writes 项目明细 and 排放明细. */
    public static Details writeDetails(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, ReportData data,
                                int maxRowsPerSheet) {
        ReferenceData reference = scope.reference();
        // the rows a finding (a warning: errors reject their row) will link to, so that only those are remembered
        Set<String> warned = new HashSet<>();
        data.forEachFinding(scope.cityCode(), f -> {
            if (f.severity() != Severity.ERROR && f.row() != null && warned.size() < MAX_LINKED_ROWS) {
                warned.add(ReportData.rowKey(f.file(), f.sheet(), f.row()));
            }
        });
        Map<String, String> shortSha = new HashMap<>();
        for (RunInfo.InputFile f : data.runInfo().inputFiles() == null ? List.<RunInfo.InputFile>of()
                : data.runInfo().inputFiles()) {
            shortSha.put(f.file(), f.sha256() == null ? null : f.sha256().substring(0, Math.min(SHORT_SHA, f.sha256().length())));
        }
        Map<String, String> links = new HashMap<>();
        DetailTotals totals = new DetailTotals();

        TableSheet projects = new TableSheet(workbook, styles, PROJECTS, projectColumns(reference), 1,
                maxRowsPerSheet);
        data.forEachAcceptedProject(scope.cityCode(), a -> {
            ProjectRecord p = a.project();
            RowWriter row = projects.nextRow()
                    .text(p.projectId()).text(Labels.cityName(reference, p.cityCode())).text(p.cityCode())
                    .text(p.district()).text(p.projectName()).text(p.responsibleUnit()).text(p.creditCode())
                    .text(reference.category(p.categoryCode()).map(Category::name).orElse(p.categoryCode()))
                    .text(p.categoryCode())
                    .text(p.status() == null ? null : p.status().chineseName())
                    .text(p.countedStatus() == null ? null : p.countedStatus().chineseName())
                    .date(p.plannedCompletion()).date(p.actualCompletion())
                    .decimal(p.investment(), Kind.TONNES);
            Map<String, BigDecimal> claimed = new HashMap<>();
            for (Pollutant pollutant : reference.claimPollutants()) {
                row.decimal(p.claim(pollutant.code()), Kind.TONNES);
                claimed.put(pollutant.code(), p.claim(pollutant.code()));
            }
            row.text(p.remarks())
                    .text(a.file()).text(shortSha.get(a.file())).text(a.sheet()).count(a.row())
                    .text(ReadColumns.range(data.readColumns(a.file(), a.sheet()), a.row()))
                    .text(a.written().city()).text(a.written().group()).text(a.written().status())
                    .text(a.written().planned()).text(a.written().actual());
            totals.project(p.cityCode(), p.categoryCode(), p.countedStatus(), claimed);
            remember(links, warned, projects, a.file(), a.sheet(), a.row());
        });
        projects.finish();

        TableSheet emissions = new TableSheet(workbook, styles, EMISSIONS,
                emissionColumns(data.runInfo().year(), reference.baseYear()), 1, maxRowsPerSheet);
        data.forEachAcceptedEmission(scope.cityCode(), a -> {
            EmissionRecord e = a.emission();
            emissions.nextRow()
                    .text(Labels.cityName(reference, e.cityCode())).text(e.cityCode()).text(e.pollutant().code())
                    .text(e.pollutant().chineseName() + "（" + e.pollutant().label() + "）").text(e.sector())
                    .decimal(e.baseT(), Kind.TONNES).decimal(e.reportingT(), Kind.TONNES).text(e.remarks())
                    .text(a.file()).text(shortSha.get(a.file())).text(a.sheet()).count(a.row())
                    .text(a.cells() != null ? a.cells() : ReadColumns.range(data.readColumns(a.file(), a.sheet()), a.row()))
                    .text(a.written().city()).text(a.written().group());
            totals.emission(e.cityCode(), e.pollutant(), e.baseT(), e.reportingT());
            remember(links, warned, emissions, a.file(), a.sheet(), a.row());
        });
        emissions.finish();
        return new Details(projects.parts(), emissions.parts(), totals, links, projects.rowsWritten());
    }

    private static void remember(Map<String, String> links, Set<String> warned, TableSheet list, String file,
                                 String sheet, int row) {
        String key = ReportData.rowKey(file, sheet, row);
        if (warned.contains(key)) {
            links.put(key, list.address(list.lastRowIndex()));
        }
    }

    /**
     * Where the lists' rows link to, besides the detail rows ({@link Details#rowLinks()}).
     *
     * @param annotated in a city's workbook, where it shows a finding's cell annotated (sheet 原表标注)
     * @param returned  in the province workbook, where the cities' workbooks show them; null when not known
     * @param files     where each input file's row sits on 运行信息
     */
    public record Targets(Map<Finding, String> annotated, ReturnedCells returned, Map<String, Link> files) {

        /** A finding: its annotated cell here, else its detail row, else its cell in the city's workbook. */
        Link finding(Finding f, Details details) {
            Link link = Link.here(annotated.get(f));
            if (link == null && f.row() != null) {
                link = Link.here(details.rowLinks().get(ReportData.rowKey(f.file(), f.sheet(), f.row())));
            }
            return link != null || returned == null ? link : returned.find(f);
        }

        /** A rejected row's reason: its annotated cell here, else in the city's workbook. */
        Link rejection(Finding f) {
            Link link = Link.here(annotated.get(f));
            return link != null || returned == null ? link : returned.find(f);
        }

        /** The file's row on 运行信息, for a finding that has no cell to link to. */
        Link file(Finding f) {
            return f.file() == null ? null : files.get(f.file());
        }
    }

    /** Writes 问题清单 and 退回记录, each row linked to the place it concerns ({@link Targets}). */
    public static Counts writeFindings(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, ReportData data,
                                int maxRowsPerSheet, Targets targets, Details details) {
        ReferenceData reference = scope.reference();
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        int[] links = {0};
        UnaryOperator<Link> budget = link -> link == null || links[0]++ >= MAX_LINKS ? null : link;
        TableSheet findings = new TableSheet(workbook, styles, FINDINGS, FINDING_COLUMNS, 0, maxRowsPerSheet);
        data.forEachFinding(scope.cityCode(), f -> {
            bySeverity.merge(f.severity(), 1L, Long::sum);
            Link cell = targets.finding(f, details);
            String cellText = cellText(f);
            // no cell to go to (a finding about a file as a whole): the file's name links to its row on 运行信息
            Link file = budget.apply(cell == null || cellText == null ? targets.file(f) : null);
            cell = file == null ? budget.apply(cell) : null;
            findings.nextRow()
                    .text(Labels.severity(f.severity()), Kind.TEXT, severityMark(f.severity()))
                    .text(f.rule() == null ? null : f.rule().name())
                    .text(f.rule() == null ? null : f.rule().title())
                    .text(Labels.cityName(reference, f.cityCode()))
                    .link(f.file(), file).text(f.sheet()).count(f.row()).link(cellText, cell)
                    .text(shownValue(reference, f), Kind.WRAPPED, Mark.NONE)
                    .text(f.message(), Kind.WRAPPED, Mark.NONE)
                    .text(Objects.equals(shownValue(reference, f), f.value()) ? null : f.value());
        });
        findings.finish();

        long[] rejected = new long[1];
        Object[] lastRow = new Object[1];
        TableSheet rejections = new TableSheet(workbook, styles, REJECTIONS, REJECTION_COLUMNS, 0, maxRowsPerSheet);
        data.forEachRejection(scope.cityCode(), f -> {
            // one line per reason, in file, sheet, row order: a new row starts where the location changes
            List<Object> location = Arrays.asList(f.file(), f.sheet(), f.row());
            if (!Objects.equals(location, lastRow[0])) {
                rejected[0]++;
                lastRow[0] = location;
            }
            Link cell = targets.rejection(f);
            String cellText = cellText(f);
            Link file = budget.apply(cell == null || cellText == null ? targets.file(f) : null);
            cell = file == null ? budget.apply(cell) : null;
            rejections.nextRow()
                    .link(f.file(), file).text(f.sheet()).count(f.row()).link(cellText, cell)
                    .text(Labels.cityName(reference, f.cityCode()))
                    .text(f.rule() == null ? null : f.rule().name(), Kind.TEXT, severityMark(f.severity()))
                    .text(f.rule() == null ? null : f.rule().title())
                    .text(f.value(), Kind.WRAPPED, Mark.NONE).text(f.message(), Kind.WRAPPED, Mark.NONE);
        });
        rejections.finish();

        return new Counts(bySeverity, details.projectRows(), rejected[0], rejections.rowsWritten(), findings.parts());
    }

    /**
     * A finding's value as a person reads it: a reconciliation finding's category or pollutant code (VOC_FUGITIVE,
     * NOX) by its Chinese name, the code itself in 值代码; a value from a file as the file has it.
     */
    static String shownValue(ReferenceData reference, Finding f) {
        if (f.value() == null || f.file() != null) {
            return f.value();
        }
        return reference.category(f.value()).map(c -> c.name())
                .or(() -> reference.pollutant(f.value()).map(p -> p.chineseName() + "（" + p.label() + "）"))
                .orElse(f.value());
    }

    /** The finding's cell; a finding about a whole row that the detail lists show is linked by its row. */
    private static String cellText(Finding f) {
        return f.cell() != null || f.row() == null ? f.cell() : f.row() + ":" + f.row();
    }

    public static Mark severityMark(Severity severity) {
        if (severity == null) {
            return Mark.NONE;
        }
        return switch (severity) {
            case ERROR -> Mark.SHORTFALL;
            case WARNING -> Mark.ATTENTION;
            case INFO -> Mark.NONE;
        };
    }
}
