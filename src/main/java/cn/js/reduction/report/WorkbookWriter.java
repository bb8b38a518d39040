package cn.js.reduction.report;

import cn.js.reduction.core.Finding;
import cn.js.reduction.report.changes.Comparison;
import cn.js.reduction.report.city.ComparisonSheet;
import cn.js.reduction.report.city.GuideSheet;
import cn.js.reduction.report.city.ReturnedRowsSheet;
import cn.js.reduction.report.data.ReportData;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.province.ConclusionSheet;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.RuleSheet;
import cn.js.reduction.report.sheet.StreamingWorkbook;
import cn.js.reduction.report.sheet.TableSheet;
import cn.js.reduction.report.sheet.WorkbookStyles;
import cn.js.reduction.report.workbook.AnnexSheet;
import cn.js.reduction.report.workbook.ChartSheet;
import cn.js.reduction.report.workbook.ListSheets;
import cn.js.reduction.report.workbook.PlanSheet;
import cn.js.reduction.report.workbook.ProjectMatrixSheet;
import cn.js.reduction.report.workbook.ProjectTallySheet;
import cn.js.reduction.report.workbook.ReductionSheet;
import cn.js.reduction.report.workbook.ReturnedCells;
import cn.js.reduction.report.workbook.RunSheet;
import cn.js.reduction.report.workbook.SinceLastRunSheet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the reconciled workbooks (docs/outputs.md): the province workbook for auditors and one feedback workbook
 * per city. Streaming (SXSSF): only a window of rows is in memory, so a million projects need no more heap
 * than ten. Sheets: 核算结论 (the province's only), 与上次对比, 运行信息, 项目汇总, 减排核算, 项目统计, 附件, 问题清单, 项目明细, 排放明细, 退回记录, 规则说明; a
 * city's workbook starts with 说明, holds only that city's part, and returns its faulty rows annotated in 原表标注
 * (before 规则说明). Every figure of the summaries is a formula over the detail sheets and 附件, with the
 * reconciliation's figure as its cached value. Same {@link ReportData}, same workbook: the only times written
 * are the run's own.
 */
public class WorkbookWriter {

    /** Rows kept in memory per sheet; the rest is flushed to a compressed temporary file. */
    private static final int WINDOW = 200;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final int maxRowsPerSheet;
    private final Path inputFolder;
    private Comparison comparison = Comparison.NONE;

    public WorkbookWriter() {
        this(SpreadsheetVersion.EXCEL2007.getMaxRows(), null);
    }

    /**
     * @param inputFolder the run's submitted files, read again to return a city's faulty rows annotated (sheet
     *                    原表标注); null writes the workbooks without that sheet
     */
    public WorkbookWriter(Path inputFolder) {
        this(SpreadsheetVersion.EXCEL2007.getMaxRows(), inputFolder);
    }

    /** @param maxRowsPerSheet rows per list sheet, header included, before the list goes on in a new sheet */
    public WorkbookWriter(int maxRowsPerSheet) {
        this(maxRowsPerSheet, null);
    }

    public WorkbookWriter(int maxRowsPerSheet, Path inputFolder) {
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.inputFolder = inputFolder;
    }

    /** Writes the comparison with the previous complete run into the workbooks (与上次对比). */
    public WorkbookWriter comparedWith(Comparison comparison) {
        this.comparison = comparison;
        return this;
    }

    /** The province workbook: every city, 全省 totals as formulas, every finding, project and rejection. */
    public void writeProvince(ReportData data, Path out) throws IOException {
        write(data, Scope.province(data.reference()), out, null);
    }

    /**
     * The province workbook, its rejections and findings linked to the cells the cities' workbooks show annotated
     * ({@link ReturnedCells}), which it waits for once its other sheets are written.
     */
    public void writeProvince(ReportData data, Path out, ReturnedCells returned) throws IOException {
        write(data, Scope.province(data.reference()), out, returned);
    }

    /**
     * One city's feedback workbook: 说明 first, then the same sheets restricted to the city.
     *
     * @param cityCode GB/T 2260 code of one of the 13 cities, e.g. 320100
     */
    public void writeCity(ReportData data, String cityCode, Path out) throws IOException {
        write(data, Scope.city(data.reference(), cityCode), out, null);
    }

    /** One city's feedback workbook, telling {@code returned} where its 原表标注 shows each finding's cell. */
    public void writeCity(ReportData data, String cityCode, Path out, ReturnedCells returned) throws IOException {
        write(data, Scope.city(data.reference(), cityCode), out, returned);
    }

    /**
     * @param returned the cities' annotated cells: a city's workbook tells it where it shows them, the province's
     *                 links to them; null for neither
     */
    private void write(ReportData data, Scope scope, Path out, ReturnedCells returned) throws IOException {
        RunInfo run = data.runInfo();
        // written aside and moved into place: a reader never sees half a workbook under the final name
        Path part = out.resolveSibling(out.getFileName() + ".part");
        SXSSFWorkbook workbook = new StreamingWorkbook(WINDOW);
        try {
            WorkbookStyles styles = new WorkbookStyles(workbook);
            var projectTallies = data.projectTallies();
            var reductionTallies = data.reductionTallies();
            // the detail first: the summary formulas cover the sheets the lists went into, and the summaries check
            // that the tallies equal what the detail adds up to; the sheets are put in reading order at the end
            AnnexSheet annex = AnnexSheet.write(workbook, styles, scope);
            ListSheets.Details details = ListSheets.writeDetails(workbook, styles, scope, data, maxRowsPerSheet);
            // the annotated rows before the findings, so that the lists can link to them
            Map<Finding, String> annotated = !scope.isProvince() && inputFolder != null
                    ? ReturnedRowsSheet.write(workbook, scope, data, inputFolder) : Map.of();
            if (returned != null && !scope.isProvince()) {
                returned.record(scope.cityCode(), annotated);
            }
            if (returned != null && scope.isProvince()) {
                awaitCities(returned);
            }
            ListSheets.Targets targets = new ListSheets.Targets(annotated, scope.isProvince() ? returned : null,
                    RunSheet.fileLinks(scope, run));
            ListSheets.Counts counts = ListSheets.writeFindings(workbook, styles, scope, data, maxRowsPerSheet,
                    targets, details);
            RunSheet.write(workbook, styles, scope, run, counts);
            if (scope.isProvince()) {
                RunSheet.writeChangeCounts(workbook.getSheet(RunSheet.NAME), styles, scope, data.changeCounts());
            } else {
                ComparisonSheet.write(workbook, styles, data.changes(scope.cityCode()), inputFolder);
            }
            ProjectMatrixSheet.write(workbook, styles, scope, run, projectTallies, annex, details);
            ProjectTallySheet.write(workbook, styles, scope, run, projectTallies, annex, details);
            ReductionSheet.write(workbook, styles, scope, run, reductionTallies, annex, details);
            PlanSheet.write(workbook, styles, scope, run);
            ChartSheet.write(workbook, styles, scope, run, projectTallies, reductionTallies);
            SinceLastRunSheet.write(workbook, styles, scope, comparison);
            if (scope.isProvince()) {
                ConclusionSheet.write(workbook, styles, scope, run, projectTallies, reductionTallies);
            }
            RuleSheet.write(workbook, scope.reference().terms());
            if (!scope.isProvince()) {
                GuideSheet.write(workbook.createSheet(GuideSheet.NAME), styles, scope, run, projectTallies,
                        reductionTallies, counts);
            }
            arrange(workbook, ConclusionSheet.NAME, GuideSheet.NAME, SinceLastRunSheet.NAME,
                    RunSheet.NAME, ProjectMatrixSheet.NAME, ReductionSheet.NAME, ComparisonSheet.NAME,
                    ChartSheet.NAME, ProjectTallySheet.NAME, PlanSheet.NAME, AnnexSheet.NAME, ListSheets.FINDINGS,
                    ListSheets.PROJECTS, ListSheets.EMISSIONS,
                    ListSheets.REJECTIONS, ReturnedRowsSheet.NAME, RuleSheet.NAME);
            workbook.setActiveSheet(0);
            workbook.setSelectedTab(0);
            describe(workbook, scope, run);
            try (OutputStream o = Files.newOutputStream(part)) {
                workbook.write(o);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        } finally {
            workbook.close();
            workbook.dispose();
        }
        try {
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void awaitCities(ReturnedCells returned) throws IOException {
        try {
            returned.awaitCities();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for the cities' workbooks");
        }
    }

    /**
     * Puts the sheets in reading order: each name, followed by its continuation sheets (…（续2）), in the order
     * given; a name the workbook does not have is passed over.
     */
    private static void arrange(SXSSFWorkbook workbook, String... order) {
        int position = 0;
        for (String name : order) {
            for (int part = 1; ; part++) {
                String sheet = part == 1 ? name : TableSheet.partName(name, part);
                if (workbook.getSheet(sheet) == null) {
                    break;
                }
                workbook.setSheetOrder(sheet, position++);
            }
        }
    }

    /** Document properties from the run, not the clock, so that reruns write the same workbook. */
    private static void describe(SXSSFWorkbook workbook, Scope scope, RunInfo run) {
        POIXMLProperties.CoreProperties core = workbook.getXSSFWorkbook().getProperties().getCoreProperties();
        // Version.current() already names the software ("reduction-accounting 1.0.0").
        core.setCreator(run.softwareVersion() == null ? "reduction-accounting" : run.softwareVersion());
        core.setTitle(run.year() + "年大气污染防治减排核算" + (scope.isProvince() ? "（全省）" : "（" + scope.city().name() + "市反馈）"));
        core.setSubjectProperty(scope.reference().plan().title());
        core.setIdentifier("run-" + run.runId());
        core.setKeywords("运行编号 " + run.runId() + "; " + run.mode().name().toLowerCase(java.util.Locale.ROOT) + "; "
                + scope.reference().version());
        core.setDescription("运行编号 " + run.runId() + "，" + Labels.mode(run.mode()) + "，基准数据版本 "
                + scope.reference().version());
        if (run.startTime() != null) {
            core.setCreated(Optional.of(Date.from(run.startTime().atZone(CHINA).toInstant())));
        }
    }
}
