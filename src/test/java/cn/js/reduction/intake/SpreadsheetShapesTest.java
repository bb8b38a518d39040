package cn.js.reduction.intake;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.HeaderLocator;
import cn.js.reduction.discover.MergedCells;
import cn.js.reduction.discover.SheetFiles;
import cn.js.reduction.discover.SubmissionSniffer;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spreadsheets as city clerks really make them (issue 7): merged cells in the header and the data, rows spread
 * over several sheets, hidden sheets, sheets without a header, the header repeated inside the data, and units in
 * the headers or in a note above them. Each file is made here, in each format the shape exists in, and read
 * through the job's own intake path ({@link Intake}).
 */
class SpreadsheetShapesTest {

    @TempDir
    Path dir;

    enum Format {
        XLSX("xlsx"), XLS("xls");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        Workbook newWorkbook() {
            return this == XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
        }
    }

    static final Object[] PROJECT_HEADER = {
            "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别", "进展状态",
            "计划完成时间", "实际完成时间", "总投资（万元）", "VOCs减排量（吨/年）", "二氧化硫减排量（吨/年）",
            "氮氧化物减排量（吨/年）", "颗粒物减排量（吨/年）", "备注"};

    /** Puts the values in the 1-based row from column A; null leaves a cell out, a Number is a numeric cell. */
    static Row put(Sheet sheet, int rowNumber, Object... values) {
        Row row = sheet.getRow(rowNumber - 1) != null ? sheet.getRow(rowNumber - 1) : sheet.createRow(rowNumber - 1);
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number n) {
                row.createCell(i).setCellValue(n.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
        return row;
    }

    static void merge(Sheet sheet, String range) {
        sheet.addMergedRegion(CellRangeAddress.valueOf(range));
    }

    private Path workbook(String name, Format format, SheetFiles.WorkbookContent content) throws Exception {
        return SheetFiles.write(dir.resolve(name + "." + format.extension), format.newWorkbook(), content);
    }

    private Path csv(String name, String text) throws Exception {
        Path file = dir.resolve(name + ".csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static ProjectRecord project(RowOutcome<?> o) {
        return (ProjectRecord) o.record();
    }

    private static EmissionRecord emission(RowOutcome<?> o) {
        return (EmissionRecord) o.record();
    }

    // ---------------------------------------------------------------- merged cells

    /**
     * The usual layout of a government table: a title merged across, a two-row header (减排量（吨/年） merged over
     * the four pollutants, the other headings merged down both rows), 设区市 merged down every data row (and two
     * styled rows past the last project), 项目类别 merged over each run of one category, and one project whose
     * planned and actual completion are one cell merged across.
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void mergedCellsReadAsTheirTopLeftValueInEveryCellTheyCover(Format format) throws Exception {
        Path file = workbook("南京_项目清单", format, wb -> {
            Sheet s = wb.createSheet("项目清单");
            put(s, 1, "南京市2020年大气污染防治工程项目清单");
            merge(s, "A1:P1");
            put(s, 2, "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别", "进展状态",
                    "计划完成时间", "实际完成时间", "总投资（万元）", "减排量（吨/年）", null, null, null, "备注");
            put(s, 3, null, null, null, null, null, null, null, null, null, null, null,
                    "VOCs", "二氧化硫", "氮氧化物", "颗粒物");
            for (String column : List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "P")) {
                merge(s, column + "2:" + column + "3");
            }
            merge(s, "L2:O2");
            for (int i = 0; i < 10; i++) {
                int r = 4 + i;
                put(s, r, "NJ-" + (i + 1), i == 0 ? "南京" : null, "江宁区", "治理项目" + (i + 1), "某公司" + (i + 1), null,
                        i == 0 ? "锅炉提标改造项目" : i == 4 ? "VOCs源头替代项目" : null, "在建", "2020-12-31", null,
                        100, i + 1, 0, 0, 0);
            }
            put(s, 13, null, null, null, null, null, null, null, "已完成", "2020-06-30");
            merge(s, "I13:J13");
            // two rows past the data, stored only because the merged 设区市 runs over them
            put(s, 14, null, null, "");
            put(s, 15, null, null, "");
            merge(s, "B4:B15");
            merge(s, "G4:G7");
            merge(s, "G8:G13");
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().readable()).isTrue();
        assertThat(read.sniff().header().headerRowNumber()).isEqualTo(3);
        assertThat(read.sniff().findings()).isEmpty();
        assertThat(read.rowFindings()).isEmpty();
        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::disposition).containsExactly(
                tuple(4, Disposition.ACCEPTED), tuple(5, Disposition.ACCEPTED), tuple(6, Disposition.ACCEPTED),
                tuple(7, Disposition.ACCEPTED), tuple(8, Disposition.ACCEPTED), tuple(9, Disposition.ACCEPTED),
                tuple(10, Disposition.ACCEPTED), tuple(11, Disposition.ACCEPTED), tuple(12, Disposition.ACCEPTED),
                tuple(13, Disposition.ACCEPTED));
        // rows 14 and 15 hold nothing of their own (the merged 设区市 only runs over them): no rows read (issue 22)
        assertThat(read.accepted()).extracting(o -> project(o).cityCode()).containsOnly("320100");
        assertThat(read.accepted()).extracting(o -> project(o).categoryCode()).containsExactly(
                "BOILER", "BOILER", "BOILER", "BOILER",
                "VOC_SUBST", "VOC_SUBST", "VOC_SUBST", "VOC_SUBST", "VOC_SUBST", "VOC_SUBST");
        // the reduction columns are named by the merged cell above them
        assertThat(read.accepted()).extracting(o -> project(o).claim("VOCS").intValue())
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        ProjectRecord last = project(read.accepted().get(9));
        assertThat(last.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThat(last.plannedCompletion()).isEqualTo(LocalDate.of(2020, 6, 30));
        assertThat(last.actualCompletion()).isEqualTo(LocalDate.of(2020, 6, 30));
    }

    /**
     * Merges are looked for in a sheet's bytes before its XML is parsed for them; a part in UTF-16 (legal XML,
     * rare) does not spell &lt;mergeCell&gt; in ASCII bytes, and its merges must still be read.
     */
    @Test
    void mergedCellsOfASheetStoredInUtf16AreRead() throws Exception {
        Path utf8 = workbook("merge_utf8", Format.XLSX, wb -> {
            Sheet s = wb.createSheet("项目清单");
            put(s, 1, PROJECT_HEADER);
            put(s, 2, "NJ-1", "南京", null, "项目一", "某公司", null, "锅炉提标改造项目", "在建", "2020-12-31");
            put(s, 3, "NJ-2", null, null, "项目二", "某公司", null, "锅炉提标改造项目", "在建", "2020-12-31");
            merge(s, "B2:B3");
        });
        Path file = dir.resolve("南京_utf16.xlsx");
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(utf8));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8).replaceFirst("encoding=\"UTF-8\"",
                            "encoding=\"UTF-16\"");
                    assertThat(xml).contains("<mergeCell ");
                    bytes = xml.getBytes(StandardCharsets.UTF_16);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }

