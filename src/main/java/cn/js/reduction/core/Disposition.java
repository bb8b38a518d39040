package cn.js.reduction.core;

/** What became of a row read: every row is one of these, so rows read = accepted + rejected + ignored. */
public enum Disposition {
    /** No ERROR finding: the row counts (it may carry WARNINGs). */
    ACCEPTED,
    /** At least one ERROR finding: the row does not count, and the city is told why. */
    REJECTED,
    /** A blank row or a 合计/小计/总计 row: not data, counted as ignored, no finding. */
    IGNORED
}
