package cn.js.reduction.reference;

/**
 * One of the project categories of annex 4, in the annex's column order.
 *
 * @param code  stable English key, e.g. VOC_FUGITIVE
 * @param name  Chinese name as in annex 4, e.g. 无组织排放治理项目
 * @param group the annex's grouped header above it, e.g. VOCs污染治理项目
 * @param order 1-based column position in annex 4
 */
public record Category(String code, String name, String group, int order) {

    /** The pseudo-category of all categories together, in the summary tables. */
    public static final String TOTAL = "TOTAL";
}
