package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 17 end to end, on H2 and PostgreSQL: a set holding each case of "a status that says what it rests on" and
 * "supersession by evidence", every expected figure worked out by hand from the rows written here.
 *
 * <p>Emission reports (targets of annex 2 in brackets):
 * <ul>
 *   <li>changzhou_emissions_20201201.csv: 常州 VOCs, SO2 1000 → 700; NOx 工业源 1000 → 700, 移动源 500 → 450 and the
 *       移动源 row pasted twice (row 6, DUPLICATE_ROW): NOx 1500 → 1150, 23.33 % ≥ 22 % MET (counted twice it would
 *       be 2000 → 1600, 20 %, NOT_MET).</li>
 *   <li>全省_排放量报表_20210101.csv, newer, names no city: one stray 常州 NOx row (no evidence it is 常州's report,
 *       ignored: 常州 has its own), and 苏州's three pollutants 2000 → 1500 (evidence: it replaces 苏州's older report).</li>
 *   <li>suzhou_emissions_20201201.csv: 苏州 3000 → 2900 each, and a stray 南通 row: superseded with its file.</li>
 *   <li>nanjing_emissions_20201201.csv: 南京 1000 → 700 each, plus an SO2 row with BAD_NUMBER (南京 SO2 INCOMPLETE),
 *       and a stray 泰州 VOCs row 100 → 70 that counts (泰州 has no report of its own).</li>
 *   <li>wuxi_emissions_20201201.csv: every row rejected (UNKNOWN_POLLUTANT): 无锡 has no report, INCOMPLETE.</li>
 *   <li>徐州_排放量报表_20201201.csv: a renamed copy of 连云港's report, its rows stray and ignored (连云港 has its own,
 *       lianyungang_emissions_20201201.csv, 1000 → 700 each); 徐州 has no report.</li>
 *   <li>zhenjiang_emissions.csv: no 核算年排放量 column (MISSING_COLUMN, file skipped): 镇江 INCOMPLETE, and the finding
 *       carries 镇江's code.</li>
 * </ul>
 * Project lists: 南京 corrected (20201215 shares NJ-1, NJ-2 with 20201201 and lacks NJ-3: PROJECTS_WITHDRAWN; NJ-2's
 * planned completion moved to 2020-11-30, NJ-6 added, its NJ-5 of KILN rejected for its date); 无锡 in two batches
 * named 第一批 / 第二批 (WX-2 in both: the second copy rejected as a duplicate id); 常州 in two lists with no id in
 * common (both count); a province-wide list with one 苏州 row sharing no id with 苏州's two-row list (stray: counts,
 * replaces nothing).
 */
class EvidenceSetTest {

    private static final String EMISSION_HEADER = "设区市,污染物,排放源类别,基准年排放量（吨）,核算年排放量（吨）\n";

    @TempDir
    Path dir;

    private static void write(Path year, String file, String text) throws IOException {
        EndToEndTest.write(year.resolve(file), text, StandardCharsets.UTF_8, false);
    }

    private static String project(String id, String city, String category, String planned) {
        return id + "," + city + ",某区,项目" + id + ",某公司,," + category + ",在建," + planned + ",,,,,,,\n";
    }

    private static String projects(String... rows) {
        return EndToEndTest.PROJECT_HEADER + String.join("", rows);
    }

    private static String three(String city, String base, String reporting) {
        return city + ",VOCs,工业源," + base + "," + reporting + "\n" + city + ",SO2,工业源," + base + "," + reporting + "\n"
                + city + ",NOx,工业源," + base + "," + reporting + "\n";
    }

