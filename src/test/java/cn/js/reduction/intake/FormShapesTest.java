package cn.js.reduction.intake;

import static cn.js.reduction.intake.SpreadsheetShapesTest.merge;
import static cn.js.reduction.intake.SpreadsheetShapesTest.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.discover.SheetFiles;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 16, point 7: headers as forms print them, over three rows with merged group cells. */
class FormShapesTest {

    @TempDir
    Path dir;

    /** An Excel table (插入 → 表格) with its 汇总行, the label cleared: the row is the table's totals, not a project. */
    @Test
    void anExcelTablesTotalsRowIsIgnoredAndChecked() throws Exception {
        Path file = SheetFiles.write(dir.resolve("南京_项目清单.xlsx"), new XSSFWorkbook(), w -> {
            XSSFSheet s = (XSSFSheet) w.createSheet("项目清单");
            put(s, 1, "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间", "实际完成时间",
                    "VOCs减排量（吨/年）");
            put(s, 2, "NJ-1", "南京", "项目1", "某公司", "锅炉提标改造项目", "已完成", "2020-06-30", "2020-06-30", 1.5);
            put(s, 3, "NJ-2", "南京", "项目2", "某公司", "锅炉提标改造项目", "已完成", "2020-06-30", "2020-06-30", 2);
            put(s, 4, null, null, null, null, null, null, null, null, 4);
            XSSFTable table = s.createTable(new AreaReference("A1:I4", SpreadsheetVersion.EXCEL2007));
            table.getCTTable().setTotalsRowCount(1);
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::disposition)
                .containsExactly(Disposition.ACCEPTED, Disposition.ACCEPTED, Disposition.IGNORED);
        assertThat(read.rowFindings()).extracting(Finding::rule, Finding::cell, Finding::value)
                .containsExactly(tuple(Rule.TOTAL_ROW_DIFFERS, "I4", "4"));
        assertThat(read.rowFindings().get(0).message()).contains("上方各行之和 3.5");
    }

    /**
     * An .xls a program wrote without calculating its formulas: a result stored empty where the formula cannot
     * give an empty text is not the value; own-row formulas are evaluated, others reject their row.
     */
    @Test
    void anXlsWrittenWithoutCalculatingItsFormulas() throws Exception {
        Path stale = SheetFiles.write(dir.resolve("南京_项目清单.xls"), new HSSFWorkbook(), FormShapesTest::claims);

        Intake.Read read = Intake.read(stale);
        assertThat(read.outcomes()).extracting(RowOutcome::disposition)
                .containsExactly(Disposition.ACCEPTED, Disposition.REJECTED);
        assertThat(((ProjectRecord) read.accepted().get(0).record()).claims())
                .containsEntry("VOCS", new BigDecimal("5"));
        assertThat(read.rowFindings()).extracting(Finding::rule, Finding::cell).contains(
                tuple(Rule.FORMULA_EVALUATED, "I2"), tuple(Rule.FORMULA_NOT_CALCULATED, "I3"));
    }

    /**
     * An .xlsx as XlsxWriter writes it: every formula's value stored as 0 and calcPr fullCalcOnLoad set, so that
     * Excel recalculates on opening. The 0 is not the value a person sees: own-row formulas are evaluated.
     */
    @Test
    void anXlsxThatAsksToBeRecalculatedOnOpeningIsNotReadAsItsStoredZeros() throws Exception {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.getCTWorkbook().addNewCalcPr().setFullCalcOnLoad(true);
        Path file = SheetFiles.write(dir.resolve("南京_项目清单.xlsx"), wb, w -> {
            claims(w);
            for (int r = 1; r <= 2; r++) {
                w.getSheetAt(0).getRow(r).getCell(8).setCellValue(0); // what XlsxWriter stores
            }
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::disposition)
                .containsExactly(Disposition.ACCEPTED, Disposition.REJECTED);
        assertThat(((ProjectRecord) read.accepted().get(0).record()).claims()).containsEntry("VOCS", new BigDecimal("5"));
    }

    /** Two projects whose VOCs claim is a formula: of the row's own 总投资 (J), and of another row. */
    private static void claims(Workbook w) {
        Sheet s = w.createSheet("项目清单");
        put(s, 1, "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间", "实际完成时间",
                "VOCs减排量（吨/年）", "总投资（万元）");
        for (int r = 2; r <= 3; r++) {
            put(s, r, "NJ-" + r, "南京", "项目" + r, "某公司", "锅炉提标改造项目", "已完成", "2020-06-30", "2020-06-30",
                    null, 100);
            var cell = s.getRow(r - 1).createCell(8);
            cell.setCellFormula(r == 2 ? "J2*0.05" : "J2*0.1");
            cell.setCellValue(""); // the result stored empty
        }
    }

    /** The emission columns headed by their years alone, under a title that says what they are. */
    @Test
    void emissionColumnsHeadedByTheirYears() throws Exception {
        Path file = SheetFiles.write(dir.resolve("无锡_排放量报表.xlsx"), new XSSFWorkbook(), w -> {
            Sheet s = w.createSheet("排放量");
            put(s, 1, "无锡市大气污染物排放量（单位：吨）");
            put(s, 2, "设区市", "污染物", "2015年", "2020年");
            put(s, 3, "无锡", "二氧化硫", 100, 80);
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).singleElement().satisfies(o -> {
            assertThat(((EmissionRecord) o.record()).baseT()).isEqualByComparingTo("100");
            assertThat(((EmissionRecord) o.record()).reportingT()).isEqualByComparingTo("80");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "xls"})
    void aHeaderOverThreeRowsWithMergedGroups(String extension) throws Exception {
        Workbook wb = extension.equals("xlsx") ? new XSSFWorkbook() : new HSSFWorkbook();
        Path file = SheetFiles.write(dir.resolve("南京_项目清单." + extension), wb, w -> {
            Sheet s = w.createSheet("项目清单");
            put(s, 1, "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间", "实际完成时间",
                    "减排情况");
            put(s, 2, null, null, null, null, null, null, null, null, "减排量（吨/年）");
            put(s, 3, null, null, null, null, null, null, null, null, "VOCs", "二氧化硫", "氮氧化物", "颗粒物");
            for (int c = 0; c < 8; c++) {
                String col = String.valueOf((char) ('A' + c));
                merge(s, col + "1:" + col + "3");
            }
            merge(s, "I1:L1");
            merge(s, "I2:L2");
            put(s, 4, "NJ-1", "南京", "项目1", "某公司", "锅炉提标改造项目", "已完成", "2020-06-30", "2020-06-30", 1, 2, 3, 4);
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().readable()).as(read.sniff().message()).isTrue();
        assertThat(read.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.disposition()).isEqualTo(Disposition.ACCEPTED);
            assertThat(((ProjectRecord) o.record()).claims()).containsEntry("VOCS", new BigDecimal("1"))
                    .containsEntry("SO2", new BigDecimal("2")).containsEntry("NOX", new BigDecimal("3"))
                    .containsEntry("PM", new BigDecimal("4"));
        });
    }
}
