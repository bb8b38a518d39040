package cn.js.reduction.report.workbook;

import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.reconcile.ReductionStatus;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Formulas.Criterion;
import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.Legend;
import cn.js.reduction.report.sheet.Marks;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * Every figure is a formula with the reconciliation's figure cached: tonnes SUMIFS over 排放明细 (city, pollutant),
 * claims SUMIFS over 项目明细 (city, completed), targets a lookup into 附件, the rest formulas over those cells; the
 * 全省 row sums the cities. The tallies must equal what the formulas find, or the workbook is not written.
 */
public final class ReductionSheet {

    public static final String NAME = "减排核算";
    public static final int GROUP_ROW = 2;
    public static final int HEADER_ROW = 3;
    public static final int FIRST_DATA_ROW = 4;
    public static final int PER_POLLUTANT = 10;

    // offsets within a pollutant's block
    public static final int BASE = 0;
    public static final int REPORTING = 1;
    public static final int REDUCTION = 2;
    public static final int REDUCTION_PCT = 3;
    public static final int TARGET_PCT = 4;
    public static final int GAP_PCT = 5;
    public static final int ALLOWED = 6;
    public static final int STATUS = 7;
    public static final int CLAIMED = 8;
    public static final int CLAIM_RATIO = 9;

    private static final int[] WIDTHS = {14, 14, 12, 9, 9, 10, 14, 8, 13, 9};

    private ReductionSheet() {
    }