    static void writeSet(Path year) throws IOException {
        write(year, "changzhou_emissions_20201201.csv", EMISSION_HEADER + "常州,VOCs,工业源,1000,700\n常州,SO2,工业源,1000,700\n"
                + "常州,NOx,工业源,1000,700\n常州,NOx,移动源,500,450\n常州,NOx,移动源,500,450\n");
        write(year, "全省_排放量报表_20210101.csv", EMISSION_HEADER + "常州,NOx,工业源,100,100\n" + three("苏州", "2000", "1500"));
        write(year, "suzhou_emissions_20201201.csv", EMISSION_HEADER + three("苏州", "3000", "2900")
                + "南通,VOCs,工业源,400,300\n");
        write(year, "nanjing_emissions_20201201.csv", EMISSION_HEADER + three("南京", "1000", "700")
                + "南京,SO2,生活源,abc,1\n泰州,VOCs,工业源,100,70\n");
        write(year, "wuxi_emissions_20201201.csv", EMISSION_HEADER + "无锡,PM9,工业源,1,1\n无锡,XX,工业源,1,1\n");
        write(year, "徐州_排放量报表_20201201.csv", EMISSION_HEADER + three("连云港", "1000", "700"));
        write(year, "lianyungang_emissions_20201201.csv", EMISSION_HEADER + three("连云港", "1000", "700"));
        write(year, "zhenjiang_emissions.csv", "设区市,污染物,排放源类别,基准年排放量（吨）\n镇江,VOCs,工业源,1000\n");

        write(year, "nanjing_projects_20201201.csv", projects(project("NJ-1", "南京", "KILN", "2020-12-31"),
                project("NJ-2", "南京", "KILN", "2020-12-31"), project("NJ-3", "南京", "KILN", "2020-12-31")));
        write(year, "nanjing_projects_20201215.csv", projects(project("NJ-1", "南京", "KILN", "2020-12-31"),
                project("NJ-2", "南京", "KILN", "2020-11-30"), project("NJ-5", "南京", "KILN", "不是日期"),
                project("NJ-6", "南京", "BOILER", "2020-12-31")));
        write(year, "wuxi_projects_第一批_20201201.csv", projects(project("WX-1", "无锡", "KILN", "2020-12-31"),
                project("WX-2", "无锡", "KILN", "2020-12-31")));
        write(year, "wuxi_projects_第二批_20201215.csv", projects(project("WX-2", "无锡", "KILN", "2020-12-31"),
                project("WX-3", "无锡", "KILN", "2020-12-31")));
        write(year, "changzhou_projects_20201201.csv", projects(project("CZ-1", "常州", "KILN", "2020-12-31"),
                project("CZ-2", "常州", "KILN", "2020-12-31")));
        write(year, "changzhou_projects_20201215.csv", projects(project("CZ-3", "常州", "KILN", "2020-12-31")));
        write(year, "suzhou_projects_20201201.csv", projects(project("SZ-1", "苏州", "KILN", "2020-12-31"),
                project("SZ-2", "苏州", "KILN", "2020-12-31")));
        write(year, "全省_项目清单_20210101.csv", projects(project("SZ-9", "苏州", "KILN", "2020-12-31")));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void statusesAndFiguresRestOnWhatCountsByEvidence(String database) throws IOException {
        Path input = dir.resolve("input");
        writeSet(input.resolve("2020"));
        Path output = dir.resolve("output");
        Cli.Result result = Cli.run(List.of("run", "--year", "2020", "--input", input.toString()),
                TestDatabases.options(database, output));
        assertThat(result.exitCode()).as(result.all()).isZero();
        Path run = output.resolve("2020/nightly").resolve(Files.readString(output.resolve("2020/nightly/LATEST")).trim());

        List<String> reductions = lines(run.resolve("reductions_by_city_pollutant.csv"));
        assertThat(reductions).contains(
                // the repeat counted once, the stray 全省 row not summed on top: 1500 → 1150
                "2020,320400,常州,NOX,1500,1150,350,23.33,22.00,1.33,1170,MET,0,0.0000",
                // the newer province-wide file replaces 苏州's report by evidence (all three pollutants)
                "2020,320500,苏州,VOCS,2000,1500,500,25.00,22.00,3.00,1560,MET,0,0.0000",
                // a rejected SO2 row: the figures of the rows that count, INCOMPLETE
                "2020,320100,南京,SO2,1000,700,300,30.00,24.10,5.90,759,INCOMPLETE,0,0.0000",
                "2020,320100,南京,VOCS,1000,700,300,30.00,28.00,2.00,720,MET,0,0.0000",
                // every row rejected, pollutants unreadable: INCOMPLETE with no figures
                "2020,320200,无锡,VOCS,,,,,22.00,,,INCOMPLETE,0,",
                // the renamed copy in 徐州's file is not summed on top of 连云港's own report
                "2020,320700,连云港,VOCS,1000,700,300,30.00,26.00,4.00,740,MET,0,0.0000",
                "2020,320300,徐州,VOCS,,,,,28.00,,,NO_DATA,0,",
                // a stray row counts where its city has no report of its own
                "2020,321200,泰州,VOCS,100,70,30,30.00,26.00,4.00,74,MET,0,0.0000",
                // a stray row in a superseded file is superseded with it
                "2020,320600,南通,VOCS,,,,,24.00,,,NO_DATA,0,",
                // a report skipped whole (MISSING_COLUMN)
                "2020,321100,镇江,NOX,,,,,21.50,,,INCOMPLETE,0,");
        assertThat(reductions.stream().filter(r -> r.startsWith("2020,320000,")))
                .allMatch(r -> r.contains(",INCOMPLETE,"));

        List<String> projects = lines(run.resolve("projects_by_city_category.csv"));
        assertThat(submitted(projects, "320100", "KILN")).isEqualTo(2);   // NJ-1, NJ-2 of the correction
        assertThat(submitted(projects, "320200", "TOTAL")).isEqualTo(3);  // WX-1, WX-2, WX-3: batches add
        assertThat(submitted(projects, "320400", "TOTAL")).isEqualTo(3);  // CZ-1, CZ-2, CZ-3: no id in common
        assertThat(submitted(projects, "320500", "TOTAL")).isEqualTo(3);  // SZ-1, SZ-2 and the stray SZ-9

        List<String> findings = lines(run.resolve("findings.csv"));
        assertThat(findings).anyMatch(f -> f.startsWith("WARNING,DUPLICATE_ROW,320400,changzhou_emissions_20201201.csv,"
                + "changzhou_emissions_20201201,6,,NOX,") && f.contains("第5行"));
        assertThat(findings).anyMatch(f -> f.startsWith("WARNING,ROW_OF_OTHER_CITY,320400,全省_排放量报表_20210101.csv,"));
        assertThat(findings).anyMatch(f -> f.startsWith("WARNING,ROW_OF_OTHER_CITY,320700,徐州_排放量报表_20201201.csv,"));
        assertThat(findings).anyMatch(f -> f.startsWith("WARNING,ROW_OF_OTHER_CITY,320500,全省_项目清单_20210101.csv,"));
        assertThat(findings).anyMatch(f -> f.startsWith("INFO,SUPERSEDED_FILE,320500,suzhou_emissions_20201201.csv,"));
        assertThat(findings).anyMatch(f -> f.startsWith("INFO,SUPERSEDED_FILE,320600,suzhou_emissions_20201201.csv,"));
        assertThat(findings).anyMatch(f -> f.startsWith("WARNING,PROJECTS_WITHDRAWN,320100,nanjing_projects_20201215.csv,"
                + ",,,NJ-3,") && f.contains("1个项目"));
        assertThat(findings).noneMatch(f -> f.contains("SUPERSEDED_FILE,320200") || f.contains("SUPERSEDED_FILE,320400"));
        assertThat(findings).anyMatch(f -> f.startsWith("WARNING,MISSING_SUBMISSION,320200,,,,,排放量报表,")
                && f.contains("「wuxi_emissions_20201201.csv」2行被退回（UNKNOWN_POLLUTANT 2处）"));
        assertThat(findings).anyMatch(f -> f.startsWith("WARNING,MISSING_SUBMISSION,320300,,,,,排放量报表,")
                && f.contains("「徐州_排放量报表_20201201.csv」文件名表明是徐州市的，但其中没有徐州市的行"));
        assertThat(findings).anyMatch(f -> f.startsWith("ERROR,MISSING_COLUMN,321100,zhenjiang_emissions.csv,"));
        assertThat(findings).anyMatch(f -> f.startsWith("WARNING,COUNT_SHORTFALL,320100,,,,,KILN,")
                && f.contains("另有 1 行被退回"));

        // the feedback workbooks: 镇江's names its skipped file; 常州's the repeated row; the province's the partial status
        assertThat(texts(run.resolve("cities/feedback_321100_镇江.xlsx"))).anyMatch(t -> t.contains("MISSING_COLUMN"));
        assertThat(texts(run.resolve("cities/feedback_320400_常州.xlsx"))).anyMatch(t -> t.contains("DUPLICATE_ROW"));
        assertThat(texts(run.resolve("cities/feedback_320100_南京.xlsx"))).anyMatch(t -> t.contains("PROJECTS_WITHDRAWN"));
        List<String> province = texts(run.resolve("reconciled_320000_全省.xlsx"));
        assertThat(province).contains("不完整");
        assertThat(province).anyMatch(t -> t.contains("全省的数值所依据的完整数据"));

        // 前后对比: 南京's correction, row by row; 苏州's report replaced by the province-wide file, cell by cell
        assertThat(rows(run.resolve("cities/feedback_320100_南京.xlsx"), "前后对比")).containsExactly(
                "报表|变化|项目编号 / 污染物 排放源|列|原值|新值|原文件|原文件位置|新文件|新文件位置",
                "项目清单|修改|NJ-2|计划完成时间|2020-12-31|2020-11-30|nanjing_projects_20201201.csv"
                        + "|工作表「nanjing_projects_20201201」第3行|nanjing_projects_20201215.csv"
                        + "|工作表「nanjing_projects_20201215」第3行",
                "项目清单|新增|NJ-6||||nanjing_projects_20201201.csv||nanjing_projects_20201215.csv"
                        + "|工作表「nanjing_projects_20201215」第5行",
                "项目清单|撤回|NJ-3||||nanjing_projects_20201201.csv|工作表「nanjing_projects_20201201」第4行"
                        + "|nanjing_projects_20201215.csv|");
        assertThat(rows(run.resolve("cities/feedback_320500_苏州.xlsx"), "前后对比")).hasSize(1 + 6)
                .contains("排放量报表|修改|VOCS 工业源|基准年排放量（吨）|3000|2000|suzhou_emissions_20201201.csv"
                        + "|工作表「suzhou_emissions_20201201」第2行|全省_排放量报表_20210101.csv"
                        + "|工作表「全省_排放量报表_20210101」第3行");
        assertThat(rows(run.resolve("cities/feedback_320200_无锡.xlsx"), "前后对比")).isEmpty();
        List<String> runSheet = rows(run.resolve("reconciled_320000_全省.xlsx"), "运行信息");
        assertThat(runSheet).contains("城市|新增行数|撤回行数|修改单元格数", "南京|1|1|1", "苏州|0|0|6");
    }

    /** A sheet's rows from its header on (the title row skipped), cells joined by |; empty when there is no sheet. */
    private static List<String> rows(Path xlsx, String name) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(name);
            if (sheet == null) {
                return out;
            }
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                out.add(String.join("|", cells));
            }
        }
        return out;
    }

    private static int submitted(List<String> projects, String city, String category) {
        return projects.stream().map(l -> l.split(",", -1)).filter(r -> r[1].equals(city) && r[3].equals(category))
                .mapToInt(r -> Integer.parseInt(r[7])).findFirst().orElseThrow();
    }

    private static List<String> lines(Path csv) throws IOException {
        return Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").lines().toList();
    }

    /** Every text cell of every sheet. */
    static List<String> texts(Path xlsx) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                            out.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        return out;
    }
}
