package cn.js.reduction.reference;


import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What people type into a 设区市, 项目类别 or 污染物 cell, matched against the shipped 2020 reference data. */
class ReferenceDataMatchingTest {

    private static final ReferenceData DATA = ReferenceDataLoader.load(2020);

    @ParameterizedTest
    @ValueSource(strings = {"南京", "南京市", "320100", "nanjing", "NANJING", "Nanjing", "Nanjingshi", "３２０１００",
            " 南 京 ", "南京\u3000", "320100.0", "ＮＡＮＪＩＮＧ"})
    void find_city_accepts_what_people_write(String text) {
        assertThat(DATA.findCity(text)).get().extracting(City::code).isEqualTo("320100");
    }

    @ParameterizedTest
    @ValueSource(strings = {"淮安", "淮安市", "Huaian", "Huai'an", "HUAI’AN", "320800"})
    void find_city_accepts_pinyin_with_or_without_apostrophe(String text) {
        assertThat(DATA.findCity(text)).get().extracting(City::code).isEqualTo("320800");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"全省", "320000", "Jiangsu", "江苏省", "南京县", "上海", "3201", "南", "nan jing shi x"})
    void find_city_rejects_the_province_and_unknown_places(String text) {
        assertThat(DATA.findCity(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MOBILE_SHIP_RS", "mobile_ship_rs", "移动源(船舶)排放遥感监测系统项目",
            "移动源（船舶）排放遥感监测系统项目", "移动源（船舶）排放遥感监测系统", "移动源(船舶)排放遥感监测系统",
            " 移动源 （船舶） 排放遥感监测系统 ", "移动源（船舶)排放遥感监测系统项目"})
    void find_category_accepts_code_name_short_name_and_either_bracket(String text) {
        assertThat(DATA.findCategory(text)).get().extracting(Category::code).isEqualTo("MOBILE_SHIP_RS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VOC_SUBST", "VOCs源头替代项目", "VOCs源头替代", "vocs源头替代", "ＶＯＣｓ源头替代", "VOCs 源头替代 项目"})
    void find_category_ignores_case_width_and_white_space(String text) {
        assertThat(DATA.findCategory(text)).get().extracting(Category::code).isEqualTo("VOC_SUBST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"无组织排放治理项目", "无组织排放治理", "VOC_FUGITIVE"})
    void find_category_by_name_without_xiangmu(String text) {
        assertThat(DATA.findCategory(text)).get().extracting(Category::code).isEqualTo("VOC_FUGITIVE");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"TOTAL", "合计", "移动源治理", "扬尘治理", "项目", "其他", "VOC"})
    void find_category_rejects_groups_totals_and_unknown_names(String text) {
        assertThat(DATA.findCategory(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"VOCs", "VOCS", "vocs", "挥发性有机物", " 挥发性 有机物 ", "ＶＯＣｓ"})
    void pollutant_vocs(String text) {
        assertThat(DATA.findPollutant(text)).contains(DATA.pollutant("VOCS").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SO2", "so2", "So2", "二氧化硫", "SO₂", "ＳＯ２"})
    void pollutant_so2(String text) {
        assertThat(DATA.findPollutant(text)).contains(DATA.pollutant("SO2").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NOx", "NOX", "nox", "氮氧化物", "ＮＯｘ"})
    void pollutant_nox(String text) {
        assertThat(DATA.findPollutant(text)).contains(DATA.pollutant("NOX").orElseThrow());
    }

    /** The way Chinese reports label a pollutant: its name with its formula in brackets, or the other way round. */
    @ParameterizedTest
    @ValueSource(strings = {"二氧化硫（SO2）", "二氧化硫(SO₂)", "SO2（二氧化硫）", "氮氧化物(NOx)", "氮氧化物（NOX）",
            "挥发性有机物（VOCs）", "VOCs(挥发性有机物)", "二氧化硫【SO2】"})
    void pollutant_name_with_its_formula_in_brackets(String text) {
        assertThat(DATA.findPollutant(text)).isPresent();
        assertThat(DATA.findPollutant(text).get().chineseName()).isEqualTo(
                text.replaceAll("[(（【].*", "").replace("SO2", "二氧化硫").replace("VOCs", "挥发性有机物"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"PM2.5", "颗粒物", "CO2", "二氧化碳", "NO2", "VOC", "二氧化硫（NOx）", "氮氧化物（折算）",
            "VOCs（含颗粒物）", "二氧化硫(", "（SO2）"})
    void pollutant_rejects_others(String text) {
        assertThat(DATA.findPollutant(text)).isEmpty();
    }
}
