package cn.js.reduction.core;

import java.math.BigDecimal;

/**
 * The figures of a plan year that rule texts and messages name ({@link Rule}): written in them as {cities},
 * {categories}, {base_year} and {claim_ratio_limit}, filled in from the year's reference data, so that a new plan
 * year with other counts says its own.
 */
public record PlanTerms(int cities, int categories, int baseYear, BigDecimal claimRatioLimit) {

    /** The text with its placeholders filled in. */
    public String fill(String text) {
        return text.replace("{cities}", String.valueOf(cities))
                .replace("{categories}", String.valueOf(categories))
                .replace("{base_year}", String.valueOf(baseYear))
                .replace("{claim_ratio_limit}", claimRatioLimit.toPlainString());
    }
}
