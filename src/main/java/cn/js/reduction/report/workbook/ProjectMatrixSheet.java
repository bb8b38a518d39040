package cn.js.reduction.report.workbook;

import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Formulas.Criterion;
import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.Legend;
import cn.js.reduction.report.sheet.Marks;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.TableSheet;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.ComparisonOperator;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * 项目汇总, laid out like annex 4: cities down (annex order, 全省 last), the 18 categories across, each with
 * three columns 计划 / 报送 / 完成, then 合计. The header has three rows: the annex's group (merged over its
 * categories; a group of one category is merged down over the category row), the category (merged over its
 * three measures) and the measure. Every figure is a formula with the reconciliation's figure as its cached
 * value: 计划 a lookup into 附件, 报送 and 完成 COUNTIFS over 项目明细 (city, category, counted status), the 全省 row
 * and the 合计 columns SUM over the cells they add up. The tallies must equal what those formulas find, or the
 * workbook is not written (it would disagree with the CSV).
 */
public final class ProjectMatrixSheet {

    public static final String NAME = "项目汇总";
    public static final String[] MEASURES = {"计划", "报送", "完成"};
    public static final int GROUP_ROW = 2;
    public static final int CATEGORY_ROW = 3;
    public static final int MEASURE_ROW = 4;
    public static final int FIRST_DATA_ROW = 5;
    private static final int MEASURE_WIDTH = 6;

