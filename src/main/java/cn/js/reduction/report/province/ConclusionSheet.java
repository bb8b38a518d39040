package cn.js.reduction.report.province;

import cn.js.reduction.reconcile.CountStatus;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.Link;
import cn.js.reduction.report.sheet.Marks;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.WorkbookStyles;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.workbook.ProjectTallySheet;
import cn.js.reduction.report.workbook.ReductionSheet;
import cn.js.reduction.report.workbook.RunSheet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 核算结论, the first sheet of the province workbook: the conclusion an auditor signs. One row per city (and 全省)
 * with its verdict on each pollutant and on its project counts, each a formula over the cell of 减排核算 or 项目统计
 * that decides it (the verdict written as its cached value), linked there; what the result rests on; the run's
 * mode in words; and a review block (审核人, 审核日期, 意见). Laid out to print on one A4 landscape page.
 */
public final class ConclusionSheet {

    public static final String NAME = "核算结论";
    /** 0-based row of the table's header; the cities follow it in annex order, then 全省. */
    public static final int HEADER_ROW = 3;
    public static final String[] REVIEW = {"审核人", "审核日期", "意见"};

    private static final String[] PROJECT_HEADERS = {"计划项目数", "报送项目数", "完成项目数", "报送与计划",
        "少于计划的类别数", "完成情况"};

