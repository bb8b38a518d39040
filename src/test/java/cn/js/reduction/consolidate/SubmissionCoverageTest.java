package cn.js.reduction.consolidate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.discover.InputSet;
import cn.js.reduction.intake.ReferenceFixture;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final run's check before it starts (docs/outputs.md): every city must have submitted both kinds, whole. Files
 * made here, one project list and one emission report per city, then one fault at a time.
 */
class SubmissionCoverageTest {

    private static final String PROJECTS = "项目编号,设区市,项目名称,责任单位,项目类别,进展状态,计划完成时间,实际完成时间\n";
    private static final String EMISSIONS = "设区市,污染物,排放源类别,基准年排放量（吨）,核算年排放量（吨）\n";

    private final ReferenceData ref = ReferenceFixture.jiangsu2020();

    @TempDir
    Path year;

    private void write(String name, String text) throws IOException {
        Files.writeString(year.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void wholeSet() throws IOException {
        for (City city : ref.cities()) {
            write(city.code() + "_projects_20201201.csv", PROJECTS + city.code() + "-1," + city.name()
                    + ",项目,某公司,KILN,在建,2020-12-31,\n");
            write(city.code() + "_emissions_20201201.csv", EMISSIONS + city.name() + ",VOCs,工业源,100,70\n"
                    + city.name() + ",SO2,工业源,100,70\n" + city.name() + ",NOx,工业源,100,70\n");
        }
    }

    @Test
    void a_whole_set_is_admitted_and_a_rejected_row_of_an_older_superseded_report_does_not_matter() throws IOException {
        wholeSet();
        write("320100_emissions_20201101.csv", EMISSIONS + "南京,VOCs,工业源,abc,70\n");

        assertThat(SubmissionCoverage.of(InputSet.scan(year), ref).missing(ref)).isEmpty();
    }

    @Test
    void a_rejected_emission_row_makes_the_city_incomplete_naming_the_cell() throws IOException {
        wholeSet();
        write("320100_emissions_20201201.csv", EMISSIONS + "南京,VOCs,工业源,100,70\n南京,SO2,工业源,abc,70\n"
                + "南京,NOx,工业源,100,70\n");

        assertThat(SubmissionCoverage.of(InputSet.scan(year), ref).missing(ref)).singleElement().asString()
                .startsWith("320100 南京: 排放量报表不完整（INCOMPLETE）")
                .contains("320100_emissions_20201201.csv", "第3行", "D3 BAD_NUMBER");
    }

    @Test
    void a_file_of_rejected_rows_is_no_submission_and_a_skipped_report_is_incomplete() throws IOException {
        wholeSet();
        // 无锡's only report: every row rejected (an unknown pollutant)
        write("320200_emissions_20201201.csv", EMISSIONS + "无锡,PM9,工业源,1,1\n");
        // 常州's report lacks a required column: skipped whole
        write("320400_emissions_20201201.csv", "设区市,污染物,排放源类别,基准年排放量（吨）\n常州,VOCs,工业源,100\n");

        assertThat(SubmissionCoverage.of(InputSet.scan(year), ref).missing(ref)).containsExactly(
                "320200 无锡: 排放量报表",
                "320200 无锡: 排放量报表不完整（INCOMPLETE），请改正后重新报送：「320200_emissions_20201201.csv」1行被退回："
                        + "工作表「320200_emissions_20201201」第2行 B2 UNKNOWN_POLLUTANT",
                "320400 常州: 排放量报表",
                "320400 常州: 排放量报表不完整（INCOMPLETE），请改正后重新报送：「320400_emissions_20201201.csv」整个文件未读取"
                        + "（MISSING_COLUMN）");
    }
}
