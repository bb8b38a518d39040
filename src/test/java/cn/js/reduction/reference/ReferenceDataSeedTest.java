package cn.js.reduction.reference;

import cn.js.reduction.intake.ReferenceFixture;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped 2020 reference data against the plan itself: the annex tables are parsed here, in the test, out
 * of source.txt (the byte-exact copy of the seed), so that no figure is typed by hand a second time and every
 * transcribed figure is compared with what the loader returns.
 */
class ReferenceDataSeedTest {

    /**
     * The copy of the plan text the repository holds: the byte-exact copy of the plan document that
     * plan.properties names (by file name and SHA-256). The tests run from it, so they never depend on a file
     * outside the repository and never skip.
     */
    private static final Path SOURCE_IN_REPOSITORY = Path.of("src", "main", "resources", "reference", "2020",
            "source.txt");
    /** The name of the plan document the annexes were transcribed from, as plan.properties records it. */
    private static final String PLAN_DOCUMENT = "000_e273565e5025a23d.txt";

    /** docs/outputs.md's cities (name, GB/T 2260 code), annex order, then the province. */
    private static final Map<String, String> PLACES = new LinkedHashMap<>();

    static {
        String[] list = {"南京", "320100", "无锡", "320200", "徐州", "320300", "常州", "320400", "苏州", "320500",
                "南通", "320600", "连云港", "320700", "淮安", "320800", "盐城", "320900", "扬州", "321000",
                "镇江", "321100", "泰州", "321200", "宿迁", "321300", "全省", "320000"};
        for (int i = 0; i < list.length; i += 2) {
            PLACES.put(list[i], list[i + 1]);
        }
    }

    private final ReferenceData data = ReferenceDataLoader.load(2020);
    private final byte[] sourceBytes = classpathBytes("reference/2020/source.txt");
    private final List<String> lines = List.of(new String(sourceBytes, StandardCharsets.UTF_8).split("\n", -1));

