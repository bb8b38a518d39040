package cn.js.reduction.operations;

import static cn.js.reduction.operations.EndToEndTest.cli;
import static cn.js.reduction.operations.EndToEndTest.csv;
import static cn.js.reduction.operations.EndToEndTest.row;
import static cn.js.reduction.operations.SpreadsheetShapesEndToEndTest.put;
import static cn.js.reduction.operations.SpreadsheetShapesEndToEndTest.save;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, point 8, through the whole job: emission reports laid out like annex 2 (南京 in xlsx and 徐州 in xls with
 * merged groups, 无锡 in a CSV with each group written once), each city row read as one row per pollutant. The
 * figures of reductions_by_city_pollutant.csv are worked out by hand from the rows written here; a figure that
 * cannot be read is reported at its own cell and leaves its pollutant INCOMPLETE, the city's others counted.
 */
class AnnexLayoutEndToEndTest {

    @TempDir
    Path dir;

    static void writeInput(Path year) throws Exception {
        Files.createDirectories(year);
        // 南京: pollutants over their years, merged; a totals row under the city
        Workbook nanjing = new XSSFWorkbook();
        Sheet n = nanjing.createSheet("附件2");
        put(n, 1, "南京市主要大气污染物排放量（吨）");
        put(n, 2, "设区市", "VOCs", null, "二氧化硫", null, "氮氧化物", null);
        put(n, 3, null, "2015年", "2020年", "2015年", "2020年", "2015年", "2020年");
        put(n, 4, "南京", 1000, 800, 500, 400, 300, 240);
        put(n, 5, "合计", 1000, 800, 500, 400, 300, 240);
        merged(n, "A2:A3", "B2:C2", "D2:E2", "F2:G2");
        save(nanjing, year.resolve("南京_排放量报表.xlsx"));
        // 无锡: a CSV of the same layout, each group written once over its two columns
        Files.writeString(year.resolve("无锡_排放量报表.csv"), """
                设区市,挥发性有机物,,二氧化硫,,氮氧化物,
                ,2015年,2020年,2015年,2020年,2015年,2020年
                无锡市,900,720,450,330,280,210
                """, StandardCharsets.UTF_8);
        // 徐州: the years over the pollutants, in 万吨, one figure typed wrong
        Workbook xuzhou = new HSSFWorkbook();
        Sheet x = xuzhou.createSheet("排放量");
        put(x, 1, "设区市", "2015年排放量（万吨）", null, null, "2020年排放量（万吨）", null, null);
        put(x, 2, null, "VOCs", "SO2", "NOx", "VOCs", "SO2", "NOx");
        put(x, 3, "徐州", 0.1, 0.05, 0.04, 0.08, "四百", 0.03);
        merged(x, "A1:A2", "B1:D1", "E1:G1");
        save(xuzhou, year.resolve("徐州_排放量报表.xls"));
        // and a project list with the form's footer: its ignored row keeps why
        Workbook projects = new XSSFWorkbook();
        Sheet p = projects.createSheet("项目");
        put(p, 1, (Object[]) SpreadsheetShapesEndToEndTest.PROJECT_HEADER);
        put(p, 2, "NJ-1", "南京", null, "项目1", "某公司", null, "锅炉提标改造项目", "在建", "2020-12-31");
        put(p, 3, "填表人：张三");
        save(projects, year.resolve("南京_项目清单.xlsx"));
    }

