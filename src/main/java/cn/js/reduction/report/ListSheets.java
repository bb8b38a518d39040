package cn.js.reduction.report;

import cn.js.reduction.core.Finding;
import cn.js.reduction.store.ProjectRecord;
import cn.js.reduction.core.Severity;
import cn.js.reduction.discover.Field;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.TableSheet.Column;
import cn.js.reduction.report.WorkbookStyles.Kind;
import cn.js.reduction.report.WorkbookStyles.Mark;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The three row-level sheets, streamed from {@link ReportData} one row at a time: 问题清单 (findings),
 * 项目明细 (accepted projects with their source) and 退回记录 (rejected rows with their reasons).
 */
final class ListSheets {

    static final String FINDINGS = "问题清单";
    static final String PROJECTS = "项目明细";
    static final String REJECTIONS = "退回记录";

    static final List<Column> FINDING_COLUMNS = List.of(new Column("级别", 6), new Column("规则", 26),
            new Column("规则说明", 30), new Column("城市", 8), new Column("文件", 32), new Column("工作表", 14),
            new Column("行号", 8), new Column("单元格", 8), new Column("值", 24), new Column("说明", 60));

    /** The project list's columns, a claim column per pollutant of the plan year between 总投资 and 备注. */
    static List<Column> projectColumns(ReferenceData reference) {
        List<Column> columns = new ArrayList<>(List.of(new Column("项目编号", 18), new Column("设区市", 8),
                new Column("城市代码", 9), new Column("县（市、区）", 12), new Column("项目名称", 36),
                new Column("责任单位", 28), new Column("统一社会信用代码", 22), new Column("项目类别", 26),
                new Column("类别代码", 15), new Column("进展状态", 9), new Column("统计口径状态", 9),
                new Column("计划完成时间", 12), new Column("实际完成时间", 12), new Column("总投资（万元）", 12)));
        for (Field claim : Field.claims(reference.claimPollutants())) {
            columns.add(new Column(claim.label(), 12));
        }
        columns.addAll(List.of(new Column("备注", 24), new Column("来源文件", 32), new Column("工作表", 14),
                new Column("行号", 8)));
        return List.copyOf(columns);
    }

    static final List<Column> REJECTION_COLUMNS = List.of(new Column("文件", 32), new Column("工作表", 14),
            new Column("行号", 8), new Column("单元格", 8), new Column("城市", 8), new Column("规则", 26),
            new Column("规则说明", 30), new Column("值", 24), new Column("说明", 60));

    /** What the city's 说明 sheet reports about the lists. */
    record Counts(Map<Severity, Long> findings, long projects, long rejectedRows, long rejectionReasons) {
    }

    private ListSheets() {
    }

    static Counts write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, ReportData data,
                        int maxRowsPerSheet) {
        return write(workbook, styles, scope, data, maxRowsPerSheet, Map.of());
    }

    /**
     * @param annotated where the workbook shows a finding's cell annotated (sheet 原表标注), as a link address;
     *                  the 单元格 of such a finding links there
     */
    static Counts write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, ReportData data,
                        int maxRowsPerSheet, Map<Finding, String> annotated) {
        ReferenceData reference = scope.reference();

        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        TableSheet findings = new TableSheet(workbook, styles, FINDINGS, FINDING_COLUMNS, 0, maxRowsPerSheet);
        data.forEachFinding(scope.cityCode(), f -> {
            bySeverity.merge(f.severity(), 1L, Long::sum);
            findings.nextRow()
                    .text(Labels.severity(f.severity()), Kind.TEXT, severityMark(f.severity()))
                    .text(f.rule() == null ? null : f.rule().name())
                    .text(f.rule() == null ? null : f.rule().title())
                    .text(Labels.cityName(reference, f.cityCode()))
                    .text(f.file()).text(f.sheet()).count(f.row()).link(f.cell(), annotated.get(f))
                    .text(f.value(), Kind.WRAPPED, Mark.NONE)
                    .text(f.message(), Kind.WRAPPED, Mark.NONE);
        });
        findings.finish();

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
            for (Pollutant pollutant : reference.claimPollutants()) {
                row.decimal(p.claim(pollutant.code()), Kind.TONNES);
            }
            row.text(p.remarks())
                    .text(a.file()).text(a.sheet()).count(a.row());
        });
        projects.finish();

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
            rejections.nextRow()
                    .text(f.file()).text(f.sheet()).count(f.row()).link(f.cell(), annotated.get(f))
                    .text(Labels.cityName(reference, f.cityCode()))
                    .text(f.rule() == null ? null : f.rule().name(), Kind.TEXT, severityMark(f.severity()))
                    .text(f.rule() == null ? null : f.rule().title())
                    .text(f.value(), Kind.WRAPPED, Mark.NONE).text(f.message(), Kind.WRAPPED, Mark.NONE);
        });
        rejections.finish();

        return new Counts(bySeverity, projects.rowsWritten(), rejected[0], rejections.rowsWritten());
    }

    static Mark severityMark(Severity severity) {
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
