package cn.js.reduction.reconcile;

/**
 * How a city's submitted project count compares with annex 4's plan (docs/outputs.md, "How the figures are
 * made"): the count_status column of projects_by_city_category.csv.
 */
public enum CountStatus {
    /** submitted = planned */
    OK,
    /** fewer submitted than planned */
    SHORTFALL,
    /** more submitted than planned, planned > 0 */
    EXCESS,
    /** planned = 0 and some submitted */
    UNPLANNED;

    public static CountStatus of(int planned, int submitted) {
        if (submitted == planned) {
            return OK;
        }
        if (submitted < planned) {
            return SHORTFALL;
        }
        return planned > 0 ? EXCESS : UNPLANNED;
    }
}
