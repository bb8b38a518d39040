package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole job on a small hand-made submission set, on H2 and on PostgreSQL. Every expected figure below was
 * worked out by hand from the rows written here, never computed by the code under test.
 */
class EndToEndTest {

    @TempDir
    Path dir;

    record Result(int exitCode, String out, String err) {
    }

    static Result cli(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ReductionAccountingApplication.execute(args.toArray(String[]::new), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static void write(Path file, String text, Charset charset, boolean bom) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] body = text.getBytes(charset);
        byte[] bytes = bom ? new byte[body.length + 3] : body;
        if (bom) {
            bytes[0] = (byte) 0xEF;
            bytes[1] = (byte) 0xBB;
            bytes[2] = (byte) 0xBF;
            System.arraycopy(body, 0, bytes, 3, body.length);
        }
        Files.write(file, bytes);
    }

    static final String PROJECT_HEADER = "项目编号,设区市,县（市、区）,项目名称,责任单位,统一社会信用代码,项目类别,进展状态,计划完成时间,"
            + "实际完成时间,总投资（万元）,VOCs减排量（吨/年）,二氧化硫减排量（吨/年）,氮氧化物减排量（吨/年）,颗粒物减排量（吨/年）,备注\n";

    /** The hand-made set; see the class comment for what each row is for. */
    static void writeInput(Path input) throws IOException {
        Path year = input.resolve("2020");
        // row 1 title, row 2 header; rows 3-6: accepted, accepted, UNKNOWN_CATEGORY, 合计 (ignored)
        write(year.resolve("nanjing_projects.csv"), "南京市2020年大气污染防治工程项目清单\n" + PROJECT_HEADER
                + "NJ-1,南京,玄武区,某化工VOCs无组织排放治理,某化工有限公司,,VOC_FUGITIVE,已完成,2020-06-30,2020/5/30,100,\"1,200\",0,0,0,\n"
                + "NJ-2,南京市,鼓楼区,燃煤锅炉提标改造,某热电有限公司,,锅炉提标改造,在建,2020年10月,,50,0,10,20,1,\n"
                + "NJ-3,320100,江宁区,类别写错的项目,某公司,,不存在的类别,完成,2020-06-30,2020-06-01,,,,,,\n"
                + "合计,,,,,,,,,,150,1200,10,20,1,\n", StandardCharsets.UTF_8, true);
        // GBK, older submission of 无锡: superseded by the newer file below, its 2 rows ignored
        write(year.resolve("wuxi_projects_20201215.csv"), PROJECT_HEADER
                + "WX-1,无锡,梁溪区,滚动项目一,无锡某公司,,滚动实施项目,已完成,2020-03-01,2020-03-01,,5,,,,\n"
                + "WX-2,无锡,梁溪区,滚动项目二,无锡某公司,,滚动实施项目,未开工,2020-12-01,,,,,,,\n",
                Charset.forName("GBK"), false);
        // newer 无锡: WX-1 accepted; WX-3 completed after the year (warning, counted in progress);
        // NJ-1 again: DUPLICATE_PROJECT_ID (nanjing_projects.csv comes first by file name)
        write(year.resolve("wuxi_projects_20210110.csv"), PROJECT_HEADER
                + "WX-1,无锡,梁溪区,滚动项目一,无锡某公司,,ROLLING,已完成,2020-03-01,2020-03-01,,5,,,,\n"
                + "WX-3,Wuxi,滨湖区,工业炉窑整治,无锡某钢厂,,工业炉窑整治项目,已完成,2020-12-31,2021-02-01,,,3,4,,\n"
                + "NJ-1,无锡,滨湖区,编号重复的项目,无锡某公司,,KILN,在建,2020-12-31,,,,,,,\n",
                StandardCharsets.UTF_8, false);
        // rows 2-10: 6 accepted, BAD_NUMBER (D8), NEGATIVE_NUMBER (D9), a row of empty cells (no row read: issue 22)
        write(year.resolve("emissions.csv"), "设区市,污染物,排放源类别,基准年排放量（吨）,核算年排放量（吨）\n"
                + "南京,VOCs,工业源,10000,7000\n"
                + "南京,二氧化硫,工业源,5000,3900\n"
                + "南京,NOx,工业源,8000,7000\n"
                + "无锡,挥发性有机物,工业源,\"12,000\",9000\n"
                + "无锡,VOCs,移动源,８０００,6000\n"
                + "Wuxi,SO2,工业源,100,100\n"
                + "无锡,NOx,工业源,abc,100\n"
                + "无锡,NOx,生活源,-5,1\n"
                + ",,,,\n", StandardCharsets.UTF_8, false);
    }