    private ConclusionSheet() {
    }

    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, RunInfo run,
                             List<ProjectTally> projectTallies, List<ReductionTally> reductionTallies) {
        SXSSFSheet sheet = workbook.createSheet(NAME);
        List<Pollutant> pollutants = scope.reference().pollutants();
        int lastColumn = 1 + pollutants.size() + PROJECT_HEADERS.length;
        sheet.setColumnWidth(0, 10 * 256);
        sheet.setColumnWidth(1, 8 * 256);
        for (int c = 2; c <= lastColumn; c++) {
            sheet.setColumnWidth(c, 11 * 256);
        }
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        new RowWriter(title, styles, false).text(run.year() + "年大气污染防治减排核算 核算结论（全省）", Kind.TITLE, Mark.NONE);
        String mode = run.mode().isFinal()
                ? "本次为年终核算（final）：正式结果。"
                : "本次为日常核算（nightly）：临时结果，以年终核算为准。";
        PrintLayout.notes(sheet, styles, 1, List.of("运行编号 " + run.runId() + "，" + Labels.mode(run.mode()) + "。"
                + mode + "各结论为公式，取自“" + ReductionSheet.NAME + "”“" + ProjectTallySheet.NAME
                + "”的单元格，点击可跳转。"), lastColumn);

        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(30);
        RowWriter h = new RowWriter(header, styles, false);
        h.text("城市代码", Kind.HEADER, Mark.NONE).text("城市", Kind.HEADER, Mark.NONE);
        for (Pollutant p : pollutants) {
            h.text(p.label() + "\n减排结论", Kind.HEADER, Mark.NONE);
        }
        for (String text : PROJECT_HEADERS) {
            h.text(text, Kind.HEADER, Mark.NONE);
        }

        Map<String, ReductionTally> reductions = new HashMap<>();
        reductionTallies.forEach(t -> reductions.put(t.cityCode() + "|" + t.pollutant().code(), t));
        Map<String, ProjectTally> projects = new HashMap<>();
        projectTallies.forEach(t -> projects.put(t.cityCode() + "|" + t.categoryCode(), t));
        List<City> rows = new ArrayList<>(scope.cities());
        rows.add(scope.reference().province());
        int categories = scope.reference().categories().size();
        String reductionSheet = Formulas.sheetRef(ReductionSheet.NAME);
        String tallySheet = Formulas.sheetRef(ProjectTallySheet.NAME);
        int r = HEADER_ROW + 1;
        for (int i = 0; i < rows.size(); i++) {
            City city = rows.get(i);
            boolean province = city.isProvince();
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, province);
            w.text(city.code()).text(city.name());
            int reductionRow = ReductionSheet.FIRST_DATA_ROW + i + 1; // 1-based; 全省 follows the cities there too
            for (int p = 0; p < pollutants.size(); p++) {
                ReductionTally t = reductions.get(city.code() + "|" + pollutants.get(p).code());
                String cell = CellReference.convertNumToColString(1 + p * ReductionSheet.PER_POLLUTANT
                        + ReductionSheet.STATUS) + reductionRow;
                w.formulaText(reductionSheet + "!" + cell, t == null ? "" : Labels.reductionStatus(t.status()),
                        Kind.TEXT, Mark.NONE);
                link(sheet, w, reductionSheet + "!" + cell);
            }
            // 项目统计: a block of the categories and TOTAL per city, in the same order, 全省 last
            int firstOfCity = ProjectTallySheet.HEADER_ROW + 2 + i * (categories + 1); // 1-based
            int totalRow = firstOfCity + categories;
            ProjectTally total = projects.get(city.code() + "|" + Category.TOTAL);
            long short_ = projectTallies.stream().filter(t -> t.cityCode().equals(city.code())
                    && !Category.TOTAL.equals(t.categoryCode()) && t.countStatus() == CountStatus.SHORTFALL).count();
            int[] columns = {ProjectTallySheet.PLANNED, ProjectTallySheet.SUBMITTED, ProjectTallySheet.COMPLETED};
            int[] values = {total.planned(), total.submitted(), total.completed()};
            for (int c = 0; c < columns.length; c++) {
                w.formula(tallySheet + "!" + col(columns[c]) + totalRow, values[c], Kind.COUNT, Mark.NONE);
            }
            w.formulaText(tallySheet + "!" + col(ProjectTallySheet.COUNT_STATUS) + totalRow,
                    Labels.countStatus(total.countStatus()), Kind.TEXT, Mark.NONE);
            link(sheet, w, tallySheet + "!" + col(ProjectTallySheet.COUNT_STATUS) + totalRow);
            String statuses = col(ProjectTallySheet.COUNT_STATUS);
            w.formula("COUNTIF(" + tallySheet + "!" + statuses + firstOfCity + ":" + statuses + (totalRow - 1) + ","
                    + Formulas.text(Labels.countStatus(CountStatus.SHORTFALL)) + ")", short_, Kind.COUNT, Mark.NONE);
            w.formulaText(tallySheet + "!" + col(ProjectTallySheet.COMPLETION_STATUS) + totalRow,
                    Labels.completionStatus(total.completionStatus()), Kind.TEXT, Mark.NONE);
        }
        int lastRow = r - 1;
        mark(sheet, pollutants.size(), lastRow);

        r++;
        r = line(sheet, styles, r, "结论依据", basis(scope, run, projectTallies, reductionTallies), lastColumn);
        r = line(sheet, styles, r, "运行模式", Labels.mode(run.mode()) + "。" + mode, lastColumn);
        r = line(sheet, styles, r, "说明", "达标：减排比例不低于附件2目标；未达标：低于目标；不完整：该市该污染物有行被退回或报表整份未读，"
                + "数值只含计入的行；无数据：无排放数据。少于计划的类别数：项目报送数少于附件4计划数的类别。明细见“"
                + RunSheet.NAME + "”“" + ReductionSheet.NAME + "”“" + ProjectTallySheet.NAME + "”。", lastColumn);
        r++;
        new RowWriter(sheet.createRow(r++), styles, false).text("审核", Kind.TITLE, Mark.NONE);
        for (String label : REVIEW) {
            boolean opinion = "意见".equals(label);
            int height = opinion ? 4 : 1;
            for (int k = 0; k < height; k++) {
                RowWriter w = new RowWriter(sheet.createRow(r + k), styles, false);
                if (k == 0) {
                    w.text(label, Kind.LABEL, Mark.NONE);
                } else {
                    w.blank(Kind.LABEL, Mark.NONE);
                }
                for (int c = 1; c <= lastColumn; c++) {
                    w.blank(Kind.TEXT, Mark.NONE);
                }
                sheet.getRow(r + k).setHeightInPoints(22);
            }
            if (height > 1) {
                sheet.addMergedRegion(new CellRangeAddress(r, r + height - 1, 0, 0));
            }
            sheet.addMergedRegion(new CellRangeAddress(r, r + height - 1, 1, lastColumn));
            r += height;
        }
        sheet.createFreezePane(0, HEADER_ROW + 1);
        PrintLayout.onePage(sheet);
        PrintLayout.area(sheet, lastColumn, r - 1);
    }

    /** Files, rows accepted and rejected, cities missing a submission, and on how many cities 全省 rests. */
    private static String basis(Scope scope, RunInfo run, List<ProjectTally> projectTallies,
                                List<ReductionTally> reductionTallies) {
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        long ignored = 0;
        List<RunInfo.InputFile> files = run.inputFiles() == null ? List.of() : run.inputFiles();
        for (RunInfo.InputFile f : files) {
            read += f.rowsRead();
            accepted += f.accepted();
            rejected += f.rejected();
            ignored += f.ignored();
        }
        List<String> noProjects = new ArrayList<>();
        List<String> noEmissions = new ArrayList<>();
        for (City city : scope.cities()) {
            boolean projects = projectTallies.stream().anyMatch(t -> t.cityCode().equals(city.code())
                    && Category.TOTAL.equals(t.categoryCode()) && t.submitted() > 0);
            boolean emissions = reductionTallies.stream().anyMatch(t -> t.cityCode().equals(city.code())
                    && t.baseT() != null);
            if (!projects) {
                noProjects.add(city.name());
            }
            if (!emissions) {
                noEmissions.add(city.name());
            }
        }
        String missing = noProjects.isEmpty() && noEmissions.isEmpty() ? "各设区市均有计入的项目清单和排放量报表。"
                : (noProjects.isEmpty() ? "" : "无计入项目的城市：" + String.join("、", noProjects) + "。")
                + (noEmissions.isEmpty() ? "" : "无计入排放数据的城市：" + String.join("、", noEmissions) + "。");
        return "输入文件 " + files.size() + " 个；读取 " + read + " 行：接受 " + accepted + " 行，退回 " + rejected
                + " 行，忽略 " + ignored + " 行。" + missing + ReductionSheet.restsOn(reductionTallies, scope);
    }

    private static int line(SXSSFSheet sheet, WorkbookStyles styles, int row, String label, String text, int lastColumn) {
        Row r = sheet.createRow(row);
        new RowWriter(r, styles, false).text(label, Kind.LABEL, Mark.NONE).text(text, Kind.WRAPPED, Mark.NONE);
        double width = 0;
        for (int c = 1; c <= lastColumn; c++) {
            width += sheet.getColumnWidth(c) / 256.0;
        }
        r.setHeightInPoints(RowWriter.estimatedLines(text, width) * RowWriter.LINE_HEIGHT + 4);
        sheet.addMergedRegion(new CellRangeAddress(row, row, 1, lastColumn));
        return row + 1;
    }

    /** The verdicts' fills follow their text, so that a recalculated workbook marks what it shows. */
    private static void mark(SXSSFSheet sheet, int pollutants, int lastRow) {
        int first = HEADER_ROW + 1;
        CellRangeAddress verdicts = new CellRangeAddress(first, lastRow, 2, 1 + pollutants);
        String cell = "C" + (first + 1);
        Marks.when(sheet, cell + "=" + Formulas.text("未达标"), Mark.SHORTFALL, verdicts);
        Marks.when(sheet, cell + "=" + Formulas.text("不完整"), Mark.COMPLETION, verdicts);
        Marks.when(sheet, cell + "=" + Formulas.text("无数据"), Mark.NO_DATA, verdicts);
        int countStatus = 2 + pollutants + 3;
        String c = CellReference.convertNumToColString(countStatus) + (first + 1);
        Marks.when(sheet, c + "=" + Formulas.text(Labels.countStatus(CountStatus.SHORTFALL)), Mark.SHORTFALL,
                new CellRangeAddress(first, lastRow, countStatus, countStatus + 1));
    }

    private static void link(SXSSFSheet sheet, RowWriter w, String target) {
        org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(w.rowIndex()).getCell(w.column() - 1);
        org.apache.poi.ss.usermodel.Hyperlink link = sheet.getWorkbook().getCreationHelper()
                .createHyperlink(org.apache.poi.common.usermodel.HyperlinkType.DOCUMENT);
        link.setAddress(Link.here(target).address());
        cell.setHyperlink(link);
    }

    private static String col(int column) {
        return CellReference.convertNumToColString(column);
    }
}
