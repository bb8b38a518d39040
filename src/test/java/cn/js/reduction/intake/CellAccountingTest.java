package cn.js.reduction.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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
}
