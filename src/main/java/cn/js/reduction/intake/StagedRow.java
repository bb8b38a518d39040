package cn.js.reduction.intake;

import cn.js.reduction.core.FileKind;
import java.util.List;

/**
 * A sheet row's outcomes ready for staging: one, or for a row of an emission report laid out like annex 2, one
 * per pollutant of the row (each a row read of the long form, numbered by {@link RowOutcome#part()}).
 *
 * @param idCell A1 reference of the row's 项目编号 cell (projects only), so a later duplicate check can point
 *               at it
 */
public record StagedRow(FileKind kind, List<RowOutcome<?>> outcomes, String idCell) {

    public StagedRow {
        outcomes = List.copyOf(outcomes);
    }

    public StagedRow(FileKind kind, RowOutcome<?> outcome, String idCell) {
        this(kind, List.of(outcome), idCell);
    }

    /** The row's one outcome, or the first of its parts. */
    public RowOutcome<?> outcome() {
        return outcomes.get(0);
    }
}
