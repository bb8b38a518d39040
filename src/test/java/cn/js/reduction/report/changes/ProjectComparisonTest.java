package cn.js.reduction.report.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The join on project_id over two runs' accepted_projects.csv, as the report writes them: the same changes whether
 * the files are compared whole or split into parts by project id (how a national run's files are compared), and
 * each city's counts of them.
 */
class ProjectComparisonTest {

    private static final String HEADER = "\uFEFFproject_id,city_code,city_name,category_code,status,counted_status,"
            + "planned_completion,actual_completion,investment,voc_t,so2_t,nox_t,pm_t,file,sheet,row\r\n";

    @TempDir
    Path dir;

    @Test
    void theSameChangesWholeOrInParts() throws IOException {
        Path before = Files.createDirectories(dir.resolve("run-1"));
        Path now = Files.createDirectories(dir.resolve("run-2"));
        StringBuilder was = new StringBuilder(HEADER);
        StringBuilder is = new StringBuilder(HEADER);
        for (int i = 1; i <= 300; i++) {
            String city = i % 2 == 0 ? "320100,南京" : "320200,无锡";
            was.append(row("P-" + i, city, i == 7 ? "COMPLETED" : "IN_PROGRESS", i == 7 ? "2020-05-01" : "", "1", i + 1));
            if (i == 150) {
                continue; // withdrawn: the rows after it move up one
            }
            String status = i == 7 ? "IN_PROGRESS" : i == 8 ? "COMPLETED" : "IN_PROGRESS";
            is.append(row("P-" + i, city, status, i == 8 ? "2020-06-01" : "", i == 9 ? "2.5" : "1", i));
        }
        is.append(row("P-301", "320100,南京", "NOT_STARTED", "", "", 301));
        Files.writeString(before.resolve(ProjectComparison.FILE), was, StandardCharsets.UTF_8);
        Files.writeString(now.resolve(ProjectComparison.FILE), is, StandardCharsets.UTF_8);

        ProjectChanges whole = ProjectComparison.of(before, now);
        ProjectChanges parts = ProjectComparison.of(before, now, 1_000);

        List<String> expected = List.of("P-7|320200|status|COMPLETED|IN_PROGRESS",
                "P-150|320100|withdrawn|a.xlsx Sheet1 第151行|",
                "P-8|320100|status|IN_PROGRESS|COMPLETED", "P-8|320100|actual_completion||2020-06-01",
                "P-301|320100|added||a.xlsx Sheet1 第301行",
                "P-7|320200|actual_completion|2020-05-01|", "P-9|320200|voc_t|1|2.5");
        assertThat(lines(whole)).isEqualTo(expected);
        assertThat(lines(parts)).isEqualTo(expected);
        assertThat(parts.counts(null)).isEqualTo(new ProjectChanges.Counts(5, 7, 1, 1, 1));
        assertThat(parts.counts("320100")).isEqualTo(new ProjectChanges.Counts(3, 4, 1, 1, 0));
        assertThat(parts.listed("320200")).hasSize(3);
    }

    /** A column only one run has (a pollutant added to the plan year) is no change of every project. */
    @Test
    void onlyTheColumnsBothRunsHaveAreCompared() throws IOException {
        Path before = Files.createDirectories(dir.resolve("run-1"));
        Path now = Files.createDirectories(dir.resolve("run-2"));
        Files.writeString(before.resolve(ProjectComparison.FILE), HEADER + row("P-1", "320100,南京", "", "", "1", 2)
                + row("P-2", "320100,南京", "IN_PROGRESS", "", "1", 3), StandardCharsets.UTF_8);
        String withPm10 = HEADER.replace(",file,", ",pm10_t,file,");
        Files.writeString(now.resolve(ProjectComparison.FILE), withPm10
                + row("P-1", "320100,南京", "COMPLETED", "2020-05-01", "1", 2).replace(",a.xlsx,", ",0,a.xlsx,")
                + row("P-2", "320100,南京", "IN_PROGRESS", "", "1", 3).replace(",a.xlsx,", ",0,a.xlsx,"),
                StandardCharsets.UTF_8);
        ProjectChanges changes = ProjectComparison.of(before, now);
        assertThat(lines(changes)).containsExactlyInAnyOrder("P-1|320100|status||COMPLETED",
                "P-1|320100|actual_completion||2020-05-01");
        // a blank status before (an edited file, another release) is no evidence of a step back
        assertThat(changes.counts(null).worse()).isZero();
    }

    /** A project that moved to another city is in both cities' parts: listed and counted in each, once in all. */
    @Test
    void aProjectThatMovedCityCountsInBothCitiesAndOnceInAll() throws IOException {
        Path before = Files.createDirectories(dir.resolve("run-1"));
        Path now = Files.createDirectories(dir.resolve("run-2"));
        Files.writeString(before.resolve(ProjectComparison.FILE), HEADER + row("P-1", "320100,南京", "IN_PROGRESS", "",
                "1", 2), StandardCharsets.UTF_8);
        Files.writeString(now.resolve(ProjectComparison.FILE), HEADER + row("P-1", "320200,无锡", "IN_PROGRESS", "",
                "1", 2), StandardCharsets.UTF_8);
        ProjectChanges changes = ProjectComparison.of(before, now);
        assertThat(changes.listed("320100")).hasSize((int) changes.counts("320100").rows()).isNotEmpty();
        assertThat(changes.listed("320200")).hasSize((int) changes.counts("320200").rows());
        assertThat(changes.counts("320100").projects()).isEqualTo(1);
        assertThat(changes.counts(null).projects()).isEqualTo(1);
    }

    @Test
    void aPreviousRunWithoutTheFileIsNotCompared() throws IOException {
        Path before = Files.createDirectories(dir.resolve("run-1"));
        Path now = Files.createDirectories(dir.resolve("run-2"));
        Files.writeString(now.resolve(ProjectComparison.FILE), HEADER, StandardCharsets.UTF_8);
        assertThat(ProjectComparison.of(before, now)).isNull();
    }

    private static String row(String id, String city, String status, String actual, String voc, int row) {
        return String.join(",", id, city, "KILN", status, status, "2020-12-31", actual, "", voc, "0", "0", "0",
                "a.xlsx", "Sheet1", String.valueOf(row)) + "\r\n";
    }

    private static List<String> lines(ProjectChanges changes) {
        List<String> out = new ArrayList<>();
        changes.listed().forEach(p -> out.add(String.join("|", p.projectId(), p.cityCode(), p.column(), p.previous(),
                p.current())));
        return out;
    }
}
