package cn.js.reduction.report;

import cn.js.reduction.publish.Publication;
import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.operations.StepHarness;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report step alone, on reconciliation results seeded with SQL: the sums reconciliation stores for 南京
 * (and the province's, equal to them), one finding. What the CSVs must say is worked out by hand:
 * <ul>
 *   <li>南京 × 工业炉窑整治项目: planned 3, submitted 3, completed 2, in progress 1: variance 0, rate 2 / 3 =
 *       0.6667 (4 decimals), OK, NOT_MET. A cell nothing was stored for (无锡 × the same) is all zeros, no rate,
 *       OK and MET.</li>
 *   <li>南京 VOCs: 2 rows, base 100, reporting 72.5, target 28, claimed 13.5: reduction 27.5 = 27.50 %, gap
 *       −0.50, allowed 100 × 0.72 = 72, NOT_MET, claim ratio 13.5 / 27.5 = 0.4909. 南京 SO2, nothing stored:
 *       annex 2's target 24.10, NO_DATA, claimed 0, no ratio.</li>
 * </ul>
 */
class ReportStepTest {

    @TempDir
    Path output;

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void the_csvs_and_workbooks_say_what_the_stored_sums_mean(String database) throws IOException {
        try (StepHarness run = new StepHarness(database, "nightly", output)) {
            JdbcTemplate jdbc = run.jdbc();
            long id = run.runId();
            // one cell, and the totals it makes: 南京's TOTAL, 全省 × KILN and 全省's TOTAL (the report checks them)
            for (String[] cell : new String[][] {{"320100", "KILN"}, {"320100", "TOTAL"}, {"320000", "KILN"},
                    {"320000", "TOTAL"}}) {
                jdbc.update("INSERT INTO ra_project_tally (run_id, city_code, category_code, planned, submitted,"
                        + " completed, in_progress, not_started) VALUES (?, ?, ?, 3, 3, 2, 1, 0)", id, cell[0], cell[1]);
            }
            jdbc.update("INSERT INTO ra_reduction_tally (run_id, city_code, pollutant, emission_rows, base_t,"
                    + " reporting_t, target_pct, claimed_t) VALUES (?, '320100', 'VOCS', 2, 100, 72.5, 28, 13.5)", id);
            jdbc.update("INSERT INTO ra_reduction_tally (run_id, city_code, pollutant, emission_rows, base_t,"
                    + " reporting_t, target_pct, claimed_t) VALUES (?, '320000', 'VOCS', 2, 100, 72.5, 26, 13.5)", id);
            jdbc.update("INSERT INTO ra_finding (run_id, stage, file_name, sheet, row_no, ordinal, severity, rule,"
                    + " city_code, cell, cell_value, message) VALUES (?, 'RECONCILE', '', '', 0, 0, 'WARNING',"
                    + " 'TARGET_NOT_MET', '320100', NULL, 'VOCS', ?)", id, NOT_MET);

            run.runStep("report");

            Path folder = Publication.of(output, 2020, cn.js.reduction.core.RunMode.NIGHTLY, id).workFolder();
            List<String> projects = lines(folder.resolve("projects_by_city_category.csv"));
            assertThat(projects).hasSize(1 + 14 * 19).contains(
                    "2020,320100,南京,KILN,工业炉窑整治项目,工业炉窑整治项目,3,3,2,1,0,0,0.6667,OK,NOT_MET",
                    "2020,320200,无锡,KILN,工业炉窑整治项目,工业炉窑整治项目,0,0,0,0,0,0,,OK,MET");
            List<String> reductions = lines(folder.resolve("reductions_by_city_pollutant.csv"));
            assertThat(reductions).hasSize(1 + 14 * 3).contains(
                    "2020,320100,南京,VOCS,100,72.5,27.5,27.50,28.00,-0.50,72,NOT_MET,13.5,0.4909",
                    "2020,320100,南京,SO2,,,,,24.10,,,NO_DATA,0,",
                    // 全省: the same tonnes against the province's 26 %: 27.50 % meets it
                    "2020,320000,全省,VOCS,100,72.5,27.5,27.50,26.00,1.50,74,MET,13.5,0.4909");
            assertThat(lines(folder.resolve("findings.csv")))
                    .contains("WARNING,TARGET_NOT_MET,320100,,,,,VOCS," + NOT_MET);

            // 南京's feedback workbook: the base year in the header, the status in words
            try (InputStream in = Files.newInputStream(folder.resolve("cities").resolve("feedback_320100_南京.xlsx"));
                 XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheet("减排核算");
                assertThat(texts(sheet.getRow(3))).contains("2015年\n排放量（吨）");
                Row nanjing = null;
                for (Row row : sheet) {
                    if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                            && row.getCell(0).getStringCellValue().startsWith("南京")) {
                        nanjing = row;
                    }
                }
                assertThat(nanjing).as("南京's row").isNotNull();
                assertThat(texts(nanjing)).containsSubsequence("未达标", "无数据");
            }
        }
    }

    private static final String NOT_MET = "南京市挥发性有机物比2015年削减27.50%，目标28.00%，差0.50个百分点 (target not met)";

    private static List<String> lines(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF"); // the BOM spreadsheet programs need to read UTF-8
        return List.of(text.substring(1).split("\r\n"));
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
                out.add(cell.getStringCellValue());
            }
        }
        return out;
    }
}
