package cn.js.reduction.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitTest {

    @ParameterizedTest(name = "{0} → {1} × {2}")
    @CsvSource(delimiter = '|', value = {
            "2015年排放量（万吨）|万吨|10000",
            "基准年排放量(吨)|吨|1",
            "核算年排放量 （ t ）|t|1",
            "VOCs减排量（吨/年）|吨/年|1",
            "减排量(t/a)|t/a|1",
            "减排量（千克/年）|千克/年|0.001",
            "减排量（kg）|kg|0.001",
            "减排量（公斤）|公斤|0.001",
            "排放量【万t】|万t|10000",
            "总投资（万元）|万元|1",
            "总投资（元）|元|0.0001",
            "总投资（亿元）|亿元|10000",
            "核算年（2020年）排放量（万吨）（必填）|万吨|10000",
            "基准年排放量（单位：万吨）|万吨|10000",
            "基准年排放量/万吨|万吨|10000",
            "核算年排放量万吨|万吨|10000",
            "总投资 元|元|0.0001",
            "减排量 kg/a|kg/a|0.001"})
    void aKnownUnitInTheHeaderGivesItsExactFactor(String header, String unit, String factor) {
        Unit u = Unit.inHeader(header).orElseThrow();

        assertThat(u.text()).isEqualTo(unit);
        assertThat(u.isKnown()).isTrue();
        assertThat(u.factor()).isEqualByComparingTo(factor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"基准年排放量（立方米）", "排放量（磅）", "排放量(m3)", "排放量（标准煤）"})
    void anyOtherUnitIsUnknownNeverTheContractsUnit(String header) {
        Unit u = Unit.inHeader(header).orElseThrow();

        assertThat(u.isKnown()).isFalse();
        assertThat(u.factor()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"基准年排放量", "基准年（2015年）排放量", "2015年排放量（2015年）", "总投资（必填）", "总投资*"})
    void aHeaderWithoutAUnitNamesNone(String header) {
        assertThat(Unit.inHeader(header)).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "单位：万吨|万吨", "单位:吨|吨", "计量单位：千克|千克", "（单位：万元）|万元", "江苏省排放量报表 单位：万吨|万吨", "单位：万吨　　填报日期：2020年7月|万吨", "单位 ： 吨/年|吨/年"})
    void aUnitNoteNamesItsUnit(String note, String unit) {
        assertThat(Unit.inNote(note).map(Unit::text)).contains(unit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"填报单位：南京市生态环境局", "责任单位", "单位名称", "报送单位:无锡市", "单位：南京市生态环境局",
            "单位：某某有限公司"})
    void aCellNamingAnOrganisationIsNoUnitNote(String text) {
        assertThat(Unit.inNote(text)).isEqualTo(Optional.empty());
    }
}
