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
                "INFO|UNIT_CONVERTED|320100|南京_排放量报表.xlsx|排放量|2|D2|万吨",
                "INFO|UNIT_CONVERTED|320100|南京_排放量报表.xlsx|排放量|2|E2|万吨",
                "WARNING|SHEET_NOT_READ|320100|南京_项目清单.xlsx|Sheet3|||Sheet3");
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

    /** The two-row heading of a clerk's 南京 list: 减排量（吨/年） merged over four columns, the others merged down. */
    static final String[] CLERK_HEADING = {"序号", "项目编号", "设区市", "县（市、区）", "项目\n名称", "责任单位", "统一社会信用代码",
            "项目类别", "进展状态", "计划完成时间", "实际完成时间", "总投资\n（元）", "减排量（吨/年）", null, null, null, "备注", "内部编码",
            "减排量合计（吨/年）"};
    static final String[] CLERK_SUBHEADING = {null, null, null, null, null, null, null, null, null, null, null, null, "VOCs",
            "二氧化硫", "氮氧化物", "颗粒物"};

    /** The two-row heading at rows r and r+1, and when asked the row numbering the columns at r+2. */
    static void clerkHeading(Sheet sheet, int r, boolean numbered) {
        put(sheet, r, (Object[]) CLERK_HEADING);
        put(sheet, r + 1, (Object[]) CLERK_SUBHEADING);
        for (int c = 0; c < 19; c++) {
            if (c < 12 || c > 15) {
                sheet.addMergedRegion(new CellRangeAddress(r - 1, r, c, c));
            }
        }
        sheet.addMergedRegion(CellRangeAddress.valueOf("M" + r + ":P" + r));
        if (numbered) {
            put(sheet, r + 2, "甲", "乙", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
                    "17");
        }
    }

    static void clerkTitle(Sheet sheet, int r) {
        put(sheet, r, "南京市2020年大气污染防治工程项目清单");
        sheet.addMergedRegion(CellRangeAddress.valueOf("A" + r + ":S" + r));
    }

    /**
     * 南京's submission as its clerks really make them, through the real job, figure by figure. The project list
     * (xlsx): a 填报说明 sheet first; 市区项目 with a merged title, a two-row heading, a row numbering the columns,
     * 设区市 merged down each page and 项目类别 over each run, investment in 元, a 小计 row merged across, a printed
     * page's top pasted again, 合计 under the merged city, VOCs typed as full-width text, 颗粒物 "/", dates as
     * 2020年9月, a hidden column and a total column at the right; 县区项目 with the same heading; a hidden 草稿
     * sheet. The emission report (xls): 单位：万吨 above the heading, the city merged down, each pollutant written
     * with its formula (二氧化硫（SO2）) and merged over its two sources, and a 合计 row.
     */
    @org.junit.jupiter.api.Test
    void aCitysWorkbooksAsItsClerksMakeThemGiveTheFiguresAPersonReadsInThem() throws Exception {
        Path year = dir.resolve("input/2020");
        XSSFWorkbook projects = new XSSFWorkbook();
        put(projects.createSheet("填报说明"), 1, "1. 请按项目类别分组填写，每个项目一行；投资单位为元。");
        Sheet city = projects.createSheet("市区项目");
        clerkTitle(city, 1);
        put(city, 2, "填报单位（盖章）：南京市生态环境局");
        city.addMergedRegion(CellRangeAddress.valueOf("A2:H2"));
        clerkHeading(city, 3, true);
        city.setColumnHidden(17, true);
        // rows 6-9 BOILER: 2 completed, 2 in progress; SO2 10.5 t, NOx 3 t each; 1,234,500 元 = 123.45 万元
        Object[] actual = {java.time.LocalDate.of(2020, 6, 30), "2020年9月", null, null};
        for (int i = 0; i < 4; i++) {
            int r = 6 + i;
            Row row = put(city, r, i + 1, "NJ-B" + (i + 1), i == 0 ? "南京市" : null, "江宁区", "锅炉改造\n" + (i + 1),
                    "南京某公司", null, i == 0 ? "锅炉提标改造项目" : null, i < 2 ? "已完成" : "在建", "2020-12-31",
                    actual[i] instanceof String t ? t : null, 1234500, 0, 10.5, 3, 0, null, "X" + r);
            if (actual[i] instanceof java.time.LocalDate d) {
                row.createCell(10).setCellValue(d);
            }
            row.createCell(18).setCellFormula("SUM(M" + r + ":P" + r + ")");
        }
        city.addMergedRegion(CellRangeAddress.valueOf("C6:C9"));
        city.addMergedRegion(CellRangeAddress.valueOf("H6:H9"));
        put(city, 10, "小计");
        city.getRow(9).createCell(13).setCellFormula("SUM(N6:N9)");
        city.addMergedRegion(CellRangeAddress.valueOf("A10:K10"));
        // row 11 blank; rows 12-15 the printed page's top pasted again
        clerkTitle(city, 12);
        clerkHeading(city, 13, true);
        // rows 16-18 VOC_UPGRADE: 2 completed, 1 not started; VOCs "１２.５", 颗粒物 "/"; row 19 合计 under the city
        for (int i = 0; i < 3; i++) {
            put(city, 16 + i, 5 + i, "NJ-V" + (i + 1), i == 0 ? "南京市" : null, "玄武区", "喷涂线治理" + (i + 1),
                    "南京某厂", null, i == 0 ? "治污设施升级改造项目" : null, i < 2 ? "已完成" : "未开工", "2020年12月",
                    i < 2 ? "2020-10-01" : null, 500000, "１２.５", 0, 0, "/");
        }
        put(city, 19, null, null, null, null, "合计");
        city.addMergedRegion(CellRangeAddress.valueOf("C16:C19"));
        city.addMergedRegion(CellRangeAddress.valueOf("H16:H18"));
        // 县区项目: the same heading, 设区市 merged down every row; 3 DUST_SITE, 1 completed
        Sheet county = projects.createSheet("县区项目");
        clerkTitle(county, 1);
        clerkHeading(county, 2, false);
        for (int i = 0; i < 3; i++) {
            put(county, 4 + i, i + 1, "NJ-D" + (i + 1), i == 0 ? "南京" : null, "溧水区", "工地扬尘" + (i + 1), "南京某建设公司",
                    null, "施工工地扬尘治理项目", i == 0 ? "已完成" : "在建", "2020-11-30", i == 0 ? "2020.8.31" : null, 100000);
        }
        county.addMergedRegion(CellRangeAddress.valueOf("C4:C6"));
        Sheet drafts = projects.createSheet("草稿");
        put(drafts, 1, PROJECT_HEADER);
        put(drafts, 2, "NJ-DRAFT", "南京", null, "草稿", "某公司", null, "锅炉提标改造项目", "在建", "2020-12-31", null, 1, 0, 99);
        projects.setSheetHidden(projects.getSheetIndex(drafts), true);
        projects.getCreationHelper().createFormulaEvaluator().evaluateAll();
        save(projects, year.resolve("南京市2020年大气污染防治工程项目清单.xlsx"));

        org.apache.poi.hssf.usermodel.HSSFWorkbook emissions = new org.apache.poi.hssf.usermodel.HSSFWorkbook();
        Sheet e = emissions.createSheet("排放量");
        put(e, 1, "南京市2015-2020年大气污染物排放量");
        e.addMergedRegion(CellRangeAddress.valueOf("A1:F1"));
        put(e, 2, null, null, null, null, "单位：万吨");
        put(e, 3, "设区市", "污染物", "排放源类别", "2015年排放量", "2020年排放量", "备注");
        Object[][] rows = {{"挥发性有机物（VOCs）", "工业源", 12.35, 9.1}, {null, "移动源", 3.2, 2.95},
                {"二氧化硫（SO2）", "工业源", 6.8, 4.97}, {null, "生活源", 0.45, 0.3},
                {"氮氧化物(NOx)", "工业源", 8.1, 6.0}, {null, "移动源", 5.5, 4.4}};
        for (int i = 0; i < rows.length; i++) {
            put(e, 4 + i, i == 0 ? "南京市" : null, rows[i][0], rows[i][1], rows[i][2], rows[i][3]);
        }
        for (int r = 4; r < 10; r += 2) {
            e.addMergedRegion(CellRangeAddress.valueOf("B" + r + ":B" + (r + 1)));
        }
        put(e, 10, null, "合计", null, 30.4, 23.72);
        e.addMergedRegion(CellRangeAddress.valueOf("A4:A10"));
        save(emissions, year.resolve("南京市排放量报表.xls"));
        Path output = dir.resolve("output");

        EndToEndTest.Result result = cli(List.of("run", "--year", "2020", "--input", dir.resolve("input").toString(),
                "--output", output.toString()));

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        Path run = output.resolve("2020/nightly").resolve(Files.readString(output.resolve("2020/nightly/LATEST")).trim());
        List<List<String>> files = csv(run.resolve("files.csv"));
        // 13 rows of 市区项目 and 3 of 县区项目 read: 10 projects; 小计, the pasted page top (4 rows) and 合计 ignored
        assertThat(row(files, "南京市2020年大气污染防治工程项目清单.xlsx")).endsWith(",PROJECTS,320100,16,10,0,6,");
        assertThat(row(files, "南京市排放量报表.xls")).endsWith(",EMISSIONS,320100,7,6,0,1,");

        List<List<String>> projectsCsv = csv(run.resolve("projects_by_city_category.csv"));
        assertThat(row(projectsCsv, "2020", "320100", "南京", "BOILER")).contains(",4,2,2,0,");
        assertThat(row(projectsCsv, "2020", "320100", "南京", "VOC_UPGRADE")).contains(",3,2,0,1,");
        assertThat(row(projectsCsv, "2020", "320100", "南京", "DUST_SITE")).contains(",3,1,2,0,");
        assertThat(row(projectsCsv, "2020", "320100", "南京", "TOTAL")).contains(",10,5,4,1,");

        List<List<String>> reductions = csv(run.resolve("reductions_by_city_pollutant.csv"));
        assertThat(row(reductions, "2020", "320100", "南京", "VOCS"))
                .isEqualTo("2020,320100,南京,VOCS,155500,120500,35000,22.51,28.00,-5.49,111960,NOT_MET,25,0.0007");
        assertThat(row(reductions, "2020", "320100", "南京", "SO2"))
                .isEqualTo("2020,320100,南京,SO2,72500,52700,19800,27.31,24.10,3.21,55027.5,MET,21,0.0011");
        assertThat(row(reductions, "2020", "320100", "南京", "NOX")).startsWith("2020,320100,南京,NOX,136000,104000,32000,")
                .endsWith(",6,0.0002");

        List<List<String>> findings = csv(run.resolve("findings.csv"));
        List<String> located = findings.stream().skip(1).filter(f -> !f.get(3).isEmpty())
                .map(f -> String.join("|", f.subList(0, 8))).collect(Collectors.toList());
        assertThat(located).containsExactlyInAnyOrder(
                "INFO|UNIT_CONVERTED|320100|南京市2020年大气污染防治工程项目清单.xlsx|市区项目|4|L4|元",
                "INFO|UNIT_CONVERTED|320100|南京市2020年大气污染防治工程项目清单.xlsx|县区项目|3|L3|元",
                // issue 16: the columns the clerk added are named, the one that looks like ours as a WARNING
                "INFO|COLUMN_NOT_READ|320100|南京市2020年大气污染防治工程项目清单.xlsx|市区项目|5|R5|内部编码",
                "WARNING|COLUMN_NOT_READ|320100|南京市2020年大气污染防治工程项目清单.xlsx|市区项目|5|S5|减排量合计(吨/年)",
                // issue 22: what was read as a day it does not name is said (a serial, a year-month)
                "INFO|VALUE_INTERPRETED|320100|南京市2020年大气污染防治工程项目清单.xlsx|市区项目|6|K6|44012",
                "INFO|VALUE_INTERPRETED|320100|南京市2020年大气污染防治工程项目清单.xlsx|市区项目|7|K7|2020年9月",
                "INFO|VALUE_INTERPRETED|320100|南京市2020年大气污染防治工程项目清单.xlsx|市区项目|16|J16|2020年12月",
                "INFO|VALUE_INTERPRETED|320100|南京市2020年大气污染防治工程项目清单.xlsx|市区项目|17|J17|2020年12月",
                "INFO|VALUE_INTERPRETED|320100|南京市2020年大气污染防治工程项目清单.xlsx|市区项目|18|J18|2020年12月",
                "WARNING|SHEET_NOT_READ|320100|南京市2020年大气污染防治工程项目清单.xlsx|草稿|||草稿",
                "INFO|UNIT_CONVERTED|320100|南京市排放量报表.xls|排放量|3|D3|万吨",
                "INFO|UNIT_CONVERTED|320100|南京市排放量报表.xls|排放量|3|E3|万吨",
                // and the 合计 row's 30.4 and 23.72 are not the sums of the six rows above (36.4 and 27.72)
                "WARNING|TOTAL_ROW_DIFFERS|320100|南京市排放量报表.xls|排放量|10|D10|30.4",
                "WARNING|TOTAL_ROW_DIFFERS|320100|南京市排放量报表.xls|排放量|10|E10|23.72");
        // the heading typed on two lines (总投资⏎（元）) is named on one in the message
        assertThat(findings.stream().filter(f -> f.get(6).equals("L4")).findFirst().orElseThrow().get(8))
                .contains("列「总投资（元）」以「元」填报，已按 1 元 = 0.0001 万元 换算为万元");
    }
}
