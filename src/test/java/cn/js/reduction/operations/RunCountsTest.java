package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What status says under an intake step whose counts consolidation changed. */
class RunCountsTest {

    @Test
    void saysWhyTheCountsOfFilesCsvDifferFromIntakes() {
        // 309 rows read: 308 accepted and 1 rejected at intake, then the whole file superseded for 无锡
        RunCounts.FileRows wuxi = new RunCounts.FileRows(309, 0, 0, 309, 308, 1, List.of("320200"), 0);
        assertThat(wuxi.unchangedSinceIntake()).isFalse();
        assertThat(wuxi.afterConsolidation()).isEqualTo("after consolidation (as in files.csv): accepted 0  rejected 0"
                + "  ignored 309; 308 accepted at intake, of which 308 superseded (320200) by a newer submission;"
                + " 1 rejected at intake, since superseded (now ignored)");

        // 3 rows accepted at intake, one of them later a duplicate project id
        RunCounts.FileRows duplicate = new RunCounts.FileRows(3, 2, 1, 0, 0, 0, List.of(), 1);
        assertThat(duplicate.afterConsolidation()).isEqualTo("after consolidation (as in files.csv): accepted 2"
                + "  rejected 1  ignored 0; 3 accepted at intake, of which 1 rejected as duplicate project ids");

        assertThat(new RunCounts.FileRows(4, 2, 1, 1, 0, 0, List.of(), 0).unchangedSinceIntake()).isTrue();
    }

    @Test
    void theRunSummarySaysHowManyOfItsCountsConsolidationChanged() {
        assertThat(new RunCounts(5, 0, 18, 10, 4, 4, 2, 1, 5, 1).describe()).isEqualTo("files: 5 (0 skipped); rows: 18"
                + " read = 10 accepted + 4 rejected + 4 ignored (2 of the ignored superseded by newer submissions, 1 of"
                + " the rejected duplicate project ids); findings: 5 errors, 1 warnings");
        assertThat(new RunCounts(1, 0, 3, 3, 0, 0, 0, 0, 0, 0).describe())
                .isEqualTo("files: 1 (0 skipped); rows: 3 read = 3 accepted + 0 rejected + 0 ignored; findings: 0 errors,"
                        + " 0 warnings");
    }
}
