package cn.js.reduction.report.workbook;

import cn.js.reduction.reference.AirQualityTarget;
import cn.js.reduction.reference.AutumnWinterTarget;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 规划目标: the plan's other two annexes beside the result, as the plan states them, so that the workbook is the one
 * document an auditor needs: annex 1's air-quality targets (PM2.5 and the good-day ratio, binding and working) and
 * annex 3's autumn-winter targets (PM2.5 decline, heavy-pollution days), for the city of a feedback workbook and
 * its province, or for every city and the province.
 */
public final class PlanSheet {

    public static final String NAME = "规划目标";
    private static final int[] WIDTHS = {10, 20, 20, 20, 20};

    private PlanSheet() {
    }

    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, RunInfo run) {
        ReferenceData reference = scope.reference();
        SXSSFSheet sheet = workbook.createSheet(NAME);
        for (int i = 0; i < WIDTHS.length; i++) {
            sheet.setColumnWidth(i, WIDTHS[i] * 256);
        }
        List<City> cities = new ArrayList<>(scope.cities());
        cities.add(reference.province());
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        String who = scope.isProvince() ? "" : "（" + scope.city().name() + "市）";
        new RowWriter(title, styles, false).text("《" + reference.plan().title() + "》规划目标" + who, Kind.TITLE, Mark.NONE);
        // two lines: one would run off an A4 page
        new RowWriter(sheet.createRow(r++), styles, false).text("附件1、附件3按计划原文转录；", Kind.NOTE, Mark.NONE);
        new RowWriter(sheet.createRow(r++), styles, false).text("减排目标（附件2）与项目计划（附件4）见“附件”，"
                + "核算结果见“减排核算”“项目汇总”。", Kind.NOTE, Mark.NONE);
        r++;
        new RowWriter(sheet.createRow(r++), styles, false).text("附件1　" + run.year() + "年空气质量目标", Kind.TITLE, Mark.NONE);
        r = header(sheet, styles, r, "城市", "PM2.5浓度（μg/m³）\n约束性目标", "PM2.5浓度（μg/m³）\n工作目标",
                "优良天数比率（%）\n约束性目标", "优良天数比率（%）\n工作目标");
        for (City city : cities) {
            AirQualityTarget t = reference.airQualityTargets().stream().filter(a -> a.cityCode().equals(city.code()))
                    .findFirst().orElse(null);
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, city.isProvince()).text(city.name(), Kind.LABEL, Mark.NONE);
            if (t == null) {
                w.text("（计划未列）").blank(Kind.TEXT, Mark.NONE).blank(Kind.TEXT, Mark.NONE).blank(Kind.TEXT, Mark.NONE);
            } else {
                w.decimal(t.pm25Binding(), Kind.TARGET).decimal(t.pm25Working(), Kind.TARGET)
                        .decimal(t.goodDayRatioBinding(), Kind.TARGET).decimal(t.goodDayRatioWorking(), Kind.TARGET);
            }
        }
        r++;
        new RowWriter(sheet.createRow(r++), styles, false).text("附件3　2019—2020年秋冬季目标", Kind.TITLE, Mark.NONE);
        r = header(sheet, styles, r, "城市", "PM2.5浓度同比\n下降（%）", "重污染天数\n同比减少（天）");
        for (City city : cities) {
            AutumnWinterTarget t = reference.autumnWinterTargets().stream().filter(a -> a.cityCode().equals(city.code()))
                    .findFirst().orElse(null);
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, city.isProvince()).text(city.name(), Kind.LABEL, Mark.NONE);
            if (t == null) {
                w.text("（计划未列）").blank(Kind.TEXT, Mark.NONE);
            } else {
                w.decimal(t.pm25DeclinePct(), Kind.TARGET).text(t.heavyPollutionDays());
            }
        }
        PrintLayout.narrow(sheet);
    }

    private static int header(SXSSFSheet sheet, WorkbookStyles styles, int row, String... headers) {
        Row h = sheet.createRow(row);
        h.setHeightInPoints(32);
        RowWriter w = new RowWriter(h, styles, false);
        for (int i = 0; i < headers.length; i++) {
            w.text(headers[i], Kind.HEADER, Mark.NONE);
            w.fitHeight(headers[i], WIDTHS[i]); // every line of a heading shown, none cut at the top
        }
        return row + 1;
    }
}
