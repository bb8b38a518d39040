package cn.js.reduction.intake;

import static cn.js.reduction.intake.SpreadsheetShapesTest.merge;
import static cn.js.reduction.intake.SpreadsheetShapesTest.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.discover.SheetFiles;
import cn.js.reduction.store.EmissionRecord;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Issue 16, point 8: an emission report laid out like annex 2 (cities down; each pollutant a merged group over its
 * 2015 and 2020 columns, or the years as groups over the pollutants) is read as the long form, one row per city and
 * pollutant, each figure's findings at its own cell. Files made here in xlsx and xls (merged groups) and CSV (the
 * group written once and the cells under its span left blank, as Excel exports a merge), read through the job's
 * intake path ({@link Intake}, which also checks that every cell is read or reported).
 */
class AnnexLayoutTest {

    @TempDir
    Path dir;

    enum Format {
        XLSX, XLS, CSV
    }

    /**
     * A title, then the two header rows at 2 and 3 (设区市 and 备注 merged down; each group merged across its two
     * columns in a workbook, written once in a CSV), then {@code data} from row 4.
     */
    private Path file(String name, Format format, Object[] groups, Object[] years, List<Object[]> data) throws Exception {
        return write(dir, name, format, groups, years, data);
    }

    /** {@link #file} in any folder: the cell-accounting test reads these too. */
    static Path write(Path dir, String name, Format format, Object[] groups, Object[] years, List<Object[]> data)
            throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"2020年各设区市主要大气污染物排放量（吨）"});
        rows.add(groups);
        rows.add(years);
        rows.addAll(data);
        if (format == Format.CSV) {
            StringBuilder text = new StringBuilder();
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    text.append(i == 0 ? "" : ",").append(row[i] == null ? "" : row[i].toString());
                }
                text.append("\r\n");
            }
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".csv");
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        }
        Files.createDirectories(dir);
        Workbook wb = format == Format.XLSX ? new XSSFWorkbook() : new HSSFWorkbook();
        return SheetFiles.write(dir.resolve(name + (format == Format.XLSX ? ".xlsx" : ".xls")), wb, w -> {
            Sheet s = w.createSheet("附件2");
            for (int r = 0; r < rows.size(); r++) {
                put(s, r + 1, rows.get(r));
            }
            for (int c = 0; c < groups.length; c++) {
                if (groups[c] == null) {
                    continue;
                }
                String column = String.valueOf((char) ('A' + c));
                int end = c;
                while (end + 1 < groups.length && groups[end + 1] == null && end + 1 < years.length && years[end + 1] != null) {
                    end++;
                }
                if (end > c) {
                    merge(s, column + "2:" + (char) ('A' + end) + "2"); // the group over its columns
                } else if (c >= years.length || years[c] == null) {
                    merge(s, column + "2:" + column + "3"); // a heading down both header rows
                }
            }
        });
    }

    /** Pollutants over their years: VOCs B:C, 二氧化硫 D:E, 氮氧化物 F:G. */
    static final Object[] BY_POLLUTANT = {"设区市", "挥发性有机物（VOCs）", null, "二氧化硫", null, "氮氧化物", null};
    static final Object[] YEARS = {null, "2015年", "2020年", "2015年", "2020年", "2015年", "2020年"};

    private static List<Object[]> nanjingWuxi() {
        return List.<Object[]>of(
                new Object[] {"南京", 1000, 800, 500, 400, 300, 240},
                new Object[] {"无锡市", 900, 700.5, 450, 300, 280, 210});
    }

    private static EmissionRecord record(RowOutcome<?> o) {
        return (EmissionRecord) o.record();
    }

    private static List<Finding> of(Intake.Read read, Rule rule) {
        return read.rowFindings().stream().filter(f -> f.rule() == rule).toList();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void eachPollutantOverItsYearsIsReadAsOneRowPerCityAndPollutant(Format format) throws Exception {
        Intake.Read read = Intake.read(file("全省_排放量报表", format, BY_POLLUTANT, YEARS, nanjingWuxi()));

        assertThat(read.sniff().readable()).as(read.sniff().message()).isTrue();
        assertThat(read.sniff().kind()).isEqualTo(FileKind.EMISSIONS);
        assertThat(read.outcomes()).extracting(RowOutcome::rowNumber, RowOutcome::part, RowOutcome::disposition,
                        RowOutcome::cityCode, o -> record(o).pollutant().code(), o -> record(o).baseT(),
                        o -> record(o).reportingT(), RowOutcome::cells)
                .containsExactly(
                        tuple(4, 1, Disposition.ACCEPTED, "320100", "VOCS", new BigDecimal("1000"), new BigDecimal("800"),
                                "A4,B4,C4"),
                        tuple(4, 2, Disposition.ACCEPTED, "320100", "SO2", new BigDecimal("500"), new BigDecimal("400"),
                                "A4,D4,E4"),
                        tuple(4, 3, Disposition.ACCEPTED, "320100", "NOX", new BigDecimal("300"), new BigDecimal("240"),
                                "A4,F4,G4"),
                        tuple(5, 1, Disposition.ACCEPTED, "320200", "VOCS", new BigDecimal("900"), new BigDecimal("700.5"),
                                "A5,B5,C5"),
                        tuple(5, 2, Disposition.ACCEPTED, "320200", "SO2", new BigDecimal("450"), new BigDecimal("300"),
                                "A5,D5,E5"),
                        tuple(5, 3, Disposition.ACCEPTED, "320200", "NOX", new BigDecimal("280"), new BigDecimal("210"),
                                "A5,F5,G5"));
        // the pollutant as the group's heading writes it, beside what it was read as
        assertThat(read.outcomes().get(0).written().group()).isEqualTo("挥发性有机物（VOCs）");
        assertThat(read.rowFindings()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void theYearsOverThePollutantsAreReadTheSame(Format format) throws Exception {
        Object[] years = {"设区市", "2015年排放量", null, null, "2020年排放量", null, null};
        Object[] pollutants = {null, "VOCs", "SO₂", "NOₓ", "VOCs", "SO₂", "NOₓ"};
        Path file = format == Format.CSV ? file("全省_排放量报表", format, years, pollutants, List.<Object[]>of(
                new Object[] {"南京", 1000, 500, 300, 800, 400, 240}))
                : SheetFiles.write(dir.resolve("全省_排放量报表." + format.name().toLowerCase()),
                format == Format.XLSX ? new XSSFWorkbook() : new HSSFWorkbook(), w -> {
                    Sheet s = w.createSheet("附件2");
                    put(s, 1, years);
                    put(s, 2, pollutants);
                    put(s, 3, "南京", 1000, 500, 300, 800, 400, 240);
                    merge(s, "A1:A2");
                    merge(s, "B1:D1");
                    merge(s, "E1:G1");
                });
        int row = format == Format.CSV ? 4 : 3;

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).extracting(RowOutcome::part, o -> record(o).pollutant().code(),
                        o -> record(o).baseT(), o -> record(o).reportingT(), RowOutcome::cells)
                .containsExactly(
                        tuple(1, "VOCS", new BigDecimal("1000"), new BigDecimal("800"), "A" + row + ",B" + row + ",E" + row),
                        tuple(2, "SO2", new BigDecimal("500"), new BigDecimal("400"), "A" + row + ",C" + row + ",F" + row),
                        tuple(3, "NOX", new BigDecimal("300"), new BigDecimal("240"), "A" + row + ",D" + row + ",G" + row));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyRuleHoldsPerFigureAtItsOwnCell(Format format) throws Exception {
        Intake.Read read = Intake.read(file("全省_排放量报表", format, BY_POLLUTANT, YEARS, List.<Object[]>of(
                new Object[] {"南京", 1000, "八百", 500, 400, 300, 240},
                new Object[] {"无锡", 900, 700, 450, -3, 280, 210},
                new Object[] {"徐州", 800, 600, null, null, 200, null})));

        // what is read is read
        assertThat(read.accepted()).extracting(RowOutcome::rowNumber, o -> record(o).pollutant().code())
                .containsExactly(tuple(4, "SO2"), tuple(4, "NOX"), tuple(5, "VOCS"), tuple(5, "NOX"), tuple(6, "VOCS"));
        // what is not is reported at its cell, the other figures of the row kept; never 0
        assertThat(read.outcomes()).filteredOn(o -> o.disposition() == Disposition.REJECTED)
                .extracting(RowOutcome::rowNumber, RowOutcome::part, RowOutcome::cityCode, RowOutcome::groupCode)
                .containsExactly(tuple(4, 1, "320100", "VOCS"), tuple(5, 2, "320200", "SO2"),
                        tuple(6, 2, "320300", "SO2"), tuple(6, 3, "320300", "NOX"));
        assertThat(read.rowFindings()).extracting(Finding::rule, Finding::row, Finding::cell, Finding::value)
                .containsExactly(
                        tuple(Rule.BAD_NUMBER, 4, "C4", "八百"),
                        tuple(Rule.NEGATIVE_NUMBER, 5, "E5", "-3"),
                        tuple(Rule.REQUIRED_MISSING, 6, "D6", null),
                        tuple(Rule.REQUIRED_MISSING, 6, "E6", null),
                        tuple(Rule.REQUIRED_MISSING, 6, "G6", null));
        assertThat(of(read, Rule.BAD_NUMBER).get(0).message()).contains("第4行 核算年排放量（C4）「八百」不是有效数字");
    }

    @Test
    void aTotalsRowAFooterAndAColumnNotReadAreAccountedFor() throws Exception {
        Object[] groups = {"设区市", "VOCs", null, "二氧化硫", null, "氮氧化物", null, "联系人"};
        Object[] years = {null, "2015年", "2020年", "2015年", "2020年", "2015年", "2020年", null};
        Intake.Read read = Intake.read(file("全省_排放量报表", Format.XLSX, groups, years, List.<Object[]>of(
                new Object[] {"南京", 1000, 800, 500, 400, 300, 240, "张三"},
                new Object[] {"无锡", 900, 700, 450, 300, 280, 210, "李四"},
                new Object[] {"合计", 1900, 1500, 950, 700, 580, 451},
                new Object[] {"填表人：王五"})));

        assertThat(read.accepted()).hasSize(6);
        assertThat(read.ignored()).extracting(RowOutcome::rowNumber, RowOutcome::why)
                .containsExactly(tuple(6, "「合计」（A6）"), tuple(7, "表尾「填表人：王五」（A7）"));
        // 451 is not 240 + 210: said, at its cell
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).extracting(Finding::cell, Finding::value).containsExactly(tuple("G6", "451"));
        assertThat(of(read, Rule.COLUMN_NOT_READ)).extracting(Finding::cell, Finding::value).containsExactly(tuple("H3", "联系人"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void theProvinceRowAnnexTwoEndsWithIsTheirTotalNotACity(Format format) throws Exception {
        List<Object[]> rows = new ArrayList<>(nanjingWuxi());
        rows.add(new Object[] {"全省", 1900, 1500.5, 950, 700, 580, 451});
        Intake.Read read = Intake.read(file("全省_排放量报表", format, BY_POLLUTANT, YEARS, rows));

        assertThat(read.accepted()).hasSize(6);
        assertThat(read.outcomes()).filteredOn(o -> o.disposition() == Disposition.REJECTED).isEmpty();
        assertThat(read.ignored()).extracting(RowOutcome::rowNumber, RowOutcome::why).containsExactly(tuple(6, "「全省」（A6）"));
        // 451 is not 240 + 210: said at its cell, naming the pollutant
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).extracting(Finding::cell, Finding::value).containsExactly(tuple("G6", "451"));
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS).get(0).message()).contains("氮氧化物 核算年排放量（G6）为 451", "450");
    }

    @Test
    void aPollutantWithOneYearOnlyIsNotReadHalf() throws Exception {
        Object[] groups = {"设区市", "VOCs", null, "二氧化硫"};
        Object[] years = {null, "2015年", "2020年", "2015年"};
        Intake.Read read = Intake.read(file("全省_排放量报表", Format.CSV, groups, years, List.<Object[]>of(
                new Object[] {"南京", 1000, 800, 500})));

        assertThat(read.sniff().readable()).isFalse();
        assertThat(read.sniff().problem()).isEqualTo(Rule.MISSING_COLUMN);
        assertThat(read.sniff().message()).contains("按附件2的样式排列", "「二氧化硫」只有基准年（2015年）一列，缺少核算年（2020年）一列");
        assertThat(read.outcomes()).isEmpty();
    }

    @Test
    void aPollutantWithAYearTwiceIsNotReadEither() throws Exception {
        Object[] groups = {"设区市", "VOCs", null, null};
        Object[] years = {null, "2015年", "2020年", "2020年"};
        Intake.Read read = Intake.read(file("全省_排放量报表", Format.XLSX, groups, years, List.<Object[]>of(
                new Object[] {"南京", 1000, 800, 790})));

        assertThat(read.sniff().problem()).isEqualTo(Rule.MISSING_COLUMN);
        assertThat(read.sniff().message()).contains("「VOCs」的核算年（2020年）有两列（C 列和 D 列）");
    }

    @Test
    void aPollutantAnnexTwoSetsNoTargetForIsIgnoredWithItsReason() throws Exception {
        Object[] groups = {"设区市", "VOCs", null, "颗粒物", null};
        Object[] years = {null, "2015年", "2020年", "2015年", "2020年"};
        Intake.Read read = Intake.read(file("全省_排放量报表", Format.XLSX, groups, years, List.<Object[]>of(
                new Object[] {"南京", 1000, 800, 70, 60})));

        assertThat(read.accepted()).extracting(o -> record(o).pollutant().code()).containsExactly("VOCS");
        assertThat(read.ignored()).extracting(RowOutcome::part, RowOutcome::groupCode, RowOutcome::why)
                .containsExactly(tuple(2, "PM", "附件2没有减排目标的污染物「颗粒物」（D2）"));
        assertThat(of(read, Rule.POLLUTANT_NOT_ACCOUNTED)).extracting(Finding::cell).containsExactly("D2");
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aUnitAboveTheGroupsOrInARowOfUnitsUnderTheYearsIsHonoured(Format format) throws Exception {
        // three header rows: 排放量（万吨） over the pollutants over the years
        Object[] top = {"设区市", "排放量（万吨）", null, null, null};
        Object[] groups = {null, "VOCs", null, "NOx", null};
        Object[] years = {null, "2015", "2020", "2015", "2020"};
        Path three = write(dir.resolve("three"), "南京_排放量报表", format, top, groups, List.<Object[]>of(years,
                new Object[] {"南京", 0.1, 0.08, 0.03, "0.024"}));
        // two header rows and a row of units under the years
        Path units = write(dir.resolve("units"), "南京_排放量报表", format, new Object[] {"设区市", "VOCs", null, "NOx", null},
                new Object[] {null, "2015年", "2020年", "2015年", "2020年"}, List.<Object[]>of(
                        new Object[] {null, "万吨", "万吨", "吨", "吨"},
                        new Object[] {"南京", 0.1, 0.08, 300, 240}));

        for (Path file : List.of(three, units)) {
            Intake.Read read = Intake.read(file);

            assertThat(read.accepted()).as(file.toString()).extracting(o -> record(o).pollutant().code(),
                            o -> record(o).baseT().stripTrailingZeros().toPlainString(),
                            o -> record(o).reportingT().stripTrailingZeros().toPlainString())
                    .containsExactly(tuple("VOCS", "1000", "800"), tuple("NOX", "300", "240"));
        }
    }
}
