package cn.js.reduction.reconcile;

import cn.js.reduction.intake.ReferenceFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The status rules of docs/outputs.md ("How the figures are made"), one case per branch and boundary. */
class StatusesTest {

    @Test
    void count_status_compares_submitted_with_planned() {
        assertThat(CountStatus.of(3, 3)).isEqualTo(CountStatus.OK);
        assertThat(CountStatus.of(0, 0)).isEqualTo(CountStatus.OK);
        assertThat(CountStatus.of(3, 2)).isEqualTo(CountStatus.SHORTFALL);
        assertThat(CountStatus.of(3, 4)).isEqualTo(CountStatus.EXCESS);
        assertThat(CountStatus.of(0, 1)).isEqualTo(CountStatus.UNPLANNED);
    }

    @Test
    void completion_is_met_when_completed_reaches_planned() {
        assertThat(CompletionStatus.of(3, 3)).isEqualTo(CompletionStatus.MET);
        assertThat(CompletionStatus.of(3, 4)).isEqualTo(CompletionStatus.MET);
        assertThat(CompletionStatus.of(0, 0)).isEqualTo(CompletionStatus.MET);
        assertThat(CompletionStatus.of(3, 2)).isEqualTo(CompletionStatus.NOT_MET);
    }

    @Test
    void reduction_is_decided_on_the_exact_percentage() {
        assertThat(ReductionStatus.of(new BigDecimal("28"), new BigDecimal("28.0"))).isEqualTo(ReductionStatus.MET);
        // shown as 28.00 %, still short of a 28 % target
        assertThat(ReductionStatus.of(new BigDecimal("27.996"), new BigDecimal("28"))).isEqualTo(ReductionStatus.NOT_MET);
        assertThat(ReductionStatus.of(null, new BigDecimal("28"))).isEqualTo(ReductionStatus.NO_DATA);
        assertThat(ReductionStatus.of(new BigDecimal("30"), null)).isEqualTo(ReductionStatus.NO_DATA);
    }

    @Test
    void a_claim_ratio_above_the_limit_exceeds_what_the_emissions_show() {
        assertThat(tally(new BigDecimal("1.5")).claimExceedsAchieved(new BigDecimal("1.5"))).isFalse();
        assertThat(tally(new BigDecimal("1.5000001")).claimExceedsAchieved(new BigDecimal("1.5"))).isTrue();
        assertThat(tally(null).claimExceedsAchieved(new BigDecimal("1.5"))).isFalse();
    }

    private static ReductionTally tally(BigDecimal claimRatio) {
        return new ReductionTally(2020, "320100", "南京", ReferenceFixture.pollutant("VOCS"), null, null, null,
                null, null, null, null, ReductionStatus.NO_DATA, BigDecimal.ZERO, claimRatio, null);
    }
}
