package cn.js.reduction.reconcile;

import java.math.BigDecimal;

/**
 * Whether a city's emissions fell as far as annex 2 demands (docs/outputs.md, "How the figures are made"): the
 * status column of reductions_by_city_pollutant.csv. Decided on the exact percentages, never on rounded ones,
 * so a 27.996 % that shows as 28.00 % against a 28 % target is NOT_MET.
 */
public enum ReductionStatus {
    /** reduction_pct ≥ target_pct */
    MET,
    NOT_MET,
    /** no emission rows, base_t = 0 (no percentage), or no target in annex 2 */
    NO_DATA,
    /**
     * some of the city's emission rows of the pollutant were rejected, or a report of the city was skipped whole (or
     * broke off): the figures are those of the rows that count, partial; for the province, some city is INCOMPLETE
     * or NO_DATA. Never decided from figures alone ({@link #of} does not return it): {@link Tallies} sets it.
     */
    INCOMPLETE;

    /**
     * @param reductionPct 100 × reduction_t / base_t, exact; null when there are no emission rows or base_t = 0
     * @param targetPct    annex 2's target; null when the annex has none
     */
    public static ReductionStatus of(BigDecimal reductionPct, BigDecimal targetPct) {
        if (reductionPct == null || targetPct == null) {
            return NO_DATA;
        }
        return reductionPct.compareTo(targetPct) >= 0 ? MET : NOT_MET;
    }
}
