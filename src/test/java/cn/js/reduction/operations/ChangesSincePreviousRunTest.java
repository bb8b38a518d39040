package cn.js.reduction.operations;

import static cn.js.reduction.operations.EndToEndTest.cli;
import static cn.js.reduction.operations.EndToEndTest.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * changes.csv, and the line of the run's summary and of status, over three runs of the hand-made set: the first
 * (nothing to compare with), one on changed inputs (a file replaced, one removed, a status and figures changed),
 * and a rerun of unchanged inputs (no change). The expected changes are computed here from the two runs' own
 * CSVs, value by value, independently of the code under test.
 */
class ChangesSincePreviousRunTest {

    @TempDir
    Path dir;

    private static final Map<String, String> CITIES = Map.of("320100", "南京", "320200", "无锡");

    @Test
    void listsEveryChangedValueAndNothingOnARerun() throws IOException {
        Path input = dir.resolve("input");
        Path output = dir.resolve("output");
        EndToEndTest.writeInput(input);
        List<String> args = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString()));
        args.addAll(TestDatabases.options(TestDatabases.H2, output));

        EndToEndTest.Result first = cli(args);
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("nothing to compare with");
        Path run1 = output.resolve("2020/nightly/run-1");
        assertThat(Files.readString(run1.resolve("changes.csv"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFscope,city_code,city,item,column,previous,current\r\n");

        // 南京's project list replaced under the same name: NJ-2 now completed, NJ-3 gone; 南京's VOCs target now
        // missed (MET → NOT_MET, worse), its NOx target met (better);
        // 无锡's older list withdrawn
        Path year = input.resolve("2020");
        String projects = Files.readString(year.resolve("nanjing_projects.csv"), StandardCharsets.UTF_8);
        Files.writeString(year.resolve("nanjing_projects.csv"), projects
                .replace("某热电有限公司,,锅炉提标改造,在建,2020年10月,,", "某热电有限公司,,锅炉提标改造,已完成,2020年10月,2020-09-01,")
                .replaceAll("NJ-3,[^\n]*\n", ""), StandardCharsets.UTF_8);
        String emissions = Files.readString(year.resolve("emissions.csv"), StandardCharsets.UTF_8);
        Files.writeString(year.resolve("emissions.csv"), emissions.replace("南京,NOx,工业源,8000,7000",
                "南京,NOx,工业源,8000,6000").replace("南京,VOCs,工业源,10000,7000", "南京,VOCs,工业源,10000,9000"), StandardCharsets.UTF_8);
        Files.delete(year.resolve("wuxi_projects_20201215.csv"));

        EndToEndTest.Result second = cli(args);
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        Path run2 = output.resolve("2020/nightly/run-2");
        List<String> expected = expectedChanges(run1, run2);
        List<List<String>> written = csv(run2.resolve("changes.csv"));
        assertThat(written.get(0)).containsExactly("scope", "city_code", "city", "item", "column", "previous", "current");
        List<String> rows = written.subList(1, written.size()).stream().filter(r -> r.size() > 1)
                .map(r -> String.join(",", r)).toList();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(expected);
        // what the changes must include, so that the comparison above cannot pass on two empty lists
        assertThat(rows).contains("pollutant,320100,南京,VOCS,status,MET,NOT_MET", "pollutant,320100,南京,NOX,status,NOT_MET,MET")
                .anyMatch(r -> r.startsWith("file,320100,南京,nanjing_projects.csv,sha256,") && !r.endsWith(","))
                .contains("file,320200,无锡,wuxi_projects_20201215.csv,sha256,"
                        + row(csv(run1.resolve("files.csv")), "wuxi_projects_20201215.csv").get(1) + ",")
                .contains("category,320100,南京,TOTAL,completed,1,2");
        assertThat(second.out()).contains("since run-1: 2 files replaced (南京, 无锡), 1 file removed (无锡), ")
                .contains("1 status worse: 南京 VOCS status MET → NOT_MET");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run2.resolve("reconciled_320000_全省.xlsx")))) {
            XSSFSheet since = wb.getSheet("与上次对比");
            assertThat(wb.getSheetIndex(since)).isEqualTo(1);
            assertThat(since.getRow(1).getCell(1).getStringCellValue()).isEqualTo("run-1，日常核算（nightly，临时结果）");
            assertThat(since.getRow(3).getCell(1).getStringCellValue()).isEqualTo(run1.toString());
            // the header on row 8, the worse status first (in words, its code beside it), then one row per change
            assertThat(since.getRow(7).getCell(0).getStringCellValue()).isEqualTo("变差");
            Row worse = since.getRow(8);
            assertThat(List.of(worse.getCell(0).getStringCellValue(), worse.getCell(3).getStringCellValue(),
                    worse.getCell(5).getStringCellValue(), worse.getCell(6).getStringCellValue(),
                    worse.getCell(7).getStringCellValue(), worse.getCell(9).getStringCellValue()))
                    .containsExactly("是", "南京", "状态", "达标", "未达标", "status");
            assertThat(worse.getCell(8).getHyperlink().getAddress()).isEqualTo("'减排核算'!I5");
            // then, joined on 项目编号: NJ-2 now completed, with its completion date (NJ-3 was rejected in both runs)
            int firstProject = ProjectChangesSinceLastRunTest.projectHeader(since) + 1;
            assertThat(firstProject).as(dump(since)).isEqualTo(8 + rows.size() + 3);
            assertThat(List.of(text(since.getRow(firstProject)), text(since.getRow(firstProject + 1)))).containsExactly(
                    List.of("", "NJ-2", "320100", "南京", "锅炉提标改造项目", "进展状态", "在建", "已完成", "", "status"),
                    List.of("", "NJ-2", "320100", "南京", "锅炉提标改造项目", "实际完成时间", "", "2020-09-01", "",
                            "actual_completion"));
            assertThat(since.getLastRowNum()).isEqualTo(firstProject + 1);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run2.resolve("cities/feedback_320200_无锡.xlsx")))) {
            XSSFSheet since = wb.getSheet("与上次对比");
            // 无锡's part: its withdrawn file and emissions.csv, which holds its rows too
            assertThat(since.getLastRowNum() - 7).isEqualTo(rows.stream().filter(r -> r.contains("320200")).count());
            assertThat(since.getRow(5).getCell(1).getStringCellValue()).startsWith("按项目编号对照，没有项目");
        }
        EndToEndTest.Result status = cli(List.of("status", "--year", "2020", "--output", output.toString()));
        assertThat(status.out()).contains("since run-1: 2 files replaced (南京, 无锡)");

        // the same inputs again, on purpose: compared with run-2, nothing changed
        List<String> rerun = new ArrayList<>(args);
        rerun.addAll(List.of("--rerun", "same inputs"));
        EndToEndTest.Result third = cli(rerun);
        assertThat(third.exitCode()).as(third.out() + third.err()).isZero();
        assertThat(third.out()).contains("since run-2: nothing changed");
        assertThat(Files.readString(output.resolve("2020/nightly/run-3/changes.csv"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFscope,city_code,city,item,column,previous,current\r\n");
        assertThat(Files.readString(output.resolve("2020/nightly/run-3/manifest.csv"), StandardCharsets.UTF_8))
                .contains("output,changes.csv,");
    }

    /** The sheet's rows as text, for a failure's message. */
    static String dump(org.apache.poi.ss.usermodel.Sheet sheet) {
        StringBuilder out = new StringBuilder();
        for (Row row : sheet) {
            out.append(row.getRowNum()).append(": ").append(text(row)).append('\n');
        }
        return out.toString();
    }

    /** A row's cells as text, as shown. */
    static List<String> text(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            cells.add(row.getCell(i) == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(row.getCell(i)));
        }
        return cells;
    }

    /** Every value that differs between the two runs' CSVs, as changes.csv rows (the set has no commas in values). */
    private static List<String> expectedChanges(Path before, Path after) throws IOException {
        List<String> out = new ArrayList<>();
        diff("category", before.resolve("projects_by_city_category.csv"), after.resolve("projects_by_city_category.csv"),
                3, 6, out);
        diff("pollutant", before.resolve("reductions_by_city_pollutant.csv"),
                after.resolve("reductions_by_city_pollutant.csv"), 3, 4, out);
        Map<String, List<String>> was = byKey(csv(before.resolve("files.csv")), 0, -1);
        Map<String, List<String>> is = byKey(csv(after.resolve("files.csv")), 0, -1);
        Set<String> names = new LinkedHashSet<>(was.keySet());
        names.addAll(is.keySet());
        for (String name : names) {
            String p = was.containsKey(name) ? was.get(name).get(1) : "";
            String c = is.containsKey(name) ? is.get(name).get(1) : "";
            if (!p.equals(c)) {
                String codes = (is.containsKey(name) ? is : was).get(name).get(3);
                List<String> names2 = new ArrayList<>();
                for (String code : codes.split(";")) {
                    names2.add(CITIES.get(code));
                }
                out.add(String.join(",", "file", codes, String.join("、", names2),
                        (is.containsKey(name) ? is : was).get(name).get(0), "sha256", p, c));
            }
        }
        return out;
    }

    /** Rows keyed by city_code (column 1) and the item column; values from column {@code firstValue} on. */
    private static void diff(String scope, Path before, Path after, int item, int firstValue, List<String> out)
            throws IOException {
        List<List<String>> was = csv(before);
        List<List<String>> is = csv(after);
        List<String> header = is.get(0);
        Map<String, List<String>> p = byKey(was, 1, item);
        Map<String, List<String>> c = byKey(is, 1, item);
        assertThat(c.keySet()).isEqualTo(p.keySet());
        for (Map.Entry<String, List<String>> e : c.entrySet()) {
            List<String> old = p.get(e.getKey());
            for (int i = firstValue; i < header.size(); i++) {
                if (header.get(i).equals("pollutant")) {
                    continue;
                }
                if (!old.get(i).equals(e.getValue().get(i))) {
                    out.add(String.join(",", scope, e.getValue().get(1), e.getValue().get(2), e.getValue().get(item),
                            header.get(i), old.get(i), e.getValue().get(i)));
                }
            }
        }
    }

    private static Map<String, List<String>> byKey(List<List<String>> rows, int a, int b) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() > 1) {
                map.put(r.get(a) + "|" + (b < 0 ? "" : r.get(b)), r);
            }
        }
        return map;
    }

    private static List<String> row(List<List<String>> rows, String first) {
        return rows.stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow();
    }
}
