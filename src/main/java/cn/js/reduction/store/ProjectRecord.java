package cn.js.reduction.store;

import cn.js.reduction.core.ProjectStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An accepted project row, normalised (docs/input-format.md 项目清单). Claimed tonnes are never null (blank = 0);
 * investment, district, credit code, actual completion and remarks may be null.
 *
 * @param countedStatus the status the totals use: COMPLETED with an actual completion after the year's end
 *                      counts as IN_PROGRESS (COMPLETION_AFTER_YEAR_END)
 * @param claims        the claimed reduction per pollutant code (one per pollutant of the plan year's
 *                      pollutants.csv, in its order), in tonnes per year
 */
public record ProjectRecord(String projectId, String cityCode, String district, String projectName,
                            String responsibleUnit, String creditCode, String categoryCode,
                            ProjectStatus status, ProjectStatus countedStatus, LocalDate plannedCompletion,
                            LocalDate actualCompletion, BigDecimal investment, Map<String, BigDecimal> claims,
                            String remarks) {

    public ProjectRecord {
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }

    /** The claimed reduction of the pollutant with this code; 0 where the row claims none. */
    public BigDecimal claim(String pollutantCode) {
        return claims.getOrDefault(pollutantCode, BigDecimal.ZERO);
    }
}
