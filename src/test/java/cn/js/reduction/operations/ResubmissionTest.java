package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Resubmission (docs/input-format.md) through the real job on H2 and PostgreSQL, with hand-made files: which file counts for
 * which city, what is reported as superseded, and counts that agree between the run's summary, status and
 * files.csv. Every expected figure is worked out by hand from the rows written here.
 */
class ResubmissionTest {

    @TempDir
    Path dir;

    /** One in-progress project row of PROJECT_HEADER; an unknown category makes it a rejected row. */
    private static String project(String id, String city, String category) {
        return id + "," + city + ",某区,项目" + id + ",某公司,," + category + ",在建,2020-12-31,,,,,,,\n";
    }

    private static void projects(Path year, String file, String... rows) throws IOException {
        EndToEndTest.write(year.resolve(file), EndToEndTest.PROJECT_HEADER + String.join("", rows),
                StandardCharsets.UTF_8, false);
    }

    private record Run(Cli.Result result, Path folder, List<String> options) {
    }

    private Run run(String database, Path input) throws IOException {
        Path output = dir.resolve("output");
        List<String> options = TestDatabases.options(database, output);
        Cli.Result result = Cli.run(List.of("run", "--year", "2020", "--input", input.toString()), options);
        assertThat(result.exitCode()).as(result.all()).isZero();
        Path mode = output.resolve("2020/nightly");
        return new Run(result, mode.resolve(Files.readString(mode.resolve("LATEST")).trim()), options);
    }

    private static List<String[]> csv(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(in)) {
            List<String[]> rows = csv.readAll();
            rows.get(0)[0] = rows.get(0)[0].replace("\uFEFF", "");
            return rows;
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }

    /** projects_by_city_category.csv: a city's submitted TOTAL. */
    private static int submitted(Run run, String cityCode) throws IOException {
        return csv(run.folder().resolve("projects_by_city_category.csv")).stream()
                .filter(r -> r[1].equals(cityCode) && r[3].equals("TOTAL")).mapToInt(r -> Integer.parseInt(r[7]))
                .findFirst().orElseThrow();
    }

    /** findings.csv as "SEVERITY|RULE|city|file|sheet|row|cell" lines, for the rules given. */
    private static List<String> findings(Run run, String... rules) throws IOException {
        List<String> wanted = List.of(rules);
        return csv(run.folder().resolve("findings.csv")).stream().skip(1).filter(r -> wanted.contains(r[1]))
                .map(r -> String.join("|", List.of(r).subList(0, 7))).collect(Collectors.toList());
    }

