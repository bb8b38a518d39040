package cn.js.reduction.report.workbook;

import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;

/**
 * 图表: the result against the plan at a glance. Each chart stands beside the small table it plots, whose cells
 * are formulas over 减排核算 and 项目统计 (so the chart follows the figures when they are recalculated): in the
 * province workbook achieved against target reduction per city for each pollutant, and submitted and completed
 * against planned projects per city; in a city's, its three pollutants against target and its categories'
 * completed against planned projects. Charts are drawn with POI's XDDF on the sheet's drawing, which SXSSF keeps
 * beside the streamed rows.
 */
public final class ChartSheet {

    public static final String NAME = "图表";
    private static final int CHART_FIRST_COLUMN = 5;
    private static final int CHART_LAST_COLUMN = 17;
    private static final int CHART_ROWS = 20;
    /** Blue for the result, orange for the target (or grey, blue, green for planned, submitted, completed). */
    private static final byte[][] SERIES_COLOURS = {{(byte) 0x44, (byte) 0x72, (byte) 0xC4}, {(byte) 0xED, (byte) 0x7D, (byte) 0x31},
        {(byte) 0x70, (byte) 0xAD, (byte) 0x47}};

    /** One chart and its table: categories down, a column per series. */
    private record Block(String title, String axisTitle, Kind kind, List<String> categories, List<String> series,
                         List<List<String>> sources, List<List<BigDecimal>> values) {
    }

