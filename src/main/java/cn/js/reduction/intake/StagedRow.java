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
public record StagedRow(FileKind kind, List<RowOutcome<?>> outcomes, String idCell, SheetEnd sheetEnd) {

    /** On a sheet's last row: the sheet and how many of its columns held data but were not read. */
    public record SheetEnd(String file, String sheet, int columnsNotRead) {
    }

    public StagedRow {
        outcomes = List.copyOf(outcomes);
    }

    public StagedRow(FileKind kind, List<RowOutcome<?>> outcomes, String idCell) {
        this(kind, outcomes, idCell, null);
    }

    public StagedRow(FileKind kind, RowOutcome<?> outcome, String idCell) {
        this(kind, List.of(outcome), idCell);
    }

    /** This row, carrying its sheet's end (null: not the sheet's last row). */
    public StagedRow withSheetEnd(SheetEnd end) {
        return new StagedRow(kind, outcomes, idCell, end);
    }

    /** The row's one outcome, or the first of its parts. */
    public RowOutcome<?> outcome() {
        return outcomes.get(0);
    }
}
