package cn.js.reduction.operations;

import static cn.js.reduction.operations.EndToEndTest.cli;
import static cn.js.reduction.operations.EndToEndTest.csv;
import static cn.js.reduction.operations.EndToEndTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole job on workbooks made as city clerks make them (issue 7): an emission report in 万吨, a project list
 * whose 设区市 is one merged cell down every row and whose 项目类别 is merged over each run of one category, spread
 * over two sheets, with its header repeated inside the data and a sheet of data without a header. The expected
 * figures are worked out by hand from the rows written here.
 */
class SpreadsheetShapesEndToEndTest {

    @TempDir
    Path dir;

    static Row put(Sheet sheet, int rowNumber, Object... values) {
        Row row = sheet.getRow(rowNumber - 1) != null ? sheet.getRow(rowNumber - 1) : sheet.createRow(rowNumber - 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
        return row;
    }

    static void save(Workbook wb, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    static final Object[] PROJECT_HEADER = {
            "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别", "进展状态",
            "计划完成时间", "实际完成时间", "总投资（万元）", "VOCs减排量（吨/年）", "二氧化硫减排量（吨/年）",
            "氮氧化物减排量（吨/年）", "颗粒物减排量（吨/年）", "备注"};

    static void writeInput(Path year) throws Exception {
        // 万吨: VOCs 1 → 10000 t, 0.65 → 6500 t; SO2 0.5 → 5000 t, 0.39 → 3900 t
        XSSFWorkbook emissions = new XSSFWorkbook();
        Sheet e = emissions.createSheet("排放量");
        put(e, 1, "南京市大气污染物排放量核算表");
        put(e, 2, "设区市", "污染物", "排放源类别", "2015年排放量（万吨）", "2020年排放量（万吨）");
        put(e, 3, "南京", "VOCs", "全部", 1, 0.65);
        put(e, 4, "南京", "二氧化硫", "全部", 0.5, 0.39);
        save(emissions, year.resolve("南京_排放量报表.xlsx"));

        // sheet 市区项目: rows 2-11 BOILER (SO2 10 t each), row 12 the header again, rows 13-22 VOC_UPGRADE
        // (VOCs 120 t each); all completed. 设区市 is B2:B22 merged, 项目类别 merged over each run.
        XSSFWorkbook projects = new XSSFWorkbook();
        Sheet city = projects.createSheet("市区项目");
        put(city, 1, PROJECT_HEADER);
        for (int i = 0; i < 20; i++) {
            int r = i < 10 ? 2 + i : 3 + i;
            boolean boiler = i < 10;
            put(city, r, "NJ-" + (i + 1), r == 2 ? "南京市" : null, "玄武区", "项目" + (i + 1), "某公司", null,
                    r == 2 ? "锅炉提标改造项目" : r == 13 ? "治污设施升级改造项目" : null, "已完成", "2020-06-30",
                    "2020-06-01", 100, boiler ? 0 : 120, boiler ? 10 : 0, 0, 0);
        }
        put(city, 12, PROJECT_HEADER);
        city.addMergedRegion(CellRangeAddress.valueOf("B2:B22"));
        city.addMergedRegion(CellRangeAddress.valueOf("G2:G11"));
        city.addMergedRegion(CellRangeAddress.valueOf("G13:G22"));
        // sheet 县区项目: two more BOILER projects, SO2 10 t each
        Sheet county = projects.createSheet("县区项目");
        put(county, 1, PROJECT_HEADER);
        put(county, 2, "NJ-21", "南京", "江宁区", "项目21", "某公司", null, "锅炉提标改造项目", "已完成", "2020-06-30",
                "2020-06-01", 100, 0, 10, 0, 0);
        put(county, 3, "NJ-22", "南京", "溧水区", "项目22", "某公司", null, "锅炉提标改造项目", "已完成", "2020-06-30",
                "2020-06-01", 100, 0, 10, 0, 0);
        // a sheet of data whose header was deleted: not read, and said so
        Sheet headless = projects.createSheet("Sheet3");
        put(headless, 1, "NJ-99", "南京", "江宁区", "项目99", "某公司", null, "锅炉提标改造项目", "在建", "2020-12-31",
                null, 100, 0, 10, 0, 0);
        put(headless, 2, "NJ-98", "南京", "江宁区", "项目98", "某公司", null, "锅炉提标改造项目", "在建", "2020-12-31",
                null, 100, 0, 10, 0, 0);
        save(projects, year.resolve("南京_项目清单.xlsx"));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void mergedCellsSheetsRepeatedHeadersAndUnitsGiveTheRightFigures(String database) throws Exception {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        writeInput(input.resolve("2020"));
        List<String> args = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString()));
        args.addAll(TestDatabases.options(database, output));

        EndToEndTest.Result result = cli(args);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(0);
        Path run = output.resolve("2020/nightly")
                .resolve(Files.readString(output.resolve("2020/nightly/LATEST")).trim());

        List<List<String>> files = csv(run.resolve("files.csv"));
        assertThat(row(files, "南京_项目清单.xlsx")).endsWith(",PROJECTS,320100,23,22,0,1,");
        assertThat(row(files, "南京_排放量报表.xlsx")).endsWith(",EMISSIONS,320100,2,2,0,0,");

        List<List<String>> projects = csv(run.resolve("projects_by_city_category.csv"));
        assertThat(row(projects, "2020", "320100", "南京", "BOILER")).endsWith(",24,12,12,0,0,-12,0.5000,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320100", "南京", "VOC_UPGRADE"))
                .endsWith(",57,10,10,0,0,-47,0.1754,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320100", "南京", "TOTAL")).endsWith(",322,22,22,0,0,-300,0.0683,SHORTFALL,NOT_MET");

