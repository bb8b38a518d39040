package cn.js.reduction.report.workbook;

import cn.js.reduction.core.Severity;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.data.Scope;
import cn.js.reduction.report.sheet.Formulas;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.sheet.Link;
import cn.js.reduction.report.sheet.Marks;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import cn.js.reduction.report.sheet.WorkbookStyles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * 运行信息: what run produced the workbook, from what. The key figures come first, then one row per input
 * file with its SHA-256 and row counts, a total row of formulas and a check column that must read 0
 * (rows read = accepted + rejected + ignored, docs/rules.md).
 */
public final class RunSheet {

    public static final String NAME = "运行信息";
    public static final String[] FILE_HEADERS = {"文件", "SHA-256", "大小（字节）", "类型", "涉及城市", "读取行数", "接受行数",
            "退回行数", "忽略行数", "核对（读取−接受−退回−忽略，应为0）", "被替代（城市）", "读取列数", "未读取列数"};
    private static final int[] FILE_WIDTHS = {36, 66, 12, 12, 24, 10, 10, 10, 10, 18, 24, 10, 10};
    /** The column of 读取行数; accepted, rejected and ignored follow it. */
    private static final int READ = 5;
    /** The column of 读取列数 (columns mapped to a field, over the file's sheets); 未读取列数 follows it. */
    public static final int COLUMNS_READ = 11;

    private RunSheet() {
    }

    public static void write(SXSSFWorkbook workbook, WorkbookStyles styles, Scope scope, RunInfo run, ListSheets.Counts counts) {
        SXSSFSheet sheet = workbook.createSheet(NAME);
        for (int i = 0; i < FILE_WIDTHS.length; i++) {
            sheet.setColumnWidth(i, FILE_WIDTHS[i] * 256);
        }
        int r = 0;
        Row title = sheet.createRow(r++);
        title.setHeightInPoints(24);
        new RowWriter(title, styles, false).text(run.year() + "年大气污染防治减排核算 运行信息", Kind.TITLE, Mark.NONE);

        r = pair(sheet, styles, r, "运行编号").text(String.valueOf(run.runId())).rowIndex() + 1;
        r = pair(sheet, styles, r, "核算年度").text(String.valueOf(run.year())).rowIndex() + 1;
        r = pair(sheet, styles, r, "基准年").text(String.valueOf(scope.reference().baseYear())).rowIndex() + 1;
        r = pair(sheet, styles, r, "运行模式").text(Labels.mode(run.mode())).rowIndex() + 1;
        r = pair(sheet, styles, r, "开始时间").dateTime(run.startTime()).rowIndex() + 1;
        if (run.endTime() != null) {
            r = pair(sheet, styles, r, "结束时间").dateTime(run.endTime()).rowIndex() + 1;
        } else {
            r = pair(sheet, styles, r, "结束时间").text("（生成本工作簿时运行尚未结束）").rowIndex() + 1;
        }
        r = pair(sheet, styles, r, "软件版本").text(run.softwareVersion()).rowIndex() + 1;
        r = pair(sheet, styles, r, "基准数据版本").text(run.referenceVersion()).rowIndex() + 1;
        // sorted, so that the same parameters always give the same rows whatever map the caller used
        Map<String, String> parameters = new TreeMap<>(run.parameters() == null ? Map.of() : run.parameters());
        for (Map.Entry<String, String> p : parameters.entrySet()) {
            r = pair(sheet, styles, r, "运行参数：" + Labels.parameter(p.getKey())).text(p.getValue()).rowIndex() + 1;
        }
        String scopeText = scope.isProvince() ? "全省（" + scope.reference().province().code() + "）"
                : scope.city().name() + "（" + scope.city().code() + "）";
        r = pair(sheet, styles, r, "本工作簿范围").text(scopeText).rowIndex() + 1;
        for (Severity severity : Severity.values()) {
            long n = counts.findings().getOrDefault(severity, 0L);
            Formulas.Criterion level = new Formulas.Criterion(0, Labels.severity(severity));
            r = pair(sheet, styles, r, "问题（" + Labels.severity(severity) + "）")
                    .formula(Formulas.countIfs(counts.findingParts(), level), n, Kind.COUNT, Mark.NONE).rowIndex() + 1;
        }

        r++;
        new RowWriter(sheet.createRow(r++), styles, false)
                .text(scope.isProvince() ? "输入文件（全部）" : "输入文件（含本市数据的文件）", Kind.TITLE, Mark.NONE);
        int header = r;
        Row headerRow = sheet.createRow(r++);
        headerRow.setHeightInPoints(20);
        RowWriter h = new RowWriter(headerRow, styles, false);
        for (int i = 0; i < FILE_HEADERS.length; i++) {
            h.text(FILE_HEADERS[i], Kind.HEADER, Mark.NONE);
            h.fitHeight(FILE_HEADERS[i], FILE_WIDTHS[i]);
        }
        int first = r;
        if (first != firstFileRow(run)) {
            throw new IllegalStateException("运行信息的文件行与链接不一致 (the run sheet's file rows moved: " + first + ")");
        }
        long[] sums = new long[6];
        for (RunInfo.InputFile f : run.inputFiles() == null ? List.<RunInfo.InputFile>of() : run.inputFiles()) {
            if (!scope.isProvince() && !scope.covers(f.cities()) && !scope.covers(f.superseded())) {
                continue;
            }
            RowWriter w = new RowWriter(sheet.createRow(r++), styles, false);
            w.text(f.file()).text(f.sha256()).number(f.sizeBytes()).text(Labels.fileKind(f.kind()))
                    .text(Labels.cityNames(scope.reference(), f.cities()))
                    .count(f.rowsRead()).count(f.accepted()).count(f.rejected()).count(f.ignored());
            int balance = f.rowsRead() - f.accepted() - f.rejected() - f.ignored();
            w.formula(balance(w), balance, Kind.COUNT, Mark.NONE);
            w.text(Labels.cityNames(scope.reference(), f.superseded()));
            // how many columns were read, and how many held data but were not read (each named in 问题清单)
            w.count(f.columnsRead()).count(f.columnsNotRead());
            sums[4] += f.columnsRead();
            sums[5] += f.columnsNotRead();
            sums[0] += f.rowsRead();
            sums[1] += f.accepted();
            sums[2] += f.rejected();
            sums[3] += f.ignored();
        }
        int last = r - 1;
        sheet.setAutoFilter(new CellRangeAddress(header, Math.max(header, last), 0, FILE_HEADERS.length - 1));

        RowWriter total = new RowWriter(sheet.createRow(r), styles, true);
        total.text("合计").blank(Kind.TEXT, Mark.NONE).blank(Kind.COUNT, Mark.NONE).blank(Kind.TEXT, Mark.NONE)
                .blank(Kind.TEXT, Mark.NONE);
        for (int i = 0; i < 4; i++) {
            String column = CellReference.convertNumToColString(READ + i);
            String formula = last < first ? "0" : "SUM(" + column + (first + 1) + ":" + column + (last + 1) + ")";
            total.formula(formula, sums[i], Kind.COUNT, Mark.NONE);
        }
        long balance = sums[0] - sums[1] - sums[2] - sums[3];
        total.formula(balance(total), balance, Kind.COUNT, Mark.NONE);
        total.blank(Kind.TEXT, Mark.NONE);
        for (int i = 4; i < 6; i++) {
            String column = CellReference.convertNumToColString(COLUMNS_READ + i - 4);
            String formula = last < first ? "0" : "SUM(" + column + (first + 1) + ":" + column + (last + 1) + ")";
            total.formula(formula, sums[i], Kind.COUNT, Mark.NONE);
        }
        // a file whose rows do not add up: the check cell red, whatever a recalculation gives
        String check = CellReference.convertNumToColString(READ + 4) + (first + 1);
        Marks.when(sheet, check + "<>0", Mark.SHORTFALL, new CellRangeAddress(first, r, READ + 4, READ + 4));
        PrintLayout.wide(sheet);
    }