        Intake.Read read = Intake.read(file);

        assertThat(read.rowFindings()).isEmpty();
        assertThat(read.accepted()).extracting(o -> project(o).cityCode()).containsExactly("320100", "320100");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aMergeWhoseTopLeftIsBlankLeavesEveryCellItCoversBlank(Format format) throws Exception {
        Path file = workbook("merge_blank", format, wb -> {
            Sheet s = wb.createSheet("项目清单");
            put(s, 1, PROJECT_HEADER);
            put(s, 2, "NJ-1", null, null, "项目一", "某公司", null, "BOILER", "在建", "2020-12-31");
            put(s, 3, "NJ-2", "南京", null, "项目二", "某公司", null, "BOILER", "在建", "2020-12-31");
            merge(s, "B2:B3"); // Excel keeps only the top-left value: 南京 under it is not shown
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::disposition)
                .containsExactly(Disposition.REJECTED, Disposition.REJECTED);
        assertThat(read.rowFindings()).extracting(Finding::rule, Finding::cell).containsExactly(
                tuple(Rule.REQUIRED_MISSING, "B2"), tuple(Rule.REQUIRED_MISSING, "B3"));
    }

    // ---------------------------------------------------------------- every sheet

    /**
     * A city's workbook as it arrives: projects on two sheets under the same header, an instructions sheet, a
     * hidden draft, a sheet of data whose header was deleted, an emission report on a sheet of its own, and a very
     * hidden list for drop-downs.
     */
    @ParameterizedTest
    @EnumSource(Format.class)
    void everySheetWithAHeaderIsReadAndEverySheetWithDataLeftUnreadIsReported(Format format) throws Exception {
        Path file = workbook("苏州_项目清单", format, wb -> {
            Sheet city = wb.createSheet("市区项目");
            put(city, 1, PROJECT_HEADER);
            put(city, 2, "SZ-1", "苏州", "姑苏区", "项目一", "某公司", null, "BOILER", "在建", "2020-12-31", null, 10);
            put(city, 3, "SZ-2", "苏州", "姑苏区", "项目二", "某公司", null, "KILN", "在建", "2020-12-31", null, 20);
            Sheet guide = wb.createSheet("填报说明");
            put(guide, 1, "填报说明");
            put(guide, 2, "1. 每个项目填写一行，项目编号不得重复。");
            put(guide, 3, "列名", "是否必填", "说明");
            put(guide, 4, "项目编号", "是", "本市统一编号");
            put(guide, 5, "计划完成时间", "是", "如 2020-06-30");
            Sheet county = wb.createSheet("县区项目");
            put(county, 1, "县区项目");
            put(county, 2, PROJECT_HEADER);
            put(county, 3, "SZ-3", "苏州", "昆山市", "项目三", "某公司", null, "BOILER", "在建", "2020-12-31");
            put(county, 4, "SZ-4", "苏州", "常熟市", "项目四", "某公司", null, "BOILER", "已完成", "2020-06-30",
                    "2020-06-01");
            put(county, 5, "SZ-5", "苏州", "太仓市", "项目五", "某公司", null, "KILN", "未开工", "2020-12-31");
            Sheet draft = wb.createSheet("草稿");
            put(draft, 1, PROJECT_HEADER);
            put(draft, 2, "SZ-9", "苏州", "吴江区", "作废项目", "某公司", null, "BOILER", "在建", "2020-12-31", null, 5);
            put(draft, 3, "SZ-8", "苏州", "吴江区", "作废项目", "某公司", null, "BOILER", "在建", "2020-12-31", null, 5);
            wb.setSheetHidden(wb.getSheetIndex(draft), true);
            Sheet headless = wb.createSheet("Sheet3");
            put(headless, 1, "SZ-6", "苏州", "吴中区", "项目六", "某公司", null, "BOILER", "在建", "2020-12-31", null, 30);
            put(headless, 2, "SZ-7", "苏州", "吴中区", "项目七", "某公司", null, "BOILER", "在建", "2020-12-31", null, 40);
            Sheet emissions = wb.createSheet("排放量");
            put(emissions, 1, "设区市", "污染物", "基准年排放量（吨）", "核算年排放量（吨）");
            put(emissions, 2, "苏州", "VOCs", 1000, 800);
            Sheet lists = wb.createSheet("lists");
            put(lists, 1, "设区市", "项目类别", "进展状态");
            put(lists, 2, "南京", "锅炉提标改造项目", "在建");
            wb.setSheetVisibility(wb.getSheetIndex(lists), SheetVisibility.VERY_HIDDEN);
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().kind()).isEqualTo(FileKind.PROJECTS);
        assertThat(read.outcomes()).extracting(RowOutcome::sheet, RowOutcome::rowNumber, RowOutcome::disposition)
                .containsExactly(
                        tuple("市区项目", 2, Disposition.ACCEPTED), tuple("市区项目", 3, Disposition.ACCEPTED),
                        tuple("县区项目", 3, Disposition.ACCEPTED), tuple("县区项目", 4, Disposition.ACCEPTED),
                        tuple("县区项目", 5, Disposition.ACCEPTED));
        assertThat(read.accepted()).extracting(o -> project(o).projectId())
                .containsExactly("SZ-1", "SZ-2", "SZ-3", "SZ-4", "SZ-5");
        assertThat(read.sniff().findings()).extracting(Finding::severity, Finding::rule, Finding::sheet)
                .containsExactly(
                        tuple(Severity.WARNING, Rule.SHEET_NOT_READ, "草稿"),
                        tuple(Severity.WARNING, Rule.SHEET_NOT_READ, "Sheet3"),
                        tuple(Severity.WARNING, Rule.SHEET_NOT_READ, "排放量"));
        assertThat(read.sniff().findings().get(0).message()).contains("隐藏").contains("取消隐藏");
        assertThat(read.sniff().findings().get(1).message()).contains("没有可识别的").contains("表头");
        assertThat(read.sniff().findings().get(2).message()).contains("排放量报表").contains("单独的文件");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aSheetWhoseHeaderLacksAColumnIsAnErrorWhileTheOtherSheetsAreRead(Format format) throws Exception {
        Path file = workbook("two_sheets", format, wb -> {
            Sheet broken = wb.createSheet("一");
            put(broken, 1, "项目编号", "设区市", "项目名称", "项目类别");
            put(broken, 2, "NJ-1", "南京", "项目一", "BOILER");
            Sheet good = wb.createSheet("二");
            put(good, 1, PROJECT_HEADER);
            put(good, 2, "NJ-2", "南京", null, "项目二", "某公司", null, "BOILER", "在建", "2020-12-31");
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().readable()).isTrue();
        assertThat(read.outcomes()).extracting(RowOutcome::sheet, RowOutcome::disposition)
                .containsExactly(tuple("二", Disposition.ACCEPTED));
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::sheet)
                .containsExactly(tuple(Rule.MISSING_COLUMN, "一"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aFileWhoseOnlyHeaderLacksColumnsIsSkippedWithTheHeaderRowsFinding(Format format) throws Exception {
        Path file = workbook("lacking", format, wb -> {
            Sheet sheet = wb.createSheet("清单");
            put(sheet, 1, "南京市项目清单");
            put(sheet, 2, "项目编号", "设区市", "项目名称", "项目类别");
            put(sheet, 3, "NJ-1", "南京", "项目一", "BOILER");
        });

        SubmissionSniffer.Result sniff = Intake.read(file).sniff();

        assertThat(sniff.readable()).isFalse();
        assertThat(sniff.problem()).isEqualTo(Rule.MISSING_COLUMN);
        Finding finding = sniff.findings().get(0);
        assertThat(sniff.findings()).hasSize(1);
        assertThat(finding.rule()).isEqualTo(Rule.MISSING_COLUMN);
        assertThat(finding.sheet()).isEqualTo("清单");
        assertThat(finding.row()).isEqualTo(2);
        assertThat(finding.message()).contains("工作表「清单」第2行的项目清单表头缺少必需的列")
                .contains("进展状态").contains("计划完成时间").contains("请按模板补齐这些列");
        // the message the file list and validate show is the finding's own, not a second wording
        assertThat(sniff.message()).isEqualTo(finding.message());
    }

    // ---------------------------------------------------------------- repeated header rows

    @ParameterizedTest
    @EnumSource(Format.class)
    void aHeaderRepeatedInsideTheDataIsIgnored(Format format) throws Exception {
        Path file = workbook("repeated", format, wb -> {
            Sheet s = wb.createSheet("项目清单");
            Object[] header = new Object[PROJECT_HEADER.length + 1];
            header[0] = "序号";
            System.arraycopy(PROJECT_HEADER, 0, header, 1, PROJECT_HEADER.length);
            put(s, 1, header);
            put(s, 2, 1, "NJ-1", "南京", null, "项目一", "某公司", null, "BOILER", "在建", "2020-12-31");
            put(s, 3, 2, "NJ-2", "南京", null, "项目二", "某公司", null, "BOILER", "在建", "2020-12-31");
            put(s, 4, header);
            put(s, 5, 3, "NJ-3", "南京", null, "项目三", "某公司", null, "BOILER", "在建", "2020-12-31");
            put(s, 6, header);
            put(s, 7, 4, "NJ-4", "南京", null, "项目四", "某公司", null, "BOILER", "在建", "2020-12-31");
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::disposition).containsExactly(
                tuple(2, Disposition.ACCEPTED), tuple(3, Disposition.ACCEPTED), tuple(4, Disposition.IGNORED),
                tuple(5, Disposition.ACCEPTED), tuple(6, Disposition.IGNORED), tuple(7, Disposition.ACCEPTED));
        assertThat(read.rowFindings()).isEmpty();
    }

    @Test
    void aHeaderRepeatedInsideACsvIsIgnoredEvenWithItsSpacingChanged() throws Exception {
        Path file = csv("emissions", "设区市,污染物,基准年排放量（吨）,核算年排放量（吨）\n"
                + "南京,VOCs,1000,800\n"
                + "设区市, 污染物 ,基准年排放量(吨),核算年排放量\n"
                + "南京,SO2,500,400\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::disposition).containsExactly(
                tuple(2, Disposition.ACCEPTED), tuple(3, Disposition.IGNORED), tuple(4, Disposition.ACCEPTED));
    }

    @Test
    void aRowNamingOnlyOneHeadingIsStillData() {
        Header header = new HeaderLocator(ReferenceFixture.jiangsu2020()).locate(cn.js.reduction.discover.Sheet.NAME, List.of(
                cn.js.reduction.discover.Sheet.row(1, PROJECT_HEADER))).orElseThrow();

        // a project named like a column is a project, and is validated as one
        assertThat(HeaderLocator.repeatsHeader(cn.js.reduction.discover.Sheet.row(2,
                "NJ-1", "南京", null, "项目名称", "某公司", null, "BOILER", "在建", "2020-12-31"), header)).isFalse();
        assertThat(HeaderLocator.repeatsHeader(cn.js.reduction.discover.Sheet.row(2, PROJECT_HEADER), header)).isTrue();
    }

    // ---------------------------------------------------------------- units

    @Test
    void anEmissionReportInTenThousandTonnesIsReadInTonnes() throws Exception {
        Path file = csv("南京_排放量", "设区市,污染物,排放源类别,2015年排放量（万吨）,2020年排放量（万吨）\n"
                + "南京,VOCs,工业源,1.2345,1.1\n"
                + "南京,二氧化硫,工业源,\"0.5\",0.000123\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).extracting(o -> emission(o).pollutant(), o -> emission(o).baseT(),
                        o -> emission(o).reportingT())
                .containsExactly(tuple(ReferenceFixture.pollutant("VOCS"), new BigDecimal("12345"), new BigDecimal("11000")),
                        tuple(ReferenceFixture.pollutant("SO2"), new BigDecimal("5000"), new BigDecimal("1.23")));
        assertThat(read.sniff().findings()).extracting(Finding::severity, Finding::rule, Finding::cell, Finding::value)
                .containsExactly(tuple(Severity.INFO, Rule.UNIT_CONVERTED, "D1", "万吨"),
                        tuple(Severity.INFO, Rule.UNIT_CONVERTED, "E1", "万吨"));
        assertThat(read.sniff().findings().get(0).message()).contains("2015年排放量（万吨）").contains("10000")
                .contains("已按 1 万吨 = 10000 吨 换算为吨");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aUnitNoteAboveTheHeaderAppliesToTheColumnsWithoutTheirOwnUnit(Format format) throws Exception {
        Path file = workbook("无锡_项目清单", format, wb -> {
            Sheet s = wb.createSheet("项目清单");
            put(s, 1, "无锡市2020年大气污染防治工程项目清单");
            put(s, 2, "填报单位：无锡市生态环境局", null, null, null, null, null, null, null, null, null, null,
                    null, "单位：千克");
            put(s, 3, "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别",
                    "进展状态", "计划完成时间", "实际完成时间", "总投资（元）", "VOCs减排量", "二氧化硫减排量",
                    "氮氧化物减排量（吨/年）", "颗粒物减排量");
            put(s, 4, "WX-1", "无锡", null, "项目一", "某公司", null, "BOILER", "在建", "2020-12-31", null,
                    1234567, 1500, "2,500", 3, 0.5);
        });

        Intake.Read read = Intake.read(file);

        ProjectRecord p = project(read.accepted().get(0));
        assertThat(p.investment()).isEqualByComparingTo("123.4567");
        assertThat(p.claim("VOCS")).isEqualByComparingTo("1.5");
        assertThat(p.claim("SO2")).isEqualByComparingTo("2.5");
        assertThat(p.claim("NOX")).isEqualByComparingTo("3"); // its own header says tonnes: the note is not for it
        assertThat(p.claim("PM")).isEqualByComparingTo("0.0005");
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::cell, Finding::value).containsExactly(
                tuple(Rule.UNIT_CONVERTED, "K3", "元"), tuple(Rule.UNIT_CONVERTED, "L3", "千克"),
                tuple(Rule.UNIT_CONVERTED, "M3", "千克"), tuple(Rule.UNIT_CONVERTED, "O3", "千克"));
        assertThat(read.sniff().findings().get(1).message()).contains("M2").contains("0.001");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void anUnknownUnitInAHeaderSkipsTheFileWithAnErrorOnThatColumn(Format format) throws Exception {
        Path file = workbook("常州_排放量", format, wb -> {
            Sheet s = wb.createSheet("排放量");
            put(s, 1, "设区市", "污染物", "基准年排放量（立方米）", "核算年排放量（吨）");
            put(s, 2, "常州", "VOCs", 1000, 800);
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().readable()).isFalse();
        assertThat(read.sniff().problem()).isEqualTo(Rule.UNKNOWN_UNIT);
        assertThat(read.outcomes()).isEmpty();
        assertThat(read.sniff().findings()).extracting(Finding::severity, Finding::rule, Finding::sheet,
                        Finding::cell, Finding::value)
                .containsExactly(tuple(Severity.ERROR, Rule.UNKNOWN_UNIT, "排放量", "C1", "立方米"));
        assertThat(read.sniff().findings().get(0).message()).contains("基准年排放量（立方米）").contains("未予读取");
    }

    @Test
    void anUnknownUnitInANoteSkipsACsvToo() throws Exception {
        Path file = csv("泰州_排放量", "单位：磅\n设区市,污染物,基准年排放量,核算年排放量\n泰州,VOCs,1000,800\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().problem()).isEqualTo(Rule.UNKNOWN_UNIT);
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::cell, Finding::value).containsExactly(
                tuple(Rule.UNKNOWN_UNIT, "C2", "磅"), tuple(Rule.UNKNOWN_UNIT, "D2", "磅"));
    }

    @Test
    void aMassUnitOnTheInvestmentColumnIsUnknownForIt() throws Exception {
        Path file = csv("projects", String.join(",", java.util.Arrays.stream(PROJECT_HEADER).map(Object::toString)
                .map(h -> h.equals("总投资（万元）") ? "总投资（吨）" : h).toList()) + "\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::cell, Finding::value)
                .containsExactly(tuple(Rule.UNKNOWN_UNIT, "K1", "吨"));
    }

    @Test
    void theContractsOwnUnitsConvertNothingAndSayNothing() throws Exception {
        Path file = csv("projects", String.join(",", java.util.Arrays.stream(PROJECT_HEADER).map(Object::toString)
                .toList()) + "\nNJ-1,南京,,项目一,某公司,,BOILER,在建,2020-12-31,,12.5,1.25,,,,\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().findings()).isEmpty();
        assertThat(project(read.accepted().get(0)).investment()).isEqualByComparingTo("12.5");
        assertThat(project(read.accepted().get(0)).claim("VOCS")).isEqualByComparingTo("1.25");
    }

    @Test
    void aUnitTypedInTheCellIsTheCellsOwn() throws Exception {
        Path file = csv("南通_排放量", "设区市,污染物,基准年排放量（万吨）,核算年排放量（万吨）\n"
                + "南通,VOCs,12500吨,0.5万\n"
                + "南通,SO2,3磅,1\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::disposition)
                .containsExactly(Disposition.ACCEPTED, Disposition.REJECTED);
        assertThat(emission(read.accepted().get(0)).baseT()).isEqualByComparingTo("12500");
        assertThat(emission(read.accepted().get(0)).reportingT()).isEqualByComparingTo("5000");
        // the unit typed in the cell is said as read (VALUE_INTERPRETED, issue 22): 0.5万 in a tonnage column is 5000 t
        assertThat(read.rowFindings()).extracting(Finding::rule, Finding::cell, Finding::value)
                .containsExactly(tuple(Rule.VALUE_INTERPRETED, "C2", "12500吨"), tuple(Rule.VALUE_INTERPRETED, "D2", "0.5万"),
                        tuple(Rule.BAD_NUMBER, "C3", "3磅"));
        assertThat(read.rowFindings().get(1).message()).endsWith("「0.5万」读作 5000（吨）");
        assertThat(read.rowFindings().get(2).message()).contains("磅").contains("无法换算");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aUnitInTheMergedHeadingAboveTheColumnsAppliesToEachOfThem(Format format) throws Exception {
        Path file = workbook("扬州_项目清单", format, wb -> {
            Sheet s = wb.createSheet("项目清单");
            put(s, 1, "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别", "进展状态",
                    "计划完成时间", "实际完成时间", "总投资（万元）", "减排量（千克/年）", null, null, null, "备注");
            put(s, 2, null, null, null, null, null, null, null, null, null, null, null,
                    "VOCs", "二氧化硫", "氮氧化物", "颗粒物");
            for (String column : List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "P")) {
                merge(s, column + "1:" + column + "2");
            }
            merge(s, "L1:O1");
            put(s, 3, "YZ-1", "扬州", null, "项目一", "某公司", null, "BOILER", "在建", "2020-12-31", null, 10,
                    1000, 2000, 3000, 4000);
        });

        Intake.Read read = Intake.read(file);

        ProjectRecord p = project(read.accepted().get(0));
        assertThat(List.of(p.claim("VOCS"), p.claim("SO2"), p.claim("NOX"), p.claim("PM"))).extracting(BigDecimal::toPlainString)
                .containsExactly("1", "2", "3", "4");
        assertThat(p.investment()).isEqualByComparingTo("10");
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::cell).containsExactly(
                tuple(Rule.UNIT_CONVERTED, "L2"), tuple(Rule.UNIT_CONVERTED, "M2"), tuple(Rule.UNIT_CONVERTED, "N2"),
                tuple(Rule.UNIT_CONVERTED, "O2"));
        assertThat(read.sniff().findings().get(1).message()).contains("减排量（千克/年） 二氧化硫");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aTotalsRowUnderAMergedCityIsIgnoredAndAHiddenSheetWithOneProjectIsReported(Format format) throws Exception {
        Path file = workbook("盐城_项目清单", format, wb -> {
            Sheet s = wb.createSheet("项目清单");
            put(s, 1, PROJECT_HEADER);
            put(s, 2, "YC-1", "盐城", null, "项目一", "某公司", null, "BOILER", "在建", "2020-12-31", null, 10);
            put(s, 3, null, null, "合计", null, null, null, null, null, null, null, 10);
            merge(s, "B2:B3");
            Sheet hidden = wb.createSheet("旧版");
            put(hidden, 1, PROJECT_HEADER);
            put(hidden, 2, "YC-0", "盐城", null, "旧项目", "某公司", null, "BOILER", "在建", "2020-12-31");
            wb.setSheetHidden(1, true);
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::sheet, RowOutcome::rowNumber, RowOutcome::disposition)
                .containsExactly(tuple("项目清单", 2, Disposition.ACCEPTED), tuple("项目清单", 3, Disposition.IGNORED));
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::sheet)
                .containsExactly(tuple(Rule.SHEET_NOT_READ, "旧版"));
    }

    @Test
    void anAbsurdNumberOfMergedCellsIsAFindingNotAHeapOfRegions() throws Exception {
        Path file = SheetFiles.write(dir.resolve("merges.xlsx"), new XSSFWorkbook(), wb -> {
            org.apache.poi.xssf.usermodel.XSSFSheet s = (org.apache.poi.xssf.usermodel.XSSFSheet) wb.createSheet("项目清单");
            put(s, 1, PROJECT_HEADER);
            put(s, 2, "NJ-1", "南京", null, "项目一", "某公司", null, "BOILER", "在建", "2020-12-31");
            for (int r = 2; r < MergedCells.MAX_REGIONS + 3; r++) {
                s.addMergedRegionUnsafe(new CellRangeAddress(r, r, 16, 17));
            }
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().readable()).isTrue(); // the header is found without the merge list
        assertThat(read.outcomes()).isEmpty();
        assertThat(read.breakage()).isNotNull();
        assertThat(read.breakage().rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(read.breakage().sheet()).isEqualTo("项目清单");
        assertThat(read.breakage().message()).contains("合并单元格超过 100,000 处");
    }

    @Test
    void aRowOfUnitsUnderTheHeadingsBelongsToTheHeader() throws Exception {
        Path file = csv("镇江_排放量", "镇江市排放量报表\n"
                + "设区市,污染物,基准年排放量,核算年排放量\n"
                + ",,（万吨）,万吨\n"
                + "镇江,VOCs,2,1.5\n"
                + "镇江市排放量报表\n"
                + "设区市,污染物,基准年排放量,核算年排放量\n"
                + ",,（万吨）,万吨\n"
                + "镇江,SO2,1,0.8\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().header().headerRowNumber()).isEqualTo(3);
        // the title, the header and the unit row of the second printed page are not data
        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::disposition).containsExactly(
                tuple(4, Disposition.ACCEPTED), tuple(5, Disposition.IGNORED), tuple(6, Disposition.IGNORED),
                tuple(7, Disposition.IGNORED), tuple(8, Disposition.ACCEPTED));
        assertThat(read.accepted()).extracting(o -> emission(o).baseT().toPlainString(),
                o -> emission(o).reportingT().toPlainString()).containsExactly(tuple("20000", "15000"),
                tuple("10000", "8000"));
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::cell, Finding::value)
                .containsExactly(tuple(Rule.UNIT_CONVERTED, "C3", "万吨"), tuple(Rule.UNIT_CONVERTED, "D3", "万吨"));
    }

    @Test
    void anUnknownUnitInARowOfUnitsSkipsTheFile() throws Exception {
        Path file = csv("镇江_排放量", "设区市,污染物,基准年排放量,核算年排放量\n,,立方米,吨\n镇江,VOCs,2,1.5\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().problem()).isEqualTo(Rule.UNKNOWN_UNIT);
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::value)
                .containsExactly(tuple(Rule.UNKNOWN_UNIT, "立方米"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aWorkbookWhoseOnlyDataIsHiddenSaysSo(Format format) throws Exception {
        Path file = workbook("宿迁_项目清单", format, wb -> {
            wb.createSheet("Sheet1");
            Sheet hidden = wb.createSheet("项目");
            put(hidden, 1, PROJECT_HEADER);
            put(hidden, 2, "SQ-1", "宿迁", null, "项目一", "某公司", null, "BOILER", "在建", "2020-12-31");
            wb.setSheetHidden(1, true);
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().problem()).isEqualTo(Rule.UNKNOWN_FILE_KIND);
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::sheet).containsExactly(
                tuple(Rule.UNKNOWN_FILE_KIND, null), tuple(Rule.SHEET_NOT_READ, "项目"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aHeadingMergedAcrossTheTableInsideTheDataIsIgnored(Format format) throws Exception {
        Path file = workbook("淮安_项目清单", format, wb -> {
            Sheet s = wb.createSheet("项目清单");
            put(s, 1, PROJECT_HEADER);
            put(s, 2, "一、锅炉提标改造项目（2个）");
            merge(s, "A2:P2");
            put(s, 3, "HA-1", "淮安", null, "项目一", "某公司", null, "BOILER", "在建", "2020-12-31");
            put(s, 4, "HA-2", "淮安", null, "项目二", "某公司", null, "BOILER", "在建", "2020-12-31");
            put(s, 5, "HA-3"); // a project with only its id: the clerk must complete it
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::disposition).containsExactly(
                tuple(2, Disposition.IGNORED), tuple(3, Disposition.ACCEPTED), tuple(4, Disposition.ACCEPTED),
                tuple(5, Disposition.REJECTED));
    }

    @Test
    void aRowNumberingTheColumnsUnderTheHeaderIsNotData() throws Exception {
        Path file = csv("常州_排放量", "设区市,污染物,基准年排放量/万吨,核算年排放量/万吨\n"
                + "甲,乙,1,2\n"
                + "常州,VOCs,2,1.5\n");

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().header().headerRowNumber()).isEqualTo(2);
        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::disposition)
                .containsExactly(tuple(3, Disposition.ACCEPTED));
        assertThat(emission(read.accepted().get(0)).baseT()).isEqualByComparingTo("20000");
        assertThat(read.sniff().findings()).extracting(Finding::rule, Finding::cell)
                .containsExactly(tuple(Rule.UNIT_CONVERTED, "C1"), tuple(Rule.UNIT_CONVERTED, "D1"));
    }

    /** Printed pages pasted one under another, each with its merged title and its two-row merged header. */
    @ParameterizedTest
    @EnumSource(Format.class)
    void pagesPastedWithTheirMergedTitlesAndTwoRowHeadersKeepOnlyTheirProjects(Format format) throws Exception {
        Path file = workbook("连云港_项目清单", format, wb -> {
            Sheet s = wb.createSheet("项目清单");
            for (int page = 0; page < 3; page++) {
                int top = 1 + page * 5;
                put(s, top, "连云港市2020年大气污染防治工程项目清单");
                merge(s, "A" + top + ":P" + top);
                put(s, top + 1, "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别",
                        "进展状态", "计划完成时间", "实际完成时间", "总投资（万元）", "减排量（吨/年）", null, null, null, "备注");
                put(s, top + 2, null, null, null, null, null, null, null, null, null, null, null,
                        "VOCs", "二氧化硫", "氮氧化物", "颗粒物");
                for (String column : List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "P")) {
                    merge(s, column + (top + 1) + ":" + column + (top + 2));
                }
                merge(s, "L" + (top + 1) + ":O" + (top + 1));
                for (int i = 0; i < 2; i++) {
                    put(s, top + 3 + i, "LYG-" + page + i, "连云港", null, "项目", "某公司", null, "BOILER", "在建",
                            "2020-12-31", null, 1, 2, 3, 4, 5);
                }
            }
        });

        Intake.Read read = Intake.read(file);

        assertThat(read.rowFindings()).isEmpty();
        assertThat(read.accepted()).extracting(o -> project(o).projectId())
                .containsExactly("LYG-00", "LYG-01", "LYG-10", "LYG-11", "LYG-20", "LYG-21");
        assertThat(read.ignored()).extracting(RowOutcome::rowNumber).containsExactly(6, 7, 8, 11, 12, 13);
        assertThat(project(read.accepted().get(5)).claim("PM")).isEqualByComparingTo("5");
    }

    /** A restarted partition skips the rows it committed, across the sheets, and goes on where it stopped. */
    @Test
    void aRestartedReaderGoesOnWhereItStoppedAcrossSheets() throws Exception {
        Path file = workbook("restart", Format.XLSX, wb -> {
            for (String name : List.of("一", "二")) {
                Sheet s = wb.createSheet(name);
                put(s, 1, PROJECT_HEADER);
                for (int r = 2; r <= 4; r++) {
                    put(s, r, name + r, "南京", null, "项目", "某公司", null, "BOILER", "在建", "2020-12-31");
                }
                merge(s, "B2:B4");
            }
        });
        org.springframework.batch.infrastructure.item.ExecutionContext saved =
                new org.springframework.batch.infrastructure.item.ExecutionContext();
        SubmissionRowReader first = new SubmissionRowReader(file, ReferenceFixture.jiangsu2020());
        first.open(saved);
        List<String> before = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SourcedRow row = first.read();
            before.add(row.row().sheet() + row.row().rowNumber() + row.row().text(1));
        }
        first.update(saved); // the commit after four rows
        first.close();

        SubmissionRowReader restarted = new SubmissionRowReader(file, ReferenceFixture.jiangsu2020());
        restarted.open(saved);
        List<String> after = new java.util.ArrayList<>();
        for (SourcedRow row = restarted.read(); row != null; row = restarted.read()) {
            after.add(row.row().sheet() + row.row().rowNumber() + row.row().text(1));
        }
        restarted.close();

        assertThat(before).containsExactly("一2南京", "一3南京", "一4南京", "二2南京");
        assertThat(after).containsExactly("二3南京", "二4南京");
    }
}
