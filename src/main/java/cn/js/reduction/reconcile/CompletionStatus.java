package cn.js.reduction.reconcile;

/**
 * Whether a city completed the projects annex 4 plans (docs/outputs.md, "How the figures are made"): the
 * completion_status column of projects_by_city_category.csv.
 */
public enum CompletionStatus {
    /** completed ≥ planned */
    MET,
    NOT_MET;

    public static CompletionStatus of(int planned, int completed) {
        return completed >= planned ? MET : NOT_MET;
    }
}
