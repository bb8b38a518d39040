package cn.js.reduction.reference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real copy of the shipped 2020 folder, with one thing altered at a time, must fail with a clear message. */
class ReferenceDataLoaderTest {

    @TempDir
    Path temp;

    @Test
    void shipped_year_exists_and_a_copied_folder_loads_the_same() throws IOException {
        assertThat(ReferenceDataLoader.exists(2020)).isTrue();
        ReferenceData copy = ReferenceDataLoader.load(copyOf2020("2020"));
        assertThat(copy.year()).isEqualTo(2020);
        assertThat(copy.version()).isEqualTo("2020.1");
        assertThat(copy.cities()).hasSize(13);
        assertThat(copy.planned("320000", Category.TOTAL)).isEqualTo(4535);
    }

    @Test
    void a_new_plan_year_is_a_new_folder() throws IOException {
        Path folder = copyOf2020("2021");
        edit(folder.resolve("plan.properties"), "year=2020", "year=2021");
        edit(folder.resolve("plan.properties"), "version=2020.1", "version=2021.1");
        ReferenceData data = ReferenceDataLoader.load(folder);
        assertThat(data.year()).isEqualTo(2021);
        assertThat(data.version()).isEqualTo("2021.1");
        assertThat(data.baseYear()).isEqualTo(2015);
    }

    @Test
    void the_districts_and_category_aliases_are_those_of_the_folder_read() throws IOException {
        Path folder = copyOf2020("2021");
        edit(folder.resolve("plan.properties"), "year=2020", "year=2021");
        edit(folder.resolve("districts.csv"), "320102,玄武区,320100", "320102,玄武区,320100\n320199,示例新区,320100");
        edit(folder.resolve("category_aliases.csv"), "alias,code", "alias,code\n秸秆禁烧,DUST_YARD");
        ReferenceData next = ReferenceDataLoader.load(folder);
        assertThat(next.findCityFromDistrict("南京市示例新区")).map(City::code).contains("320100");
        assertThat(next.findCategory("秸秆禁烧")).map(Category::code).contains("DUST_YARD");
        assertThat(next.findCityFromDistrict("南京市玄武区")).map(City::code).contains("320100");

        ReferenceData shipped = ReferenceDataLoader.load(2020);
        assertThat(shipped.findCityFromDistrict("南京市示例新区")).isEmpty();
        assertThat(shipped.findCategory("秸秆禁烧")).isEmpty();

        // without the files, no district and no alias: nothing is guessed
        Files.delete(folder.resolve("districts.csv"));
        Files.delete(folder.resolve("category_aliases.csv"));
        ReferenceData bare = ReferenceDataLoader.load(folder);
        assertThat(bare.findCityFromDistrict("南京市玄武区")).isEmpty();
        assertThat(bare.findCategory("建筑工地扬尘治理项目")).isEmpty();
        assertThat(bare.findCategory("施工工地扬尘治理项目")).map(Category::code).contains("DUST_SITE");
    }

    @Test
    void the_local_names_are_part_of_the_reference_datas_fingerprint() throws IOException {
        Path folder = copyOf2020("2020");
        String before = ReferenceDataLoader.contentSha256(ReferenceFolder.directory(folder));
        assertThat(before).isEqualTo(ReferenceDataLoader.contentSha256(ReferenceFolder.classpath(2020)));
        edit(folder.resolve("districts.csv"), "320102,玄武区,320100", "320102,玄武区,320100\n320199,示例新区,320100");
        assertThat(ReferenceDataLoader.contentSha256(ReferenceFolder.directory(folder))).isNotEqualTo(before);
    }

    @Test
    void a_copied_folder_whose_plan_year_was_not_changed_is_refused() throws IOException {
        Path folder = copyOf2020("2021");
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("plan.properties 键 key year：应为 expected 2021（文件夹所属年份 the folder's year），实为 found 2020");
    }

    @Test
    void a_row_total_that_is_not_the_sum_of_its_categories_fails() throws IOException {
        Path folder = copyOf2020("2020");
        edit(folder.resolve("annex4_project_plan.csv"), ",6,7,322\n", ",6,7,323\n");
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("参考数据校验未通过")
                .hasMessageContaining("2020 年")
                .hasMessageContaining(folder.toString())
                .hasMessageContaining("annex4_project_plan.csv 第2行 line [320100 南京] 列 column TOTAL："
                        + "应为 expected 322（各类别之和 sum of the 18 categories），实为 found 323");
    }

    @Test
    void a_province_cell_that_is_not_the_sum_of_the_cities_fails() throws IOException {
        Path folder = copyOf2020("2020");
        // 南京 stays consistent in itself (ROLLING 6 → 7 and TOTAL 322 → 323); only 全省 no longer adds up
        edit(folder.resolve("annex4_project_plan.csv"), "320100,南京,6,", "320100,南京,7,");
        edit(folder.resolve("annex4_project_plan.csv"), ",6,7,322\n", ",6,7,323\n");
        ReferenceDataException e = catchReferenceDataException(folder);
        assertThat(e.getMessage())
                .contains("annex4_project_plan.csv 第15行 line [320000 全省] 列 column ROLLING："
                        + "应为 expected 42（13 个设区市之和 sum of the 13 cities），实为 found 41")
                .contains("[320000 全省] 列 column TOTAL：应为 expected 4536（13 个设区市之和 sum of the 13 cities），实为 found 4535")
                .doesNotContain("[320100 南京]");
        assertThat(e.problems()).hasSize(2);
    }

