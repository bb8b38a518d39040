package cn.js.reduction.reconcile;

import cn.js.reduction.reference.City;
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

    /**
     * A row from its counts, the rest derived as docs/outputs.md defines it: variance, completion rate (to
     * {@link Tallies#QUOTIENT}) and the two statuses. The one place this arithmetic is written.
     */
    public static ProjectTally of(int year, City city, String categoryCode, String categoryName, String groupName,
                                  int planned, int submitted, int completed, int inProgress, int notStarted) {
        BigDecimal rate = planned == 0 ? null
                : BigDecimal.valueOf(completed).divide(BigDecimal.valueOf(planned), Tallies.QUOTIENT);
        return new ProjectTally(year, city.code(), city.name(), categoryCode, categoryName, groupName, planned,
                submitted, completed, inProgress, notStarted, submitted - planned, rate,
                CountStatus.of(planned, submitted), CompletionStatus.of(planned, completed));
    }
}