    private static void merged(Sheet sheet, String... ranges) {
        for (String r : ranges) {
            sheet.addMergedRegion(CellRangeAddress.valueOf(r));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void annexTwoLayoutsGiveTheFiguresOfTheLongForm(String database) throws Exception {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        writeInput(input.resolve("2020"));
        List<String> options = TestDatabases.options(database, output);
        List<String> args = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString()));
        args.addAll(options);

        EndToEndTest.Result result = cli(args);

        assertThat(result.exitCode()).as(result.out() + result.err()).isIn(0, 1);
        Path run = output.resolve("2020/nightly")
                .resolve(Files.readString(output.resolve("2020/nightly/LATEST")).trim());
        List<List<String>> reductions = csv(run.resolve("reductions_by_city_pollutant.csv"));
        assertThat(row(reductions, "2020", "320100", "南京", "VOCS")).startsWith("2020,320100,南京,VOCS,1000,800,200,20.00,");
        assertThat(row(reductions, "2020", "320100", "南京", "SO2")).startsWith("2020,320100,南京,SO2,500,400,100,20.00,");
        assertThat(row(reductions, "2020", "320100", "南京", "NOX")).startsWith("2020,320100,南京,NOX,300,240,60,20.00,");
        assertThat(row(reductions, "2020", "320200", "无锡", "VOCS")).startsWith("2020,320200,无锡,VOCS,900,720,180,20.00,");
        assertThat(row(reductions, "2020", "320200", "无锡", "SO2")).startsWith("2020,320200,无锡,SO2,450,330,120,26.67,");
        assertThat(row(reductions, "2020", "320200", "无锡", "NOX")).startsWith("2020,320200,无锡,NOX,280,210,70,25.00,");
        assertThat(row(reductions, "2020", "320300", "徐州", "VOCS")).startsWith("2020,320300,徐州,VOCS,1000,800,200,20.00,");
        assertThat(row(reductions, "2020", "320300", "徐州", "NOX")).startsWith("2020,320300,徐州,NOX,400,300,100,25.00,");
        // 四百 in F3 is not read as 0 or left out silently: SO2 of 徐州 is incomplete, and says where
        assertThat(row(reductions, "2020", "320300", "徐州", "SO2")).contains("INCOMPLETE");

        // each city row is three rows read (one per pollutant); the totals row one, ignored
        List<List<String>> files = csv(run.resolve("files.csv"));
        assertThat(row(files, "南京_排放量报表.xlsx")).endsWith(",EMISSIONS,320100,4,3,0,1,");
        assertThat(row(files, "无锡_排放量报表.csv")).endsWith(",EMISSIONS,320200,3,3,0,0,");
        assertThat(row(files, "徐州_排放量报表.xls")).endsWith(",EMISSIONS,320300,3,2,1,0,");

        List<List<String>> findings = csv(run.resolve("findings.csv"));
        List<String> located = findings.stream().skip(1).filter(f -> !f.get(3).isEmpty() && !f.get(1).equals("COUNT_SHORTFALL"))
                .map(f -> String.join("|", f.subList(0, 8))).collect(Collectors.toList());
        assertThat(located).contains(
                "ERROR|BAD_NUMBER|320300|徐州_排放量报表.xls|排放量|3|F3|四百",
                "INFO|UNIT_CONVERTED|320300|徐州_排放量报表.xls|排放量|2|B2|万吨",
                "INFO|UNIT_CONVERTED|320300|徐州_排放量报表.xls|排放量|2|G2|万吨");
        assertThat(findings.stream().map(f -> f.get(1))).doesNotContain("MISSING_COLUMN", "REQUIRED_MISSING",
                "COLUMN_NOT_READ", "TOTAL_ROW_DIFFERS");

        // the province workbook's 排放明细 names each row's own cells
        try (XSSFWorkbook wb = new XSSFWorkbook(run.resolve("reconciled_320000_全省.xlsx").toFile())) {
            List<String> texts = new ArrayList<>();
            wb.getSheet("排放明细").forEach(r -> r.forEach(cell -> texts.add(cell.toString())));
            assertThat(texts).contains("A4,B4,C4", "A4,D4,E4", "A4,F4,G4", "A3,B3,E3", "A3,D3,G3")
                    .doesNotContain("A3,C3,F3"); // 徐州 SO2, rejected
        }

        // staged: a part per pollutant, the cells each was read from, and why the totals row was ignored
        try (Connection c = TestDatabases.connect(options);
             ResultSet rs = c.createStatement().executeQuery("SELECT file_name, row_no, part_no, disposition, pollutant,"
                     + " read_cells, ignored_why FROM ra_emission_row WHERE file_name = '南京_排放量报表.xlsx'"
                     + " ORDER BY row_no, part_no")) {
            List<String> staged = new ArrayList<>();
            while (rs.next()) {
                staged.add(rs.getInt(2) + "|" + rs.getInt(3) + "|" + rs.getString(4) + "|" + rs.getString(5) + "|"
                        + rs.getString(6) + "|" + rs.getString(7));
            }
            assertThat(staged).containsExactly(
                    "4|1|ACCEPTED|VOCS|A4,B4,C4|null",
                    "4|2|ACCEPTED|SO2|A4,D4,E4|null",
                    "4|3|ACCEPTED|NOX|A4,F4,G4|null",
                    "5|0|IGNORED|null|null|「合计」（A5）");
        }
        try (Connection c = TestDatabases.connect(options);
             ResultSet rs = c.createStatement().executeQuery("SELECT row_no, disposition, ignored_why FROM ra_project_row"
                     + " ORDER BY row_no")) {
            List<String> staged = new ArrayList<>();
            while (rs.next()) {
                staged.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
            assertThat(staged).containsExactly("2|ACCEPTED|null", "3|IGNORED|表尾「填表人：张三」（A3）");
        }
    }
}