    /**
     * Below the file table, the province's count of what changed between each city's two submissions (前后对比 in
     * the city's feedback workbook): rows added, withdrawn and changed cells. Nothing when no file was replaced.
     */
    public static void writeChangeCounts(SXSSFSheet sheet, WorkbookStyles styles, Scope scope, Map<String, int[]> counts) {
        if (counts.isEmpty()) {
            return;
        }
        int r = sheet.getLastRowNum() + 2;
        new RowWriter(sheet.createRow(r++), styles, false).text("前后对比：各市较新文件替代较早文件后的变化（详见该市反馈工作簿“前后对比”）",
                Kind.TITLE, Mark.NONE);
        RowWriter h = new RowWriter(sheet.createRow(r++), styles, false);
        for (String text : new String[]{"城市", "新增行数", "撤回行数", "修改单元格数"}) {
            h.text(text, Kind.HEADER, Mark.NONE);
        }
        for (cn.js.reduction.reference.City city : scope.reference().cities()) {
            int[] n = counts.get(city.code());
            if (n != null) {
                new RowWriter(sheet.createRow(r++), styles, false).text(city.name()).count(n[0]).count(n[1]).count(n[2]);
            }
        }
    }

    /**
     * Where each input file of the workbook's scope sits on this sheet, as a link address ('运行信息'!A18): the
     * lists link a finding about a file as a whole there. Known before the sheet is written, from the same layout.
     */
    public static Map<String, Link> fileLinks(Scope scope, RunInfo run) {
        Map<String, Link> links = new java.util.HashMap<>();
        int r = firstFileRow(run);
        for (RunInfo.InputFile f : run.inputFiles() == null ? List.<RunInfo.InputFile>of() : run.inputFiles()) {
            if (!scope.isProvince() && !scope.covers(f.cities()) && !scope.covers(f.superseded())) {
                continue;
            }
            links.put(f.file(), Link.here(Formulas.sheetRef(NAME) + "!A" + (++r)));
        }
        return links;
    }

    /**
     * The 0-based row of the first input file: the title, eight facts of the run, its parameters, the scope, a
     * count per severity, a blank row, the table's title and its header.
     */
    private static int firstFileRow(RunInfo run) {
        int parameters = run.parameters() == null ? 0 : run.parameters().size();
        return 1 + 8 + parameters + 1 + Severity.values().length + 1 + 1 + 1;
    }

    private static String balance(RowWriter w) {
        return w.ref(READ) + "-" + w.ref(READ + 1) + "-" + w.ref(READ + 2) + "-" + w.ref(READ + 3);
    }

    private static RowWriter pair(SXSSFSheet sheet, WorkbookStyles styles, int row, String label) {
        return new RowWriter(sheet.createRow(row), styles, false).text(label, Kind.LABEL, Mark.NONE);
    }
}
