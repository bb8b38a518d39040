package cn.js.reduction.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import cn.js.reduction.core.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, point 1, on the sample: every cell of every sheet read from input/2020 is read or in a column
 * reported ({@link Intake.CellCount}, which every intake test's files pass through as well).
 */
class CellAccountingTest {

    @Test
    void everyCellOfTheSampleIsReadOrReported() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("input", "2020"))) {
            files = list.filter(p -> p.getFileName().toString().matches(".*\\.(xlsx|xls|csv)$")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Intake.read(file); // asserts the accounting of each sheet
        }
    }

    /**
     * Issue 16, point 8: the annex-2 layout, in each format and both orientations, with a column that is not read
     * beside the groups (联系人) and a 序号: each city row is read once for its cells, however many rows it is read as.
     */
    @Test
    void everyCellOfTheAnnexTwoLayoutIsReadOrReported(@TempDir Path dir) throws Exception {
        Object[] groups = {"序号", "设区市", "VOCs", null, "二氧化硫", null, "氮氧化物", null, "联系人"};
        Object[] years = {null, null, "2015年", "2020年", "2015年", "2020年", "2015年", "2020年", null};
        Object[] yearGroups = {"序号", "设区市", "2015年", null, null, "2020年", null, null, "联系人"};
        Object[] pollutants = {null, null, "VOCs", "SO2", "NOx", "VOCs", "SO2", "NOx", null};
        List<Object[]> data = List.of(
                new Object[] {1, "南京", 1000, 800, 500, 400, 300, 240, "张三"},
                new Object[] {2, "无锡", 900, "七百", 450, null, 280, 210, "李四"},
                new Object[] {"合计", null, 1900, 1500, 950, 400, 580, 450});
        for (AnnexLayoutTest.Format format : AnnexLayoutTest.Format.values()) {
            for (Object[][] header : List.of(new Object[][] {groups, years}, new Object[][] {yearGroups, pollutants})) {
                Path file = AnnexLayoutTest.write(dir.resolve(format + "-" + header[0][2]), "全省_排放量报表", format,
                        header[0], header[1], data);

                Intake.Read read = Intake.read(file); // asserts the accounting of each sheet

                assertThat(read.accepted()).as(file.toString()).hasSize(4);
                assertThat(read.rowFindings()).as(file.toString()).filteredOn(f -> f.rule() == Rule.COLUMN_NOT_READ)
                        .extracting(f -> f.message().replaceAll(".*有 (\\d+) 个单元格.*", "$1")).containsExactly("2");
            }
        }
    }
}
