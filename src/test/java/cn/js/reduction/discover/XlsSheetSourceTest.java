package cn.js.reduction.discover;

import static cn.js.reduction.discover.SheetFiles.bool;
import static cn.js.reduction.discover.SheetFiles.date;
import static cn.js.reduction.discover.SheetFiles.error;
import static cn.js.reduction.discover.SheetFiles.number;
import static cn.js.reduction.discover.SheetFiles.readAll;
import static cn.js.reduction.discover.SheetFiles.row;
import static cn.js.reduction.discover.SheetFiles.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsSheetSourceTest {

    @TempDir
    Path dir;

    @Test
    void readsValuesFormulasAndDatesOfEverySheet() throws Exception {
        Path file = SheetFiles.write(dir.resolve("苏州市.xls"), new HSSFWorkbook(), wb -> {
            CellStyle isoDate = wb.createCellStyle();
            isoDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle chineseDate = wb.createCellStyle();
            chineseDate.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));

            Sheet cover = wb.createSheet("封面");
            cover.createRow(0).createCell(0).setCellValue("2020年减排项目");

            Sheet data = wb.createSheet("项目清单");
            Row header = data.createRow(0);
            header.createCell(0).setCellValue("项目编号");
            header.createCell(2).setCellValue(" 计划完成时间 ");
            Row values = data.createRow(1);
            values.createCell(0).setCellValue(1234.5);
            values.createCell(1).setCellValue(0.1);
            values.createCell(2).setCellValue(LocalDate.of(2020, 6, 30));
            values.getCell(2).setCellStyle(isoDate);
            values.createCell(3).setCellValue(LocalDate.of(2020, 12, 31));
            values.getCell(3).setCellStyle(chineseDate);
            values.createCell(4).setCellValue("00123");
            values.createCell(5).setCellValue(false);
            values.createCell(6).setCellValue(12345678901234.0);
            data.createRow(3); // stored, empty
            Row formulas = data.createRow(5);
            formulas.createCell(0).setCellValue(2);
            formulas.createCell(1).setCellValue(0);
            formulas.createCell(2).setCellFormula("A6*1.25");
            formulas.createCell(3).setCellFormula("A6/B6");
            formulas.createCell(4).setCellFormula("\"无锡\"&\"市\"");
            formulas.createCell(5).setCellFormula("A6>B6");
            formulas.createCell(6).setCellFormula("DATE(2020,6,30)");
            formulas.getCell(6).setCellStyle(isoDate);
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        try (SheetSource source = SheetSources.open(file)) {
            assertThat(source).isInstanceOf(XlsSheetSource.class);
            assertThat(source.sheetNames()).containsExactly("封面", "项目清单");
            Map<String, List<RawRow>> sheets = readAll(source);
            assertThat(sheets.get("封面")).containsExactly(row("封面", 1, text(0, "2020年减排项目")));
            assertThat(sheets.get("项目清单")).containsExactly(
                    row("项目清单", 1, text(0, "项目编号"), text(2, " 计划完成时间 ")),
                    row("项目清单", 2, number(0, "1234.5"), number(1, "0.1"), date(2, "2020-06-30"),
                            date(3, "2020-12-31"), text(4, "00123"), bool(5, "FALSE"),
                            number(6, "12345678901234")),
                    row("项目清单", 4),
                    row("项目清单", 6, number(0, "2"), number(1, "0"), number(2, "2.5"), error(3, "#DIV/0!"),
                            text(4, "无锡市"), bool(5, "TRUE"), date(6, "2020-06-30")));
        }
    }

    @Test
    void anEmptyWorkbookSheetHasNoRows() throws Exception {
        Path file = SheetFiles.write(dir.resolve("empty-sheet.xls"), new HSSFWorkbook(),
                wb -> wb.createSheet("Sheet1"));
        assertThat(readAll(file)).containsExactly(Map.entry("Sheet1", List.of()));
    }
}
