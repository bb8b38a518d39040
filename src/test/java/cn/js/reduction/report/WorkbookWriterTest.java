package cn.js.reduction.report;

import cn.js.reduction.clerk.Annotator;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.intake.ReferenceFixture;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.sheet.RowWriter;
import cn.js.reduction.report.workbook.RunSheet;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.poi.ss.formula.ConditionalFormattingEvaluator;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

public class WorkbookWriterTest {

    static final String SHORTFALL = "F8CBAD";
    static final String ATTENTION = "FFEB9C";
    static final String COMPLETION = "E4DFEC";

    @TempDir
    Path dir;

    private XSSFWorkbook province(InMemoryReportData data) throws IOException {
        Path out = dir.resolve("province.xlsx");
        new WorkbookWriter().writeProvince(data, out);
        return new XSSFWorkbook(Files.newInputStream(out));
    }

    private XSSFWorkbook nanjing(InMemoryReportData data) throws IOException {
        Path out = dir.resolve("320100.xlsx");
        new WorkbookWriter().writeCity(data, InMemoryReportData.NANJING, out);
        return new XSSFWorkbook(Files.newInputStream(out));
    }

    /** The province workbook of {@code new InMemoryReportData("final")}, written once for the class (see {@link #written}). */
    private static byte[] finalProvince;
    /** 南京's workbook of {@code new InMemoryReportData("final")}, written once for the class. */
    private static byte[] finalNanjing;

