package cn.js.reduction.reconcile;

import java.math.BigDecimal;

/**
 * One row of projects_by_city_category.csv: a city (or the province, 320000) × a category (or TOTAL).
 *
 * @param completionRate completed / planned, exact; null when planned = 0
 * @param countStatus    submitted against planned, see {@link CountStatus#of}
 * @param completionStatus completed against planned, see {@link CompletionStatus#of}
 */
public record ProjectTally(int year, String cityCode, String cityName, String categoryCode, String categoryName,
                           String groupName, int planned, int submitted, int completed, int inProgress,
                           int notStarted, int variance, BigDecimal completionRate, CountStatus countStatus,
                           CompletionStatus completionStatus) {
}