    private ProjectMatrixSheet() {
    }

    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, RunInfo run,
                      List<ProjectTally> tallies, AnnexSheet annex, ListSheets.Details details) {
        List<Category> categories = scope.reference().categories();
        Map<String, ProjectTally> index = new HashMap<>();
        for (ProjectTally t : tallies) {
            index.put(t.cityCode() + "|" + t.categoryCode(), t);
        }
        int columns = 1 + 3 * (categories.size() + 1);
        int totalColumn = 1 + 3 * categories.size();
        boolean finalMode = run.mode().isFinal();

        SXSSFSheet sheet = workbook.createSheet(NAME);
        sheet.setColumnWidth(0, 10 * 256);
        for (int c = 1; c < columns; c++) {
            sheet.setColumnWidth(c, MEASURE_WIDTH * 256);
        }
        writeTitle(sheet, styles, scope, run);
        // the pages across first: the legend's boxes are sized to stay on the first page
        List<Integer> pages = printAcrossPages(sheet, categories, columns - 1);
        int firstPageColumns = (pages.isEmpty() ? columns : pages.get(0)) - 1;
        writeLegend(sheet, styles, finalMode, Math.max(1, Math.min(9, firstPageColumns / 4)));
        writeHeader(sheet, styles, categories);
        PrintLayout.continuedTitles(sheet, styles, pages, run.year() + "年大气污染防治工程项目汇总表"
                + (scope.isProvince() ? "" : "（" + scope.city().name() + "市）"));

        List<City> cities = scope.cities();
        List<TableSheet.Part> projects = details.projects();
        DetailTotals found = details.totals();
        int[][] values = new int[cities.size()][columns];
        int r = FIRST_DATA_ROW;
        for (int ci = 0; ci < cities.size(); ci++) {
            City city = cities.get(ci);
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, false);
            w.text(city.name(), Kind.LABEL, Mark.NONE);
            int[] sums = new int[3];
            for (Category category : categories) {
                ProjectTally t = tally(index, city.code(), category.code());
                String what = city.name() + " " + category.name() + " ";
                agree(scope.reference().planned(city.code(), category.code()), t.planned(), what + "计划");
                agree(t.submitted(), found.count(city.code(), category.code(), null), what + "报送");
                agree(t.completed(), found.count(city.code(), category.code(), ProjectStatus.COMPLETED), what + "完成");
                int[] figures = {t.planned(), t.submitted(), t.completed()};
                Criterion inCity = new Criterion(ListSheets.P_CITY, city.name());
                Criterion ofCategory = new Criterion(ListSheets.P_CATEGORY_CODE, category.code());
                w.formula(annex.planned(city, category.code()), t.planned(), Kind.COUNT, Mark.NONE);
                w.formula(Formulas.countIfs(projects, inCity, ofCategory), t.submitted(), Kind.COUNT, Mark.NONE);
                w.formula(Formulas.countIfs(projects, inCity, ofCategory, COMPLETED), t.completed(), Kind.COUNT,
                        Mark.NONE);
                for (int m = 0; m < 3; m++) {
                    values[ci][w.column() - 3 + m] = figures[m];
                    sums[m] += figures[m];
                }
            }
            ProjectTally total = tally(index, city.code(), Category.TOTAL);
            int[] expected = {total.planned(), total.submitted(), total.completed()};
            for (int m = 0; m < 3; m++) {
                agree(expected[m], sums[m], city.name() + " 合计 " + MEASURES[m]);
                List<String> refs = new ArrayList<>();
                for (int k = 0; k < categories.size(); k++) {
                    refs.add(w.ref(1 + 3 * k + m));
                }
                values[ci][totalColumn + m] = sums[m];
                new RowWriter(sheet.getRow(w.rowIndex()), styles, true).at(totalColumn + m)
                        .formula("SUM(" + String.join(",", refs) + ")", sums[m], Kind.COUNT, Mark.NONE);
            }
        }
        int lastCityRow = r - 1;
        if (scope.isProvince()) {
            writeProvinceRow(sheet, styles, scope, index, categories, values, r++);
        }
        mark(sheet, FIRST_DATA_ROW, r - 1, categories.size() + 1, finalMode);
        sheet.createFreezePane(1, FIRST_DATA_ROW);
        sheet.setAutoFilter(new CellRangeAddress(MEASURE_ROW, lastCityRow, 0, columns - 1));
        sheet.setRepeatingRows(new CellRangeAddress(GROUP_ROW, MEASURE_ROW, -1, -1));
        greyZeros(sheet, new CellRangeAddress(FIRST_DATA_ROW, r - 1, 1, columns - 1));
        int lastRow = writeNotes(sheet, styles, r + 1, scope, firstPageColumns);
        PrintLayout.continuedNotes(sheet, styles, pages, r + 1);
        PrintLayout.area(sheet, columns - 1, lastRow);
    }

    /** 项目汇总 prints at full size: three A3 pages across for the 2020 plan, each figure as legible as on screen. */
    public static final int PRINT_SCALE = 100;

    /**
     * Fit to one page width the 58 columns print too small to read, so the matrix goes across pages at a scale
     * that keeps it legible: the city column on every page, the header rows on every page (set above), and the
     * pages broken between the annex's groups of categories (the 合计 block counted as one), so that a group's
     * 计划 / 报送 / 完成 are never split; a group too wide for a page alone is broken between its categories.
     */
    private static List<Integer> printAcrossPages(SXSSFSheet sheet, List<Category> categories, int lastColumn) {
        List<Integer> starts = new ArrayList<>();
        int k = 0;
        while (k < categories.size()) {
            starts.add(1 + 3 * k);
            int end = k;
            while (end + 1 < categories.size() && categories.get(end + 1).group().equals(categories.get(k).group())) {
                end++;
            }
            k = end + 1;
        }
        starts.add(1 + 3 * categories.size());
        // a group wider than a page alone is broken between its categories
        double room = PrintLayout.A3_LANDSCAPE_WIDTH * 100 / PRINT_SCALE - PrintLayout.width(sheet, 0, 0);
        List<Integer> blocks = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int first = starts.get(i);
            int last = i + 1 < starts.size() ? starts.get(i + 1) - 1 : lastColumn;
            if (PrintLayout.width(sheet, first, last) <= room) {
                blocks.add(first);
            } else {
                for (int c = first; c <= last; c += 3) {
                    blocks.add(c);
                }
            }
        }
        return PrintLayout.acrossPages(sheet, PRINT_SCALE, 1, blocks, lastColumn);
    }

    private static final Criterion COMPLETED = new Criterion(ListSheets.P_COUNTED_STATUS,
            ProjectStatus.COMPLETED.chineseName());

    /**
     * The marks as conditions on the figures beside them: 报送 against 计划 (shortfall, unplanned, excess) and, at
     * the year-end run, 完成 against 计划.
     */
    private static void mark(SXSSFSheet sheet, int firstRow, int lastRow, int blocks, boolean finalMode) {
        CellRangeAddress[] submitted = new CellRangeAddress[blocks];
        CellRangeAddress[] completed = new CellRangeAddress[blocks];
        for (int k = 0; k < blocks; k++) {
            submitted[k] = new CellRangeAddress(firstRow, lastRow, 2 + 3 * k, 2 + 3 * k);
            completed[k] = new CellRangeAddress(firstRow, lastRow, 3 + 3 * k, 3 + 3 * k);
        }
        int row = firstRow + 1;
        Marks.when(sheet, "C" + row + "<B" + row, Mark.SHORTFALL, submitted);
        Marks.when(sheet, "AND(B" + row + "=0,C" + row + ">0)", Mark.ATTENTION, submitted);
        Marks.when(sheet, "AND(B" + row + ">0,C" + row + ">B" + row + ")", Mark.EXCESS, submitted);
        if (finalMode) {
            Marks.when(sheet, "AND(B" + row + ">0,D" + row + "<B" + row + ")", Mark.COMPLETION, completed);
        }
    }

    private static void writeProvinceRow(SXSSFSheet sheet, WorkbookStyles styles, Scope scope,
                                         Map<String, ProjectTally> index, List<Category> categories,
                                         int[][] values, int row) {
        String province = scope.reference().province().code();
        RowWriter w = new RowWriter(sheet.createRow(row), styles, true);
        w.text(scope.reference().province().name(), Kind.LABEL, Mark.NONE);
        int columns = values[0].length;
        for (int c = 1; c < columns; c++) {
            int k = (c - 1) / 3;
            int m = (c - 1) % 3;
            ProjectTally t = tally(index, province, k < categories.size() ? categories.get(k).code() : Category.TOTAL);
            int sum = 0;
            for (int[] cityValues : values) {
                sum += cityValues[c];
            }
            int expected = m == 0 ? t.planned() : m == 1 ? t.submitted() : t.completed();
            agree(expected, sum, "全省 " + t.categoryName() + " " + MEASURES[m]);
            String column = CellReference.convertNumToColString(c);
            w.formula("SUM(" + column + (FIRST_DATA_ROW + 1) + ":" + column + row + ")", sum, Kind.COUNT, Mark.NONE);
        }
    }

    private static void writeTitle(SXSSFSheet sheet, WorkbookStyles styles, Scope scope, RunInfo run) {
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        // from column B: column A is repeated on every page, where a title starting in it would be cut
        new RowWriter(title, styles, false).at(1).text(title(scope, run), Kind.TITLE, Mark.NONE);
    }

    private static String title(Scope scope, RunInfo run) {
        String who = scope.isProvince() ? "" : "（" + scope.city().name() + "市）";
        return run.year() + "年大气污染防治工程项目汇总表" + who + "　计划 / 报送 / 完成　运行编号 " + run.runId() + "，"
                + Labels.mode(run.mode());
    }

    /** The legend, each box {@code span} columns wide; what the formulas are is said in the notes below the table. */
    private static void writeLegend(SXSSFSheet sheet, WorkbookStyles styles, boolean finalMode, int span) {
        Legend.write(sheet, styles, span, List.of(
                new Legend.Entry("报送数少于计划数（SHORTFALL）", Mark.SHORTFALL),
                new Legend.Entry("报送数多于计划数（EXCESS）", Mark.EXCESS),
                new Legend.Entry("计划外类别报送了项目（UNPLANNED）", Mark.ATTENTION),
                new Legend.Entry(finalMode ? "完成数少于计划数（年终核算）" : "完成数少于计划数（仅年终核算标注）", Mark.COMPLETION)),
                null);
    }

    /** Three header rows as a grid of texts (null under a merge), written in row order, then merged. */
    private static void writeHeader(SXSSFSheet sheet, WorkbookStyles styles, List<Category> categories) {
        int columns = 1 + 3 * (categories.size() + 1);
        String[][] grid = new String[3][columns];
        List<CellRangeAddress> merges = new ArrayList<>();
        grid[0][0] = "城市";
        merges.add(new CellRangeAddress(GROUP_ROW, MEASURE_ROW, 0, 0));
        int k = 0;
        while (k < categories.size()) {
            String group = categories.get(k).group();
            int end = k;
            while (end + 1 < categories.size() && categories.get(end + 1).group().equals(group)) {
                end++;
            }
            int first = 1 + 3 * k;
            int last = 3 + 3 * end;
            if (end == k) {
                Category only = categories.get(k);
                grid[0][first] = only.name().equals(group) ? group : group + "／" + only.name();
                merges.add(new CellRangeAddress(GROUP_ROW, CATEGORY_ROW, first, last));
            } else {
                grid[0][first] = group;
                merges.add(new CellRangeAddress(GROUP_ROW, GROUP_ROW, first, last));
                for (int j = k; j <= end; j++) {
                    grid[1][1 + 3 * j] = categories.get(j).name();
                    merges.add(new CellRangeAddress(CATEGORY_ROW, CATEGORY_ROW, 1 + 3 * j, 3 + 3 * j));
                }
            }
            k = end + 1;
        }
        int total = 1 + 3 * categories.size();
        grid[0][total] = "合计";
        merges.add(new CellRangeAddress(GROUP_ROW, CATEGORY_ROW, total, total + 2));
        for (int c = 1; c < columns; c++) {
            grid[2][c] = MEASURES[(c - 1) % 3];
        }
        float[] heights = {28, 54, 16};
        for (int i = 0; i < 3; i++) {
            Row row = sheet.createRow(GROUP_ROW + i);
            row.setHeightInPoints(heights[i]);
            RowWriter w = new RowWriter(row, styles, false);
            for (int c = 0; c < columns; c++) {
                w.text(grid[i][c], Kind.HEADER, Mark.NONE);
            }
        }
        merges.forEach(sheet::addMergedRegion);
    }

    /** @return the 0-based index of the last note's row */
    private static int writeNotes(SXSSFSheet sheet, WorkbookStyles styles, int row, Scope scope, int lastColumn) {
        String[] notes = {
                "计划：附件4的计划项目数；报送：通过校验的项目清单行数；完成：进展状态为已完成且实际完成时间不晚于核算年末的项目数。",
                "每个数都是公式：计划 = INDEX/MATCH(附件)；报送 = COUNTIFS(项目明细!设区市, 本市, 项目明细!类别代码, 本类别)；完成再加统计口径状态 = 已完成；"
                        + (scope.isProvince() ? "全省行 = SUM(各市)，" : "") + "合计列 = SUM(本行各类别的同名列)。与 projects_by_city_category.csv 一致。",
                "追溯：在“项目明细”表中按设区市、项目类别（及进展状态）筛选，行数即为报送（完成）数，每行注明来源文件、工作表和行号。"};
        new RowWriter(sheet.createRow(row), styles, false).text("说明", Kind.LABEL, Mark.NONE);
        return PrintLayout.notes(sheet, styles, row, List.of(notes), 1, lastColumn);
    }

    /**
     * The matrix is mostly zeros; shown grey, the figures that matter stand out. A conditional format, not a
     * number format colour: "[Color16]" is grey in Excel but orange in LibreOffice.
     */
    private static void greyZeros(SXSSFSheet sheet, CellRangeAddress range) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(ComparisonOperator.EQUAL, "0");
        rule.createFontFormatting().setFontColor(new XSSFColor(new byte[]{(byte) 0xA6, (byte) 0xA6, (byte) 0xA6}, null));
        formatting.addConditionalFormatting(new CellRangeAddress[]{range}, rule);
    }

    private static ProjectTally tally(Map<String, ProjectTally> index, String city, String category) {
        ProjectTally t = index.get(city + "|" + category);
        if (t == null) {
            throw new IllegalStateException("项目汇总缺少 " + city + " × " + category
                    + " 的统计 (no project tally for this city and category)");
        }
        return t;
    }

    public static void agree(long expected, long computed, String what) {
        if (expected != computed) {
            throw new IllegalStateException("汇总不一致：" + what + " 统计结果为 " + expected + "，明细之和为 " + computed
                    + " (the reconciled total disagrees with the sum of its parts; the workbook would contradict the CSV)");
        }
    }
}
