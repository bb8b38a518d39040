package cn.js.reduction.report;

import cn.js.reduction.reconcile.ReductionStatus;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.report.WorkbookStyles.Kind;
import cn.js.reduction.report.WorkbookStyles.Mark;
import java.math.BigDecimal;
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
 * 减排核算, laid out like annex 2: cities down, the three pollutants across, each with the columns below.
 * Every figure is the reconciliation's exact value (shown rounded to 2 decimals); the 全省 row's tonnes
 * (base, reporting, claimed) are SUM formulas over the city rows with the sum cached, and must equal the
 * province tally. Status is the reconciliation's, decided on exact figures.
 */
final class ReductionSheet {

    static final String NAME = "减排核算";
    static final int GROUP_ROW = 2;
    static final int HEADER_ROW = 3;
    static final int FIRST_DATA_ROW = 4;
    static final int PER_POLLUTANT = 10;

    // offsets within a pollutant's block
    static final int BASE = 0;
    static final int REPORTING = 1;
    static final int REDUCTION = 2;
    static final int REDUCTION_PCT = 3;
    static final int TARGET_PCT = 4;
    static final int GAP_PCT = 5;
    static final int ALLOWED = 6;
    static final int STATUS = 7;
    static final int CLAIMED = 8;
    static final int CLAIM_RATIO = 9;

    private static final int[] WIDTHS = {12, 12, 10, 9, 9, 10, 11, 8, 12, 8};

    private ReductionSheet() {
    }

    static String[] headers(int year, int baseYear) {
        // explicit line breaks: the narrow columns would otherwise break inside the unit's brackets
        return new String[]{baseYear + "年\n排放量（吨）", year + "年\n排放量（吨）", "减排量\n（吨）", "减排比例\n（%）",
                "目标比例\n（%）", "差距\n（百分点）", "允许排放量\n（吨）", "状态", "项目申报\n减排量（吨）",
                "申报/\n核算比"};
    }

