package cn.js.reduction.report;

import cn.js.reduction.operations.StepHarness;
import cn.js.reduction.publish.Publication;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report step on staged rows seeded with SQL and reconciled: three projects and two emission rows of 南京, one
 * finding. What the CSVs must say is worked out by hand (annex 4 and 2 as shipped):
 * <ul>
 *   <li>南京 × 工业炉窑整治项目: planned 3, submitted 3, completed 2, in progress 1: variance 0, rate 2 / 3 =
 *       0.6667 (4 decimals), OK, NOT_MET. A cell with no rows (无锡 × the same, planned 130) is a shortfall.</li>
 *   <li>南京 VOCs: 2 rows, base 100, reporting 72.5, target 28, claimed 13.5: reduction 27.5 = 27.50 %, gap
 *       −0.50, allowed 100 × 0.72 = 72, NOT_MET, claim ratio 13.5 / 27.5 = 0.4909. 南京 SO2, nothing stored:
 *       annex 2's target 24.10, NO_DATA, claimed 0, no ratio.</li>
 * </ul>
 */
public class ReportStepTest {

    @TempDir
    Path output;

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void the_csvs_and_workbooks_say_what_the_stored_sums_mean(String database) throws IOException {
        try (StepHarness run = new StepHarness(database, "nightly", output)) {
            JdbcTemplate jdbc = run.jdbc();
            long id = run.runId();
            // the rows that count, as intake and consolidation leave them; reconciliation sums them (the workbooks
            // check that what they hold adds up to its tallies, so the tallies are never seeded by hand)
            String project = "INSERT INTO ra_project_row (run_id, file_name, sheet, row_no, disposition, city_code,"
                    + " project_id, project_name, responsible_unit, category_code, status, counted_status,"
                    + " planned_completion, actual_completion)"
                    + " VALUES (?, 'nj.xlsx', '项目', ?, 'ACCEPTED', '320100', ?, '窑炉', '某公司', 'KILN', ?, ?,"
                    + " DATE '2020-12-31', ?)";
            String claim = "INSERT INTO ra_project_claim (run_id, file_name, sheet, row_no, pollutant, claimed_t)"
                    + " VALUES (?, 'nj.xlsx', '项目', ?, 'VOCS', ?)";
            jdbc.update(project, id, 2, "NJ-1", "COMPLETED", "COMPLETED", java.sql.Date.valueOf("2020-05-01"));
            jdbc.update(claim, id, 2, 10);
            jdbc.update(project, id, 3, "NJ-2", "COMPLETED", "COMPLETED", java.sql.Date.valueOf("2020-06-01"));
            jdbc.update(claim, id, 3, 3.5);
            jdbc.update(project, id, 4, "NJ-3", "IN_PROGRESS", "IN_PROGRESS", null);
            jdbc.update(claim, id, 4, 7);
            String emission = "INSERT INTO ra_emission_row (run_id, file_name, sheet, row_no, disposition, city_code,"
                    + " pollutant, base_t, reporting_t) VALUES (?, 'em.xlsx', '排放', ?, 'ACCEPTED', '320100', 'VOCS', ?, ?)";
            jdbc.update(emission, id, 2, 60, 40);
            jdbc.update(emission, id, 3, 40, 32.5);
            jdbc.update("INSERT INTO ra_finding (run_id, stage, file_name, sheet, row_no, ordinal, severity, rule,"
                    + " city_code, cell, cell_value, message) VALUES (?, 'RECONCILE', '', '', 0, 0, 'WARNING',"
                    + " 'TARGET_NOT_MET', '320100', NULL, 'VOCS', ?)", id, NOT_MET);
            // the sums of the reconcile step (its SQL), without running that step: the harness runs one step a run
            new cn.js.reduction.store.TallyStore(jdbc).tally(id, 2020, "320000", "TOTAL");

            run.runStep("report");

            Path folder = Publication.of(output, 2020, cn.js.reduction.core.RunMode.NIGHTLY, id).workFolder();
            List<String> projects = lines(folder.resolve("projects_by_city_category.csv"));
            assertThat(projects).hasSize(1 + 14 * 19).contains(
                    "2020,320100,南京,KILN,工业炉窑整治项目,工业炉窑整治项目,3,3,2,1,0,0,0.6667,OK,NOT_MET",
                    "2020,320200,无锡,KILN,工业炉窑整治项目,工业炉窑整治项目,130,0,0,0,0,-130,0.0000,SHORTFALL,NOT_MET",
                    "2020,320100,南京,BOILER,锅炉提标改造项目,重点行业深度减排项目,24,0,0,0,0,-24,0.0000,SHORTFALL,NOT_MET");
            List<String> reductions = lines(folder.resolve("reductions_by_city_pollutant.csv"));
            assertThat(reductions).hasSize(1 + 14 * 3).contains(
                    "2020,320100,南京,VOCS,100,72.5,27.5,27.50,28.00,-0.50,72,NOT_MET,13.5,0.4909",
                    "2020,320100,南京,SO2,,,,,24.10,,,NO_DATA,0,",
                    // 全省: the same tonnes against the province's 26 %, 27.50 %, would meet it, but 12 cities have no
                    // VOCs figures: INCOMPLETE, resting on 南京 alone
                    "2020,320000,全省,VOCS,100,72.5,27.5,27.50,26.00,1.50,74,INCOMPLETE,13.5,0.4909");
            assertThat(lines(folder.resolve("findings.csv")))
                    .contains("WARNING,TARGET_NOT_MET,320100,,,,,VOCS," + NOT_MET);

            // 南京's feedback workbook: the base year in the header, the status in words
            try (InputStream in = Files.newInputStream(folder.resolve("cities").resolve("feedback_320100_南京.xlsx"));
                 XSSFWorkbook workbook = new XSSFWorkbook(in)) {
                Sheet sheet = workbook.getSheet("减排核算");
                assertThat(texts(sheet.getRow(3))).contains("2015年\n排放量（吨）");
                // the software named once, then its version (it was "reduction-accounting reduction-accounting 1.0.0")
                assertThat(workbook.getProperties().getCoreProperties().getCreator())
                        .matches("reduction-accounting [^ ]+");
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

    private static final String NOT_MET = "南京市挥发性有机物比2015年削减27.50%，目标28.00%，差0.50个百分点";

    private static List<String> lines(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF"); // the BOM spreadsheet programs need to read UTF-8
        return List.of(text.substring(1).split("\r\n"));
    }

    private static List<String> texts(Row row) {
        List<String> out = new ArrayList<>();
        for (Cell cell : row) {
            // statuses are formulas with their text cached
            if (cell.getCellType() == CellType.STRING || cell.getCellType() == CellType.FORMULA
                    && cell.getCachedFormulaResultType() == CellType.STRING) {
                out.add(cell.getStringCellValue());
            }
        }
        return out;
    }
}
