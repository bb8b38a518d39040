package cn.js.reduction.intake;

import static cn.js.reduction.intake.SpreadsheetShapesTest.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.js.reduction.core.Disposition;
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
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 16, review of point 11: 合计 in the 排放源类别 column, read as a person reads it. Under rows of its city and
 * pollutant it is their total (ignored, checked); before any it is the city's one row for all its sources (data),
 * and rows of sources after it are its breakdown (ignored, checked), never counted twice; without its city or
 * pollutant it is a totals row. Each ignored row says why.
 */
class SectorTotalsTest {

    @TempDir
    Path dir;

    private static final Object[] HEADER = {"设区市", "污染物", "排放源类别", "基准年排放量（吨）", "核算年排放量（吨）"};

    private Path file(String format, Object[]... data) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(List.of(data));
        if (format.equals("csv")) {
            StringBuilder text = new StringBuilder();
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    text.append(i == 0 ? "" : ",").append(row[i] == null ? "" : row[i].toString());
                }
                text.append("\r\n");
            }
            return Files.writeString(dir.resolve("南京_排放量报表.csv"), text, StandardCharsets.UTF_8);
        }
        return SheetFiles.write(dir.resolve("南京_排放量报表.xlsx"), new XSSFWorkbook(), w -> {
            Sheet s = w.createSheet("排放量");
            for (int r = 0; r < rows.size(); r++) {
                put(s, r + 1, rows.get(r));
            }
        });
    }

    private static List<String> accepted(Intake.Read read) {
        return read.accepted().stream().map(o -> {
            EmissionRecord e = (EmissionRecord) o.record();
            return o.rowNumber() + " " + e.pollutant().code() + " " + e.sector() + " " + e.baseT().toPlainString() + " "
                    + e.reportingT().toPlainString();
        }).toList();
    }

    private static List<Finding> of(Intake.Read read, Rule rule) {
        return read.rowFindings().stream().filter(f -> f.rule() == rule).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void aTotalOfOnePollutantDoesNotTurnTheNextPollutantsTotalIntoData(String format) throws Exception {
        // the review's case: the 合计 of VOCs used to forget SO2's rows above it, so SO2's 合计 counted a second time
        Intake.Read read = Intake.read(file(format,
                new Object[] {"南京", "VOCs", "工业源", 100, 80},
                new Object[] {"南京", "二氧化硫", "工业源", 40, 30},
                new Object[] {"南京", "VOCs", "合计", 100, 80},
                new Object[] {"南京", "二氧化硫", "合计", 40, 30}));

        assertThat(accepted(read)).containsExactly("2 VOCS 工业源 100 80", "3 SO2 工业源 40 30");
        assertThat(read.ignored()).extracting(RowOutcome::rowNumber, RowOutcome::why)
                .containsExactly(tuple(4, "「合计」（C4）"), tuple(5, "「合计」（C5）"));
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void aTotalOverItsSourcesCountsOnceAndItsSourcesAreItsBreakdown(String format) throws Exception {
        Intake.Read read = Intake.read(file(format,
                new Object[] {"南京", "VOCs", "合计", 150, 120},
                new Object[] {"南京", "VOCs", "工业源", 100, 80},
                new Object[] {"南京", "VOCs", "移动源", 50, 40},
                new Object[] {"南京", "二氧化硫", "合计", 60, 45}));

        assertThat(accepted(read)).containsExactly("2 VOCS 合计 150 120", "5 SO2 合计 60 45");
        assertThat(read.ignored()).extracting(RowOutcome::rowNumber, RowOutcome::why).containsExactly(
                tuple(3, "第2行排放源类别「合计」的明细（合计已计入）"), tuple(4, "第2行排放源类别「合计」的明细（合计已计入）"));
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void aTotalAboveAndBelowItsSourcesCountsOnce(String format) throws Exception {
        Intake.Read read = Intake.read(file(format,
                new Object[] {"南京", "VOCs", "合计", 150, 120},
                new Object[] {"南京", "VOCs", "工业源", 100, 80},
                new Object[] {"南京", "VOCs", "移动源", 50, 40},
                new Object[] {"南京", "VOCs", "合计", 150, 121}));

        assertThat(accepted(read)).containsExactly("2 VOCS 合计 150 120");
        assertThat(read.ignored()).extracting(RowOutcome::rowNumber).containsExactly(3, 4, 5);
        // the bottom total's 121 is not its sources' 120
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).extracting(Finding::cell, Finding::value)
                .containsExactly(tuple("E5", "121"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void aBreakdownThatDoesNotAddUpToItsTotalIsSaidAtTheTotalsCell(String format) throws Exception {
        Intake.Read read = Intake.read(file(format,
                new Object[] {"南京", "VOCs", "合计", 150, 120},
                new Object[] {"南京", "VOCs", "工业源", 100, 80},
                new Object[] {"南京", "VOCs", "移动源", 60, 40}));

        assertThat(accepted(read)).containsExactly("2 VOCS 合计 150 120");
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).extracting(Finding::row, Finding::cell, Finding::value)
                .containsExactly(tuple(2, "D2", "150"));
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS).get(0).message()).contains("160");
    }

    @ParameterizedTest
    @ValueSource(strings = {"xlsx", "csv"})
    void aTotalWithoutItsCityOrPollutantIsATotalsRowNotARejectedRow(String format) throws Exception {
        Intake.Read read = Intake.read(file(format,
                new Object[] {"南京", "VOCs", "工业源", 100, 80},
                new Object[] {"南京", "VOCs", "移动源", 50, 40},
                new Object[] {null, null, "合计", 150, 121}));

        assertThat(accepted(read)).hasSize(2);
        assertThat(read.outcomes()).filteredOn(o -> o.disposition() == Disposition.REJECTED).isEmpty();
        assertThat(read.ignored()).extracting(RowOutcome::rowNumber, RowOutcome::why).containsExactly(tuple(4, "「合计」（C4）"));
        assertThat(of(read, Rule.TOTAL_ROW_DIFFERS)).extracting(Finding::cell, Finding::value)
                .containsExactly(tuple("E4", "121"));
        assertThat(read.accepted()).extracting(o -> ((EmissionRecord) o.record()).baseT())
                .containsExactly(new BigDecimal("100"), new BigDecimal("50"));
    }
}
