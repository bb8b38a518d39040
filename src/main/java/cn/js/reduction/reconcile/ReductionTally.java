package cn.js.reduction.reconcile;

import cn.js.reduction.reference.Pollutant;
import java.math.BigDecimal;

/**
 * One row of reductions_by_city_pollutant.csv: a city (or the province) × a pollutant. Figures are exact;
 * those that cannot be computed (no emission rows, base_t = 0, reduction_t ≤ 0 for the claim ratio) are
 * null.
 *
 * @param status MET, NOT_MET or NO_DATA
 */
public record ReductionTally(int year, String cityCode, String cityName, Pollutant pollutant, BigDecimal baseT,
                             BigDecimal reportingT, BigDecimal reductionT, BigDecimal reductionPct,
                             BigDecimal targetPct, BigDecimal gapPct, BigDecimal allowedT, String status,
                             BigDecimal claimedT, BigDecimal claimRatio) {
}
