package cn.js.reduction.intake;

import static cn.js.reduction.intake.SpreadsheetShapesTest.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import cn.js.reduction.discover.RawXlsx;
import cn.js.reduction.discover.SheetFiles;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 16: never a silent wrong figure. Each shape is a file made here (xlsx, xls, and CSV where it exists), read
 * through the job's intake path ({@link Intake}), and checked figure by figure and finding by finding.
 */
class NeverSilentTest {

    @TempDir
    Path dir;

    enum Format {
        XLSX, XLS, CSV
    }

    static final String[] HEADER = {"项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间",
        "实际完成时间", "VOCs减排量（吨/年）", "二氧化硫减排量（吨/年）", "NOₓ减排量（吨/年）"};

    /** A complete project row under {@link #HEADER}: NJ-n, 南京, completed 2020-06-30, claims 1, 2 and {@code nox}. */
    static Object[] project(int n, String city, Object nox) {
        return new Object[] {"NJ-" + n, city, "项目" + n, "某公司", "锅炉提标改造项目", "已完成", "2020-06-30", "2020-06-30",
            1, 2, nox};
    }

    private Path file(String name, Format format, List<Object[]> rows) throws Exception {
        if (format == Format.CSV) {
            StringBuilder text = new StringBuilder();
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    text.append(i == 0 ? "" : ",").append(row[i] == null ? "" : row[i].toString());
                }
                text.append("\r\n");
            }
            Path file = dir.resolve(name + ".csv");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }
        Workbook wb = format == Format.XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
        return SheetFiles.write(dir.resolve(name + (format == Format.XLSX ? ".xlsx" : ".xls")), wb, w -> {
            Sheet s = w.createSheet("项目清单");
            for (int r = 0; r < rows.size(); r++) {
                put(s, r + 1, rows.get(r));
            }
        });
    }

    private static ProjectRecord project(RowOutcome<?> o) {
        return (ProjectRecord) o.record();
    }

    private static List<Finding> of(Intake.Read read, Rule rule) {
        return read.rowFindings().stream().filter(f -> f.rule() == rule).toList();
    }

    // ------------------------------------------------------------ point 3: one normalisation (NOₓ, SO₂, full width)

    @ParameterizedTest
    @EnumSource(Format.class)
    void aSubscriptInAHeaderIsReadAsAPersonReadsIt(Format format) throws Exception {
        Intake.Read read = Intake.read(file("南京_项目清单", format, List.of(HEADER, project(1, "南京", 12.5))));

        assertThat(read.accepted()).hasSize(1);
        assertThat(project(read.accepted().get(0)).claims()).containsEntry("NOX", new BigDecimal("12.5"));
        assertThat(of(read, Rule.COLUMN_NOT_READ)).isEmpty();
    }

    @Test
    void pollutantsWrittenWithSubscriptsAreKnown() throws Exception {
        Path file = file("南京_排放量报表", Format.XLSX, List.of(
                new Object[] {"设区市", "污染物", "基准年排放量（吨）", "核算年排放量（吨）"},
                new Object[] {"南京", "NOₓ", 100, 80},
                new Object[] {"南京", "SO₂", 50, 40},
                new Object[] {"南京", "氮氧化物（NOₓ）", 10, 8},
                new Object[] {"南京", "揮發性有機物", 30, 20}));

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).extracting(o -> ((EmissionRecord) o.record()).pollutant().code())
                .containsExactly("NOX", "SO2", "NOX", "VOCS");
    }

    @Test
    void aHeaderInTwoLanguagesOrOnTwoLinesMatchesByEitherPart() throws Exception {
        Path file = file("南京_项目清单", Format.XLSX, List.of(
                new Object[] {"项目编号 / Project ID", "设区市 City", "项目名称\nProject name", "责任单位", "项目类别",
                    "进展状态", "计划完成时间", "实际完成时间", "VOCs减排量\n（吨/年）"},
                new Object[] {"NJ-1", "南京", "项目1", "某公司", "锅炉提标改造项目", "已完成", "2020-06-30", "2020-06-30", 3}));

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().readable()).isTrue();
        assertThat(read.accepted()).hasSize(1);
        assertThat(project(read.accepted().get(0)).claims()).containsEntry("VOCS", new BigDecimal("3"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void headingsRepeatedInEnglishOnTheRowBelowArePartOfTheHeader(Format format) throws Exception {
        Path file = file("南京_项目清单", format, List.of(HEADER,
                new Object[] {"Project ID", "City", "Project name", "Responsible unit", "Category", "Status",
                    "Planned completion", "Actual completion", "VOCs reduction (t/a)", "SO2 reduction (t/a)",
                    "NOx reduction (t/a)"},
                project(1, "南京", 2)));

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).singleElement().satisfies(o -> assertThat(o.isAccepted()).isTrue());
    }

    @Test
    void thousandsSeparatorsOfEveryKindInNumbersTypedAsText() throws Exception {
        Intake.Read read = Intake.read(file("南京_项目清单", Format.CSV, List.of(HEADER,
                project(1, "南京", "1 234.5"), project(2, "南京", "1\u00a0234.5"), project(3, "南京", "1\u2009234.5"),
                project(4, "南京", "\"1，234.5\""), project(5, "南京", "１２３４．５"))));

        assertThat(read.accepted()).extracting(o -> project(o).claims().get("NOX"))
                .containsOnly(new BigDecimal("1234.5")).hasSize(5);
    }

    // ------------------------------------------------------------ point 1: every column read or reported

    @ParameterizedTest
    @EnumSource(Format.class)
    void aColumnHoldingDataIsReadOrReportedByName(Format format) throws Exception {
        Object[] header = {"序号", "项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间",
            "实际完成时间", "氮氧化物减排量（目标）", "联系人"};
        Path file = file("南京_项目清单", format, List.of(header,
                new Object[] {1, "NJ-1", "南京", "项目1", "某公司", "锅炉提标改造项目", "已完成", "2020-06-30", "2020-06-30", 9, "张三"},
                new Object[] {2, "NJ-2", "南京", "项目2", "某公司", "锅炉提标改造项目", "已完成", "2020-06-30", "2020-06-30", 7, null}));

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).hasSize(2);
        // the qualifier 目标 makes it another column: not read, and a WARNING since it names a pollutant
        assertThat(of(read, Rule.COLUMN_NOT_READ)).extracting(Finding::severity, Finding::cell, Finding::value)
                .containsExactly(tuple(Severity.WARNING, "J1", "氮氧化物减排量(目标)"), tuple(Severity.INFO, "K1", "联系人"));
        assertThat(of(read, Rule.COLUMN_NOT_READ).get(0).message()).contains("J 列「氮氧化物减排量(目标)」有 2 个单元格有数据，未读取");
        assertThat(of(read, Rule.COLUMN_NOT_READ).get(1).message()).contains("有 1 个单元格有数据");
        assertThat(of(read, Rule.UNKNOWN_UNIT)).isEmpty();
    }

    // ------------------------------------------------------------ point 2: formulas without a stored value

    /** A project row of 苏州 (RawXlsx's header) whose 总投资 is {@code investment} and whose claims are these cells. */
    private static String formulaRow(int n, String claims) {
        String row = RawXlsx.row(n, "SZ-" + n, "苏州", null, "项目" + n, "某公司", null, "锅炉提标改造项目", "在建", "2020-06-30");
        return row.replace("</row>", "<c r=\"K" + n + "\"><v>100</v></c>" + claims + "</row>");
    }

    private static String formula(String ref, String formula) {
        // as openpyxl and web exports write it: the formula, and no value (or an empty one)
        return "<c r=\"" + ref + "\"><f>" + formula + "</f><v></v></c>";
    }

    @Test
    void aFormulaWithoutItsValueIsEvaluatedFromItsRowOrRejectsTheRow() throws Exception {
        Path file = RawXlsx.write(dir.resolve("苏州_项目清单.xlsx"), xml -> xml.write(RawXlsx.PROJECT_HEADER_ROW
                + formulaRow(2, formula("L2", "K2*0.05") + formula("M2", "SUM(K2:L2)/10") + "<c r=\"N2\"><f>$K$2-1</f></c>")
                + formulaRow(3, formula("L3", "ROUND(K3/3,2)"))
                + formulaRow(4, formula("L4", "L2")) + formulaRow(5, "<c r=\"L5\"><f>K5*2</f><v>7</v></c>")));

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::disposition).containsExactly(
                tuple(2, Disposition.ACCEPTED), tuple(3, Disposition.REJECTED), tuple(4, Disposition.REJECTED),
                tuple(5, Disposition.ACCEPTED));
        assertThat(project(read.accepted().get(0)).claims()).containsEntry("VOCS", new BigDecimal("5"))
                .containsEntry("SO2", new BigDecimal("10.5")).containsEntry("NOX", new BigDecimal("99"));
        // a cached value is the value, whatever the formula says
        assertThat(project(read.accepted().get(1)).claims()).containsEntry("VOCS", new BigDecimal("7"));
        assertThat(of(read, Rule.FORMULA_EVALUATED)).extracting(Finding::cell, Finding::value)
                .containsExactly(tuple("L2", "=K2*0.05"), tuple("M2", "=SUM(K2:L2)/10"), tuple("N2", "=$K$2-1"));
        assertThat(of(read, Rule.FORMULA_NOT_CALCULATED)).extracting(Finding::cell).containsExactly("L3", "L4");
        assertThat(of(read, Rule.FORMULA_NOT_CALCULATED).get(0).message())
                .contains("L3", "=ROUND(K3/3,2)", "请用 Excel 或 WPS 打开文件并保存");
        assertThat(read.rowFindings()).extracting(Finding::rule).doesNotContain(Rule.REQUIRED_MISSING);
    }

    // ------------------------------------------------------------ point 4: doubles as Excel shows them

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"XLSX", "XLS"})
    void aDoubleIsTakenAtFifteenSignificantDigits(Format format) throws Exception {
        Intake.Read read = Intake.read(file("南京_项目清单", format, List.of(HEADER, project(1, "南京", 8.279999999999999))));

        assertThat(project(read.accepted().get(0)).claims()).containsEntry("NOX", new BigDecimal("8.28"));
        assertThat(of(read, Rule.NUMBER_ROUNDED)).isEmpty();
    }

    @Test
    void numbersTypedAsTextKeepEveryDigit() throws Exception {
        Intake.Read read = Intake.read(file("南京_项目清单", Format.CSV, List.of(HEADER,
                project(1, "南京", "\"1,234.5678901\""))));

        assertThat(project(read.accepted().get(0)).claims()).containsEntry("NOX", new BigDecimal("1234.567890"));
        assertThat(of(read, Rule.NUMBER_ROUNDED)).hasSize(1);
    }

    // ------------------------------------------------------------ point 5: rows of the form that are not data

    @ParameterizedTest
    @EnumSource(Format.class)
    void totalsFootersAndNotesAreIgnoredNeverRejected(Format format) throws Exception {
        Path file = file("南京_项目清单", format, List.of(HEADER,
                project(1, "南京", 10),
                project(2, "南京", 5),
                new Object[] {null, "南京", "合计", null, null, null, null, null, 2, 4, 15},
                new Object[] {"汇总", null, null, null, null, null, null, null, 2, 4, 15},
                new Object[] {"说明：减排量按年计"},
                new Object[] {"填表人：张三", null, null, "审核人：李四"},
                new Object[] {"联系电话 025-12345678"},
                new Object[] {"填报日期：2020年12月31日"}));

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).hasSize(2);
        assertThat(read.outcomes()).extracting(RowOutcome::disposition).containsOnly(Disposition.ACCEPTED,
                Disposition.IGNORED);
        assertThat(read.ignored()).hasSize(6);
        assertThat(read.rowFindings()).extracting(Finding::severity).doesNotContain(Severity.ERROR, Severity.WARNING);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aTotalsRowThatDiffersFromItsRowsIsAWarningNamingBoth(Format format) throws Exception {
        Path file = file("南京_项目清单", format, List.of(HEADER,
                project(1, "南京", 10),
                project(2, "南京", 5.5),
                new Object[] {"合计", null, null, null, null, null, null, null, 2, 4, 16}));

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).hasSize(2);
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).singleElement().satisfies(f -> {
            assertThat(f.cell()).isEqualTo("K4");
            assertThat(f.message()).contains("为 16", "上方各行之和 15.5");
        });
    }

    @Test
    void anEmissionRowOfAllSourcesIsDataUnlessItTotalsRowsAboveIt() throws Exception {
        Path file = file("排放量报表", Format.XLSX, List.of(
                new Object[] {"设区市", "污染物", "排放源类别", "基准年排放量（吨）", "核算年排放量（吨）"},
                new Object[] {"南京", "二氧化硫", "工业源", 60, 50},
                new Object[] {"南京", "二氧化硫", "移动源", 40, 30},
                new Object[] {"南京", "二氧化硫", "合计", 100, 80},
                new Object[] {"无锡", "二氧化硫", "合计", 70, 60},
                new Object[] {"徐州", "二氧化硫", "合计", 50, 45}));

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::disposition).containsExactly(Disposition.ACCEPTED,
                Disposition.ACCEPTED, Disposition.IGNORED, Disposition.ACCEPTED, Disposition.ACCEPTED);
        assertThat(read.accepted()).extracting(o -> ((EmissionRecord) o.record()).reportingT())
                .containsExactly(new BigDecimal("50"), new BigDecimal("30"), new BigDecimal("60"), new BigDecimal("45"));
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).isEmpty();
    }

    // ------------------------------------------------------------ point 9: the cities' own words

    @Test
    void aCityWrittenWithItsDistrictCountsForItsCity() throws Exception {
        Path file = file("项目清单", Format.XLSX, List.of(HEADER,
                project(1, "江阴市", 1), project(2, "常州市武进区", 1), project(3, "无锡市区", 1), project(4, "昆山", 1),
                project(5, "鼓楼区", 1), project(6, "南京市鼓楼区", 1), project(7, "苏州工业园区", 1),
                project(8, "南京市本级", 1)));

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::cityCode)
                .containsExactly("320200", "320400", "320200", "320500", null, "320100", "320500", "320100");
        assertThat(of(read, Rule.CITY_FROM_DISTRICT)).extracting(Finding::value)
                .containsExactly("江阴市", "常州市武进区", "无锡市区", "昆山", "南京市鼓楼区", "苏州工业园区", "南京市本级");
        // 鼓楼区 alone is in 南京 and in 徐州: not guessed
        assertThat(of(read, Rule.UNKNOWN_CITY)).extracting(Finding::value).containsExactly("鼓楼区");
    }

    @Test
    void datesStatusesAndCategoriesAsThePlanWritesThem() throws Exception {
        Path file = file("南京_项目清单", Format.XLSX, List.of(HEADER,
                row(1, "锅炉提标改造项目", "已完工", "2020年底", "2020年末"),
                row(2, "VOCs污染治理项目-源头替代", "施工中", "年底", null),
                row(3, "建筑工地扬尘治理项目", "在建中", "2020年上半年", null),
                row(4, "扬尘治理项目（码头堆场扬尘治理）", "已投运", "2020年第三季度", "2020年9月")));

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).hasSize(4);
        assertThat(read.accepted()).extracting(o -> project(o).categoryCode())
                .containsExactly("BOILER", "VOC_SUBST", "DUST_SITE", "DUST_WHARF");
        assertThat(read.accepted()).extracting(o -> project(o).status())
                .containsExactly(ProjectStatus.COMPLETED, ProjectStatus.IN_PROGRESS, ProjectStatus.IN_PROGRESS,
                        ProjectStatus.COMPLETED);
        assertThat(read.accepted()).extracting(o -> project(o).plannedCompletion()).containsExactly(
                LocalDate.of(2020, 12, 31), LocalDate.of(2020, 12, 31), LocalDate.of(2020, 6, 30),
                LocalDate.of(2020, 9, 30));
    }

    private static Object[] row(int n, String category, String status, String planned, String actual) {
        return new Object[] {"NJ-" + n, "南京", "项目" + n, "某公司", category, status, planned, actual, 1, 2, 3};
    }
}
