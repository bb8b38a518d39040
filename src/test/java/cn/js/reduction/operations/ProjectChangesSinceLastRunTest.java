package cn.js.reduction.operations;

import static cn.js.reduction.operations.ChangesSincePreviousRunTest.text;
import static cn.js.reduction.operations.EndToEndTest.cli;
import static cn.js.reduction.operations.EndToEndTest.csv;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 与上次对比's projects, joined on 项目编号 over the two runs' accepted_projects.csv: two status changes in opposite
 * directions within one city and category leave its counts (and changes.csv) as they were, and are still listed,
 * the worse one first; a project removed from the middle of the list is withdrawn, the rows after it unchanged.
 * The second run finds no state of the first (cleaned up, or another database): it compares with run-1's published
 * CSVs. Also: a --rerun compares with the run it repeats, not with a run of other inputs published after it.
 */
class ProjectChangesSinceLastRunTest {

    @TempDir
    Path dir;
    private Path input;
    private Path output;
    private Path projects;

    private static final String FIRST = EndToEndTest.PROJECT_HEADER
            + "NJ-1,南京,玄武区,无组织排放治理一,某化工有限公司,,VOC_FUGITIVE,已完成,2020-06-30,2020-05-30,100,12,,,,\n"
            + "NJ-2,南京,鼓楼区,无组织排放治理二,某化工有限公司,,VOC_FUGITIVE,在建,2020-10-31,,50,12,,,,\n"
            + "NJ-3,南京,江宁区,锅炉提标改造,某热电有限公司,,BOILER,在建,2020-11-30,,,,,,,\n"
            + "NJ-4,南京,江宁区,无组织排放治理四,某化工有限公司,,VOC_FUGITIVE,已完成,2020-03-31,2020-03-01,,12,,,,\n";

    /** NJ-1 and NJ-2 swap statuses (VOC_FUGITIVE still 2 completed, 1 in progress), NJ-3 gone, NJ-4 claims more, NJ-5 new. */
    private static final String SECOND = EndToEndTest.PROJECT_HEADER
            + "NJ-1,南京,玄武区,无组织排放治理一,某化工有限公司,,VOC_FUGITIVE,在建,2020-06-30,,100,12,,,,\n"
            + "NJ-2,南京,鼓楼区,无组织排放治理二,某化工有限公司,,VOC_FUGITIVE,已完成,2020-10-31,2020-09-01,50,12,,,,\n"
            + "NJ-4,南京,江宁区,无组织排放治理四,某化工有限公司,,VOC_FUGITIVE,已完成,2020-03-31,2020-03-01,,15,,,,\n"
            + "NJ-5,南京,江宁区,工业炉窑整治,某钢铁有限公司,,KILN,未开工,2020-12-31,,,,,,,\n";

