package cn.js.reduction.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import cn.js.reduction.operations.StepHarness;
import cn.js.reduction.store.ProjectRecord;
import cn.js.reduction.store.StagedParameters;
import cn.js.reduction.store.StagedRowStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 22 §3, the clerk's side: what was interpreted is said at the cell (VALUE_INTERPRETED), only where the
 * reading is not literal; the city's own words are staged beside what they were read as; an extra pollutant row
 * is information (ignored), not a rejection; messages are Chinese throughout.
 */
class ClerksWordsTest {

    private static final String HEADER = "项目编号,设区市,项目名称,责任单位,项目类别,进展状态,计划完成时间,实际完成时间,"
            + "VOCs减排量（吨/年）,二氧化硫减排量（吨/年）,氮氧化物减排量（吨/年）\r\n";

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path projects() throws Exception {
        return csv("南京_项目清单.csv", HEADER
                // interpreted: status 已建成, planned 2020年6月, VOCs 12.5吨, category with its group
                + "NJ-1,南京市,项目1,某公司,VOCs污染治理项目-源头替代,已建成,2020年6月,2020-05-31,12.5吨,2,3\r\n"
                // literal: the contract's own words and forms (南京市 is the city's name), nothing said
                + "NJ-2,南京,项目2,某公司,锅炉提标改造项目,已完成,2020-06-30,2020/5/31,1,2,3\r\n"
                // rejected: messages in Chinese only
                + "NJ-3,南京,项目3,,锅炉提标改造项目,已验收,2020-06-30,,1,2,3\r\n");
    }

    @Test
    void whatWasInterpretedIsSaidAtTheCellAndOnlyThere() throws Exception {
        Intake.Read read = Intake.read(projects());

        assertThat(read.outcomes()).extracting(RowOutcome::disposition)
                .containsExactly(Disposition.ACCEPTED, Disposition.ACCEPTED, Disposition.REJECTED);
        ProjectRecord first = (ProjectRecord) read.outcomes().get(0).record();
        assertThat(first.claim("VOCS")).isEqualByComparingTo("12.5");
        assertThat(first.categoryCode()).isEqualTo("VOC_SUBST");
        List<Finding> interpreted = read.rowFindings().stream().filter(f -> f.rule() == Rule.VALUE_INTERPRETED).toList();
        assertThat(interpreted).extracting(Finding::row, Finding::cell, Finding::value, Finding::severity).containsExactly(
                tuple(2, "E2", "VOCs污染治理项目-源头替代", Severity.INFO), tuple(2, "F2", "已建成", Severity.INFO),
                tuple(2, "G2", "2020年6月", Severity.INFO), tuple(2, "I2", "12.5吨", Severity.INFO));
        assertThat(interpreted).extracting(Finding::message).containsExactly(
                "第2行 项目类别（E2）「VOCs污染治理项目-源头替代」读作 VOCs源头替代项目",
                "第2行 进展状态（F2）「已建成」读作 已完成",
                "第2行 计划完成时间（G2）「2020年6月」读作 2020-06-30",
                "第2行 VOCs减排量（I2）「12.5吨」读作 12.5（吨/年）");
        assertThat(read.outcomes().get(1).findings()).as("the contract's own forms are read literally").isEmpty();
    }

    @Test
    void messagesAreChineseWithTheColumnsHeaderAndTheStatusWords() throws Exception {
        Intake.Read read = Intake.read(projects());

        List<Finding> rejected = read.outcomes().get(2).findings();
        assertThat(rejected).extracting(Finding::rule).containsExactly(Rule.REQUIRED_MISSING, Rule.UNKNOWN_STATUS);
        assertThat(rejected.get(0).message()).isEqualTo("第4行 责任单位（D4）为空，此项必填，请填写责任单位");
        assertThat(rejected.get(1).message()).isEqualTo("第4行 进展状态（F4）「已验收」不是有效的进展状态，应填写 未开工、在建 或 已完成");
        assertThat(read.rowFindings()).extracting(Finding::message)
                .noneMatch(m -> m.matches(".*[a-z]{4,}.*")); // no English gloss, no field key such as responsible_unit
    }

    @Test
    void anExtraPollutantRowIsInformationCountedAsIgnored() throws Exception {
        Path file = csv("徐州_排放量报表.csv", "设区市,污染物,基准年排放量（吨）,核算年排放量（吨）\r\n"
                + "徐州,VOCs,1000,800\r\n徐州,颗粒物,500,400\r\n徐州,二氧化硫,300,200\r\n徐州,氮氧化物,200,150\r\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::disposition).containsExactly(
                tuple(2, Disposition.ACCEPTED), tuple(3, Disposition.IGNORED), tuple(4, Disposition.ACCEPTED),
                tuple(5, Disposition.ACCEPTED));
        assertThat(read.rowFindings()).extracting(Finding::rule, Finding::severity, Finding::cell, Finding::cityCode)
                .containsExactly(tuple(Rule.POLLUTANT_NOT_ACCOUNTED, Severity.INFO, "B3", "320300"));
        assertThat(read.rowFindings().get(0).message()).isEqualTo(
                "第3行 污染物（B3）「颗粒物」是颗粒物，附件2没有它的减排目标，本行不计入核算，计为忽略");
    }

    @ParameterizedTest
    @MethodSource(StepHarness.DATABASES)
    void theCitysOwnWordsAreStagedBesideWhatTheyWereReadAs(String database) throws Exception {
        Intake.Read read = Intake.read(projects());
        try (StepHarness run = new StepHarness(database, "nightly", dir.resolve("out"))) {
            JdbcTemplate jdbc = run.jdbc();
            StagedRowStore store = new StagedRowStore(jdbc);
            store.insertProjects(read.outcomes().stream().map(o -> StagedParameters.project(run.runId(), o.place(),
                    (ProjectRecord) o.record(), null)).toList());

            List<Map<String, Object>> rows = jdbc.queryForList("SELECT row_no, city_code, city_written, category_code,"
                    + " category_written, status, status_written, planned_completion, planned_written, actual_written"
                    + " FROM ra_project_row WHERE run_id = ? ORDER BY row_no", run.runId());
            assertThat(rows).hasSize(3);
            assertThat(rows.get(0)).containsEntry("CITY_CODE", "320100").containsEntry("CITY_WRITTEN", "南京市")
                    .containsEntry("CATEGORY_CODE", "VOC_SUBST").containsEntry("CATEGORY_WRITTEN", "VOCs污染治理项目-源头替代")
                    .containsEntry("STATUS", "COMPLETED").containsEntry("STATUS_WRITTEN", "已建成")
                    .containsEntry("PLANNED_WRITTEN", "2020年6月").containsEntry("ACTUAL_WRITTEN", "2020-05-31");
            assertThat(rows.get(0).get("PLANNED_COMPLETION").toString()).isEqualTo("2020-06-30");
            // a rejected row keeps its words too: what the clerk must correct
            assertThat(rows.get(2)).containsEntry("STATUS", null).containsEntry("STATUS_WRITTEN", "已验收")
                    .containsEntry("ACTUAL_WRITTEN", null);
        }
    }
}