    private ChartSheet() {
    }

    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, RunInfo run,
                      List<ProjectTally> projectTallies, List<ReductionTally> reductionTallies) {
        SXSSFSheet sheet = workbook.createSheet(NAME);
        sheet.setColumnWidth(0, 30 * 256);
        for (int c = 1; c < CHART_FIRST_COLUMN; c++) {
            sheet.setColumnWidth(c, 11 * 256);
        }
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        String who = scope.isProvince() ? "全省" : scope.city().name() + "市";
        new RowWriter(title, styles, false).text(run.year() + "年核算结果图表（" + who + "）　运行编号 " + run.runId(), Kind.TITLE, Mark.NONE);
        new RowWriter(sheet.createRow(1), styles, false).text("左侧表格为图表数据，引用“减排核算”“项目统计”中的单元格；无排放数据的城市不画柱。",
                Kind.NOTE, Mark.NONE);
        List<Block> blocks = scope.isProvince() ? provinceBlocks(scope, reductionTallies, projectTallies)
                : cityBlocks(scope, reductionTallies, projectTallies);
        sheet.createDrawingPatriarch();
        XSSFDrawing drawing = sheet.getDrawingPatriarch();
        int r = 3;
        for (int i = 0; i < blocks.size(); i++) {
            r = write(sheet, styles, drawing, blocks.get(i), r);
            if (i % 2 == 1 && i + 1 < blocks.size()) {
                sheet.setRowBreak(r - 1); // two charts a page: a page never ends inside a chart
            }
        }
        PrintLayout.wide(sheet);
    }

    private static List<Block> provinceBlocks(Scope scope, List<ReductionTally> reductions, List<ProjectTally> projects) {
        List<Block> blocks = new ArrayList<>();
        List<City> cities = scope.reference().cities();
        List<String> names = cities.stream().map(City::name).toList();
        List<Pollutant> pollutants = scope.reference().pollutants();
        for (int pi = 0; pi < pollutants.size(); pi++) {
            Pollutant p = pollutants.get(pi);
            int o = 1 + pi * ReductionSheet.PER_POLLUTANT;
            List<String> achieved = new ArrayList<>();
            List<String> target = new ArrayList<>();
            List<BigDecimal> achievedValues = new ArrayList<>();
            List<BigDecimal> targetValues = new ArrayList<>();
            for (int i = 0; i < cities.size(); i++) {
                int row = ReductionSheet.FIRST_DATA_ROW + i;
                achieved.add(ref(ReductionSheet.NAME, o + ReductionSheet.REDUCTION_PCT, row));
                target.add(ref(ReductionSheet.NAME, o + ReductionSheet.TARGET_PCT, row));
                ReductionTally t = reduction(reductions, cities.get(i).code(), p);
                achievedValues.add(ReductionSheet.rounded(t.reductionPct()));
                targetValues.add(t.targetPct());
            }
            blocks.add(new Block(p.chineseName() + "（" + p.label() + "）减排比例：实际与目标（%，较" + scope.reference().baseYear()
                    + "年）", "%", Kind.PERCENT, names, List.of("实际减排比例", "目标比例"), List.of(achieved, target),
                    List.of(achievedValues, targetValues)));
        }
        blocks.add(projectBlock("各市项目：计划、报送与完成（个）", names, cities, projects, Category.TOTAL, scope));
        return blocks;
    }

    private static List<Block> cityBlocks(Scope scope, List<ReductionTally> reductions, List<ProjectTally> projects) {
        City city = scope.city();
        List<String> names = new ArrayList<>();
        List<String> achieved = new ArrayList<>();
        List<String> target = new ArrayList<>();
        List<BigDecimal> achievedValues = new ArrayList<>();
        List<BigDecimal> targetValues = new ArrayList<>();
        List<Pollutant> pollutants = scope.reference().pollutants();
        for (int pi = 0; pi < pollutants.size(); pi++) {
            Pollutant p = pollutants.get(pi);
            int o = 1 + pi * ReductionSheet.PER_POLLUTANT;
            names.add(p.chineseName() + "（" + p.label() + "）");
            achieved.add(ref(ReductionSheet.NAME, o + ReductionSheet.REDUCTION_PCT, ReductionSheet.FIRST_DATA_ROW));
            target.add(ref(ReductionSheet.NAME, o + ReductionSheet.TARGET_PCT, ReductionSheet.FIRST_DATA_ROW));
            ReductionTally t = reduction(reductions, city.code(), p);
            achievedValues.add(ReductionSheet.rounded(t.reductionPct()));
            targetValues.add(t.targetPct());
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(city.name() + "市减排比例：实际与目标（%，较" + scope.reference().baseYear() + "年）", "%", Kind.PERCENT, names,
                List.of("实际减排比例", "目标比例"), List.of(achieved, target), List.of(achievedValues, targetValues)));
        List<String> categories = scope.reference().categories().stream().map(Category::name).toList();
        blocks.add(projectBlock(city.name() + "市各类项目：计划、报送与完成（个）", categories, List.of(city), projects, null, scope));
        return blocks;
    }

    /**
     * Planned, submitted and completed from 项目统计: per city (its TOTAL row) in the province workbook, per category
     * of the one city in a city's.
     */
    private static Block projectBlock(String title, List<String> names, List<City> cities, List<ProjectTally> projects,
                                      String totalOnly, Scope scope) {
        Map<String, ProjectTally> index = new HashMap<>();
        for (ProjectTally t : projects) {
            index.put(t.cityCode() + "|" + t.categoryCode(), t);
        }
        int perCity = scope.reference().categories().size() + 1;
        List<List<String>> sources = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<BigDecimal>> values = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int ci = 0; ci < cities.size(); ci++) {
            List<Category> categories = scope.reference().categories();
            int count = totalOnly != null ? 1 : categories.size();
            for (int k = 0; k < count; k++) {
                String code = totalOnly != null ? totalOnly : categories.get(k).code();
                int offset = totalOnly != null ? perCity - 1 : k;
                int row = ProjectTallySheet.HEADER_ROW + 1 + ci * perCity + offset;
                ProjectTally t = index.get(cities.get(ci).code() + "|" + code);
                int[] figures = {t.planned(), t.submitted(), t.completed()};
                for (int m = 0; m < 3; m++) {
                    sources.get(m).add(ref(ProjectTallySheet.NAME, ProjectTallySheet.PLANNED + m, row));
                    values.get(m).add(BigDecimal.valueOf(figures[m]));
                }
            }
        }
        return new Block(title, "个", Kind.COUNT, names, List.of("计划", "报送", "完成"), sources, values);
    }

    private static int write(SXSSFSheet sheet, WorkbookStyles styles, XSSFDrawing drawing, Block block, int first) {
        new RowWriter(sheet.createRow(first), styles, false).text(block.title(), Kind.LABEL, Mark.NONE);
        RowWriter header = new RowWriter(sheet.createRow(first + 1), styles, false).text("", Kind.HEADER, Mark.NONE);
        block.series().forEach(s -> header.text(s, Kind.HEADER, Mark.NONE));
        int n = block.categories().size();
        for (int i = 0; i < n; i++) {
            RowWriter w = new RowWriter(sheet.createRow(first + 2 + i), styles, false).text(block.categories().get(i));
            for (int s = 0; s < block.series().size(); s++) {
                w.formula(block.sources().get(s).get(i), block.values().get(s).get(i), block.kind(), Mark.NONE);
            }
        }
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, CHART_FIRST_COLUMN, first, CHART_LAST_COLUMN,
                first + CHART_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(block.title());
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        // no axis title: the unit is in the chart's title ("（个）", "（%…）"); a one-character axis title (个) is drawn
        // rotated, and reads as an arrow
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        String sheetRef = Formulas.sheetRef(NAME) + "!";
        XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromArray(block.categories().toArray(String[]::new),
                sheetRef + "$A$" + (first + 3) + ":$A$" + (first + 2 + n));
        for (int s = 0; s < block.series().size(); s++) {
            String column = "$" + CellReference.convertNumToColString(1 + s);
            Double[] points = block.values().get(s).stream().map(v -> v == null ? null : v.doubleValue()).toArray(Double[]::new);
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromArray(points,
                    sheetRef + column + "$" + (first + 3) + ":" + column + "$" + (first + 2 + n));
            XDDFBarChartData.Series series = (XDDFBarChartData.Series) data.addSeries(categories, values);
            series.setTitle(block.series().get(s), new CellReference(NAME, first + 1, 1 + s, true, true));
            // an explicit fill: without one LibreOffice draws the bars without colour, invisible
            series.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(SERIES_COLOURS[s % SERIES_COLOURS.length])));
        }
        chart.plot(data);
        return first + Math.max(n + 3, CHART_ROWS + 2);
    }

    private static String ref(String sheet, int column, int row) {
        return Formulas.sheetRef(sheet) + "!" + CellReference.convertNumToColString(column) + (row + 1);
    }

    private static ReductionTally reduction(List<ReductionTally> tallies, String city, Pollutant p) {
        return tallies.stream().filter(t -> t.cityCode().equals(city) && t.pollutant().code().equals(p.code())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no reduction tally for " + city + " × " + p));
    }
}
