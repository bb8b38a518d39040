package cn.js.reduction.intake;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.discover.RawRow;

import cn.js.reduction.core.Finding;
import cn.js.reduction.store.StagedRowStore;
import java.util.List;

/**
 * The verdict on one row read.
 *
 * @param rowNumber   1-based row number as Excel shows it
 * @param cityCode    the row's city when its 设区市 cell could be resolved, else null
 * @param record      the normalised record; null unless ACCEPTED
 * @param findings    every finding of the row, ERRORs and WARNINGs, in column order
 */
public record RowOutcome<T>(String file, String sheet, int rowNumber, Disposition disposition, String cityCode,
                            T record, List<Finding> findings) {

    public RowOutcome {
        findings = List.copyOf(findings);
    }

    static <T> RowOutcome<T> ignored(String file, RawRow row) {
        return new RowOutcome<>(file, row.sheet(), row.rowNumber(), Disposition.IGNORED, null, null, List.of());
    }

    /** The row's place and verdict as the store keeps them. */
    public StagedRowStore.Place place() {
        return new StagedRowStore.Place(file, sheet, rowNumber, disposition, cityCode);
    }

    public boolean isAccepted() {
        return disposition == Disposition.ACCEPTED;
    }
}
