package cn.js.reduction.report.workbook;

import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.reconcile.CompletionStatus;
import cn.js.reduction.reconcile.CountStatus;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Formulas.Criterion;
import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.Marks;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.TableSheet;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 项目统计: projects_by_city_category.csv row for row (city × category, TOTAL last; the province last), every figure
 * a formula: 计划 a lookup into 附件, 报送 / 完成 / 在建 / 未开工 COUNTIFS over 项目明细 (a city's TOTAL row sums its
 * categories), 差额, 完成率 and the two statuses formulas over those cells. Where the annex-shaped 项目汇总 shows
 * three measures, this sheet shows all of them, so that every column of the CSV can be checked inside Excel.
 */
public final class ProjectTallySheet {

    public static final String NAME = "项目统计";
    public static final int HEADER_ROW = 2;
    public static final String[] HEADERS = {"城市代码", "城市", "类别代码", "项目类别", "类别组", "计划", "报送", "完成", "在建", "未开工",
            "差额（报送−计划）", "完成率（完成÷计划）", "数量状态", "完成状态"};
    private static final int[] WIDTHS = {9, 8, 16, 30, 22, 7, 7, 7, 7, 7, 10, 11, 10, 9};
    // columns of the figures
    public static final int PLANNED = 5;
    public static final int SUBMITTED = 6;
    public static final int COMPLETED = 7;
    public static final int COMPLETION_RATE = 11;
    public static final int COUNT_STATUS = 12;
    public static final int COMPLETION_STATUS = 13;

    private ProjectTallySheet() {
    }

    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, RunInfo run, List<ProjectTally> tallies,
                      AnnexSheet annex, ListSheets.Details details) {
        SXSSFSheet sheet = workbook.createSheet(NAME);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        String who = scope.isProvince() ? "" : "（" + scope.city().name() + "市）";
        new RowWriter(title, styles, false).text(run.year() + "年项目统计" + who + "　与 projects_by_city_category.csv 逐行对应　运行编号 "
                + run.runId(), Kind.TITLE, Mark.NONE);
        new RowWriter(sheet.createRow(1), styles, false).text("计划查“附件”；报送、完成、在建、未开工按“项目明细”的设区市、类别代码、统计口径状态计数"
                + "（COUNTIFS）；合计行为本市各类别之和；差额、完成率、状态为本行公式。", Kind.NOTE, Mark.NONE);
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(30);
        RowWriter h = new RowWriter(header, styles, false);
        for (int i = 0; i < HEADERS.length; i++) {
            h.text(HEADERS[i], Kind.HEADER, Mark.NONE);
            h.fitHeight(HEADERS[i], WIDTHS[i]);
        }
        List<City> cities = new ArrayList<>(scope.cities());
        if (scope.isProvince()) {
            cities.add(scope.reference().province());
        }
        java.util.Map<String, ProjectTally> index = new java.util.HashMap<>();
        for (ProjectTally t : tallies) {
            index.put(t.cityCode() + "|" + t.categoryCode(), t);
        }
        List<TableSheet.Part> projects = details.projects();
        int r = HEADER_ROW + 1;
        for (City city : cities) {
            int firstOfCity = r;
            List<String> codes = new ArrayList<>(scope.reference().categories().stream().map(Category::code).toList());
            codes.add(Category.TOTAL);
            for (String code : codes) {
                ProjectTally t = index.get(city.code() + "|" + code);
                if (t == null) {
                    throw new IllegalStateException("项目统计缺少 " + city.code() + " × " + code + " 的统计 (no project tally)");
                }
                boolean total = Category.TOTAL.equals(code);
                RowWriter w = new RowWriter(sheet.createRow(r), styles, total);
                w.text(city.code()).text(city.name()).text(code).text(t.categoryName()).text(t.groupName());
                w.formula(annex.planned(city, code), t.planned(), Kind.COUNT, Mark.NONE);
                int[] figures = {t.submitted(), t.completed(), t.inProgress(), t.notStarted()};
                ProjectStatus[] statuses = {null, ProjectStatus.COMPLETED, ProjectStatus.IN_PROGRESS, ProjectStatus.NOT_STARTED};
                for (int m = 0; m < figures.length; m++) {
                    String formula;
                    if (total) {
                        String col = org.apache.poi.ss.util.CellReference.convertNumToColString(SUBMITTED + m);
                        formula = "SUM(" + col + (firstOfCity + 1) + ":" + col + r + ")";
                    } else {
                        List<Criterion> criteria = new ArrayList<>();
                        if (!city.isProvince()) {
                            criteria.add(new Criterion(ListSheets.P_CITY, city.name()));
                        }
                        criteria.add(new Criterion(ListSheets.P_CATEGORY_CODE, code));
                        if (statuses[m] != null) {
                            criteria.add(new Criterion(ListSheets.P_COUNTED_STATUS, statuses[m].chineseName()));
                        }
                        formula = Formulas.countIfs(projects, criteria.toArray(Criterion[]::new));
                        if (!city.isProvince()) {
                            ProjectMatrixSheet.agree(figures[m], details.totals().count(city.code(), code, statuses[m]),
                                    city.name() + " " + t.categoryName() + " " + HEADERS[SUBMITTED + m]);
                        }
                    }
                    w.formula(formula, figures[m], Kind.COUNT, Mark.NONE);
                }
                String planned = w.ref(PLANNED);
                String submitted = w.ref(SUBMITTED);
                String completed = w.ref(COMPLETED);
                w.formula(submitted + "-" + planned, t.variance(), Kind.COUNT, Mark.NONE);
                w.formula("IF(" + planned + "=0,\"\"," + Formulas.rounded(completed + "/" + planned) + ")",
                        ReductionSheet.rounded(t.completionRate()), Kind.RATIO, Mark.NONE);
                w.formulaText("IF(" + submitted + "=" + planned + ",\"" + Labels.countStatus(CountStatus.OK) + "\",IF("
                        + submitted + "<" + planned + ",\"" + Labels.countStatus(CountStatus.SHORTFALL) + "\",IF(" + planned
                        + ">0,\"" + Labels.countStatus(CountStatus.EXCESS) + "\",\"" + Labels.countStatus(CountStatus.UNPLANNED)
                        + "\")))", Labels.countStatus(t.countStatus()), Kind.TEXT, Mark.NONE);
                w.formulaText("IF(" + completed + ">=" + planned + ",\"" + Labels.completionStatus(CompletionStatus.MET)
                        + "\",\"" + Labels.completionStatus(CompletionStatus.NOT_MET) + "\")",
                        Labels.completionStatus(t.completionStatus()), Kind.TEXT, Mark.NONE);
                r++;
            }
        }
        int first = HEADER_ROW + 2;
        CellRangeAddress statusCells = new CellRangeAddress(HEADER_ROW + 1, r - 1, COUNT_STATUS, COUNT_STATUS);
        Marks.when(sheet, "$G" + first + "<$F" + first, Mark.SHORTFALL, statusCells);
        Marks.when(sheet, "AND($F" + first + "=0,$G" + first + ">0)", Mark.ATTENTION, statusCells);
        Marks.when(sheet, "AND($F" + first + ">0,$G" + first + ">$F" + first + ")", Mark.EXCESS, statusCells);
        if (run.mode().isFinal()) {
            Marks.when(sheet, "$H" + first + "<$F" + first, Mark.COMPLETION,
                    new CellRangeAddress(HEADER_ROW + 1, r - 1, COMPLETION_STATUS, COMPLETION_STATUS));
        }
        sheet.createFreezePane(2, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, r - 1, 0, HEADERS.length - 1));
        sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
        PrintLayout.wide(sheet);
    }
}