    @Test
    void plan_identity_and_provenance() throws Exception {
        assertThat(data.year()).isEqualTo(2020);
        assertThat(data.baseYear()).isEqualTo(2015);
        assertThat(data.version()).isEqualTo("2020.1");
        assertThat(data.plan().title()).isEqualTo("江苏省2020年大气污染防治工作计划");
        assertThat(lines).anyMatch(line -> line.strip().equals(data.plan().title()));
        assertThat(data.plan().sourceFile()).isEqualTo(PLAN_DOCUMENT);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sourceBytes));
        assertThat(data.plan().sourceSha256()).isEqualTo(sha);
    }

    @Test
    void the_program_ships_the_repository_copy_of_the_plan_text_unaltered() throws IOException {
        // the build copies resources; a filtering or line-ending setting would change the bytes and the hash
        assertThat(SOURCE_IN_REPOSITORY).isRegularFile();
        assertThat(sourceBytes).isEqualTo(Files.readAllBytes(SOURCE_IN_REPOSITORY));
    }

    @Test
    void cities_are_those_of_spec_in_annex_order_with_the_province_last() {
        List<String> names = data.cities().stream().map(City::name).toList();
        assertThat(names).containsExactlyElementsOf(PLACES.keySet().stream().filter(n -> !n.equals("全省")).toList());
        data.cities().forEach(c -> assertThat(c.code()).isEqualTo(PLACES.get(c.name())));
        assertThat(data.province()).isEqualTo(new City("320000", "全省", "Jiangsu"));
        assertThat(data.city("320800")).get().extracting(City::pinyin).isEqualTo("Huaian");
    }

    @Test
    void annex1_air_quality_targets_match_the_seed() {
        Map<String, List<String>> rows = annexRows(1);
        assertThat(rows).hasSize(14);
        assertThat(data.airQualityTargets()).hasSize(14);
        rows.forEach((name, cells) -> {
            AirQualityTarget t = data.airQualityTargets().stream()
                    .filter(a -> a.cityCode().equals(PLACES.get(name))).findFirst().orElseThrow();
            assertThat(cells).hasSize(4);
            assertThat(t.pm25Binding()).as(name + " PM2.5 约束性").isEqualByComparingTo(cells.get(0));
            assertThat(t.pm25Working()).as(name + " PM2.5 工作").isEqualByComparingTo(cells.get(1));
            assertThat(t.goodDayRatioBinding()).as(name + " 优良天数 约束性").isEqualByComparingTo(cells.get(2));
            assertThat(t.goodDayRatioWorking()).as(name + " 优良天数 工作").isEqualByComparingTo(cells.get(3));
        });
    }

    @Test
    void annex2_reduction_targets_match_the_seed() {
        // the annex's column order, read from its header: 挥发性有机物, 二氧化硫, 氮氧化物
        List<Pollutant> columns = section(2).stream().filter(l -> l.startsWith("\t"))
                .map(l -> ReferenceFixture.jiangsu2020().findPollutant(l.strip())).flatMap(java.util.Optional::stream).toList();
        assertThat(columns).containsExactly(ReferenceFixture.pollutant("VOCS"), ReferenceFixture.pollutant("SO2"), ReferenceFixture.pollutant("NOX"));
        Map<String, List<String>> rows = annexRows(2);
        assertThat(rows).hasSize(14);
        rows.forEach((name, cells) -> {
            assertThat(cells).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(data.targetPct(PLACES.get(name), columns.get(i))).as(name + " " + columns.get(i))
                        .isEqualByComparingTo(cells.get(i));
            }
        });
        assertThat(data.targetPct("320000", ReferenceFixture.pollutant("VOCS"))).isEqualByComparingTo("26");
    }

    @Test
    void annex3_autumn_winter_targets_match_the_seed() {
        Map<String, List<String>> rows = annexRows(3);
        assertThat(rows).hasSize(13).doesNotContainKey("全省");
        assertThat(data.autumnWinterTargets()).hasSize(13);
        rows.forEach((name, cells) -> {
            AutumnWinterTarget t = data.autumnWinterTargets().stream()
                    .filter(a -> a.cityCode().equals(PLACES.get(name))).findFirst().orElseThrow();
            assertThat(cells).hasSize(2);
            assertThat(t.pm25DeclinePct()).as(name + " PM2.5").isEqualByComparingTo(cells.get(0));
            assertThat(t.heavyPollutionDays()).as(name + " 重污染天数").isEqualTo(cells.get(1));
        });
    }

    @Test
    void annex4_project_plan_matches_the_seed_blank_as_zero() {
        Map<String, List<String>> rows = annexRows(4);
        assertThat(rows).hasSize(14);
        List<Category> categories = data.categories();
        assertThat(categories).hasSize(18);
        rows.forEach((name, cells) -> {
            assertThat(cells).as(name).hasSize(19);
            for (int i = 0; i < 18; i++) {
                int expected = cells.get(i).isEmpty() ? 0 : Integer.parseInt(cells.get(i));
                assertThat(data.planned(PLACES.get(name), categories.get(i).code()))
                        .as(name + " " + categories.get(i).name()).isEqualTo(expected);
            }
            assertThat(data.planned(PLACES.get(name), Category.TOTAL)).as(name + " 合计")
                    .isEqualTo(Integer.parseInt(cells.get(18)));
        });
        assertThat(rows.get("南京").get(1)).isEmpty(); // a blank annex cell …
        assertThat(data.planned("320100", "INDUSTRY")).isZero(); // … is 0
        assertThat(data.planned("320000", Category.TOTAL)).isEqualTo(4535);
        Matcher stated = Pattern.compile("全省共安排大气污染防治工程项目(\\d+)项").matcher(String.join("\n", lines));
        assertThat(stated.find()).isTrue();
        assertThat(data.planned("320000", Category.TOTAL)).isEqualTo(Integer.parseInt(stated.group(1)));
    }

    @Test
    void categories_are_named_and_grouped_as_in_annex4() {
        List<String> section = section(4);
        List<String> headerCells = section.stream().filter(l -> l.startsWith("\t")).map(String::strip).toList();
        String squeezed = String.join("", section).replaceAll("\\s", ""); // group names are split over lines
        for (Category c : data.categories()) {
            assertThat(headerCells).as(c.code()).contains(c.name());
            assertThat(squeezed).as(c.code()).contains(c.group());
        }
        assertThat(data.categories()).extracting(Category::code).containsExactly("ROLLING", "INDUSTRY",
                "ENERGY_COAL", "ENERGY_CHP", "KILN", "BOILER", "DEEP_OTHER", "VOC_SUBST", "VOC_FUGITIVE",
                "VOC_UPGRADE", "VOC_SPRAY", "VOC_VAPOR", "CATERING", "DUST_SITE", "DUST_WHARF", "DUST_YARD",
                "MOBILE_SHORE", "MOBILE_SHIP_RS");
        assertThat(data.categories()).extracting(Category::order)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18);
    }

    /** The lines of annex n: from the line 附件n to the line 附件n+1. */
    private List<String> section(int annex) {
        int start = lines.indexOf("附件" + annex);
        int end = lines.indexOf("附件" + (annex + 1));
        assertThat(start).as("附件" + annex).isNotNegative();
        assertThat(end).as("附件" + (annex + 1)).isGreaterThan(start);
        return lines.subList(start + 1, end);
    }

    /**
     * The data rows of annex n by place name: a row is a run of TAB-led lines (one cell each) whose first cell
     * names a city or 全省; a blank cell is an empty string.
     */
    private Map<String, List<String>> annexRows(int annex) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        List<String> block = new ArrayList<>();
        List<String> section = new ArrayList<>(section(annex));
        section.add(""); // closes the last block
        for (String line : section) {
            if (line.startsWith("\t")) {
                block.add(line.strip());
            } else {
                if (!block.isEmpty() && PLACES.containsKey(block.get(0))) {
                    assertThat(rows.put(block.get(0), List.copyOf(block.subList(1, block.size())))).isNull();
                }
                block.clear();
            }
        }
        return rows;
    }

    private static byte[] classpathBytes(String resource) {
        try (InputStream in = ReferenceDataSeedTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
