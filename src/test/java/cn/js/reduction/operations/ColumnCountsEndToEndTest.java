package cn.js.reduction.operations;

import static cn.js.reduction.operations.EndToEndTest.csv;
import static cn.js.reduction.operations.SpreadsheetShapesEndToEndTest.PROJECT_HEADER;
import static cn.js.reduction.operations.SpreadsheetShapesEndToEndTest.put;
import static cn.js.reduction.operations.SpreadsheetShapesEndToEndTest.save;
import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.report.workbook.RunSheet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, point 1: each input file's count of columns read (mapped to a field) and of columns that held data but
 * were not read (one COLUMN_NOT_READ each), summed over its sheets, in the run sheet (运行信息) of the province
 * workbook and of the city's feedback workbook, as numbers; files.csv keeps SPEC §6's columns. And a restarted
 * intake counts each sheet once.
 */
class ColumnCountsEndToEndTest {

    private static final String PROJECTS = "南京_项目清单.xlsx";
    private static final String EMISSIONS = "南京_排放量报表.xlsx";
    /** SPEC §6: exactly these columns, in this order. */
    private static final List<String> FILES_CSV = List.of("file", "sha256", "kind", "cities", "rows_read", "accepted",
            "rejected", "ignored", "superseded");

    @TempDir
    Path dir;

    @AfterEach
    void switchFaultOff() {
        System.clearProperty(FaultInjection.PROPERTY);
    }

    /**
     * 南京's project list: sheet 市区项目, 3 rows, the 16 columns of the form plus 联系人 (data in every row) and 审核意见
     * (a header, no data: nothing to report); sheet 县区项目, {@code countyRows} rows, the form's columns plus 联系电话
     * with data in its last row only (so that only the sheet's end finds it). And an emission report of 5 columns.
     */
    static void writeInput(Path year, int countyRows) throws Exception {
        XSSFWorkbook emissions = new XSSFWorkbook();
        Sheet e = emissions.createSheet("排放量");
        put(e, 1, "设区市", "污染物", "排放源类别", "基准年排放量（吨）", "核算年排放量（吨）");
        put(e, 2, "南京", "VOCs", "全部", 10000, 6500);
        save(emissions, year.resolve(EMISSIONS));

        XSSFWorkbook projects = new XSSFWorkbook();
        Sheet city = projects.createSheet("市区项目");
        put(city, 1, header("联系人", "审核意见"));
        for (int i = 1; i <= 3; i++) {
            put(city, 1 + i, project("NJ-" + i, "张三"));
        }
        Sheet county = projects.createSheet("县区项目");
        put(county, 1, header("联系电话"));
        for (int i = 1; i <= countyRows; i++) {
            put(county, 1 + i, project("NJX-" + i, i == countyRows ? "025-12345678" : null));
        }
        save(projects, year.resolve(PROJECTS));
    }

    private static Object[] header(String... extra) {
        List<Object> out = new ArrayList<>(Arrays.asList(PROJECT_HEADER));
        out.addAll(Arrays.asList(extra));
        return out.toArray();
    }

