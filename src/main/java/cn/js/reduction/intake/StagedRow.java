package cn.js.reduction.intake;

import cn.js.reduction.core.FileKind;

/**
 * A row's outcome ready for staging.
 *
 * @param idCell A1 reference of the row's 项目编号 cell (projects only), so a later duplicate check can point
 *               at it
 */
public record StagedRow(FileKind kind, RowOutcome<?> outcome, String idCell) {
}
