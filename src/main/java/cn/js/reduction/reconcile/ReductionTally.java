package cn.js.reduction.reconcile;

import cn.js.reduction.reference.Pollutant;
import java.math.BigDecimal;

/**
 * One row of reductions_by_city_pollutant.csv: a city (or the province) × a pollutant. Figures are exact;
 * those that cannot be computed (no emission rows, base_t = 0, reduction_t ≤ 0 for the claim ratio) are
 * null.
 *
 * @param status reduction against annex 2's target, see {@link ReductionStatus#of}
 */
public record ReductionTally(int year, String cityCode, String cityName, Pollutant pollutant, BigDecimal baseT,
                             BigDecimal reportingT, BigDecimal reductionT, BigDecimal reductionPct,
                             BigDecimal targetPct, BigDecimal gapPct, BigDecimal allowedT, ReductionStatus status,
                             BigDecimal claimedT, BigDecimal claimRatio) {

    /**
     * Above this claim ratio (claimed_t / reduction_t) the completed projects claim more than the emissions show:
     * the one limit behind the CLAIM_EXCEEDS_ACHIEVED finding and the workbook's mark.
     */
    public static final BigDecimal CLAIM_RATIO_LIMIT = new BigDecimal("1.5");

    /** The projects claim more than the emissions show; false when the ratio cannot be computed. */
    public boolean claimExceedsAchieved() {
        return claimRatio != null && claimRatio.compareTo(CLAIM_RATIO_LIMIT) > 0;
    }
}