        // read as tonnes, 万吨 would give 1 and 0.65, and projects claiming 1200 t against 0.35 t achieved
        List<List<String>> reductions = csv(run.resolve("reductions_by_city_pollutant.csv"));
        assertThat(row(reductions, "2020", "320100", "南京", "VOCS"))
                .isEqualTo("2020,320100,南京,VOCS,10000,6500,3500,35.00,28.00,7.00,7200,MET,1200,0.3429");
        assertThat(row(reductions, "2020", "320100", "南京", "SO2"))
                .isEqualTo("2020,320100,南京,SO2,5000,3900,1100,22.00,24.10,-2.10,3795,NOT_MET,120,0.1091");

        List<List<String>> findings = csv(run.resolve("findings.csv"));
        List<String> located = findings.stream().skip(1).filter(f -> !f.get(3).isEmpty())
                .map(f -> String.join("|", f.subList(0, 8))).collect(Collectors.toList());
        assertThat(located).containsExactlyInAnyOrder(
                "INFO|UNIT_CONVERTED||南京_排放量报表.xlsx|排放量|2|D2|万吨",
                "INFO|UNIT_CONVERTED||南京_排放量报表.xlsx|排放量|2|E2|万吨",
                "WARNING|SHEET_NOT_READ||南京_项目清单.xlsx|Sheet3|||Sheet3");
        assertThat(findings.stream().map(f -> f.get(1))).doesNotContain("CLAIM_EXCEEDS_ACHIEVED", "REQUIRED_MISSING");
    }

    /**
     * A province workbook with one sheet per city: every sheet is read, so a final run sees every city's
     * project list and is not refused.
     */
    @org.junit.jupiter.api.Test
    void aWorkbookWithOneSheetPerCitySubmitsForEveryCity() throws Exception {
        List<String> cities = List.of("南京", "无锡", "徐州", "常州", "苏州", "南通", "连云港", "淮安", "盐城", "扬州", "镇江",
                "泰州", "宿迁");
        Path year = dir.resolve("input/2020");
        XSSFWorkbook projects = new XSSFWorkbook();
        StringBuilder emissions = new StringBuilder("设区市,污染物,基准年排放量（吨）,核算年排放量（吨）\n");
        for (int i = 0; i < cities.size(); i++) {
            Sheet sheet = projects.createSheet(cities.get(i));
            put(sheet, 1, PROJECT_HEADER);
            put(sheet, 2, "P-" + i, cities.get(i), null, "项目", "某公司", null, "锅炉提标改造项目", "在建", "2020-12-31");
            emissions.append(cities.get(i)).append(",VOCs,100,90\n");
        }
        save(projects, year.resolve("全省_项目清单.xlsx"));
        Files.writeString(year.resolve("全省_排放量报表.csv"), emissions.toString());
        Path output = dir.resolve("output");

        EndToEndTest.Result result = cli(List.of("run", "--year", "2020", "--mode", "final", "--input",
                dir.resolve("input").toString(), "--output", output.toString()));

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Path run = output.resolve("2020/final").resolve(Files.readString(output.resolve("2020/final/LATEST")).trim());
        assertThat(row(csv(run.resolve("files.csv")), "全省_项目清单.xlsx")).endsWith(",PROJECTS,"
                + "320100;320200;320300;320400;320500;320600;320700;320800;320900;321000;321100;321200;321300,"
                + "13,13,0,0,");
        assertThat(row(csv(run.resolve("projects_by_city_category.csv")), "2020", "320000", "全省", "BOILER"))
                .contains(",13,0,13,0,");
    }
}
