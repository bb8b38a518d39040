package cn.js.reduction.reconcile;

import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import java.math.BigDecimal;

/**
 * One row of reductions_by_city_pollutant.csv: a city (or the province) × a pollutant. Figures are exact;
 * those that cannot be computed (no emission rows, base_t = 0, reduction_t ≤ 0 for the claim ratio) are
 * null.
 *
 * @param status  reduction against annex 2's target, see {@link ReductionStatus#of}; INCOMPLETE where the
 *                figures rest on part of what was sent ({@link #incomplete})
 * @param restsOn the province only: how many cities its figures rest on whole (MET or NOT_MET); null for a city
 */
public record ReductionTally(int year, String cityCode, String cityName, Pollutant pollutant, BigDecimal baseT,
                             BigDecimal reportingT, BigDecimal reductionT, BigDecimal reductionPct,
                             BigDecimal targetPct, BigDecimal gapPct, BigDecimal allowedT, ReductionStatus status,
                             BigDecimal claimedT, BigDecimal claimRatio, Integer restsOn) {

    public ReductionTally(int year, String cityCode, String cityName, Pollutant pollutant, BigDecimal baseT,
                          BigDecimal reportingT, BigDecimal reductionT, BigDecimal reductionPct, BigDecimal targetPct,
                          BigDecimal gapPct, BigDecimal allowedT, ReductionStatus status, BigDecimal claimedT,
                          BigDecimal claimRatio) {
        this(year, cityCode, cityName, pollutant, baseT, reportingT, reductionT, reductionPct, targetPct, gapPct,
                allowedT, status, claimedT, claimRatio, null);
    }

    /**
     * The same figures marked INCOMPLETE (the figures stay: they are those of the rows that count, shown as
     * partial), with the cities the province rests on (null for a city).
     */
    public ReductionTally incomplete(Integer cities) {
        return new ReductionTally(year, cityCode, cityName, pollutant, baseT, reportingT, reductionT, reductionPct,
                targetPct, gapPct, allowedT, ReductionStatus.INCOMPLETE, claimedT, claimRatio, cities);
    }

    /** The same figures, saying how many cities they rest on (the province's row). */
    public ReductionTally restingOn(int cities) {
        return new ReductionTally(year, cityCode, cityName, pollutant, baseT, reportingT, reductionT, reductionPct,
                targetPct, gapPct, allowedT, status, claimedT, claimRatio, cities);
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * A row from its sums, the rest derived as docs/outputs.md defines it: reduction, percentage and gap
     * (quotients to {@link Tallies#QUOTIENT}), allowed emissions, claim ratio and status. The one place this
     * arithmetic is written.
     *
     * @param emissionRows the emission rows summed; none (or no base) leaves every emission figure null
     * @param claimedT     the completed projects' claimed reduction; null counts as 0
     */
    public static ReductionTally of(int year, City city, Pollutant p, int emissionRows, BigDecimal baseT,
                                    BigDecimal reportingT, BigDecimal targetPct, BigDecimal claimedT) {
        BigDecimal claimed = claimedT == null ? BigDecimal.ZERO : strip(claimedT);
        if (emissionRows == 0 || baseT == null) {
            return new ReductionTally(year, city.code(), city.name(), p, null, null, null, null, targetPct, null,
                    null, ReductionStatus.of(null, targetPct), claimed, null);
        }
        BigDecimal base = strip(baseT);
        BigDecimal reporting = strip(reportingT);
        BigDecimal reduction = base.subtract(reporting);
        BigDecimal allowed = targetPct == null ? null
                : strip(base.multiply(BigDecimal.ONE.subtract(targetPct.divide(HUNDRED))));
        BigDecimal claimRatio = reduction.signum() > 0 ? claimed.divide(reduction, Tallies.QUOTIENT) : null;
        if (base.signum() == 0) {
            return new ReductionTally(year, city.code(), city.name(), p, base, reporting, reduction, null, targetPct,
                    null, allowed, ReductionStatus.of(null, targetPct), claimed, claimRatio);
        }
        BigDecimal pct = HUNDRED.multiply(reduction).divide(base, Tallies.QUOTIENT);
        BigDecimal gap = targetPct == null ? null : pct.subtract(targetPct);
        return new ReductionTally(year, city.code(), city.name(), p, base, reporting, reduction, pct, targetPct, gap,
                allowed, ReductionStatus.of(pct, targetPct), claimed, claimRatio);
    }

    /** 12.500 as 12.5 and 1E+1 as 10: sums from the database carry the column's scale. */
    private static BigDecimal strip(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * The projects claim more than the emissions show: the claim ratio (claimed_t / reduction_t) is above the plan
     * year's limit ({@code ReferenceData#claimRatioLimit}), the one limit behind the CLAIM_EXCEEDS_ACHIEVED finding
     * and the workbook's mark; false when the ratio cannot be computed.
     */
    public boolean claimExceedsAchieved(BigDecimal limit) {
        return claimRatio != null && claimRatio.compareTo(limit) > 0;
    }
}