    static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, RunInfo run,
                      List<ReductionTally> tallies) {
        Map<String, ReductionTally> index = new HashMap<>();
        for (ReductionTally t : tallies) {
            index.put(t.cityCode() + "|" + t.pollutant().code(), t);
        }
        List<Pollutant> pollutants = scope.reference().pollutants();
        int baseYear = scope.reference().baseYear();
        int columns = 1 + PER_POLLUTANT * pollutants.size();
        SXSSFSheet sheet = workbook.createSheet(NAME);
        sheet.setColumnWidth(0, 10 * 256);
        for (int c = 1; c < columns; c++) {
            sheet.setColumnWidth(c, WIDTHS[(c - 1) % PER_POLLUTANT] * 256);
        }
        Row title = sheet.createRow(0);
        title.setHeightInPoints(24);
        String who = scope.isProvince() ? "" : "（" + scope.city().name() + "市）";
        new RowWriter(title, styles, false).text(run.year() + "年主要大气污染物减排核算表" + who + "　对照附件2（较" + baseYear + "年）　运行编号 "
                + run.runId() + "，" + Labels.mode(run.mode()), Kind.TITLE, Mark.NONE);
        writeLegend(sheet, styles, scope.reference().claimRatioLimit());
        writeHeader(sheet, styles, run.year(), baseYear, pollutants);

        List<City> cities = scope.cities();
        int r = FIRST_DATA_ROW;
        for (City city : cities) {
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, false);
            w.text(city.name(), Kind.LABEL, Mark.NONE);
            for (Pollutant p : pollutants) {
                ReductionTally t = tally(index, city.code(), p);
                w.decimal(t.baseT(), Kind.TONNES).decimal(t.reportingT(), Kind.TONNES);
                writeDerived(w, t, -1, scope.reference().claimRatioLimit());
            }
        }
        int lastCityRow = r - 1;
        if (scope.isProvince()) {
            writeProvinceRow(sheet, styles, scope, index, pollutants, r++);
        }
        sheet.createFreezePane(1, FIRST_DATA_ROW);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastCityRow, 0, columns - 1));
        sheet.setRepeatingRows(new CellRangeAddress(GROUP_ROW, HEADER_ROW, -1, -1));
        String[] notes = {
                "减排量 = 基准年排放量 − 核算年排放量；减排比例 = 100 × 减排量 ÷ 基准年排放量；差距 = 减排比例 − 目标比例；"
                        + "允许排放量 = 基准年排放量 × (1 − 目标比例 ÷ 100)；申报/核算比 = 项目申报减排量 ÷ 减排量。",
                "数值显示为四舍五入两位小数，单元格内为核算的精确值（与 reductions_by_city_pollutant.csv 一致）；达标与否按精确值判定。"
                        + (scope.isProvince() ? "全省行的排放量与申报减排量为各市之和（SUM）。" : ""),
                "项目申报减排量：本市已完成项目的减排量之和（见“项目明细”）；申报/核算比大于1.5表示项目申报的减排量多于排放核算显示的减排量。"};
        int n = r + 1;
        for (String note : notes) {
            new RowWriter(sheet.createRow(n++), styles, false).text(note, Kind.NOTE, Mark.NONE);
        }
        PrintLayout.wide(sheet);
    }

    /**
     * The derived columns of one pollutant block, the base and reporting cells having just been written.
     * They hold the reconciliation's exact figures as values, not formulas: a spreadsheet recomputing
     * 100 × 246.9 ÷ 2000 − 22 in binary floating point may land on −9.6549999… and show −9.65 where the exact
     * −9.655 shows −9.66 (LibreOffice does, with recalculation on), and the workbook must agree with the CSV.
     * The notes under the table give each definition, so an auditor can recompute any of them.
     *
     * @param provinceRow the 全省 row's index, whose claimed tonnes are a SUM over the cities; -1 for a city
     */
    private static void writeDerived(RowWriter w, ReductionTally t, int provinceRow, BigDecimal claimRatioLimit) {
        int o = w.column() - 2;
        Mark unmet = t.status() == ReductionStatus.NOT_MET ? Mark.SHORTFALL : Mark.NONE;
        w.decimal(t.reductionT(), Kind.TONNES);
        w.decimal(t.reductionPct(), Kind.PERCENT, unmet);
        w.decimal(t.targetPct(), Kind.PERCENT);
        w.decimal(t.gapPct(), Kind.PERCENT, unmet);
        w.decimal(t.allowedT(), Kind.TONNES);
        Mark statusMark = switch (t.status()) {
            case NOT_MET -> Mark.SHORTFALL;
            case NO_DATA -> Mark.NO_DATA;
            case MET -> Mark.NONE;
        };
        w.text(Labels.reductionStatus(t.status()), Kind.TEXT, statusMark);
        if (provinceRow < 0) {
            w.decimal(t.claimedT(), Kind.TONNES);
        } else {
            sumOrBlank(w, t.claimedT(), o + CLAIMED, provinceRow);
        }
        Mark claim = t.claimExceedsAchieved(claimRatioLimit) ? Mark.ATTENTION : Mark.NONE;
        w.decimal(t.claimRatio(), Kind.RATIO, claim);
    }

    private static void writeProvinceRow(SXSSFSheet sheet, WorkbookStyles styles, Scope scope,
                                         Map<String, ReductionTally> index, List<Pollutant> pollutants, int row) {
        String province = scope.reference().province().code();
        RowWriter w = new RowWriter(sheet.createRow(row), styles, true);
        w.text(scope.reference().province().name(), Kind.LABEL, Mark.NONE);
        for (Pollutant p : pollutants) {
            ReductionTally t = tally(index, province, p);
            BigDecimal base = null;
            BigDecimal reporting = null;
            BigDecimal claimed = null;
            for (City city : scope.reference().cities()) {
                ReductionTally c = tally(index, city.code(), p);
                base = add(base, c.baseT());
                reporting = add(reporting, c.reportingT());
                claimed = add(claimed, c.claimedT());
            }
            String label = "全省 " + p.label() + " ";
            agree(t.baseT(), base, label + "基准年排放量");
            agree(t.reportingT(), reporting, label + "核算年排放量");
            agree(t.claimedT(), claimed, label + "项目申报减排量");
            int o = w.column();
            sumOrBlank(w, t.baseT(), o + BASE, row);
            sumOrBlank(w, t.reportingT(), o + REPORTING, row);
            writeDerived(w, t, row, scope.reference().claimRatioLimit());
        }
    }

    private static void sumOrBlank(RowWriter w, BigDecimal value, int column, int provinceRow) {
        if (value == null) {
            w.blank(Kind.TONNES, Mark.NONE);
            return;
        }
        String c = CellReference.convertNumToColString(column);
        w.formula("SUM(" + c + (FIRST_DATA_ROW + 1) + ":" + c + provinceRow + ")", value.doubleValue(), Kind.TONNES,
                Mark.NONE);
    }

    private static BigDecimal add(BigDecimal sum, BigDecimal value) {
        return value == null ? sum : sum == null ? value : sum.add(value);
    }

    private static void agree(BigDecimal expected, BigDecimal computed, String what) {
        boolean same = expected == null ? computed == null || computed.signum() == 0
                : computed != null && expected.compareTo(computed) == 0;
        if (!same) {
            throw new IllegalStateException("汇总不一致：" + what + " 统计结果为 " + expected + "，各市之和为 " + computed
                    + " (the province tally disagrees with the sum of the cities; the workbook would contradict the CSV)");
        }
    }

    private static void writeLegend(SXSSFSheet sheet, WorkbookStyles styles, BigDecimal claimRatioLimit) {
        Legend.write(sheet, styles, 6, List.of(
                new Legend.Entry("未达到减排目标（NOT_MET）", Mark.SHORTFALL),
                new Legend.Entry("无排放数据或基准年排放量为0（NO_DATA）", Mark.NO_DATA),
                new Legend.Entry("申报/核算比大于" + claimRatioLimit.toPlainString()
                        + "（CLAIM_EXCEEDS_ACHIEVED）", Mark.ATTENTION)),
                null);
    }

    private static void writeHeader(SXSSFSheet sheet, WorkbookStyles styles, int year, int baseYear,
                                    List<Pollutant> pollutants) {
        String[] headers = headers(year, baseYear);
        Row group = sheet.createRow(GROUP_ROW);
        group.setHeightInPoints(20);
        Row header = sheet.createRow(HEADER_ROW);
        header.setHeightInPoints(42);
        RowWriter g = new RowWriter(group, styles, false);
        RowWriter h = new RowWriter(header, styles, false);
        g.text("城市", Kind.HEADER, Mark.NONE);
        h.text(null, Kind.HEADER, Mark.NONE);
        List<CellRangeAddress> merges = new ArrayList<>();
        merges.add(new CellRangeAddress(GROUP_ROW, HEADER_ROW, 0, 0));
        for (Pollutant p : pollutants) {
            int first = g.column();
            g.text(p.chineseName() + "（" + p.label() + "）", Kind.HEADER, Mark.NONE);
            for (int i = 1; i < PER_POLLUTANT; i++) {
                g.text(null, Kind.HEADER, Mark.NONE);
            }
            merges.add(new CellRangeAddress(GROUP_ROW, GROUP_ROW, first, first + PER_POLLUTANT - 1));
            for (String text : headers) {
                h.text(text, Kind.HEADER, Mark.NONE);
            }
        }
        merges.forEach(sheet::addMergedRegion);
    }

    private static ReductionTally tally(Map<String, ReductionTally> index, String city, Pollutant p) {
        ReductionTally t = index.get(city + "|" + p.code());
        if (t == null) {
            throw new IllegalStateException("减排核算缺少 " + city + " × " + p.code()
                    + " 的统计 (no reduction tally for this city and pollutant)");
        }
        return t;
    }
}
