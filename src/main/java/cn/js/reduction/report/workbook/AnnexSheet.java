package cn.js.reduction.report.workbook;

import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 附件: annexes 4 (planned projects per city and category) and 2 (reduction targets per city and pollutant) as
 * transcribed from the plan and shipped with the program, every city and the province. The summary sheets look
 * their planned counts and targets up here (INDEX / MATCH on the city's name and the category's or pollutant's
 * code), so an auditor sees where each comes from and can compare this sheet with the plan.
 */
public final class AnnexSheet {

    public static final String NAME = "附件";
    private static final int FIRST_COLUMN = 2;

    private final String planned;
    private final String plannedCities;
    private final String plannedCodes;
    private final String targets;
    private final String targetCities;
    private final String targetCodes;

    private AnnexSheet(String planned, String plannedCities, String plannedCodes, String targets,
                       String targetCities, String targetCodes) {
        this.planned = planned;
        this.plannedCities = plannedCities;
        this.plannedCodes = plannedCodes;
        this.targets = targets;
        this.targetCities = targetCities;
        this.targetCodes = targetCodes;
    }

    /** Annex 4's planned count of a city (or 全省) and category (or TOTAL), as a lookup formula. */
    public String planned(City city, String categoryCode) {
        return lookup(planned, plannedCities, plannedCodes, city, categoryCode);
    }

    /** Annex 2's target % of a city (or 全省) and pollutant, as a lookup formula. */
    public String target(City city, Pollutant pollutant) {
        return lookup(targets, targetCities, targetCodes, city, pollutant.code());
    }

    private static String lookup(String table, String cities, String codes, City city, String code) {
        return "INDEX(" + table + ",MATCH(" + Formulas.text(city.name()) + "," + cities + ",0),MATCH("
                + Formulas.text(code) + "," + codes + ",0))";
    }

    /** Width in characters of a category's or pollutant's column. */
    private static final int COLUMN_WIDTH = 9;

    /**
     * The annexes' rows of the scope's cities and the province's: a city's workbook holds its own row and the
     * province's, not every city's (at national scale that would be cities × cities rows over all the workbooks).
     */
    public static AnnexSheet write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope) {
        ReferenceData reference = scope.reference();
        SXSSFSheet sheet = workbook.createSheet(NAME);
        List<Category> categories = reference.categories();
        List<City> rows = new ArrayList<>(scope.cities());
        rows.add(reference.province());
        sheet.setColumnWidth(0, 8 * 256);
        sheet.setColumnWidth(1, 9 * 256);
        for (int c = FIRST_COLUMN; c <= FIRST_COLUMN + categories.size(); c++) {
            sheet.setColumnWidth(c, COLUMN_WIDTH * 256);
        }
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        new RowWriter(title, styles, false).text("附件2、附件4（转录）　《" + reference.plan().title() + "》　基准数据版本 "
                + reference.version(), Kind.TITLE, Mark.NONE);
        new RowWriter(sheet.createRow(r++), styles, false).text("计划原文附件的转录，随程序发布（src/main/resources/reference/"
                + reference.year() + "/），加载时已核对每行合计与全省合计。“项目汇总”的计划数和“减排核算”的目标比例由公式从本表查得。",
                Kind.NOTE, Mark.NONE);
        r++;

        new RowWriter(sheet.createRow(r++), styles, false).text("附件4　" + reference.year() + "年大气污染防治工程项目计划数（个）",
                Kind.TITLE, Mark.NONE);
        List<String> names = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Category c : categories) {
            names.add(c.name());
            codes.add(c.code());
        }
        names.add("合计");
        codes.add(Category.TOTAL);
        int codeRow = header(sheet, styles, r, names, codes, 54);
        r = codeRow + 1;
        int first = r;
        for (City city : rows) {
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, city.isProvince());
            w.text(city.name(), Kind.LABEL, Mark.NONE).text(city.code());
            for (Category c : categories) {
                w.count(reference.planned(city.code(), c.code()));
            }
            w.count(reference.planned(city.code(), Category.TOTAL));
        }
        AnnexSheet.Ranges plan = ranges(first, r - 1, codeRow, names.size());
        r++;

        new RowWriter(sheet.createRow(r++), styles, false).text("附件2　主要大气污染物减排目标（较" + reference.baseYear()
                + "年，%）", Kind.TITLE, Mark.NONE);
        names = new ArrayList<>();
        codes = new ArrayList<>();
        for (Pollutant p : reference.pollutants()) {
            names.add(p.chineseName() + "（" + p.label() + "）");
            codes.add(p.code());
        }
        codeRow = header(sheet, styles, r, names, codes, 42);
        r = codeRow + 1;
        first = r;
        for (City city : rows) {
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, city.isProvince());
            w.text(city.name(), Kind.LABEL, Mark.NONE).text(city.code());
            for (Pollutant p : reference.pollutants()) {
                BigDecimal target = reference.targetPct(city.code(), p);
                w.decimal(target, Kind.PERCENT);
            }
        }
        AnnexSheet.Ranges target = ranges(first, r - 1, codeRow, names.size());
        PrintLayout.wide(sheet);
        return new AnnexSheet(plan.table, plan.cities, plan.codes, target.table, target.cities, target.codes);
    }

    private record Ranges(String table, String cities, String codes) {
    }

    private static Ranges ranges(int firstRow, int lastRow, int codeRow, int columns) {
        String sheet = Formulas.sheetRef(NAME) + "!";
        String a = "$" + CellReference.convertNumToColString(FIRST_COLUMN);
        String z = "$" + CellReference.convertNumToColString(FIRST_COLUMN + columns - 1);
        return new Ranges(sheet + a + "$" + (firstRow + 1) + ":" + z + "$" + (lastRow + 1),
                sheet + "$A$" + (firstRow + 1) + ":$A$" + (lastRow + 1),
                sheet + a + "$" + (codeRow + 1) + ":" + z + "$" + (codeRow + 1));
    }

    /** Two header rows, names over codes; returns the 0-based index of the code row. */
    private static int header(SXSSFSheet sheet, WorkbookStyles styles, int row, List<String> names, List<String> codes,
                              float height) {
        Row top = sheet.createRow(row);
        top.setHeightInPoints(height);
        RowWriter n = new RowWriter(top, styles, false).text("城市", Kind.HEADER, Mark.NONE).text("城市代码", Kind.HEADER,
                Mark.NONE);
        RowWriter c = new RowWriter(sheet.createRow(row + 1), styles, false).text("", Kind.HEADER, Mark.NONE)
                .text("代码", Kind.HEADER, Mark.NONE);
        for (int i = 0; i < names.size(); i++) {
            n.text(names.get(i), Kind.HEADER, Mark.NONE);
            c.text(codes.get(i), Kind.HEADER, Mark.NONE);
            // a code longer than the column (MOBILE_SHIP_RS) wraps: the row is made tall enough to show all of it
            c.fitHeight(codes.get(i), COLUMN_WIDTH);
        }
        return row + 1;
    }
}