    @Test
    void a_missing_file_names_the_file_the_year_and_the_folder() throws IOException {
        Path folder = copyOf2020("2020");
        Files.delete(folder.resolve("annex3_autumn_winter_targets.csv"));
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessage("参考数据文件缺失（reference file missing）：2020 年 plan year 2020，文件夹 folder "
                        + folder.toAbsolutePath().normalize() + " 中没有 annex3_autumn_winter_targets.csv"
                        + "（annex3_autumn_winter_targets.csv not found）");
    }

    @Test
    void a_missing_year_or_folder_says_where_it_looked() {
        assertThat(ReferenceDataLoader.exists(1999)).isFalse();
        assertThatThrownBy(() -> ReferenceDataLoader.load(1999))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("没有 1999 年的参考数据")
                .hasMessageContaining("classpath:reference/1999/");
        Path nowhere = temp.resolve("nowhere");
        assertThatThrownBy(() -> ReferenceDataLoader.load(nowhere))
                .isInstanceOf(ReferenceDataException.class)
                .hasMessageContaining("参考数据文件夹不存在：" + nowhere);
    }

    @Test
    void a_number_that_does_not_parse_fails() throws IOException {
        Path folder = copyOf2020("2020");
        edit(folder.resolve("annex2_reduction_targets.csv"), "320100,南京,28.0,24.1,", "320100,南京,28.0,24.1%,");
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .hasMessageContaining("annex2_reduction_targets.csv 第2行 line [320100 南京] 列 column SO2："
                        + "应为 expected 数字 a number such as 24.5，实为 found 24.1%");
    }

    @Test
    void a_blank_annex4_cell_must_be_written_as_zero() throws IOException {
        Path folder = copyOf2020("2020");
        edit(folder.resolve("annex4_project_plan.csv"), "320100,南京,6,0,", "320100,南京,6,,");
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .hasMessageContaining("第2行 line [320100 南京] 列 column INDUSTRY：应为 expected 非负整数 a whole number ≥ 0"
                        + " (annex blank = 0)，实为 found 空 blank");
    }

    @Test
    void every_city_must_appear_in_every_annex() throws IOException {
        Path folder = copyOf2020("2020");
        edit(folder.resolve("annex1_air_quality_targets.csv"), "320800,淮安,44,43,72.6,73\n", "");
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .hasMessageContaining("annex1_air_quality_targets.csv [320800 淮安]：应为 expected 该市的一行 a row for 淮安 "
                        + "Huaian，实为 found 缺失 missing");
    }

    @Test
    void a_city_name_that_disagrees_with_its_code_fails() throws IOException {
        Path folder = copyOf2020("2020");
        edit(folder.resolve("annex3_autumn_winter_targets.csv"), "320300,徐州,", "320300,苏州,");
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .hasMessageContaining("annex3_autumn_winter_targets.csv 第4行 line [320300 苏州] 列 column city_name："
                        + "应为 expected 徐州");
    }

    @Test
    void annex4_columns_must_match_categories_csv() throws IOException {
        Path folder = copyOf2020("2020");
        edit(folder.resolve("categories.csv"), "1,ROLLING,滚动实施项目,滚动实施项目\n2,INDUSTRY,产业结构优化调整项目,",
                "1,INDUSTRY,产业结构优化调整项目,产业结构优化调整项目\n2,ROLLING,滚动实施项目,");
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .hasMessageContaining("annex4_project_plan.csv 第1行（表头 header）第3列 column 3：应为 expected INDUSTRY，"
                        + "实为 found ROLLING")
                .hasMessageContaining("第4列 column 4：应为 expected ROLLING，实为 found INDUSTRY");
    }

    @Test
    void a_source_copy_that_is_not_the_named_document_fails() throws IOException {
        Path folder = copyOf2020("2020");
        Files.writeString(folder.resolve("source.txt"), "edited\n", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ReferenceDataLoader.load(folder))
                .hasMessageContaining("source.txt SHA-256：应为 expected "
                        + "04379076f5f85da17e5dd755d18663bafcbcc439648bcfbfb2077b0387cc405f");
    }

    private ReferenceDataException catchReferenceDataException(Path folder) {
        try {
            ReferenceDataLoader.load(folder);
        } catch (ReferenceDataException e) {
            return e;
        }
        throw new AssertionError("expected a ReferenceDataException for " + folder);
    }

    /** A real copy of the shipped classpath folder reference/2020/ under the temp folder, named {@code name}. */
    private Path copyOf2020(String name) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        for (String file : java.util.stream.Stream.concat(ReferenceDataLoader.FILES.stream(),
                ReferenceDataLoader.LOCAL_NAMES.stream()).toList()) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("reference/2020/" + file)) {
                assertThat(in).as(file).isNotNull();
                Files.copy(in, folder.resolve(file));
            }
        }
        return folder;
    }

    /** Replaces one exact piece of text, failing if it is not there (an edit that misses would prove nothing). */
    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).as(file.getFileName().toString()).containsOnlyOnce(from);
        Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    }
}
