package cn.js.reduction.discover;

import cn.js.reduction.intake.ReferenceFixture;
import cn.js.reduction.core.FileKind;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import static cn.js.reduction.discover.Field.ACTUAL_COMPLETION;
import static cn.js.reduction.discover.Field.BASE_T;
import static cn.js.reduction.discover.Field.CATEGORY;
import static cn.js.reduction.discover.Field.CITY;
import static cn.js.reduction.discover.Field.CREDIT_CODE;
import static cn.js.reduction.discover.Field.DISTRICT;
import static cn.js.reduction.discover.Field.INVESTMENT;
import static cn.js.reduction.discover.Field.PLANNED_COMPLETION;
import static cn.js.reduction.discover.Field.POLLUTANT;
import static cn.js.reduction.discover.Field.PROJECT_ID;
import static cn.js.reduction.discover.Field.PROJECT_NAME;
import static cn.js.reduction.discover.Field.REMARKS;
import static cn.js.reduction.discover.Field.REPORTING_T;
import static cn.js.reduction.discover.Field.RESPONSIBLE_UNIT;
import static cn.js.reduction.discover.Field.SECTOR;
import static cn.js.reduction.discover.Field.STATUS;
import static cn.js.reduction.discover.Sheet.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderLocatorTest {

    /** The 2020 project list's claim columns, one per pollutant of its pollutants.csv. */
    private static final java.util.List<Field> CLAIMS = Field.claims(ReferenceFixture.jiangsu2020().claimPollutants());
    private static final Field VOC_T = CLAIMS.get(0);
    private static final Field SO2_T = CLAIMS.get(1);
    private static final Field NOX_T = CLAIMS.get(2);
    private static final Field PM_T = CLAIMS.get(3);

    private final HeaderLocator locator = new HeaderLocator(ReferenceFixture.jiangsu2020());

    private static final Object[] PROJECT_HEADER = {
            "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别", "进展状态",
            "计划完成时间", "实际完成时间", "总投资（万元）", "VOCs减排量（吨/年）", "二氧化硫减排量（吨/年）",
            "氮氧化物减排量（吨/年）", "颗粒物减排量（吨/年）", "备注"};

    private Header locate(RawRow... rows) {
        Optional<Header> header = locator.locate(Sheet.NAME, List.of(rows));
        assertThat(header).as("a header is found").isPresent();
        return header.get();
    }

    @Test
    void templateHeaderInTheFirstRowNamesEveryProjectColumn() {
        Header header = locate(
                row(1, PROJECT_HEADER),
                row(2, "NJ-001", "南京", "江宁区", "某厂VOCs治理", "某厂", null, "BOILER", "在建", "2020-06-30"));

        assertThat(header.kind()).isEqualTo(FileKind.PROJECTS);
        assertThat(header.sheet()).isEqualTo(Sheet.NAME);
        assertThat(header.headerRowNumber()).isEqualTo(1);
        assertThat(header.columns()).containsExactly(
                entry(PROJECT_ID, 0), entry(CITY, 1), entry(DISTRICT, 2), entry(PROJECT_NAME, 3),
                entry(RESPONSIBLE_UNIT, 4), entry(CREDIT_CODE, 5), entry(CATEGORY, 6), entry(STATUS, 7),
                entry(PLANNED_COMPLETION, 8), entry(ACTUAL_COMPLETION, 9), entry(INVESTMENT, 10), entry(VOC_T, 11),
                entry(SO2_T, 12), entry(NOX_T, 13), entry(PM_T, 14), entry(REMARKS, 15));
        assertThat(header.missingRequired()).isEmpty();
        assertThat(header.isComplete()).isTrue();
    }

    @Test
    void titleRowsAndBlankRowsAboveTheHeaderAreSkipped() {
        Header header = locate(
                row(1, "附件"),
                row(2, "南京市2020年大气污染防治工程项目清单"),
                row(3, "填报单位：南京市生态环境局", null, null, null, null, null, null, "填报日期：2020年7月"),
                row(4),
                row(6, PROJECT_HEADER),
                row(7, "NJ-001", "南京"));

        assertThat(header.headerRowNumber()).isEqualTo(6);
        assertThat(header.columns()).hasSize(16);
    }

    @Test
    void columnsInAnyOrderAreMatchedByTheirHeaderAndExtraColumnsIgnored() {
        Header header = locate(row(1,
                "序号", "备注", "进展状态", "项目名称", "设区市", "联系人", "项目类别", "责任单位", "计划完成时间",
                "项目编号", "联系电话"));

        assertThat(header.columns()).containsOnly(
                entry(REMARKS, 1), entry(STATUS, 2), entry(PROJECT_NAME, 3), entry(CITY, 4), entry(CATEGORY, 6),
                entry(RESPONSIBLE_UNIT, 7), entry(PLANNED_COMPLETION, 8), entry(PROJECT_ID, 9));
        assertThat(header.missingRequired()).isEmpty();
    }

    @Test
    void aliasesPeopleUseNameTheSameColumns() {
        Header header = locate(row(1,
                "项目代码", "城市", "县区", "项目全称", "实施单位", "社会信用代码", "项目类型", "进展情况", "计划完成日期",
                "实际完成日期", "项目总投资", "挥发性有机物减排量", "SO2减排量", "NOx减排量", "烟粉尘减排量", "说明"));

        assertThat(header.columns()).hasSize(16);
        assertThat(header.column(SO2_T)).isEqualTo(12);
        assertThat(header.column(PM_T)).isEqualTo(14);
    }

    /** 二氧化硫（SO2）减排量: the pollutant named with its formula, as reports write it, names the same column. */
    @Test
    void aPollutantWrittenWithItsFormulaNamesTheSameColumn() {
        Header header = locate(row(1,
                "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间",
                "挥发性有机物（VOCs）减排量（t/a）", "二氧化硫（SO2）减排量（吨/年）", "氮氧化物(NOx)减排量(吨/年)",
                "SO₂减排量（吨/年）"));

        assertThat(header.column(VOC_T)).isEqualTo(7);
        assertThat(header.column(SO2_T)).isEqualTo(8);
        assertThat(header.column(NOX_T)).isEqualTo(9);

        Header twoRows = locate(
                row(1, "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间", "减排量（吨/年）"),
                row(2, null, null, null, null, null, null, null, "挥发性有机物（VOCs）", "二氧化硫（SO2）", "氮氧化物（NOx）",
                        "颗粒物"));
        assertThat(twoRows.column(VOC_T)).isEqualTo(7);
        assertThat(twoRows.column(SO2_T)).isEqualTo(8);
        assertThat(twoRows.column(NOX_T)).isEqualTo(9);
        assertThat(twoRows.column(PM_T)).isEqualTo(10);

        Header emissions = locate(row(1, "设区市", "污染物", "二氧化硫（SO2）2015年排放量（吨）", "核算年排放量（吨）"));
        assertThat(emissions.column(BASE_T)).isNull();
    }

    @Test
    void aTrailingUnitInBracketsOfAnyKindIsIgnored() {
        Header header = locate(row(1,
                "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间",
                "总投资(万元)", "VOCs减排量[吨/年]", "二氧化硫减排量【吨/年】", "氮氧化物减排量（吨）", "颗粒物减排量 （t/a）"));

        assertThat(header.column(INVESTMENT)).isEqualTo(7);
        assertThat(header.column(VOC_T)).isEqualTo(8);
        assertThat(header.column(SO2_T)).isEqualTo(9);
        assertThat(header.column(NOX_T)).isEqualTo(10);
        assertThat(header.column(PM_T)).isEqualTo(11);
    }

    @Test
    void fullWidthFormsWhiteSpaceLineBreaksCaseAndRequiredMarksAreIgnored() {
        Header header = locate(row(1,
                "项 目 编 号", "*设区市", "县(市、区)", "项目\n名称", "责任单位*", "项目类别", "进展状态",
                "计划完成时间", "ｖｏｃｓ减排量（吨／年）", "ＳＯ２减排量", "　备注　"));

        assertThat(header.columns()).containsOnly(
                entry(PROJECT_ID, 0), entry(CITY, 1), entry(DISTRICT, 2), entry(PROJECT_NAME, 3),
                entry(RESPONSIBLE_UNIT, 4), entry(CATEGORY, 5), entry(STATUS, 6), entry(PLANNED_COMPLETION, 7),
                entry(VOC_T, 8), entry(SO2_T, 9), entry(REMARKS, 10));
    }

    @Test
    void theDistrictColumnIsNotTakenForTheCity() {
        Header header = locate(row(1, "项目编号", "县（市、区）", "项目名称", "设区市"));

        assertThat(header.column(DISTRICT)).isEqualTo(1);
        assertThat(header.column(CITY)).isEqualTo(3);
    }

    /** The layout docs/input-format.md names: 减排量（吨/年） merged over four columns, the others merged down two rows. */
    @Test
    void twoRowHeaderWithAMergedReductionGroupNamesTheFourReductionColumns() {
        Header header = locate(
                row(1, "2020年大气污染防治工程项目清单"),
                row(2, "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别",
                        "进展状态", "计划完成时间", "实际完成时间", "总投资（万元）", "减排量（吨/年）", null, null, null,
                        "备注"),
                row(3, null, null, null, null, null, null, null, null, null, null, null,
                        "VOCs", "二氧化硫", "氮氧化物", "颗粒物", null),
                row(4, "NJ-001", "南京", "江宁区", "某厂VOCs治理", "某厂", null, "BOILER", "在建", "2020-06-30",
                        null, 120, 1.5, 0, 0, 0, null));

        assertThat(header.headerRowNumber()).as("data starts below the second header row").isEqualTo(3);
        assertThat(header.columns()).contains(
                entry(PROJECT_ID, 0), entry(INVESTMENT, 10), entry(VOC_T, 11), entry(SO2_T, 12), entry(NOX_T, 13),
                entry(PM_T, 14), entry(REMARKS, 15));
        assertThat(header.columns()).hasSize(16);
        assertThat(header.missingRequired()).isEmpty();
    }

    @Test
    void twoRowHeaderWithThePollutantAboveTheWordReduction() {
        Header header = locate(
                row(1, "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间", "VOCs",
                        "二氧化硫"),
                row(2, null, null, null, null, null, null, null, "减排量（吨/年）", "减排量（吨/年）"));

        assertThat(header.headerRowNumber()).isEqualTo(2);
        assertThat(header.column(VOC_T)).isEqualTo(7);
        assertThat(header.column(SO2_T)).isEqualTo(8);
    }

    @Test
    void aGroupRowAboveAFullHeaderRowLeavesTheSingleRowAsTheHeader() {
        Header header = locate(
                row(1, "基本信息", null, null, null, null, "进展情况"),
                row(2, "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间"),
                row(3, "NJ-001", "南京", "某厂VOCs治理", "某厂", "BOILER", "在建", "2020-06-30"));

        assertThat(header.headerRowNumber()).isEqualTo(2);
        assertThat(header.columns()).hasSize(7);
    }

    @Test
    void theFirstDataRowIsNotTakenForASecondHeaderRow() {
        Header header = locate(
                row(1, "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间", "备注"),
                row(2, "NJ-001", "南京", "某厂VOCs治理", "某厂", "BOILER", "在建", "2020-06-30", null));

        assertThat(header.headerRowNumber()).isEqualTo(1);
    }

    @Test
    void emissionReportWithTheTemplateHeaders() {
        Header header = locate(
                row(1, "2020年大气污染物排放量报表"),
                row(2, "设区市", "污染物", "排放源类别", "基准年排放量（吨）", "核算年排放量（吨）", "备注"));

        assertThat(header.kind()).isEqualTo(FileKind.EMISSIONS);
        assertThat(header.headerRowNumber()).isEqualTo(2);
        assertThat(header.columns()).containsOnly(entry(CITY, 0), entry(POLLUTANT, 1), entry(SECTOR, 2),
                entry(BASE_T, 3), entry(REPORTING_T, 4), entry(REMARKS, 5));
        assertThat(header.missingRequired()).isEmpty();
    }

    @Test
    void emissionColumnsMayBeHeadedByTheirYears() {
        Header header = locate(row(1, "设区市", "污染物", "2015年排放量（吨）", "2020年排放量（吨）"));

        assertThat(header.column(BASE_T)).isEqualTo(2);
        assertThat(header.column(REPORTING_T)).isEqualTo(3);
    }

    @Test
    void theReportingYearHeaderOfAnotherYearIsNotTheReportingColumn() {
        Optional<Header> header = new HeaderLocator(2021, 2015, ReferenceFixture.jiangsu2020().claimPollutants())
                .locate(Sheet.NAME, List.of(row(1, "设区市", "污染物", "2015年排放量（吨）", "2020年排放量（吨）")));

        assertThat(header).isPresent();
        assertThat(header.get().column(REPORTING_T)).isNull();
        assertThat(header.get().missingRequired()).containsExactly(REPORTING_T);
    }

    @Test
    void emissionReportWithATwoRowYearHeader() {
        Header header = locate(
                row(1, "设区市", "污染物", "排放量（吨）", null, "备注"),
                row(2, null, null, "基准年", "核算年", null));

        assertThat(header.headerRowNumber()).isEqualTo(2);
        assertThat(header.columns()).containsOnly(entry(CITY, 0), entry(POLLUTANT, 1), entry(BASE_T, 2),
                entry(REPORTING_T, 3), entry(REMARKS, 4));
    }

    @Test
    void missingRequiredColumnsAreListedInTheSpecOrderAndNamedInTheFinding() {
        Header header = locate(
                row(1, "项目清单"),
                row(2, "项目编号", "设区市", "责任单位", "项目类别", "计划完成时间", "备注"));

        assertThat(header.kind()).isEqualTo(FileKind.PROJECTS);
        assertThat(header.missingRequired()).containsExactly(PROJECT_NAME, STATUS);
        assertThat(header.isComplete()).isFalse();

        Finding finding = header.missingColumnFinding("nanjing_20200701.xlsx").orElseThrow();
        assertThat(finding.rule()).isEqualTo(Rule.MISSING_COLUMN);
        assertThat(finding.severity()).isEqualTo(Severity.ERROR);
        assertThat(finding.file()).isEqualTo("nanjing_20200701.xlsx");
        assertThat(finding.row()).isEqualTo(2);
        assertThat(finding.message()).contains("项目名称、进展状态").contains("第2行");
    }

    @Test
    void aCompleteHeaderHasNoMissingColumnFinding() {
        assertThat(locate(row(1, PROJECT_HEADER)).missingColumnFinding("f.xlsx")).isEmpty();
    }

    @Test
    void aSheetWithoutARecognisableHeaderHasNone() {
        assertThat(locator.locate("说明", List.of(
                row(1, "填报说明"),
                row(2, "1. 项目编号由设区市统一编制"),
                row(3, "2. 设区市", "项目名称")))).isEmpty();
        assertThat(locator.locate("空表", List.of())).isEmpty();
    }

    @Test
    void aHeaderNeedsASignatureColumnOfItsKind() {
        // 设区市, 县, 备注 are three columns, but nothing says what the rows are
        assertThat(locator.locate(Sheet.NAME, List.of(row(1, "设区市", "县（市、区）", "备注", "责任单位")))).isEmpty();
    }

    @Test
    void aHeaderBelowRowTwentyIsNotLookedFor() {
        List<RawRow> rows = new ArrayList<>();
        for (int r = 1; r <= 20; r++) {
            rows.add(row(r, "说明第" + r + "行"));
        }
        rows.add(row(21, PROJECT_HEADER));

        assertThat(locator.locate(Sheet.NAME, rows)).isEmpty();
        rows.set(19, row(20, PROJECT_HEADER));
        assertThat(locator.locate(Sheet.NAME, rows)).map(Header::headerRowNumber).contains(20);
    }

    @Test
    void anEmissionReportLaidOutLikeAnnexTwoHasAGroupPerPollutant() {
        // a CSV's two rows: each pollutant written once over its two years, a 备注 beside them
        Header header = locate(
                row(1, "2020年各设区市主要大气污染物排放量"),
                row(2, "城市", "二氧化硫（SO2）", null, "VOCs排放量", null, "备注"),
                row(3, null, "2015年", "2020年", "2015年", "2020年"),
                row(4, "南京", 500, 400, 1000, 800));

        assertThat(header.kind()).isEqualTo(FileKind.EMISSIONS);
        assertThat(header.isComplete()).isTrue();
        assertThat(header.isWide()).isTrue();
        assertThat(header.headerRowNumber()).isEqualTo(3);
        assertThat(header.columns()).containsOnly(entry(CITY, 0), entry(REMARKS, 5));
        assertThat(header.groups()).extracting(g -> g.pollutant() + " " + g.cell() + " " + g.baseColumn() + " "
                + g.reportingColumn()).containsExactly("SO2 B2 1 2", "VOCS D2 3 4");
        assertThat(header.parts()).extracting(h -> h.column(BASE_T) + "/" + h.column(REPORTING_T) + "/" + h.part())
                .containsExactly("1/2/1", "3/4/2");
        assertThat(header.readColumns()).containsExactly(0, 1, 2, 3, 4, 5);
    }
}
