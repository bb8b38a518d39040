package cn.js.reduction.discover;

import cn.js.reduction.intake.ReferenceFixture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.reference.ReferenceData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which cities a file's name names (docs/input-format.md, Resubmission), with the reference data's city matching. */
class FileNameCitiesTest {

    private static final ReferenceData REFERENCE = ReferenceFixture.jiangsu2020();

    @ParameterizedTest(name = "{0} names [{1}]")
    @CsvSource(delimiter = '|', value = {
            "nanjing_extra.csv|320100",
            "Nanjing_projects_20201215.xlsx|320100",
            "NANJING-emissions.xls|320100",
            "nanjingshi.csv|320100",
            "Nanjing Shi 项目清单.xlsx|320100",
            "NanjingProjects.xlsx|320100",
            "南京_项目清单.xlsx|320100",
            "南京市2020年项目清单_20201215.xlsx|320100",
            "320100_排放量报表.xlsx|320100",
            "320100项目.csv|320100",
            "ＮＡＮＪＩＮＧ．csv|320100",
            "Huai'an_projects.csv|320800",
            "huaian-shi.xlsx|320800",
            "连云港市项目清单.xls|320700",
            "nanjing_suzhou_joint.csv|320100;320500",
            "南京、苏州联合报送.xlsx|320100;320500",
            "xuzhou2020.xlsx|320300",
            "全省_排放量报表.xlsx|",
            "emissions_20201215.csv|",
            "wuxiang_projects.csv|",
            "suzhoustuff.csv|",
            "taizhouwan.xlsx|",
            "3201001.csv|",
            "320000_全省.xlsx|",
            "projects.csv|",
    })
    void namesTheCitiesOfItsWordsOnly(String fileName, String codes) {
        String expected = codes == null ? "" : codes;
        assertThat(String.join(";", FileNameCities.of(fileName, REFERENCE))).isEqualTo(expected);
    }
}
