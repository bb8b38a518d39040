package cn.js.reduction.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 核算结论, the province workbook's first sheet, read as an auditor reads it: each city's verdict on each pollutant
 * and on its project counts, the province line, what it rests on, the mode in words and the review block; each
 * verdict a formula that recalculates to what it shows.
 */
class ConclusionSheetTest {

    @TempDir
    Path dir;

    @Test
    void firstSheetGivesEachCitysVerdictAndAReviewBlockOnOnePage() throws IOException {
        InMemoryReportData data = new InMemoryReportData("final");
        Path out = dir.resolve("province.xlsx");
        new WorkbookWriter().writeProvince(data, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("核算结论");
            assertThat(wb.getSheetName(1)).isEqualTo("与上次对比");
            assertThat(wb.getSheetName(2)).isEqualTo("运行信息");
            Map<String, String> words = Map.of("MET", "达标", "NOT_MET", "未达标", "NO_DATA", "无数据",
                    "INCOMPLETE", "不完整");
            Map<String, String> countWords = Map.of("OK", "相符", "SHORTFALL", "少于计划", "EXCESS", "多于计划",
                    "UNPLANNED", "计划外");
            List<City> rows = new ArrayList<>(data.reference().cities());
            rows.add(data.reference().province());
            List<String> pollutants = data.reference().pollutants().stream().map(p -> p.code()).toList();
            XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            int checked = 0;
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(4 + i);
                City city = rows.get(i);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(city.code());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(city.name());
                for (int p = 0; p < pollutants.size(); p++) {
                    String code = pollutants.get(p);
                    ReductionTally t = data.reductionTallies().stream().filter(x -> x.cityCode().equals(city.code())
                            && x.pollutant().code().equals(code)).findFirst().orElseThrow();
                    var cell = row.getCell(2 + p);
                    assertThat(cell.getCellType()).isEqualTo(CellType.FORMULA);
                    assertThat(cell.getCellFormula()).startsWith("'减排核算'!");
                    assertThat(cell.getStringCellValue()).as(city.name() + " " + code)
                            .isEqualTo(words.get(t.status().name()));
                    assertThat(evaluator.evaluate(cell).getStringValue()).isEqualTo(words.get(t.status().name()));
                    checked++;
                }
                ProjectTally total = data.projectTallies().stream().filter(x -> x.cityCode().equals(city.code())
                        && x.categoryCode().equals(Category.TOTAL)).findFirst().orElseThrow();
                int c = 2 + pollutants.size();
                assertThat(row.getCell(c).getNumericCellValue()).isEqualTo(total.planned());
                assertThat(evaluator.evaluate(row.getCell(c)).getNumberValue()).isEqualTo(total.planned());
                assertThat(row.getCell(c + 1).getNumericCellValue()).isEqualTo(total.submitted());
                assertThat(evaluator.evaluate(row.getCell(c + 1)).getNumberValue()).isEqualTo(total.submitted());
                assertThat(row.getCell(c + 2).getNumericCellValue()).isEqualTo(total.completed());
                assertThat(row.getCell(c + 3).getStringCellValue()).isEqualTo(countWords.get(total.countStatus().name()));
                assertThat(evaluator.evaluate(row.getCell(c + 3)).getStringValue())
                        .isEqualTo(countWords.get(total.countStatus().name()));
                long shortCategories = data.projectTallies().stream().filter(x -> x.cityCode().equals(city.code())
                        && !x.categoryCode().equals(Category.TOTAL) && x.countStatus().name().equals("SHORTFALL")).count();
                assertThat(row.getCell(c + 4).getNumericCellValue()).isEqualTo(shortCategories);
                assertThat(evaluator.evaluate(row.getCell(c + 4)).getNumberValue()).isEqualTo(shortCategories);
            }
            assertThat(checked).isEqualTo(rows.size() * pollutants.size());
            String all = text(sheet);
            assertThat(all).contains("结论依据", "输入文件", "接受", "退回", "年终核算（final", "正式结果");
            int review = -1;
            for (Row r : sheet) {
                if (r.getCell(0) != null && "审核人".equals(new DataFormatter().formatCellValue(r.getCell(0)))) {
                    review = r.getRowNum();
                }
            }
            assertThat(review).isPositive();
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(review + 1).getCell(0))).isEqualTo("审核日期");
            assertThat(new DataFormatter().formatCellValue(sheet.getRow(review + 2).getCell(0))).isEqualTo("意见");
            PrintSetup print = sheet.getPrintSetup();
            assertThat(print.getLandscape()).isTrue();
            assertThat(print.getFitWidth()).isEqualTo((short) 1);
            assertThat(print.getFitHeight()).isEqualTo((short) 1);
            assertThat(wb.getPrintArea(0)).endsWith("$" + (review + 6));
        }
    }

    private static String text(XSSFSheet sheet) {
        StringBuilder b = new StringBuilder();
        DataFormatter f = new DataFormatter();
        for (Row r : sheet) {
            r.forEach(c -> b.append(f.formatCellValue(c)).append('\t'));
            b.append('\n');
        }
        return b.toString();
    }
}
