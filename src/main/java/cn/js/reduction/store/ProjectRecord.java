package cn.js.reduction.store;

import cn.js.reduction.core.ProjectStatus;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An accepted project row, normalised (docs/input-format.md 项目清单). Tonnes are never null (blank = 0); investment,
 * district, credit code, actual completion and remarks may be null.
 *
 * @param countedStatus the status the totals use: COMPLETED with an actual completion after the year's end
 *                      counts as IN_PROGRESS (COMPLETION_AFTER_YEAR_END)
 */
public record ProjectRecord(String projectId, String cityCode, String district, String projectName,
                            String responsibleUnit, String creditCode, String categoryCode,
                            ProjectStatus status, ProjectStatus countedStatus, LocalDate plannedCompletion,
                            LocalDate actualCompletion, BigDecimal investment, BigDecimal vocT, BigDecimal so2T,
                            BigDecimal noxT, BigDecimal pmT, String remarks) {
}
