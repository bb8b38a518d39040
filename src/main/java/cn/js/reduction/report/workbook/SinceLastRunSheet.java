package cn.js.reduction.report.workbook;

import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.report.changes.Change;
import cn.js.reduction.report.changes.Comparison;
import cn.js.reduction.report.changes.ProjectChange;
import cn.js.reduction.report.changes.ProjectChanges;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.Link;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.WorkbookStyles;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 与上次对比: what changed since the previous complete run, restricted to the workbook's scope: the previous run's
 * id, time and folder at the top; then changes.csv's rows, statuses that got worse first, marked red, the changed
 * value marked, each row linked to the row of 项目统计 (a category's figures, column for column as the CSV) or
 * 减排核算 (a pollutant's) that holds it now; then the projects that changed, joined on 项目编号, so that two
 * changes that cancel out in a count are still seen. Column names and statuses in Chinese, the CSV's column code
 * in a column of its own.
 */
public final class SinceLastRunSheet {

    public static final String NAME = "与上次对比";
    public static final String[] HEADERS = {"变差", "范围", "城市代码", "城市", "项目", "列", "上次", "本次", "本次所在",
            "列代码"};
    public static final String[] PROJECT_HEADERS = {"变差", "项目编号", "城市代码", "城市", "项目类别", "变化", "上次",
            "本次", "", "列代码"};
    private static final int[] WIDTHS = {14, 18, 14, 10, 30, 18, 30, 30, 16, 18};

    private SinceLastRunSheet() {
    }

    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, Comparison comparison) {
        SXSSFSheet sheet = workbook.createSheet(NAME);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        new RowWriter(title, styles, false).text("与上次完整运行对比" + (scope.isProvince() ? "（全省）"
                : "（" + scope.city().name() + "市）"), Kind.TITLE, Mark.NONE);
        if (!comparison.hasPrevious()) {
            new RowWriter(sheet.createRow(r), styles, false).text("本年度、本模式的第一次完整运行：没有可对比的上次运行。",
                    Kind.NOTE, Mark.NONE);
            PrintLayout.wide(sheet);
            return;
        }
        var previous = comparison.previous();
        new RowWriter(sheet.createRow(r++), styles, false).text("上次运行", Kind.LABEL, Mark.NONE)
                .text(previous.name() + "，" + cn.js.reduction.core.RunMode.of(previous.mode()).map(Labels::mode)
                        .orElse(previous.mode()));
        RowWriter time = new RowWriter(sheet.createRow(r++), styles, false).text("上次运行时间", Kind.LABEL, Mark.NONE);
        if (previous.written() != null) {
            time.dateTime(previous.written());
        } else {
            time.text("（未知）");
        }
        new RowWriter(sheet.createRow(r++), styles, false).text("上次运行文件夹", Kind.LABEL, Mark.NONE)
                .text(previous.folder().toString());
        List<Change> changes = Comparison.worseFirst(comparison.of(scope.cityCode()));
        List<ProjectChange> projects = comparison.projectsOf(scope.cityCode());
        long worse = changes.stream().filter(Change::isWorse).count();
        String notCompared = notCompared(comparison); // first: what follows is of the other tables only
        String rest = notCompared.isEmpty() ? "" : "其余的";
        new RowWriter(sheet.createRow(r++), styles, false).text("汇总数变化", Kind.LABEL, Mark.NONE)
                .text(notCompared + (changes.isEmpty() ? rest + "汇总数和文件与上次运行相比没有变化。" : rest + "共 " + changes.size()
                        + " 个值有变化，其中状态变差 " + worse + " 个（列在最前，标红）；与 changes.csv 的行一一对应。"));
        new RowWriter(sheet.createRow(r++), styles, false).text("项目变化", Kind.LABEL, Mark.NONE)
                .text(projectSummary(comparison, scope.cityCode(), projects.size()));
        for (int k = 1; k < r; k++) {
            sheet.addMergedRegion(new CellRangeAddress(k, k, 1, HEADERS.length - 1)); // the value over the table
        }
        r++;
        int header = r;
        r = header(sheet, styles, r, HEADERS);
        for (Change c : changes) {
            Mark mark = c.isWorse() ? Mark.SHORTFALL : Mark.NONE;
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, false);
            w.text(c.isWorse() ? "是" : "", Kind.TEXT, mark).text(scopeName(c), Kind.TEXT, mark)
                    .text(c.cityCode(), Kind.TEXT, mark).text(c.city(), Kind.TEXT, mark)
                    .text(item(scope, c), Kind.TEXT, mark).text(ChangeWords.column(c), Kind.TEXT, mark)
                    .text(ChangeWords.value(c, c.previous()), Kind.TEXT, mark)
                    .text(ChangeWords.value(c, c.current()), Kind.TEXT, c.isWorse() ? Mark.SHORTFALL : Mark.ATTENTION);
            Link target = target(scope, c);
            if (target != null) {
                w.link(target.location().replaceAll("^'([^']*)'!", "$1 "), target);
            } else {
                w.blank(Kind.TEXT, Mark.NONE);
            }
            w.text(c.column(), Kind.TEXT, mark);
        }
        int lastOfChanges = Math.max(header, r - 1);
        if (!projects.isEmpty()) {
            r++;
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, PROJECT_HEADERS.length - 1));
            new RowWriter(sheet.createRow(r++), styles, false).text("按项目编号对照的项目变化（状态变差的列在最前，其次是撤回的项目）",
                    Kind.LABEL, Mark.NONE);
            r = header(sheet, styles, r, PROJECT_HEADERS);
            for (ProjectChange p : projects) {
                writeProject(new RowWriter(sheet.createRow(r++), styles, false), scope, p);
            }
        }
        sheet.createFreezePane(0, header + 1);
        sheet.setAutoFilter(new CellRangeAddress(header, lastOfChanges, 0, HEADERS.length - 1));
        if (projects.isEmpty()) {
            // repeated on every page only while it is the one table: the projects' pages would carry the wrong header
            sheet.setRepeatingRows(new CellRangeAddress(header, header, -1, -1));
        }
        PrintLayout.wide(sheet);
    }

    private static int header(SXSSFSheet sheet, WorkbookStyles styles, int r, String[] headers) {
        RowWriter h = new RowWriter(sheet.createRow(r), styles, false);
        for (String text : headers) {
            h.text(text, Kind.HEADER, Mark.NONE);
        }
        return r + 1;
    }

    /** The previous tables that could not be read (edited by hand?): their figures are not in the list. */
    private static String notCompared(Comparison comparison) {
        StringBuilder said = new StringBuilder();
        comparison.notCompared().forEach((table, not) -> {
            if (!table.equals(Comparison.ACCEPTED_PROJECTS)) { // said on the projects' line
                said.append("上次运行的 ").append(table).append(" ").append(not.chinese()).append("，其中的数未作对比。");
            }
        });
        return said.toString();
    }

    private static String projectSummary(Comparison comparison, String cityCode, int listed) {
        Comparison.NotCompared unreadable = comparison.notCompared().get(Comparison.ACCEPTED_PROJECTS);
        if (unreadable != null) {
            return "上次运行的 accepted_projects.csv " + unreadable.chinese() + "，无法按项目编号逐个对照；汇总数的变化见下表。";
        }
        if (!comparison.projectsCompared()) {
            return "上次运行的 accepted_projects.csv 缺失（本功能之前的版本）或无法读取，无法按项目编号逐个对照；汇总数的变化见下表。";
        }
        ProjectChanges.Counts c = comparison.projects().counts(cityCode);
        if (c.rows() == 0 && listed == 0) {
            return "按项目编号对照，没有项目新增、撤回或改变状态和数值。";
        }
        return "按项目编号对照，" + c.projects() + " 个项目有变化：新增 " + c.added() + " 个，撤回 " + c.withdrawn()
                + " 个，状态变差 " + c.worse() + " 个；共 " + c.rows() + " 行，列在汇总数的变化之后（汇总数相互抵消的变化也在其中）"
                + (listed < c.rows() ? "；只列出其中 " + listed + " 行，全部变化可由两次运行的 accepted_projects.csv 按 project_id 对照得出" : "")
                + "。";
    }

    private static void writeProject(RowWriter w, Scope scope, ProjectChange p) {
        Mark mark = p.isWorse() ? Mark.SHORTFALL : Mark.NONE;
        String category = scope.reference().category(p.categoryCode()).map(Category::name).orElse(p.categoryCode());
        String city = scope.reference().city(p.cityCode()).map(City::name).orElse(p.cityCode());
        w.text(p.isWorse() ? "是" : "", Kind.TEXT, mark).text(p.projectId(), Kind.TEXT, mark)
                .text(p.cityCode(), Kind.TEXT, mark).text(city, Kind.TEXT, mark).text(category, Kind.TEXT, mark)
                .text(ChangeWords.column(scope.reference(), p), Kind.TEXT, mark)
                .text(ChangeWords.value(scope.reference(), p, p.previous()), Kind.TEXT, mark)
                .text(ChangeWords.value(scope.reference(), p, p.current()), Kind.TEXT,
                        p.isWorse() || ProjectChange.WITHDRAWN.equals(p.column()) ? Mark.SHORTFALL : Mark.ATTENTION)
                .blank(Kind.TEXT, Mark.NONE).text(p.column(), Kind.TEXT, mark);
    }

    private static String scopeName(Change c) {
        return switch (c.scope()) {
            case Change.CATEGORY -> "项目";
            case Change.POLLUTANT -> "减排";
            default -> "文件" + c.fileChange();
        };
    }

    private static String item(Scope scope, Change c) {
        if (Change.CATEGORY.equals(c.scope()) && Category.TOTAL.equals(c.item())) {
            return "合计（" + c.item() + "）";
        }
        if (Change.CATEGORY.equals(c.scope())) {
            return scope.reference().category(c.item()).map(k -> k.name() + "（" + c.item() + "）").orElse(c.item());
        }
        if (Change.POLLUTANT.equals(c.scope())) {
            return scope.reference().pollutant(c.item()).map(p -> p.chineseName() + "（" + c.item() + "）").orElse(c.item());
        }
        return c.item();
    }

    /** The row of 项目统计 or 减排核算 that holds the value now; null for a file or a row this run has not. */
    private static Link target(Scope scope, Change c) {
        List<City> cities = new java.util.ArrayList<>(scope.cities());
        if (scope.isProvince()) {
            cities.add(scope.reference().province());
        }
        int city = -1;
        for (int i = 0; i < cities.size(); i++) {
            if (cities.get(i).code().equals(c.cityCode())) {
                city = i;
            }
        }
        if (city < 0) {
            return null;
        }
        if (Change.CATEGORY.equals(c.scope())) {
            List<Category> categories = scope.reference().categories();
            int k = Category.TOTAL.equals(c.item()) ? categories.size()
                    : categories.stream().map(Category::code).toList().indexOf(c.item());
            return k < 0 ? null : Link.here(Formulas.sheetRef(ProjectTallySheet.NAME) + "!A"
                    + (ProjectTallySheet.HEADER_ROW + 2 + city * (categories.size() + 1) + k));
        }
        if (Change.POLLUTANT.equals(c.scope())) {
            int p = scope.reference().pollutants().stream().map(Pollutant::code).toList().indexOf(c.item());
            return p < 0 ? null : Link.here(Formulas.sheetRef(ReductionSheet.NAME) + "!"
                    + CellReference.convertNumToColString(1 + p * ReductionSheet.PER_POLLUTANT + ReductionSheet.STATUS)
                    + (ReductionSheet.FIRST_DATA_ROW + 1 + city));
        }
        return null;
    }
}