    private static Object[] project(String id, String extra) {
        return new Object[]{id, "南京", "玄武区", "项目" + id, "某公司", null, "锅炉提标改造项目", "已完成", "2020-06-30",
                "2020-06-01", 100, 0, 10, 0, 0, null, extra};
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void theRunSheetCountsEachFilesColumnsReadAndNotRead(String database) throws Exception {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        writeInput(input.resolve("2020"), 4);

        Cli.Result result = Cli.run(List.of("run", "--year", "2020", "--input", input.toString()),
                TestDatabases.options(database, output));

        assertThat(result.exitCode()).as(result.all()).isZero();
        Path run = latest(output);
        assertCounts(run.resolve("reconciled_320000_全省.xlsx"));
        assertCounts(run.resolve("cities/feedback_320100_南京.xlsx"));
        // SPEC §6 fixes files.csv's columns: the counts are not there
        assertThat(csv(run.resolve("files.csv")).get(0)).containsExactlyElementsOf(FILES_CSV);
        // one COLUMN_NOT_READ per column counted as not read
        assertThat(csv(run.resolve("findings.csv")).stream().filter(f -> f.get(1).equals("COLUMN_NOT_READ"))
                .map(f -> f.get(4) + "|" + f.get(7))).containsExactlyInAnyOrder("市区项目|联系人", "县区项目|联系电话");
    }

    /**
     * The intake of the project list fails after its first chunk of 500 rows (市区项目's end committed, 县区项目's not)
     * and the run is restarted: each sheet's columns are counted once, as in a run without the failure.
     */
    @Test
    void aRestartedIntakeCountsEachSheetOnce() throws Exception {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        writeInput(input.resolve("2020"), 700);
        List<String> db = TestDatabases.options(TestDatabases.H2, output);

        System.setProperty(FaultInjection.PROPERTY, "intakeFile:600");
        Cli.Result failed = Cli.run(List.of("run", "--year", "2020", "--input", input.toString()), db);
        System.clearProperty(FaultInjection.PROPERTY);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        assertThat(failed.out()).contains("injected fault");

        Cli.Result restarted = Cli.run(List.of("restart", "--year", "2020", "--mode", "nightly"), db);
        assertThat(restarted.exitCode()).as(restarted.all()).isZero();

        assertCounts(latest(output).resolve("reconciled_320000_全省.xlsx"));
        Cli.Result status = Cli.run(List.of("status", "--verbose", "--year", "2020"), db);
        assertThat(status.out()).containsPattern(PROJECTS + " +COMPLETED .*; columns read 32  not read 2")
                .containsPattern(EMISSIONS + " +COMPLETED .*; columns read 5  not read 0");
    }

    private static Path latest(Path output) throws Exception {
        Path mode = output.resolve("2020/nightly");
        return mode.resolve(Files.readString(mode.resolve("LATEST")).trim());
    }

    /**
     * 运行信息: 读取列数 and 未读取列数 as numbers; the project list 16 + 16 read and 1 + 1 not read, the emission
     * report 5 and 0; the total row sums them with a formula over the file rows.
     */
    private static void assertCounts(Path workbook) throws Exception {
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            Sheet sheet = wb.getSheet(RunSheet.NAME);
            Row header = rowStarting(sheet, "文件");
            assertThat(header.getCell(RunSheet.COLUMNS_READ).getStringCellValue()).isEqualTo("读取列数");
            assertThat(header.getCell(RunSheet.COLUMNS_READ + 1).getStringCellValue()).isEqualTo("未读取列数");
            assertThat(numbers(rowStarting(sheet, PROJECTS))).containsExactly(32.0, 2.0);
            assertThat(numbers(rowStarting(sheet, EMISSIONS))).containsExactly(5.0, 0.0);
            Row total = rowStarting(sheet, "合计");
            assertThat(numbers(total)).containsExactly(37.0, 2.0);
            int first = header.getRowNum() + 2;
            int last = total.getRowNum();
            assertThat(total.getCell(RunSheet.COLUMNS_READ).getCellFormula()).isEqualTo("SUM(L" + first + ":L" + last + ")");
            assertThat(total.getCell(RunSheet.COLUMNS_READ + 1).getCellFormula()).isEqualTo("SUM(M" + first + ":M" + last + ")");
        }
    }

    /** The row's 读取列数 and 未读取列数, each a number (a formula's cached value). */
    private static List<Double> numbers(Row row) {
        List<Double> out = new ArrayList<>();
        for (int c = RunSheet.COLUMNS_READ; c <= RunSheet.COLUMNS_READ + 1; c++) {
            Cell cell = row.getCell(c);
            CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            assertThat(type).as("%s%d", (char) ('A' + c), row.getRowNum() + 1).isEqualTo(CellType.NUMERIC);
            out.add(cell.getNumericCellValue());
        }
        return out;
    }

    private static Row rowStarting(Sheet sheet, String text) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError("no row starting " + text + " on " + sheet.getSheetName());
    }
}