    @Test
    void changesThatCancelOutInACountAreListedProjectByProject() throws IOException {
        List<String> args = firstRun();
        // the state cleaned up (as after a switch of database): run-1's figures come from its published CSVs
        deleteTree(output.resolve(".state"));
        Files.writeString(projects, SECOND, StandardCharsets.UTF_8);
        EndToEndTest.Result second = cli(args);
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        Path run2 = output.resolve("2020/nightly/run-2");
        String projectLine = "; 5 projects changed (1 added, 1 withdrawn, 1 status worse: NJ-1 COMPLETED → IN_PROGRESS)";
        assertThat(second.out()).contains("since run-1: ").contains(projectLine);
        assertThat(cli(List.of("status", "--year", "2020", "--output", output.toString())).out()).contains(projectLine);

        // the counts of 南京 × VOC_FUGITIVE are those of run-1: changes.csv has nothing of it
        assertThat(csv(run2.resolve("changes.csv"))).noneMatch(r -> r.size() > 3 && r.get(0).equals("category")
                && r.get(1).equals("320100") && r.get(3).equals("VOC_FUGITIVE"));
        assertThat(csv(run2.resolve("accepted_projects.csv")).get(0)).startsWith("project_id", "city_code", "city_name",
                "category_code", "status");
        assertThat(Files.readString(run2.resolve("manifest.csv"), StandardCharsets.UTF_8))
                .contains("output,accepted_projects.csv,");

        List<List<String>> expected = List.of(
                List.of("是", "NJ-1", "320100", "南京", "无组织排放治理项目", "进展状态", "已完成", "在建", "", "status"),
                List.of("", "NJ-3", "320100", "南京", "锅炉提标改造项目", "撤回项目", "nanjing_projects.csv 第4行", "", "",
                        "withdrawn"),
                List.of("", "NJ-1", "320100", "南京", "无组织排放治理项目", "实际完成时间", "2020-05-30", "", "",
                        "actual_completion"),
                List.of("", "NJ-2", "320100", "南京", "无组织排放治理项目", "进展状态", "在建", "已完成", "", "status"),
                List.of("", "NJ-2", "320100", "南京", "无组织排放治理项目", "实际完成时间", "", "2020-09-01", "",
                        "actual_completion"),
                List.of("", "NJ-4", "320100", "南京", "无组织排放治理项目", "VOCs减排量（吨/年）", "12", "15", "",
                        "voc_t"),
                List.of("", "NJ-5", "320100", "南京", "工业炉窑整治项目", "新增项目", "", "nanjing_projects.csv 第5行", "",
                        "added"));
        for (String workbook : List.of("reconciled_320000_全省.xlsx", "cities/feedback_320100_南京.xlsx")) {
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run2.resolve(workbook)))) {
                XSSFSheet since = wb.getSheet("与上次对比");
                assertThat(since.getRow(5).getCell(1).getStringCellValue())
                        .startsWith("按项目编号对照，5 个项目有变化：新增 1 个，撤回 1 个，状态变差 1 个");
                int header = projectHeader(since);
                List<List<String>> listed = new ArrayList<>();
                for (int r = header + 1; r <= since.getLastRowNum(); r++) {
                    listed.add(text(since.getRow(r)));
                }
                assertThat(listed).as(workbook).isEqualTo(expected);
            }
        }
    }

    @Test
    void aRerunComparesWithTheRunItRepeats() throws IOException {
        List<String> args = firstRun();
        // run-1 as a run of an earlier release left it: no accepted_projects.csv to join on, nor in its manifest
        Files.delete(output.resolve("2020/nightly/run-1/accepted_projects.csv"));
        Path manifest = output.resolve("2020/nightly/run-1/manifest.csv");
        Files.write(manifest, Files.readAllLines(manifest, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("output,accepted_projects.csv,")).toList(), StandardCharsets.UTF_8);
        Files.writeString(projects, SECOND, StandardCharsets.UTF_8);
        assertThat(cli(args).exitCode()).isZero();
        Files.writeString(projects, FIRST, StandardCharsets.UTF_8);

        List<String> rerun = new ArrayList<>(args);
        rerun.addAll(List.of("--rerun", "the first list again"));
        EndToEndTest.Result third = cli(rerun);
        assertThat(third.exitCode()).as(third.out() + third.err()).isZero();
        assertThat(third.out()).contains("since run-1: nothing changed");
        Path run3 = output.resolve("2020/nightly/run-3");
        assertThat(Files.readString(run3.resolve("changes.csv"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFscope,city_code,city,item,column,previous,current\r\n");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run3.resolve("reconciled_320000_全省.xlsx")))) {
            XSSFSheet since = wb.getSheet("与上次对比");
            assertThat(since.getRow(1).getCell(1).getStringCellValue()).isEqualTo("run-1，日常核算（nightly，临时结果）");
            assertThat(since.getRow(4).getCell(1).getStringCellValue()).isEqualTo("汇总数和文件与上次运行相比没有变化。");
            assertThat(since.getRow(5).getCell(1).getStringCellValue()).startsWith("上次运行的 accepted_projects.csv 缺失");
        }
    }

    /** The projects compared one by one are a view beside the summary: an unreadable previous list never fails a run. */
    @Test
    void aPreviousProjectListEditedByHandIsSaidAndTheRunCompletes() throws IOException {
        List<String> args = firstRun();
        // someone opened run-1's list in an editor: the key column renamed, a quote left open
        Files.writeString(output.resolve("2020/nightly/run-1/accepted_projects.csv"), "编号,city_code\n\"NJ-1,320100\n",
                StandardCharsets.UTF_8);
        Files.writeString(projects, SECOND, StandardCharsets.UTF_8);
        EndToEndTest.Result second = cli(args);
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).containsPattern("run-1's accepted_projects.csv was changed after run-1 was published"
                + " \\(\\d+ bytes, the manifest says \\d+\\): its projects are not compared one by one");
        assertThat(Files.readString(output.resolve("2020/nightly/run-2/changes.csv"), StandardCharsets.UTF_8))
                .contains("category,320100");
        assertThat(sinceLastRunTexts(output.resolve("2020/nightly/run-2")))
                .anyMatch(t -> t.matches("上次运行的 accepted_projects.csv 在上次运行发布后被改动过（\\d+ bytes, the"
                        + " manifest says \\d+），无法按项目编号逐个对照.*"));
    }

    /**
     * A previous summary table edited by hand (its key column renamed, a quote left open) cannot be compared: the run
     * completes all the same, compares what it can read (the reductions, the files), and says which table it could
     * not compare and why, in its summary line and in 与上次对比; it never fails the report, whose every restart would
     * fail the same way.
     */
    @Test
    void aPreviousSummaryTableEditedByHandIsSaidAndTheRunCompletes() throws IOException {
        List<String> args = firstRun();
        Files.writeString(output.resolve("2020/nightly/run-1/projects_by_city_category.csv"),
                "城市,category_code\n\"320100,VOC_FUGITIVE\n", StandardCharsets.UTF_8);
        Files.delete(output.resolve("2020/nightly/run-1/manifest.csv")); // no record of what was published
        Files.writeString(projects, SECOND, StandardCharsets.UTF_8);
        EndToEndTest.Result second = cli(args);
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("COMPLETED")
                .contains("run-1's projects_by_city_category.csv cannot be read").contains("its figures are not compared");
        String changes = Files.readString(output.resolve("2020/nightly/run-2/changes.csv"), StandardCharsets.UTF_8);
        assertThat(changes).as("the reductions compared").contains("pollutant,320100").doesNotContain("category,");
        // said first: the count of changes after it is of the other tables
        assertThat(sinceLastRunTexts(output.resolve("2020/nightly/run-2")))
                .anyMatch(t -> t.startsWith("上次运行的 projects_by_city_category.csv 无法读取（可能被手工改动过："
                        + "projects_by_city_category.csv has no column city_code），其中的数未作对比。其余的共 "));
    }

    /**
     * A previous table edited so that it still reads (a figure changed by hand) is not compared either: its run's
     * manifest.csv tells that it is not the table the run published. Compared, the edit would be listed as a change.
     */
    @Test
    void aPreviousTableChangedAfterItWasPublishedIsNotComparedAndIsSaid() throws IOException {
        List<String> args = firstRun();
        Path reductions = output.resolve("2020/nightly/run-1/reductions_by_city_pollutant.csv");
        String published = Files.readString(reductions, StandardCharsets.UTF_8);
        String edited = published.replaceFirst(",320100,南京,VOCS,[^,]*,", ",320100,南京,VOCS,999999,");
        assertThat(edited).as("a figure of 南京's VOCs edited").isNotEqualTo(published);
        Files.writeString(reductions, edited, StandardCharsets.UTF_8);
        Files.writeString(projects, SECOND, StandardCharsets.UTF_8);
        EndToEndTest.Result second = cli(args);
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        // said first: what the line counts after it is of the other tables
        assertThat(second.out()).containsPattern("since run-1: run-1's reductions_by_city_pollutant.csv was changed after"
                + " run-1 was published \\(.*\\): its figures are not compared; ");
        String changes = Files.readString(output.resolve("2020/nightly/run-2/changes.csv"), StandardCharsets.UTF_8);
        assertThat(changes).as("the categories compared, the reductions not").contains("category,320100")
                .doesNotContain("pollutant,").doesNotContain("999999");
        assertThat(sinceLastRunTexts(output.resolve("2020/nightly/run-2")))
                .anyMatch(t -> t.startsWith("上次运行的 reductions_by_city_pollutant.csv 在上次运行发布后被改动过（"));
    }

    /** Every text of the province workbook's 与上次对比 in a run's folder, cell by cell. */
    private static List<String> sinceLastRunTexts(Path run) throws IOException {
        List<String> texts = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(run.resolve("reconciled_320000_全省.xlsx")))) {
            wb.getSheet("与上次对比").forEach(r -> r.forEach(c -> {
                if (c.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    texts.add(c.getStringCellValue());
                }
            }));
        }
        return texts;
    }

    /**
     * The hand-made set of EndToEndTest with 南京's projects as {@link #FIRST}, run once (run-1); returns the run's
     * arguments, for the second run after {@link #projects} is rewritten.
     */
    private List<String> firstRun() throws IOException {
        input = dir.resolve("input");
        output = dir.resolve("output");
        projects = input.resolve("2020/nanjing_projects.csv");
        EndToEndTest.writeInput(input);
        List<String> args = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString()));
        args.addAll(TestDatabases.options(TestDatabases.H2, output));
        Files.writeString(projects, FIRST, StandardCharsets.UTF_8);
        assertThat(cli(args).exitCode()).isZero();
        return args;
    }

    private static void deleteTree(Path folder) throws IOException {
        assertThat(folder).isDirectory();
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static int projectHeader(XSSFSheet since) {
        for (int r = 0; r <= since.getLastRowNum(); r++) {
            if (since.getRow(r) != null && text(since.getRow(r)).size() > 1 && "项目编号".equals(text(since.getRow(r)).get(1))) {
                return r;
            }
        }
        throw new AssertionError("no table of projects in 与上次对比: " + ChangesSincePreviousRunTest.dump(since));
    }
}