    public static String[] headers(int year, int baseYear) {
        // explicit line breaks: the narrow columns would otherwise break inside the unit's brackets
        return new String[]{baseYear + "年\n排放量（吨）", year + "年\n排放量（吨）", "减排量\n（吨）", "减排比例\n（%）",
                "目标比例\n（%）", "差距\n（百分点）", "允许排放量\n（吨）", "状态", "项目申报\n减排量（吨）",
                "申报/\n核算比"};
    }

    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, RunInfo run,
                      List<ReductionTally> tallies, AnnexSheet annex, ListSheets.Details details) {
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
        String heading = run.year() + "年主要大气污染物减排核算表" + who + "　对照附件2（较" + baseYear + "年）　运行编号 "
                + run.runId() + "，" + Labels.mode(run.mode());
        // from column B: column A is repeated on every page, where a title starting in it would be cut
        new RowWriter(title, styles, false).at(1).text(heading, Kind.TITLE, Mark.NONE);
        // a pollutant's ten columns a page (58 columns on one page width print too small to read)
        List<Integer> blocks = new ArrayList<>();
        for (int i = 0; i < pollutants.size(); i++) {
            blocks.add(1 + i * PER_POLLUTANT);
        }
        List<Integer> pages = PrintLayout.acrossPages(sheet, 100, 1, blocks, columns - 1);
        int firstPageLast = (pages.isEmpty() ? columns : pages.get(0)) - 1;
        // the four boxes of the legend within the first page (at 3 columns each they ran on to the second)
        writeLegend(sheet, styles, scope.reference().claimRatioLimit(), Math.max(1, Math.min(6, firstPageLast / 4)));
        writeHeader(sheet, styles, run.year(), baseYear, pollutants);
        PrintLayout.continuedTitles(sheet, styles, pages, run.year() + "年主要大气污染物减排核算表"
                + (scope.isProvince() ? "" : "（" + scope.city().name() + "市）"));

        List<City> cities = scope.cities();
        DetailTotals found = details.totals();
        int r = FIRST_DATA_ROW;
        for (City city : cities) {
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, false);
            w.text(city.name(), Kind.LABEL, Mark.NONE);
            for (Pollutant p : pollutants) {
                ReductionTally t = tally(index, city.code(), p);
                String label = city.name() + " " + p.label() + " ";
                agree(t.baseT(), found.base(city.code(), p), label + "基准年排放量");
                agree(t.reportingT(), found.reporting(city.code(), p), label + "核算年排放量");
                agree(t.claimedT(), found.claimed(city.code(), p), label + "项目申报减排量");
                Criterion inCity = new Criterion(ListSheets.E_CITY, city.name());
                Criterion ofPollutant = new Criterion(ListSheets.E_POLLUTANT, p.code());
                String rows = Formulas.countIfs(details.emissions(), inCity, ofPollutant);
                w.formula("IF(" + rows + "=0,\"\"," + Formulas.sumIfs(details.emissions(), ListSheets.E_BASE, inCity,
                        ofPollutant) + ")", t.baseT(), Kind.TONNES, Mark.NONE);
                w.formula("IF(" + rows + "=0,\"\"," + Formulas.sumIfs(details.emissions(), ListSheets.E_REPORTING,
                        inCity, ofPollutant) + ")", t.reportingT(), Kind.TONNES, Mark.NONE);
                String claimed = Formulas.sumIfs(details.projects(), ListSheets.claimColumn(scope.reference(), p),
                        new Criterion(ListSheets.P_CITY, city.name()),
                        new Criterion(ListSheets.P_COUNTED_STATUS, ProjectStatus.COMPLETED.chineseName()));
                writeDerived(w, t, annex.target(city, p), claimed);
            }
        }
        int lastCityRow = r - 1;
        if (scope.isProvince()) {
            writeProvinceRow(sheet, styles, scope, index, pollutants, r++, annex);
        }
        mark(sheet, FIRST_DATA_ROW, r - 1, pollutants.size(), scope.reference().claimRatioLimit());
        sheet.createFreezePane(1, FIRST_DATA_ROW);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, lastCityRow, 0, columns - 1));
        sheet.setRepeatingRows(new CellRangeAddress(GROUP_ROW, HEADER_ROW, -1, -1));
        String[] notes = {
                "每个数都是公式：排放量按“排放明细”求和（SUMIFS，本市无该污染物的行则为空），目标比例查“附件”，项目申报减排量按“项目明细”中"
                        + "已完成项目求和（SUMIFS）" + (scope.isProvince() ? "；全省行为各市之和（SUM）。" : "。"),
                "减排量 = 基准年排放量 − 核算年排放量；减排比例 = 100 × 减排量 ÷ 基准年排放量；差距 = 减排比例 − 目标比例；"
                        + "允许排放量 = 基准年排放量 × (1 − 目标比例 ÷ 100)；申报/核算比 = 项目申报减排量 ÷ 减排量。",
                "比例保留10位小数参与计算（ROUND），显示为四舍五入两位小数，与 reductions_by_city_pollutant.csv 一致；达标与否按"
                        + "100 × 减排量 ≥ 目标比例 × 基准年排放量判定（精确到10⁻⁶）。",
                "项目申报减排量：已完成项目的减排量之和；申报/核算比大于" + scope.reference().claimRatioLimit().toPlainString()
                        + "表示项目申报的减排量多于排放核算显示的减排量。"};
        List<String> allNotes = new ArrayList<>(List.of(notes));
        allNotes.add("状态“不完整”（INCOMPLETE）：该市该污染物有排放量行被退回，或有报表整个未读取、读到一半中断，表中数值只是计入的行，"
                + "不能据以判定是否达标；请按反馈工作簿改正后重新报送。" + (scope.isProvince() ? restsOn(tallies, scope) : ""));
        new RowWriter(sheet.createRow(r + 1), styles, false).text("说明", Kind.LABEL, Mark.NONE);
        int last = PrintLayout.notes(sheet, styles, r + 1, allNotes, 1, firstPageLast);
        PrintLayout.continuedNotes(sheet, styles, pages, r + 1);
        PrintLayout.area(sheet, columns - 1, last);
    }

    /**
     * The derived columns of one pollutant block, the base and reporting cells having just been written, as
     * formulas over them: the quotients rounded to {@link Formulas#QUOTIENT_DECIMALS} decimals (binary floating
     * point would put the exact −9.655 at −9.6549999…, which a program rounding the binary value shows as −9.65
     * where the CSV shows −9.66), the status decided on 100 × reduction ≥ target × base, rounded to 10⁻⁶ so
     * that an exact tie stays a tie. Each caches the reconciliation's exact figure, rounded the same way.
     *
     * @param target  annex 2's target, as a lookup formula
     * @param claimed the claimed tonnes, as a formula
     */
    private static void writeDerived(RowWriter w, ReductionTally t, String target, String claimed) {
        int o = w.column() - 2;
        String base = w.ref(o + BASE);
        String reporting = w.ref(o + REPORTING);
        String reduction = w.ref(o + REDUCTION);
        String pct = w.ref(o + REDUCTION_PCT);
        String targetCell = w.ref(o + TARGET_PCT);
        w.formula("IF(" + base + "=\"\",\"\"," + base + "-" + reporting + ")", t.reductionT(), Kind.TONNES, Mark.NONE);
        w.formula("IF(" + base + "=\"\",\"\",IF(" + base + "=0,\"\"," + Formulas.rounded("100*" + reduction + "/" + base)
                + "))", rounded(t.reductionPct()), Kind.PERCENT, Mark.NONE);
        if (t.targetPct() == null) {
            w.blank(Kind.PERCENT, Mark.NONE);
        } else {
            w.formula(target, t.targetPct(), Kind.PERCENT, Mark.NONE);
        }
        w.formula("IF(OR(" + pct + "=\"\"," + targetCell + "=\"\"),\"\"," + Formulas.rounded(pct + "-" + targetCell) + ")",
                rounded(t.gapPct()), Kind.PERCENT, Mark.NONE);
        w.formula("IF(OR(" + base + "=\"\"," + targetCell + "=\"\"),\"\"," + base + "*(1-" + targetCell + "/100))",
                t.allowedT(), Kind.TONNES, Mark.NONE);
        if (t.status() == ReductionStatus.INCOMPLETE) {
            // not a verdict on the figures: they rest on part of what was sent (rows rejected, a file not read), which
            // the workbook's own cells cannot show, so the status is stated, not computed
            w.text(Labels.reductionStatus(t.status()), Kind.TEXT, Mark.NONE);
        } else {
            w.formulaText("IF(OR(" + pct + "=\"\"," + targetCell + "=\"\"),\"" + Labels.reductionStatus(ReductionStatus.NO_DATA)
                + "\",IF(ROUND(100*" + reduction + "-" + targetCell + "*" + base + ",6)>=0,\""
                + Labels.reductionStatus(ReductionStatus.MET) + "\",\"" + Labels.reductionStatus(ReductionStatus.NOT_MET)
                + "\"))", Labels.reductionStatus(t.status()), Kind.TEXT, Mark.NONE);
        }
        w.formula(claimed, t.claimedT(), Kind.TONNES, Mark.NONE);
        String claimedCell = w.ref(o + CLAIMED);
        w.formula("IF(" + reduction + "=\"\",\"\",IF(" + reduction + "<=0,\"\"," + Formulas.rounded(claimedCell + "/"
                + reduction) + "))", rounded(t.claimRatio()), Kind.RATIO, Mark.NONE);
    }

    /** "全省 VOCs 据 11/13 个设区市；…": on how many cities the province's figures rest whole. */
    public static String restsOn(List<ReductionTally> tallies, Scope scope) {
        List<String> parts = new ArrayList<>();
        for (ReductionTally t : tallies) {
            if (t.cityCode().equals(scope.reference().province().code()) && t.restsOn() != null) {
                parts.add(t.pollutant().label() + " 据 " + t.restsOn() + "/" + scope.reference().cities().size() + " 个设区市");
            }
        }
        return parts.isEmpty() ? "" : "全省的数值所依据的完整数据：" + String.join("；", parts) + "（其余城市不完整或无数据）。";
    }

    /** A quotient as the formulas round it. */
    public static BigDecimal rounded(BigDecimal v) {
        return v == null ? null : v.setScale(Formulas.QUOTIENT_DECIMALS, RoundingMode.HALF_UP);
    }

    /** Not met, no data and claims over the limit, as conditions on each block's status and ratio cells. */
    private static void mark(SXSSFSheet sheet, int firstRow, int lastRow, int blocks, BigDecimal claimRatioLimit) {
        int row = firstRow + 1;
        for (int b = 0; b < blocks; b++) {
            int o = 1 + b * PER_POLLUTANT;
            String status = "$" + CellReference.convertNumToColString(o + STATUS) + row;
            String ratio = CellReference.convertNumToColString(o + CLAIM_RATIO) + row;
            CellRangeAddress[] judged = {column(firstRow, lastRow, o + REDUCTION_PCT), column(firstRow, lastRow, o + GAP_PCT),
                    column(firstRow, lastRow, o + STATUS)};
            Marks.when(sheet, status + "=\"" + Labels.reductionStatus(ReductionStatus.NOT_MET) + "\"", Mark.SHORTFALL, judged);
            Marks.when(sheet, status + "=\"" + Labels.reductionStatus(ReductionStatus.NO_DATA) + "\"", Mark.NO_DATA,
                    column(firstRow, lastRow, o + STATUS));
            // partial figures: the whole block of figures up to the status, so that no one reads them as the city's
            Marks.when(sheet, status + "=\"" + Labels.reductionStatus(ReductionStatus.INCOMPLETE) + "\"", Mark.COMPLETION,
                    new CellRangeAddress(firstRow, lastRow, o + BASE, o + STATUS));
            Marks.when(sheet, "AND(ISNUMBER(" + ratio + ")," + ratio + ">" + claimRatioLimit.toPlainString()
                    + ")", Mark.ATTENTION, column(firstRow, lastRow, o + CLAIM_RATIO));
        }
    }

    private static CellRangeAddress column(int firstRow, int lastRow, int column) {
        return new CellRangeAddress(firstRow, lastRow, column, column);
    }

    private static void writeProvinceRow(SXSSFSheet sheet, WorkbookStyles styles, Scope scope,
                                         Map<String, ReductionTally> index, List<Pollutant> pollutants, int row,
                                         AnnexSheet annex) {
        City province = scope.reference().province();
        RowWriter w = new RowWriter(sheet.createRow(row), styles, true);
        w.text(province.name(), Kind.LABEL, Mark.NONE);
        for (Pollutant p : pollutants) {
            ReductionTally t = tally(index, province.code(), p);
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
            w.formula(sumOfCities(o + BASE, row, true), t.baseT(), Kind.TONNES, Mark.NONE);
            w.formula(sumOfCities(o + REPORTING, row, true), t.reportingT(), Kind.TONNES, Mark.NONE);
            writeDerived(w, t, annex.target(province, p), sumOfCities(o + CLAIMED, row, false));
        }
    }

    /** The cities' column summed; blank when no city has a figure (no emission rows anywhere). */
    private static String sumOfCities(int column, int provinceRow, boolean blankWhenNone) {
        String c = CellReference.convertNumToColString(column);
        String range = c + (FIRST_DATA_ROW + 1) + ":" + c + provinceRow;
        return blankWhenNone ? "IF(COUNT(" + range + ")=0,\"\",SUM(" + range + "))" : "SUM(" + range + ")";
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

    private static void writeLegend(SXSSFSheet sheet, WorkbookStyles styles, BigDecimal claimRatioLimit, int span) {
        Legend.write(sheet, styles, span, List.of(
                new Legend.Entry("未达到减排目标（NOT_MET）", Mark.SHORTFALL),
                new Legend.Entry("无排放数据或基准年排放量为0（NO_DATA）", Mark.NO_DATA),
                new Legend.Entry("不完整（INCOMPLETE）：有行被退回或文件未读取，数值只是计入部分", Mark.COMPLETION),
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