    /**
     * A workbook of its own for the test, loaded from the bytes {@link WorkbookWriter} wrote for {@code new
     * InMemoryReportData("final")}: the same data always gives the same workbook (ReproducibleOutputsTest), so the
     * twenty tests that only read it share one writing of it instead of each writing it again; each still loads and
     * reads its own copy. A test that changes the data, or writes with other settings, writes its own.
     */
    private static XSSFWorkbook written(byte[] workbook) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(workbook));
    }

    private XSSFWorkbook finalProvince() throws IOException {
        if (finalProvince == null) {
            Path out = dir.resolve("final-province.xlsx");
            new WorkbookWriter().writeProvince(new InMemoryReportData("final"), out);
            finalProvince = Files.readAllBytes(out);
        }
        return written(finalProvince);
    }

    private XSSFWorkbook finalNanjing() throws IOException {
        if (finalNanjing == null) {
            Path out = dir.resolve("final-320100.xlsx");
            new WorkbookWriter().writeCity(new InMemoryReportData("final"), InMemoryReportData.NANJING, out);
            finalNanjing = Files.readAllBytes(out);
        }
        return written(finalNanjing);
    }

    /**
     * A plan of hundreds of cities (a national set) has more rows in 项目汇总 and 减排核算 than the streaming window
     * keeps in memory: a sheet that went back to its first rows after its data (the continuation pages' titles did)
     * failed the report with "Attempting to write a row[0] … already written to disk" (found by bench/run.sh).
     */
    @Test
    void aPlanOfHundredsOfCitiesIsWrittenWholeThroughTheStreamingWindow() throws IOException {
        ReferenceData jiangsu = InMemoryReportData.plan2020();
        List<City> cities = new ArrayList<>(jiangsu.cities());
        Map<String, java.math.BigDecimal> targets = new LinkedHashMap<>();
        Map<String, Integer> planned = new LinkedHashMap<>();
        List<City> all = new ArrayList<>(jiangsu.cities());
        all.add(jiangsu.province());
        for (City c : all) {
            for (Pollutant p : jiangsu.pollutants()) {
                targets.put(c.code() + "|" + p.code(), jiangsu.targetPct(c.code(), p));
            }
            for (Category k : jiangsu.categories()) {
                planned.put(c.code() + "|" + k.code(), jiangsu.planned(c.code(), k.code()));
            }
        }
        for (int i = 0; i < 300; i++) {
            City c = new City(String.valueOf(900_000 + i), "测试" + i, "Ceshi" + i);
            cities.add(c);
            for (Pollutant p : jiangsu.pollutants()) {
                targets.put(c.code() + "|" + p.code(), java.math.BigDecimal.TEN);
            }
        }
        ReferenceData national = new ReferenceData(jiangsu.plan(), cities, jiangsu.province(), jiangsu.categories(),
                jiangsu.claimPollutants(), planned, targets, jiangsu.airQualityTargets(), jiangsu.autumnWinterTargets());

        try (XSSFWorkbook wb = province(new InMemoryReportData("nightly", national))) {
            for (String name : List.of("项目汇总", "减排核算")) {
                XSSFSheet sheet = wb.getSheet(name);
                List<String> titles = new ArrayList<>();
                sheet.getRow(0).forEach(c -> titles.add(c.getStringCellValue()));
                assertThat(titles).as(name + ": the continuation pages' titles").anyMatch(t -> t.endsWith("（续）"));
                List<String> firstColumn = new ArrayList<>();
                sheet.forEach(r -> {
                    if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING) {
                        firstColumn.add(r.getCell(0).getStringCellValue());
                    }
                });
                assertThat(firstColumn).as(name + ": every city down").anyMatch(t -> t.startsWith("测试299"));
            }
        }
    }

    @Test
    void provinceWorkbookHasTheSixSheetsInOrder() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            assertThat(sheetNames(wb)).containsExactly("核算结论", "与上次对比", "运行信息", "项目汇总", "减排核算", "图表", "项目统计", "规划目标", "附件", "问题清单", "项目明细",
                    "排放明细", "退回记录", "规则说明");
        }
    }

    @Test
    void matrixHeaderIsGroupCategoryMeasureLikeAnnex4() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("项目汇总");
            assertThat(text(s, "A3")).isEqualTo("城市");
            assertThat(merged(s)).contains("A3:A5", "B3:D4", "H3:M3", "H4:J4", "K4:M4", "BD3:BF4", "AX3:BC3", "AX4:AZ4", "BA4:BC4");
            assertThat(text(s, "B3")).isEqualTo("滚动实施项目");          // one category: merged down over the category row
            assertThat(text(s, "H3")).isEqualTo("能源结构调整项目");      // group over its two categories
            assertThat(text(s, "H4")).isEqualTo("煤炭消费总量控制项目");
            assertThat(text(s, "K4")).isEqualTo("热电整合项目");
            assertThat(text(s, "AX3")).isEqualTo("移动源治理");
            assertThat(text(s, "BA4")).isEqualTo("移动源(船舶)排放遥感监测系统项目");
            assertThat(text(s, "BD3")).isEqualTo("合计");
            assertThat(List.of(text(s, "H5"), text(s, "I5"), text(s, "J5"))).containsExactly("计划", "报送", "完成");
            assertThat(text(s, "A6")).isEqualTo("南京");
            assertThat(text(s, "A18")).isEqualTo("宿迁");
            assertThat(text(s, "A19")).isEqualTo("全省");
            assertThat(text(s, "A2")).isEqualTo("图例：");
            assertThat(text(s, "B2")).contains("报送数少于计划数");
            assertThat(fill(s, "B2")).isEqualTo(SHORTFALL);
        }
    }

    @Test
    void matrixFiguresAndMarks() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("项目汇总");
            // 南京 × 煤炭消费总量控制项目: planned 3, submitted 1 (shortfall), completed 1 (< planned, final run)
            assertThat(number(s, "H6")).isEqualTo(3);
            assertThat(number(s, "I6")).isEqualTo(1);
            assertThat(number(s, "J6")).isEqualTo(1);
            assertThat(mark(s, "I6")).isEqualTo(SHORTFALL);
            assertThat(mark(s, "J6")).isEqualTo(COMPLETION);
            assertThat(mark(s, "H6")).isNull();
            // 无锡 × 施工工地扬尘治理项目 (column 1 + 3×13 = AO): planned 0, submitted 1 → UNPLANNED
            assertThat(number(s, "AO7")).isZero();
            assertThat(number(s, "AP7")).isEqualTo(1);
            assertThat(mark(s, "AP7")).isEqualTo(ATTENTION);
            // 无锡 × 滚动实施项目: planned 1, submitted 1, completed 1: nothing marked
            assertThat(mark(s, "C7")).isNull();
            assertThat(mark(s, "D7")).isNull();
            assertThat(s.getRow(5).getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }
    }

    @Test
    void provinceRowAndTotalColumnAreSumFormulasWithTheRightCachedValues() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("项目汇总");
            assertThat(formula(s, "H19")).isEqualTo("SUM(H6:H18)");
            assertThat(number(s, "H19")).isEqualTo(3);
            assertThat(formula(s, "I19")).isEqualTo("SUM(I6:I18)");
            assertThat(number(s, "I19")).isEqualTo(1);
            assertThat(mark(s, "I19")).isEqualTo(SHORTFALL);
            assertThat(formula(s, "BD6")).startsWith("SUM(B6,E6,H6,K6,").endsWith(",BA6)");
            assertThat(number(s, "BD6")).isEqualTo(4);   // 南京 planned: 3 + 1
            assertThat(number(s, "BE6")).isEqualTo(2);   // 南京 submitted
            assertThat(mark(s, "BE6")).isEqualTo(SHORTFALL);
            assertThat(formula(s, "BE19")).isEqualTo("SUM(BE6:BE18)");
            assertThat(number(s, "BE19")).isEqualTo(4);
            assertThat(number(s, "BD19")).isEqualTo(7);
            assertThat(s.getRow(18).getCell(7).getCellStyle().getFontIndex())
                    .isNotEqualTo(s.getRow(5).getCell(7).getCellStyle().getFontIndex()); // totals are bold
        }
    }

    @Test
    void everyFormulaRecalculatesToItsCachedValue() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            int formulas = 0;
            for (var sheet : wb) {
                for (Row row : sheet) {
                    for (var cell : row) {
                        if (cell.getCellType() == CellType.FORMULA) {
                            formulas++;
                            String where = sheet.getSheetName() + "!" + cell.getAddress();
                            var recalculated = evaluator.evaluate(cell);
                            if (cell.getCachedFormulaResultType() == CellType.STRING) {
                                assertThat(recalculated.getStringValue()).as(where).isEqualTo(cell.getStringCellValue());
                            } else {
                                assertThat(recalculated.getNumberValue()).as(where)
                                        .isCloseTo(cell.getNumericCellValue(), within(1e-9));
                            }
                        }
                    }
                }
            }
            // the matrix (13 × 19 × 3 + 57), 减排核算 (14 × 3 × 10), 项目统计 (14 × 19 × 9) and the run sheet
            assertThat(formulas).isGreaterThan(13 * 57 + 57 + 14 * 30 + 14 * 19 * 9);
        }
    }

    @Test
    void headersAreFrozenAndTablesFiltered() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet matrix = wb.getSheet("项目汇总");
            assertThat(matrix.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 5);
            assertThat(matrix.getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 1);
            assertThat(autoFilter(matrix)).isEqualTo("A5:BF18");   // the city rows; the 全省 row stays put
            XSSFSheet reductions = wb.getSheet("减排核算");
            assertThat(reductions.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 4);
            assertThat(autoFilter(reductions)).isEqualTo("A4:AE17");
            assertThat(autoFilter(wb.getSheet("问题清单"))).isEqualTo("A1:K7");
            assertThat(autoFilter(wb.getSheet("项目明细"))).isEqualTo("A1:AC5");
            assertThat(autoFilter(wb.getSheet("排放明细"))).isEqualTo("A1:O5");
            assertThat(autoFilter(wb.getSheet("退回记录"))).isEqualTo("A1:I3");
            for (String name : List.of("问题清单", "项目明细", "排放明细", "退回记录")) {
                assertThat(wb.getSheet(name).getPaneInformation().getHorizontalSplitTopRow()).as(name).isEqualTo((short) 1);
            }
            assertThat(wb.getSheet("项目明细").getPaneInformation().getVerticalSplitLeftColumn()).isEqualTo((short) 1);
        }
    }

    /**
     * The two annex-shaped sheets print at full size across A3 landscape pages, each page ending between the annex's
     * groups (项目汇总: B-V up to 其他重点行业减排项目, W-AN VOCs and 餐饮, AO-BF 扬尘, 移动源 and 合计; 减排核算 one
     * pollutant a page), the city column and the header rows on every page; the charts two a page; every page footed.
     */
    @Test
    void wideSheetsPrintLegiblyAcrossPagesBrokenBetweenGroups() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet matrix = wb.getSheet("项目汇总");
            assertThat(matrix.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A3_PAPERSIZE);
            assertThat(matrix.getPrintSetup().getLandscape()).isTrue();
            assertThat(matrix.getFitToPage()).as("not shrunk to one page width").isFalse();
            assertThat(matrix.getPrintSetup().getScale()).isEqualTo((short) 100);
            assertThat(matrix.getColumnBreaks()).containsExactly(21, 39);   // after V and AN: W and AO start pages
            assertThat(text(matrix, "W3")).isEqualTo("VOCs污染治理项目");
            assertThat(text(matrix, "AO3")).isEqualTo("扬尘治理项目");
            assertThat(matrix.getRepeatingColumns().formatAsString()).isEqualTo("A:A");
            assertThat(matrix.getRepeatingRows().formatAsString()).isEqualTo("3:5");
            assertThat(matrix.getFooter().getCenter()).contains("&A", "&P", "&N");
            // the legend's four boxes stay on the first page
            assertThat(merged(matrix)).contains("B2:F2", "Q2:U2");
            XSSFSheet reductions = wb.getSheet("减排核算");
            assertThat(reductions.getColumnBreaks()).containsExactly(10, 20);
            assertThat(reductions.getRepeatingColumns().formatAsString()).isEqualTo("A:A");
            assertThat(wb.getSheet("图表").getRowBreaks()).hasSize(1);
            assertThat(wb.getSheet("问题清单").getFitToPage()).isTrue();
            assertThat(wb.getSheet("问题清单").getFooter().getCenter()).contains("&P");
        }
    }

    @Test
    void reductionsLikeAnnex2WithExactPercentagesShownRoundedHalfUp() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("减排核算");
            assertThat(text(s, "B3")).isEqualTo("挥发性有机物（VOCs）");
            assertThat(text(s, "L3")).isEqualTo("二氧化硫（SO2）");
            assertThat(text(s, "V3")).isEqualTo("氮氧化物（NOx）");
            assertThat(merged(s)).contains("B3:K3", "A3:A4");
            assertThat(text(s, "B4")).isEqualTo("2015年\n排放量（吨）");
            assertThat(text(s, "E4")).isEqualTo("减排比例\n（%）");
            // 无锡 VOCs: 2000 → 1753.1 t, exactly 12.345 %, shown 12.35; target 22: not met
            assertThat(number(s, "B6")).isEqualTo(2000);
            // every figure a formula, caching the reconciliation's value
            assertThat(formula(s, "D6")).isEqualTo("IF(B6=\"\",\"\",B6-C6)");
            assertThat(formula(s, "B6")).isEqualTo("IF(COUNTIFS('排放明细'!$A$2:$A$5,\"无锡\",'排放明细'!$C$2:$C$5,\"VOCS\")=0,\"\","
                    + "SUMIFS('排放明细'!$F$2:$F$5,'排放明细'!$A$2:$A$5,\"无锡\",'排放明细'!$C$2:$C$5,\"VOCS\"))");
            assertThat(formula(s, "F6")).startsWith("INDEX('附件'!");
            assertThat(number(s, "D6")).isEqualTo(246.9);
            assertThat(number(s, "E6")).isEqualTo(12.345);
            assertThat(s.getRow(5).getCell(4).getCellStyle().getDataFormatString()).isEqualTo("0.00");
            assertThat(shown(cell(s, "E6"))).isEqualTo("12.35");
            // gap exactly −9.655: half-up (away from zero) shows −9.66, as the CSV's rounding does
            assertThat(number(s, "G6")).isEqualTo(-9.655);
            assertThat(shown(cell(s, "G6"))).isEqualTo("-9.66");
            assertThat(mark(s, "G6")).isEqualTo(SHORTFALL);
            assertThat(mark(s, "E6")).isEqualTo(SHORTFALL);
            assertThat(text(s, "I6")).isEqualTo("未达标");
            assertThat(mark(s, "I6")).isEqualTo(SHORTFALL);
            assertThat(number(s, "H6")).isCloseTo(1560, within(1e-9));   // allowed: 2000 × (1 − 22 %)
            // 南京 VOCs met; 徐州 no data
            assertThat(text(s, "I5")).isEqualTo("达标");
            assertThat(mark(s, "I5")).isNull();
            assertThat(text(s, "I7")).isEqualTo("无数据");
            assertThat(s.getRow(6).getCell(4).getCachedFormulaResultType()).isEqualTo(CellType.STRING);
            assertThat(text(s, "E7")).isEmpty();
            // 南京 SO2 (block from L): claimed 62.5 t against a 40 t reduction → ratio 1.5625 > 1.5
            assertThat(number(s, "T5")).isEqualTo(62.5);
            assertThat(number(s, "U5")).isEqualTo(1.5625);
            assertThat(mark(s, "U5")).isEqualTo(ATTENTION);
            // 全省: tonnes are SUMs over the city rows, the rest derived from them
            assertThat(text(s, "A18")).isEqualTo("全省");
            assertThat(formula(s, "B18")).isEqualTo("IF(COUNT(B5:B17)=0,\"\",SUM(B5:B17))");
            assertThat(number(s, "B18")).isEqualTo(3000);
            assertThat(formula(s, "J18")).isEqualTo("SUM(J5:J17)");
            assertThat(number(s, "J18")).isEqualTo(100);
            assertThat(formula(s, "C18")).isEqualTo("IF(COUNT(C5:C17)=0,\"\",SUM(C5:C17))");
            assertThat(number(s, "C18")).isEqualTo(2453.1);
            assertThat(number(s, "E18")).isCloseTo(18.23, within(0.001));
            assertThat(text(s, "I18")).isEqualTo("未达标");
        }
    }

    @Test
    void runSheetListsTheRunAndEveryInputFileWithACheckColumn() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("运行信息");
            Map<String, String> pairs = pairs(s);
            assertThat(pairs).containsEntry("运行编号", "42").containsEntry("核算年度", "2020")
                    .containsEntry("运行模式", "年终核算（final，正式结果）").containsEntry("软件版本", "1.0.0")
                    .containsEntry("基准数据版本", "2020-v1").containsEntry("运行参数：输入文件夹", "input")
                    .containsEntry("开始时间", "2021-01-05 02:00:00").containsEntry("结束时间", "2021-01-05 02:03:17");
            int header = rowWith(s, 0, "文件");
            List<String> headers = new ArrayList<>();
            s.getRow(header).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly(RunSheet.FILE_HEADERS);
            Row nj = s.getRow(rowWith(s, 0, InMemoryReportData.FILE_NJ));
            assertThat(nj.getCell(1).getStringCellValue()).isEqualTo("a".repeat(64));
            assertThat(nj.getCell(2).getNumericCellValue()).isEqualTo(18_432);
            assertThat(nj.getCell(3).getStringCellValue()).isEqualTo("项目清单");
            assertThat(nj.getCell(5).getNumericCellValue()).isEqualTo(10);
            int r = nj.getRowNum() + 1;
            assertThat(nj.getCell(9).getCellFormula()).isEqualTo("F" + r + "-G" + r + "-H" + r + "-I" + r);
            assertThat(nj.getCell(9).getNumericCellValue()).isZero();
            Row old = s.getRow(rowWith(s, 0, "南京_项目清单_20201101.xlsx"));
            assertThat(old.getCell(10).getStringCellValue()).isEqualTo("南京");
            Row broken = s.getRow(rowWith(s, 0, "损坏.xlsx"));
            assertThat(broken.getCell(3).getStringCellValue()).isEqualTo("无法识别");
            Row total = s.getRow(rowWith(s, 0, "合计"));
            assertThat(total.getCell(5).getCellFormula()).isEqualTo("SUM(F" + (header + 2) + ":F" + (header + 6) + ")");
            assertThat(total.getCell(5).getNumericCellValue()).isEqualTo(24);
            // the filter spans every column, 读取列数 and 未读取列数 (L, M) included
            assertThat(autoFilter(s)).isEqualTo("A" + (header + 1) + ":M" + (header + 6));
            // the findings by severity, counted in 问题清单
            String errors = "B" + (rowWith(s, 0, "问题（错误）") + 1);
            assertThat(formula(s, errors)).isEqualTo("COUNTIFS('问题清单'!$A$2:$A$7,\"错误\")");
            assertThat(number(s, errors)).isEqualTo(2);
            assertThat(number(s, "B" + (rowWith(s, 0, "问题（警告）") + 1))).isEqualTo(3);
        }
    }

    @Test
    void findingsCarryRuleTitlesAndFormulaLikeTextIsQuotePrefixedString() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("问题清单");
            List<String> headers = new ArrayList<>();
            s.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("级别", "规则", "规则说明", "城市", "文件", "工作表", "行号", "单元格", "值", "说明",
                    "值代码");
            // a reconciliation finding's code is shown by its Chinese name, the code in a column of its own (issue 22)
            Row unplanned = s.getRow(rowWith(s, 1, "UNPLANNED_CATEGORY"));
            assertThat(unplanned.getCell(8).getStringCellValue()).isEqualTo("施工工地扬尘治理项目");
            assertThat(unplanned.getCell(10).getStringCellValue()).isEqualTo("DUST_SITE");
            Row bad = s.getRow(rowWith(s, 1, "BAD_NUMBER"));
            assertThat(bad.getCell(0).getStringCellValue()).isEqualTo("错误");
            assertThat(fill(bad.getCell(0))).isEqualTo(SHORTFALL);
            assertThat(bad.getCell(2).getStringCellValue()).isEqualTo(Rule.BAD_NUMBER.title());
            assertThat(bad.getCell(3).getStringCellValue()).isEqualTo("南京");
            assertThat(bad.getCell(6).getNumericCellValue()).isEqualTo(7);
            assertThat(bad.getCell(7).getStringCellValue()).isEqualTo("L7");
            XSSFCell value = (XSSFCell) bad.getCell(8);
            assertThat(value.getCellType()).isEqualTo(CellType.STRING);
            assertThat(value.getStringCellValue()).isEqualTo(InMemoryReportData.EVIL_VALUE);
            assertThat(value.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(bad.getCell(3).getCellStyle().getQuotePrefixed()).isFalse();
            Row credit = s.getRow(rowWith(s, 1, "BAD_CREDIT_CODE"));
            assertThat(credit.getCell(0).getStringCellValue()).isEqualTo("警告");
            assertThat(credit.getCell(8).getCellStyle().getQuotePrefixed()).isTrue();   // starts with -
            assertThat(s.getLastRowNum()).isEqualTo(6);
        }
    }

    @Test
    void projectsCarryEveryFieldAndTheirSource() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("项目明细");
            List<String> headers = new ArrayList<>();
            s.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).hasSize(29).startsWith("项目编号", "设区市", "城市代码")
                    .containsSubsequence("来源文件", "文件SHA-256（前12位）", "工作表", "行号", "单元格范围")
                    .endsWith("原文：设区市", "原文：项目类别", "原文：进展状态", "原文：计划完成时间", "原文：实际完成时间");
            Row nj1 = s.getRow(rowWith(s, 0, "NJ-001"));
            assertThat(nj1.getCell(7).getStringCellValue()).isEqualTo("煤炭消费总量控制项目");
            assertThat(nj1.getCell(8).getStringCellValue()).isEqualTo("ENERGY_COAL");
            assertThat(nj1.getCell(9).getStringCellValue()).isEqualTo("已完成");
            // the city's own words beside what they were read as (issue 22)
            assertThat(List.of(24, 25, 26, 27, 28).stream().map(i -> nj1.getCell(i).getStringCellValue()).toList())
                    .containsExactly("南京市", "煤炭消费总量控制", "已建成", "2020年6月", "2020-06-30");
            assertThat(nj1.getCell(12).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2020, 6, 30));
            assertThat(nj1.getCell(12).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(nj1.getCell(15).getNumericCellValue()).isEqualTo(62.5);
            assertThat(nj1.getCell(18).getCellStyle().getQuotePrefixed()).isTrue();   // remarks "+1 备注"
            assertThat(nj1.getCell(19).getStringCellValue()).isEqualTo(InMemoryReportData.FILE_NJ);
            assertThat(nj1.getCell(20).getStringCellValue()).isEqualTo("aaaaaaaaaaaa");
            assertThat(nj1.getCell(21).getStringCellValue()).isEqualTo("项目清单");
            assertThat(nj1.getCell(22).getNumericCellValue()).isEqualTo(5);
            assertThat(nj1.getCell(23).getStringCellValue()).as("the cells the row was read from").isEqualTo("A5:S5");
            assertThat(s.getRow(rowWith(s, 0, "WX-002")).getCell(23).getStringCellValue()).isEqualTo("A3:R3");
            XSSFSheet emissions = wb.getSheet("排放明细");
            assertThat(emissions.getRow(1).getCell(12).getStringCellValue()).isEqualTo("B2:H2");
            Row nj2 = s.getRow(rowWith(s, 0, "NJ-002"));
            XSSFCell name = (XSSFCell) nj2.getCell(4);
            assertThat(name.getCellType()).isEqualTo(CellType.STRING);
            assertThat(name.getStringCellValue()).isEqualTo(InMemoryReportData.EVIL_NAME);
            assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(nj2.getCell(12).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(s.getRow(rowWith(s, 0, "WX-002")).getCell(18).getCellStyle().getQuotePrefixed()).isTrue(); // @某人
        }
    }

    @Test
    void rejectionsOneLinePerReason() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("退回记录");
            List<String> headers = new ArrayList<>();
            s.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("文件", "工作表", "行号", "单元格", "城市", "规则", "规则说明", "值", "说明");
            assertThat(s.getLastRowNum()).isEqualTo(2);
            assertThat(text(s, "F2")).isEqualTo("REQUIRED_MISSING");
            assertThat(text(s, "D2")).isEqualTo("D7");
            assertThat(text(s, "F3")).isEqualTo("BAD_NUMBER");
            assertThat(number(s, "C3")).isEqualTo(7);
            assertThat(s.getRow(2).getCell(7).getCellStyle().getQuotePrefixed()).isTrue();
        }
    }

    @Test
    void cityWorkbookReturnsTheCitysFaultyRowsAnnotatedAsValidateDoes() throws Exception {
        Path input = Files.createDirectories(dir.resolve("input"));
        try (XSSFWorkbook source = new XSSFWorkbook(); var out = Files.newOutputStream(input.resolve(InMemoryReportData.FILE_NJ))) {
            XSSFSheet sheet = source.createSheet("项目清单");
            sheet.createRow(0).createCell(0).setCellValue("南京市项目清单");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:S1"));   // a title over the whole table
            List<String> header = cn.js.reduction.discover.Field.of(cn.js.reduction.core.FileKind.PROJECTS,
                    cn.js.reduction.discover.Field.claims(ReferenceFixture.jiangsu2020().claimPollutants())).stream()
                    .map(cn.js.reduction.discover.Field::label).toList();
            Row h = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                h.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 2; r < 7; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("NJ-00" + r);
                row.createCell(1).setCellValue("南京");
                row.createCell(4).setCellValue("单位" + r);
            }
            sheet.getRow(6).createCell(11).setCellValue(InMemoryReportData.EVIL_VALUE);
            source.write(out);
        }
        Path out = dir.resolve("320100.xlsx");
        new WorkbookWriter(input).writeCity(new InMemoryReportData("final"), InMemoryReportData.NANJING, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(sheetNames(wb)).containsSubsequence("退回记录", "原表标注", "规则说明");
            XSSFSheet s = wb.getSheet("原表标注");
            String all = allText(s);
            assertThat(all).contains("文件「" + InMemoryReportData.FILE_NJ + "」 工作表「项目清单」");
            int headerRow = rowWith(s, 0, "原行号");
            assertThat(s.getRow(headerRow).getCell(1).getStringCellValue()).isEqualTo("项目编号");
            // the title above the header as the clerk sees it: once, not repeated in every column it is merged over
            List<String> above = new ArrayList<>();
            s.getRow(headerRow - 1).forEach(c -> above.add(c.getColumnIndex() + ":" + c.getStringCellValue()));
            assertThat(above).containsExactly("1:南京市项目清单");
            Row faulty = s.getRow(headerRow + 1);
            assertThat(faulty.getCell(0).getNumericCellValue()).as("the original row number").isEqualTo(7);
            assertThat(faulty.getCell(1).getStringCellValue()).isEqualTo("NJ-006");
            XSSFCell name = (XSSFCell) faulty.getCell(4);   // D7 of the original, one column to the right
            assertThat(fill(name)).isEqualTo(Annotator.ERROR_FILL);
            assertThat(name.getCellComment().getString().getString()).contains("错误 REQUIRED_MISSING 必填项为空", "项目名称为空");
            XSSFCell number = (XSSFCell) faulty.getCell(12); // L7
            assertThat(number.getStringCellValue()).isEqualTo(InMemoryReportData.EVIL_VALUE);
            assertThat(number.getCellStyle().getQuotePrefixed()).as("never run as a formula").isTrue();
            assertThat(fill(number)).isEqualTo(Annotator.ERROR_FILL);
            assertThat(number.getCellComment().getString().getString()).contains("BAD_NUMBER");
            assertThat(s.getLastRowNum()).as("only the faulty row is returned").isEqualTo(headerRow + 1);
            assertThat(wb.getSheet("规则说明").getLastRowNum()).isEqualTo(cn.js.reduction.core.Rule.values().length);

            // the lists link each finding's cell to where it is shown annotated
            String target = "'原表标注'!E" + (headerRow + 2);
            XSSFSheet rejections = wb.getSheet("退回记录");
            assertThat(rejections.getRow(1).getCell(3).getStringCellValue()).isEqualTo("D7");
            assertThat(rejections.getRow(1).getCell(3).getHyperlink().getAddress()).isEqualTo(target);
            XSSFSheet findings = wb.getSheet("问题清单");
            int d7 = rowWith(findings, 7, "D7");
            assertThat(findings.getRow(d7).getCell(7).getHyperlink().getAddress()).isEqualTo(target);
            assertThat(sheetNames(wb)).containsExactly("说明", "与上次对比", "运行信息", "项目汇总", "减排核算", "图表", "项目统计", "规划目标", "附件", "问题清单",
                    "项目明细", "排放明细", "退回记录", "原表标注", "规则说明");
        }
    }

    @Test
    void cityWorkbookHoldsOnlyThatCityAndStartsWithAGuide() throws IOException {
        try (XSSFWorkbook wb = finalNanjing()) {
            assertThat(sheetNames(wb)).containsExactly("说明", "与上次对比", "运行信息", "项目汇总", "减排核算", "图表", "项目统计", "规划目标", "附件", "问题清单",
                    "项目明细", "排放明细", "退回记录", "规则说明");
            assertThat(wb.getActiveSheetIndex()).isZero();
            String guide = allText(wb.getSheet("说明"));
            assertThat(guide).contains("南京市", "1 行未通过校验", "共 2 条原因", "计划 4 个，报送 2 个",
                    "煤炭消费总量控制项目（少 2 个）", "退回记录", "南京_项目清单_20201215.xlsx");

            XSSFSheet matrix = wb.getSheet("项目汇总");
            assertThat(text(matrix, "A6")).isEqualTo("南京");
            assertThat(allText(matrix)).doesNotContain("无锡").doesNotContain("全省\t");
            assertThat(column(matrix, 0)).doesNotContain("全省");
            assertThat(formula(matrix, "BE6")).startsWith("SUM(C6,F6,");
            assertThat(number(matrix, "BE6")).isEqualTo(2);
            assertThat(autoFilter(matrix)).isEqualTo("A5:BF6");

            XSSFSheet reductions = wb.getSheet("减排核算");
            assertThat(column(reductions, 0)).contains("南京").doesNotContain("全省", "无锡");

            assertThat(column(wb.getSheet("问题清单"), 3)).containsOnly("城市", "南京");
            assertThat(column(wb.getSheet("问题清单"), 1)).contains("COUNT_SHORTFALL").doesNotContain("BAD_CREDIT_CODE");
            assertThat(column(wb.getSheet("项目明细"), 0)).containsExactly("项目编号", "NJ-001", "NJ-002");
            assertThat(wb.getSheet("退回记录").getLastRowNum()).isEqualTo(2);

            List<String> files = column(wb.getSheet("运行信息"), 0);
            assertThat(files).contains(InMemoryReportData.FILE_NJ, "南京_项目清单_20201101.xlsx", "排放量报表.xlsx")
                    .doesNotContain(InMemoryReportData.FILE_WX, "损坏.xlsx");
        }
    }

    @Test
    void nightlyRunDoesNotMarkCompletion() throws IOException {
        try (XSSFWorkbook wb = province(new InMemoryReportData("nightly"))) {
            XSSFSheet s = wb.getSheet("项目汇总");
            assertThat(mark(s, "J6")).isNull();
            assertThat(mark(s, "I6")).isEqualTo(SHORTFALL);
            assertThat(text(s, "B1")).contains("日常核算");
        }
    }

    @Test
    void sameInputsGiveTheSameWorkbookContent() throws IOException {
        InMemoryReportData data = new InMemoryReportData("final");
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        new WorkbookWriter().writeProvince(data, a);
        new WorkbookWriter().writeProvince(new InMemoryReportData("final"), b);
        Map<String, byte[]> first = entries(a);
        Map<String, byte[]> second = entries(b);
        assertThat(second.keySet()).isEqualTo(first.keySet());
        for (String name : first.keySet()) {
            assertThat(second.get(name)).as(name).isEqualTo(first.get(name));
        }
        assertThat(new String(first.get("docProps/core.xml"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("2021-01-04T18:00:00Z");   // the run's start (Beijing time), not the clock
    }

    @Test
    void aProvinceTallyThatDisagreesWithTheCitiesStopsTheWorkbook() {
        InMemoryReportData data = new InMemoryReportData("final");
        List<ProjectTally> tallies = new ArrayList<>(data.projectTallies);
        for (int i = 0; i < tallies.size(); i++) {
            ProjectTally t = tallies.get(i);
            if (t.cityCode().equals("320000") && t.categoryCode().equals("ENERGY_COAL")) {
                tallies.set(i, new ProjectTally(t.year(), t.cityCode(), t.cityName(), t.categoryCode(), t.categoryName(),
                        t.groupName(), t.planned(), t.submitted() + 1, t.completed(), t.inProgress(), t.notStarted(),
                        t.variance() + 1, t.completionRate(), t.countStatus(), t.completionStatus()));
            }
        }
        data.projectTallies = tallies;
        Path out = dir.resolve("province.xlsx");
        assertThatThrownBy(() -> new WorkbookWriter().writeProvince(data, out))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("全省 煤炭消费总量控制项目 报送").hasMessageContaining("统计结果为 2，明细之和为 1");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("province.xlsx.part")).doesNotExist();
    }

    @Test
    void listsLongerThanASheetGoOnInContinuationSheets() throws IOException {
        Path out = dir.resolve("province.xlsx");
        new WorkbookWriter(3).writeProvince(new InMemoryReportData("final"), out);   // header + 2 rows per sheet
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(sheetNames(wb)).containsSubsequence("问题清单", "问题清单（续2）", "问题清单（续3）", "项目明细",
                    "项目明细（续2）", "退回记录");
            List<String> rules = new ArrayList<>();
            for (String name : List.of("问题清单", "问题清单（续2）", "问题清单（续3）")) {
                XSSFSheet s = wb.getSheet(name);
                assertThat(text(s, "A1")).isEqualTo("级别");
                assertThat(autoFilter(s)).isEqualTo("A1:K3");
                for (int r = 1; r <= s.getLastRowNum(); r++) {
                    rules.add(s.getRow(r).getCell(1).getStringCellValue());
                }
            }
            assertThat(rules).containsExactly("SUPERSEDED_FILE", "REQUIRED_MISSING", "BAD_NUMBER", "BAD_CREDIT_CODE",
                    "COUNT_SHORTFALL", "UNPLANNED_CATEGORY");
        }
    }

    @Test
    void chartsPlotTheResultAgainstThePlanFromTablesOfFormulas() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet s = wb.getSheet("图表");
            var charts = s.getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(4);   // three pollutants, then projects
            var vocs = charts.get(0);
            assertThat(vocs.getTitleText().getString()).startsWith("挥发性有机物（VOCs）减排比例");
            var series = vocs.getChartSeries().get(0).getSeries(0);
            assertThat(series.getCategoryData().getPointCount()).isEqualTo(13);
            int first = rowWith(s, 0, "南京");
            assertThat(series.getValuesData().getDataRangeReference()).isEqualTo("'图表'!$B$" + (first + 1) + ":$B$" + (first + 13));
            // the table cell is a formula over 减排核算: 南京's VOCs reduction, 30 %
            assertThat(formula(s, "B" + (first + 1))).isEqualTo("'减排核算'!E5");
            assertThat(number(s, "B" + (first + 1))).isEqualTo(30);
        }
        try (XSSFWorkbook wb = finalNanjing()) {
            var charts = wb.getSheet("图表").getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(2);
            assertThat(charts.get(1).getChartSeries().get(0).getSeries(0).getCategoryData().getPointCount()).isEqualTo(18);
        }
    }

    @Test
    void aWarningLinksToTheDetailRowItConcerns() throws IOException {
        try (XSSFWorkbook wb = finalProvince()) {
            XSSFSheet findings = wb.getSheet("问题清单");
            Row credit = findings.getRow(rowWith(findings, 1, "BAD_CREDIT_CODE"));   // WX-002, a warned row that counts
            int detail = rowWith(wb.getSheet("项目明细"), 0, "WX-002");
            assertThat(credit.getCell(7).getHyperlink().getAddress()).isEqualTo("'项目明细'!A" + (detail + 1));
            // an error's row was rejected: it is in no detail list, and with no city workbook to point at, not linked
            // (a run links it to the city's 原表标注: RecalculatedWorkbooksTest)
            assertThat(findings.getRow(rowWith(findings, 1, "BAD_NUMBER")).getCell(7).getHyperlink()).isNull();
            // a finding about a file as a whole: the file's name links to its row on 运行信息
            Row superseded = findings.getRow(rowWith(findings, 1, "SUPERSEDED_FILE"));
            String address = superseded.getCell(4).getHyperlink().getAddress();
            assertThat(address).startsWith("'运行信息'!A");
            CellReference file = new CellReference(address);
            assertThat(wb.getSheet("运行信息").getRow(file.getRow()).getCell(0).getStringCellValue())
                    .isEqualTo("南京_项目清单_20201101.xlsx");
        }
    }

    @Test
    void thePlansOtherAnnexesStandBesideTheResult() throws IOException {
        try (XSSFWorkbook wb = finalNanjing()) {
            XSSFSheet s = wb.getSheet("规划目标");
            int nanjing = rowWith(s, 0, "南京");
            assertThat(s.getRow(nanjing).getCell(1).getNumericCellValue()).isEqualTo(39);   // annex 1: PM2.5 binding
            assertThat(s.getRow(nanjing).getCell(3).getNumericCellValue()).isEqualTo(71.5);  // good days, binding
            assertThat(column(s, 0)).contains("全省").doesNotContain("无锡");
            assertThat(allText(s)).contains("附件3", "持续改善");
        }
    }

    @Test
    void formulasOverAListCoverEverySheetItGoesOnIn() throws IOException {
        Path out = dir.resolve("province.xlsx");
        new WorkbookWriter(3).writeProvince(new InMemoryReportData("final"), out);   // header + 2 rows per sheet
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            assertThat(sheetNames(wb)).containsSubsequence("项目明细", "项目明细（续2）", "排放明细", "排放明细（续2）", "退回记录");
            XSSFSheet matrix = wb.getSheet("项目汇总");
            // 南京 × 煤炭消费总量控制项目 submitted: NJ-001 is on the first sheet, the count covers both
            assertThat(formula(matrix, "I6")).isEqualTo("COUNTIFS('项目明细'!$B$2:$B$3,\"南京\",'项目明细'!$I$2:$I$3,\"ENERGY_COAL\")"
                    + "+COUNTIFS('项目明细（续2）'!$B$2:$B$3,\"南京\",'项目明细（续2）'!$I$2:$I$3,\"ENERGY_COAL\")");
            XSSFSheet reductions = wb.getSheet("减排核算");
            assertThat(formula(reductions, "B6")).contains("'排放明细'!$F$2:$F$3", "'排放明细（续2）'!$F$2:$F$3");
            // 无锡's VOCs row is the fourth emission row: on the second sheet, found by the formula
            XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            assertThat(evaluator.evaluate(cell(reductions, "B6")).getNumberValue()).isEqualTo(2000);
            assertThat(evaluator.evaluate(cell(matrix, "AP7")).getNumberValue()).isEqualTo(1);   // WX-002, second sheet
        }
    }

    @Test
    void textLongerThanACellHoldsIsCutNotFailed() throws IOException {
        InMemoryReportData data = new InMemoryReportData("final");
        data.findings.add(Finding.of(Rule.BAD_NUMBER, "320100", "x.csv", "x", 9, "A9", "9".repeat(40_000), "太长"));
        try (XSSFWorkbook wb = province(data)) {
            XSSFSheet s = wb.getSheet("问题清单");
            String value = s.getRow(s.getLastRowNum()).getCell(8).getStringCellValue();
            assertThat(value).hasSize(RowWriter.MAX_TEXT).endsWith("…");
        }
    }

    @Test
    void anUnknownCityIsRefused() {
        assertThatThrownBy(() -> new WorkbookWriter().writeCity(new InMemoryReportData("final"), "999999",
                dir.resolve("x.xlsx"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("999999");
        assertThatThrownBy(() -> new WorkbookWriter().writeCity(new InMemoryReportData("final"), "320000",
                dir.resolve("x.xlsx"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrappedTextGetsATallEnoughRow() {
        assertThat(RowWriter.estimatedLines("短", 10)).isEqualTo(1);
        assertThat(RowWriter.estimatedLines("一二三四五六七八九十", 10)).isEqualTo(3);
        assertThat(RowWriter.estimatedLines("a\nb", 10)).isEqualTo(2);
        assertThat(RowWriter.startsLikeFormula("=1+1")).isTrue();
        assertThat(RowWriter.startsLikeFormula("@SUM(A1)")).isTrue();
        assertThat(RowWriter.startsLikeFormula("南京")).isFalse();
    }

    // ---- helpers

    private static List<String> sheetNames(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    private static XSSFCell cell(XSSFSheet s, String ref) {
        CellReference r = new CellReference(ref);
        Row row = s.getRow(r.getRow());
        assertThat(row).as(ref).isNotNull();
        return (XSSFCell) row.getCell(r.getCol());
    }

    private static String text(XSSFSheet s, String ref) {
        return cell(s, ref).getStringCellValue();
    }

    private static double number(XSSFSheet s, String ref) {
        return cell(s, ref).getNumericCellValue();
    }

    private static String formula(XSSFSheet s, String ref) {
        XSSFCell c = cell(s, ref);
        assertThat(c.getCellType()).as(ref).isEqualTo(CellType.FORMULA);
        return c.getCellFormula();
    }

    private static String fill(XSSFSheet s, String ref) {
        return fill(cell(s, ref));
    }

    /**
     * The fill a conditional format gives the cell, the workbook recalculated first: the mark Excel or LibreOffice
     * shows; null when no rule applies.
     */
    static String mark(XSSFSheet s, String ref) {
        XSSFWorkbook wb = s.getWorkbook();
        XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
        var rules = new ConditionalFormattingEvaluator(wb, evaluator)
                .getConditionalFormattingForCell(new CellReference(s.getSheetName(), new CellReference(ref).getRow(),
                        new CellReference(ref).getCol(), false, false));
        for (var rule : rules) {
            var pattern = rule.getRule().getPatternFormatting();
            if (pattern != null && pattern.getFillBackgroundColorColor() != null) {
                return ((XSSFColor) pattern.getFillBackgroundColorColor()).getARGBHex().substring(2);
            }
        }
        return null;
    }

    private static String fill(org.apache.poi.ss.usermodel.Cell c) {
        XSSFColor color = (XSSFColor) c.getCellStyle().getFillForegroundColorColor();
        return color == null || color.getRGB() == null ? null : color.getARGBHex().substring(2);
    }

    /** What Excel shows for a numeric cell with its number format. */
    private static String shown(XSSFCell c) {
        return new DataFormatter().formatRawCellContents(c.getNumericCellValue(), c.getCellStyle().getDataFormat(),
                c.getCellStyle().getDataFormatString());
    }

    private static List<String> merged(XSSFSheet s) {
        return s.getMergedRegions().stream().map(CellRangeAddress::formatAsString).toList();
    }

    private static String autoFilter(XSSFSheet s) {
        return s.getCTWorksheet().getAutoFilter().getRef();
    }

    private static int rowWith(XSSFSheet s, int column, String text) {
        for (Row row : s) {
            var c = row.getCell(column);
            if (c != null && c.getCellType() == CellType.STRING && text.equals(c.getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row with " + text + " in column " + column + " of " + s.getSheetName());
    }

    private static List<String> column(XSSFSheet s, int column) {
        List<String> values = new ArrayList<>();
        for (Row row : s) {
            var c = row.getCell(column);
            if (c != null && c.getCellType() == CellType.STRING && !c.getStringCellValue().isEmpty()) {
                values.add(c.getStringCellValue());
            }
        }
        return values;
    }

    private static Map<String, String> pairs(XSSFSheet s) {
        Map<String, String> pairs = new LinkedHashMap<>();
        DataFormatter f = new DataFormatter();
        for (Row row : s) {
            if (row.getRowNum() > 0 && row.getCell(0) != null && row.getCell(1) != null) {
                pairs.putIfAbsent(f.formatCellValue(row.getCell(0)), f.formatCellValue(row.getCell(1)));
            }
        }
        return pairs;
    }

    private static String allText(XSSFSheet s) {
        StringBuilder b = new StringBuilder();
        for (Row row : s) {
            row.forEach(c -> {
                if (c.getCellType() == CellType.STRING) {
                    b.append(c.getStringCellValue()).append('\t');
                }
            });
        }
        return b.toString();
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }
}