    /** files.csv: file → "rows_read,accepted,rejected,ignored,superseded". */
    private static Map<String, String> files(Run run) throws IOException {
        return csv(run.folder().resolve("files.csv")).stream().skip(1)
                .collect(Collectors.toMap(r -> r[0], r -> String.join(",", List.of(r).subList(4, 9))));
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void aStrayRowOfAnotherCityIsKeptWithAWarningAndSupersedesNothing(String database) throws IOException {
        Path input = dir.resolve("input");
        Path year = input.resolve("2020");
        projects(year, "suzhou_projects_20201201.csv", project("SZ-1", "苏州", "KILN"), project("SZ-2", "苏州市", "KILN"),
                project("SZ-3", "Suzhou", "BOILER"));
        projects(year, "nanjing_projects_20201201.csv", project("NJ-1", "南京", "KILN"));
        // newer, named for 南京, but its only row is 苏州's: before, all of 苏州's rows were "superseded" by it
        projects(year, "nanjing_extra_20201220.csv", project("SZ-9", "苏州", "BOILER"));

        Run run = run(database, input);

        assertThat(submitted(run, "320500")).isEqualTo(4); // 苏州's own three, and the stray row for 苏州
        assertThat(submitted(run, "320100")).isEqualTo(1); // nanjing_extra has no row of 南京: NJ-1 stands
        assertThat(findings(run, "SUPERSEDED_FILE")).isEmpty();
        assertThat(findings(run, "ROW_OF_OTHER_CITY"))
                .containsExactly("WARNING|ROW_OF_OTHER_CITY|320500|nanjing_extra_20201220.csv|nanjing_extra_20201220|2|B2");
        String message = csv(run.folder().resolve("findings.csv")).stream().filter(r -> r[1].equals("ROW_OF_OTHER_CITY"))
                .findFirst().orElseThrow()[8];
        assertThat(message).contains("苏州", "南京", "nanjing_extra_20201220.csv", "不替代");
        assertThat(files(run)).containsEntry("suzhou_projects_20201201.csv", "3,3,0,0,")
                .containsEntry("nanjing_projects_20201201.csv", "1,1,0,0,")
                .containsEntry("nanjing_extra_20201220.csv", "1,1,0,0,");
    }

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void eachFileSubmitsOnlyForTheCitiesOfItsNameAndOnlyWithAcceptedRows(String database) throws IOException {
        Path input = dir.resolve("input");
        Path year = input.resolve("2020");
        // a province-wide file (its name names no city): it submits for 南京 and 无锡 (no list of theirs before it) and
        // for 苏州 by evidence (SZ-1 in common with 苏州's older list), not for 徐州, whose only row is rejected
        projects(year, "全省_项目清单_20201201.csv", project("NJ-1", "南京", "KILN"), project("NJ-2", "南京", "BOILER"),
                project("WX-1", "无锡", "KILN"), project("WX-2", "无锡", "KILN"), project("XZ-1", "徐州", "不存在的类别"),
                project("SZ-1", "苏州", "KILN"));
        // newer and named for 南京, sharing NJ-1: a corrected resubmission replacing the province file for 南京 only
        // (NJ-2 withdrawn); its 无锡 row is a stray
        projects(year, "nanjing_projects_20201215.csv", project("NJ-1", "南京", "KILN"), project("NJ-10", "南京", "KILN"),
                project("WX-10", "无锡", "KILN"));
        // newest for 无锡, but every row rejected: it submits nothing and supersedes nothing
        projects(year, "wuxi_projects_20201220.csv", project("WX-20", "无锡", "不存在的类别"),
                project("WX-21", "无锡", "也不存在"));
        // older than the province file, which submits for 苏州: superseded
        projects(year, "suzhou_projects_20201101.csv", project("SZ-1", "苏州", "KILN"));
        // older than the province file, but the province file's 徐州 row is rejected: stands
        projects(year, "xuzhou_projects_20201101.csv", project("XZ-5", "徐州", "KILN"));

        Run run = run(database, input);

        assertThat(submitted(run, "320100")).isEqualTo(2);  // NJ-1, NJ-10
        assertThat(submitted(run, "320200")).isEqualTo(3);  // WX-1, WX-2 of the province file, stray WX-10
        assertThat(submitted(run, "320300")).isEqualTo(1);  // XZ-5
        assertThat(submitted(run, "320500")).isEqualTo(1);  // SZ-1 of the province file
        assertThat(findings(run, "PROJECTS_WITHDRAWN")).containsExactly(
                "WARNING|PROJECTS_WITHDRAWN|320100|nanjing_projects_20201215.csv|||");
        assertThat(findings(run, "SUPERSEDED_FILE")).containsExactlyInAnyOrder(
                "INFO|SUPERSEDED_FILE|320100|全省_项目清单_20201201.csv|||",
                "INFO|SUPERSEDED_FILE|320500|suzhou_projects_20201101.csv|||");
        assertThat(findings(run, "ROW_OF_OTHER_CITY")).containsExactly(
                "WARNING|ROW_OF_OTHER_CITY|320200|nanjing_projects_20201215.csv|nanjing_projects_20201215|4|B4");
        // the rejected rows keep their findings: they were not superseded, they never counted
        assertThat(findings(run, "UNKNOWN_CATEGORY")).containsExactlyInAnyOrder(
                "ERROR|UNKNOWN_CATEGORY|320300|全省_项目清单_20201201.csv|全省_项目清单_20201201|6|G6",
                "ERROR|UNKNOWN_CATEGORY|320200|wuxi_projects_20201220.csv|wuxi_projects_20201220|2|G2",
                "ERROR|UNKNOWN_CATEGORY|320200|wuxi_projects_20201220.csv|wuxi_projects_20201220|3|G3");

        // counts that agree: files.csv, the run's summary and status
        Map<String, String> files = files(run);
        assertThat(files).containsEntry("全省_项目清单_20201201.csv", "6,3,1,2,320100")
                .containsEntry("nanjing_projects_20201215.csv", "3,3,0,0,")
                .containsEntry("wuxi_projects_20201220.csv", "2,0,2,0,")
                .containsEntry("suzhou_projects_20201101.csv", "1,0,0,1,320500")
                .containsEntry("xuzhou_projects_20201101.csv", "1,1,0,0,");
        int[] sums = new int[4];
        files.values().forEach(v -> {
            String[] n = v.split(",");
            for (int i = 0; i < 4; i++) {
                sums[i] += Integer.parseInt(n[i]);
            }
        });
        assertThat(sums).containsExactly(13, 7, 3, 3);
        assertThat(run.result().out()).contains("rows: 13 read = 7 accepted + 3 rejected + 3 ignored"
                + " (3 of the ignored superseded by newer submissions)");

        Cli.Result status = Cli.run(List.of("status", "--verbose", "--year", "2020"), run.options());
        assertThat(status.exitCode()).as(status.all()).isZero();
        List<String> lines = status.out().lines().toList();
        int province = indexOf(lines, "全省_项目清单_20201201.csv");
        assertThat(lines.get(province)).contains("6 rows read (accepted 5  rejected 1  ignored 0)");
        assertThat(lines.get(province + 1).trim()).isEqualTo("after consolidation (as in files.csv): accepted 3"
                + "  rejected 1  ignored 2; 5 accepted at intake, of which 2 superseded (320100) by a newer submission");
        int suzhou = indexOf(lines, "suzhou_projects_20201101.csv");
        assertThat(lines.get(suzhou)).contains("(accepted 1  rejected 0  ignored 0)");
        assertThat(lines.get(suzhou + 1).trim()).startsWith("after consolidation (as in files.csv): accepted 0"
                + "  rejected 0  ignored 1; 1 accepted at intake, of which 1 superseded (320500)");
        int xuzhou = indexOf(lines, "xuzhou_projects_20201101.csv");
        assertThat(lines.get(xuzhou)).contains("(accepted 1  rejected 0  ignored 0)");
        assertThat(lines.get(xuzhou + 1)).doesNotContain("after consolidation");
    }

    /**
     * Two lists of one city dated the same day, sharing a project id (a correction): the name that sorts last counts,
     * and the clerk is told why.
     */
    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void ofTwoFilesOfOneDateTheNameSortingLastCountsAndTheOtherIsToldSo(String database) throws IOException {
        Path input = dir.resolve("input");
        Path year = input.resolve("2020");
        projects(year, "nanjing_projects_a_20201215.csv", project("NJ-1", "南京", "KILN"), project("NJ-2", "南京", "KILN"));
        projects(year, "nanjing_projects_b_20201215.csv", project("NJ-1", "南京", "KILN"), project("NJ-3", "南京", "KILN"));

        Run run = run(database, input);

        assertThat(submitted(run, "320100")).isEqualTo(2);
        assertThat(findings(run, "SUPERSEDED_FILE")).containsExactly(
                "INFO|SUPERSEDED_FILE|320100|nanjing_projects_a_20201215.csv|||");
        String message = csv(run.folder().resolve("findings.csv")).stream()
                .filter(r -> r[1].equals("SUPERSEDED_FILE")).findFirst().orElseThrow()[8];
        assertThat(message).contains("同一报送日期", "nanjing_projects_b_20201215.csv", "_YYYYMMDD")
                .doesNotContain("superseded", "same submission date");
        assertThat(files(run)).containsEntry("nanjing_projects_a_20201215.csv", "2,0,0,2,320100")
                .containsEntry("nanjing_projects_b_20201215.csv", "2,2,0,0,");
    }

    private static int indexOf(List<String> lines, String file) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(file)) {
                found.add(i);
            }
        }
        assertThat(found).as("status lines naming " + file + ":\n" + String.join("\n", lines)).hasSize(1);
        return found.get(0);
    }
}