    static List<List<String>> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.substring(1).split("\r\n")) {
            rows.add(Arrays.asList(line.split(",", -1)));
        }
        return rows;
    }

    static String row(List<List<String>> rows, String... keyPrefix) {
        String prefix = String.join(",", keyPrefix) + ",";
        return rows.stream().map(r -> String.join(",", r)).filter(r -> r.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no row starting " + prefix));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void accountsTheHandMadeSetExactly(String database) throws IOException {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        writeInput(input);
        List<String> args = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString()));
        args.addAll(TestDatabases.options(database, output));

        Result result = cli(args);

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(0);
        assertThat(result.out()).contains("COMPLETED")
                .contains("rows: 17 read = 10 accepted + 4 rejected + 3 ignored");
        Path run = output.resolve("2020/nightly").resolve(Files.readString(output.resolve("2020/nightly/LATEST")).trim());
        assertThat(run.getFileName().toString()).startsWith("run-");

        List<List<String>> files = csv(run.resolve("files.csv"));
        assertThat(files.get(0)).containsExactly("file", "sha256", "kind", "cities", "rows_read", "accepted",
                "rejected", "ignored", "superseded");
        assertThat(files).hasSize(5);
        assertThat(row(files, "emissions.csv")).endsWith(",EMISSIONS,320100;320200,8,6,2,0,");
        assertThat(row(files, "nanjing_projects.csv")).endsWith(",PROJECTS,320100,4,2,1,1,");
        assertThat(row(files, "wuxi_projects_20201215.csv")).endsWith(",PROJECTS,320200,2,0,0,2,320200");
        assertThat(row(files, "wuxi_projects_20210110.csv")).endsWith(",PROJECTS,320200,3,2,1,0,");

        List<List<String>> projects = csv(run.resolve("projects_by_city_category.csv"));
        assertThat(projects).hasSize(1 + 14 * 19);
        assertThat(String.join(",", projects.get(0))).isEqualTo("year,city_code,city_name,category_code,category_name,"
                + "group_name,planned,submitted,completed,in_progress,not_started,variance,completion_rate,count_status,"
                + "completion_status");
        assertThat(row(projects, "2020", "320100", "南京", "VOC_FUGITIVE"))
                .isEqualTo("2020,320100,南京,VOC_FUGITIVE,无组织排放治理项目,VOCs污染治理项目,53,1,1,0,0,-52,0.0189,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320100", "南京", "BOILER")).endsWith(",24,1,0,1,0,-23,0.0000,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320100", "南京", "INDUSTRY")).endsWith(",0,0,0,0,0,0,,OK,MET");
        assertThat(row(projects, "2020", "320100", "南京", "TOTAL")).endsWith(",322,2,1,1,0,-320,0.0031,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320200", "无锡", "ROLLING")).endsWith(",23,1,1,0,0,-22,0.0435,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320200", "无锡", "KILN")).endsWith(",130,1,0,1,0,-129,0.0000,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320200", "无锡", "TOTAL")).endsWith(",308,2,1,1,0,-306,0.0032,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320000", "全省", "KILN")).endsWith(",506,1,0,1,0,-505,0.0000,SHORTFALL,NOT_MET");
        assertThat(row(projects, "2020", "320000", "全省", "TOTAL")).endsWith(",4535,4,2,2,0,-4531,0.0004,SHORTFALL,NOT_MET");

        List<List<String>> reductions = csv(run.resolve("reductions_by_city_pollutant.csv"));
        assertThat(reductions).hasSize(1 + 14 * 3);
        assertThat(row(reductions, "2020", "320100", "南京", "VOCS"))
                .isEqualTo("2020,320100,南京,VOCS,10000,7000,3000,30.00,28.00,2.00,7200,MET,1200,0.4000");
        assertThat(row(reductions, "2020", "320100", "南京", "SO2"))
                .isEqualTo("2020,320100,南京,SO2,5000,3900,1100,22.00,24.10,-2.10,3795,NOT_MET,0,0.0000");
        assertThat(row(reductions, "2020", "320200", "无锡", "VOCS"))
                .isEqualTo("2020,320200,无锡,VOCS,20000,15000,5000,25.00,22.00,3.00,15600,MET,5,0.0010");
        assertThat(row(reductions, "2020", "320200", "无锡", "SO2"))
                .isEqualTo("2020,320200,无锡,SO2,100,100,0,0.00,26.00,-26.00,74,NOT_MET,0,");
        assertThat(row(reductions, "2020", "320200", "无锡", "NOX"))
                .isEqualTo("2020,320200,无锡,NOX,,,,,23.00,,,INCOMPLETE,0,"); // both its NOx rows were rejected
        // the province rests on 南京 and 无锡 (11 cities have no figures): INCOMPLETE whatever its percentages
        assertThat(row(reductions, "2020", "320000", "全省", "VOCS"))
                .isEqualTo("2020,320000,全省,VOCS,30000,22000,8000,26.67,26.00,0.67,22200,INCOMPLETE,1205,0.1506");
        assertThat(row(reductions, "2020", "320000", "全省", "SO2"))
                .isEqualTo("2020,320000,全省,SO2,5100,4000,1100,21.57,25.00,-3.43,3825,INCOMPLETE,0,0.0000");
        assertThat(row(reductions, "2020", "320000", "全省", "NOX"))
                .isEqualTo("2020,320000,全省,NOX,8000,7000,1000,12.50,22.00,-9.50,6240,INCOMPLETE,0,0.0000");

        List<List<String>> findings = csv(run.resolve("findings.csv"));
        assertThat(String.join(",", findings.get(0))).isEqualTo("severity,rule,city_code,file,sheet,row,cell,value,message");
        List<String> located = findings.stream().skip(1).filter(f -> !f.get(3).isEmpty())
                .map(f -> String.join("|", f.subList(0, 8))).collect(Collectors.toList());
        assertThat(located).containsExactly(
                // emissions.csv names no city and has 无锡's VOCs and SO2 only: stray rows, counted as 无锡 has no report
                "WARNING|ROW_OF_OTHER_CITY|320200|emissions.csv||||",
                "ERROR|BAD_NUMBER|320200|emissions.csv|emissions|8|D8|abc",
                "ERROR|NEGATIVE_NUMBER|320200|emissions.csv|emissions|9|D9|-5",
                // issue 22: what was read as something the cell does not literally say is said (INFO)
                "INFO|VALUE_INTERPRETED|320100|nanjing_projects.csv|nanjing_projects|4|I4|2020年10月",
                "ERROR|UNKNOWN_CATEGORY|320100|nanjing_projects.csv|nanjing_projects|5|G5|不存在的类别",
                "INFO|VALUE_INTERPRETED|320100|nanjing_projects.csv|nanjing_projects|5|H5|完成",
                "INFO|SUPERSEDED_FILE|320200|wuxi_projects_20201215.csv||||",
                // the newer 无锡 list shares WX-1: a correction, which withdraws WX-2
                "WARNING|PROJECTS_WITHDRAWN|320200|wuxi_projects_20210110.csv||||WX-2",
                "WARNING|COMPLETION_AFTER_YEAR_END|320200|wuxi_projects_20210110.csv|wuxi_projects_20210110|3|J3|2021-02-01",
                "ERROR|DUPLICATE_PROJECT_ID|320200|wuxi_projects_20210110.csv|wuxi_projects_20210110|4|A4|NJ-1");
        List<String> rules = findings.stream().skip(1).filter(f -> f.get(3).isEmpty())
                .map(f -> f.get(1) + "|" + f.get(2) + "|" + f.get(7)).collect(Collectors.toList());
        assertThat(rules).contains("TARGET_NOT_MET|320100|SO2", "TARGET_NOT_MET|320100|NOX", "TARGET_NOT_MET|320200|SO2",
                "MISSING_SUBMISSION|320300|项目清单", "MISSING_SUBMISSION|320300|排放量报表",
                "COUNT_SHORTFALL|320100|VOC_FUGITIVE")
                .doesNotContain("TARGET_NOT_MET|320200|NOX", "MISSING_SUBMISSION|320100|项目清单",
                        "MISSING_SUBMISSION|320200|排放量报表", "COUNT_SHORTFALL|320100|INDUSTRY");
        assertThat(rules.stream().filter(r -> r.startsWith("MISSING_SUBMISSION"))).hasSize(22);
        assertThat(rules.stream().filter(r -> r.startsWith("COMPLETION_SHORTFALL"))).isEmpty(); // nightly

        assertThat(run.resolve("manifest.csv")).exists();
        assertThat(Files.readString(run.resolve("manifest.csv"))).contains("input,emissions.csv,")
                .contains("output,findings.csv,").contains("output,cities/feedback_320100_南京.xlsx,");
        assertThat(run.resolve("reconciled_320000_全省.xlsx")).exists();

        // the same input set again: nothing to do, and it says so
        Result again = cli(args);
        assertThat(again.exitCode()).isEqualTo(0);
        assertThat(again.out()).contains("nothing to do");
    }
}
