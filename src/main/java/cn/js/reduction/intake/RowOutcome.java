package cn.js.reduction.intake;

import cn.js.reduction.store.WrittenWords;
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
 * @param groupCode   the row's pollutant (emission) or category (project) when that cell could be resolved, else
 *                    null: kept for a rejected row too, so that it tells which figure of its city it leaves
 *                    incomplete (INCOMPLETE, COUNT_SHORTFALL's rejected rows)
 * @param record      the normalised record; null unless ACCEPTED
 * @param findings    every finding of the row, ERRORs and WARNINGs, in column order
 * @param written     the city's own words for the values the rules normalise (city, category or pollutant,
 *                    status, dates), staged beside them
 */
public record RowOutcome<T>(String file, String sheet, int rowNumber, Disposition disposition, String cityCode,
                            String groupCode, T record, List<Finding> findings, WrittenWords written) {

    public RowOutcome {
        findings = List.copyOf(findings);
        written = written == null ? WrittenWords.NONE : written;
    }

    public RowOutcome(String file, String sheet, int rowNumber, Disposition disposition, String cityCode,
                      String groupCode, T record, List<Finding> findings) {
        this(file, sheet, rowNumber, disposition, cityCode, groupCode, record, findings, WrittenWords.NONE);
    }

    public RowOutcome(String file, String sheet, int rowNumber, Disposition disposition, String cityCode, T record,
                      List<Finding> findings) {
        this(file, sheet, rowNumber, disposition, cityCode, null, record, findings);
    }

    /** The same verdict with other findings. */
    public RowOutcome<T> withFindings(List<Finding> other) {
        return new RowOutcome<>(file, sheet, rowNumber, disposition, cityCode, groupCode, record, other, written);
    }

    static <T> RowOutcome<T> ignored(String file, RawRow row) {
        return new RowOutcome<>(file, row.sheet(), row.rowNumber(), Disposition.IGNORED, null, null, List.of());
    }

    /** The row's place and verdict as the store keeps them. */
    public StagedRowStore.Place place() {
        return new StagedRowStore.Place(file, sheet, rowNumber, disposition, cityCode, groupCode, written);
    }

    public boolean isAccepted() {
        return disposition == Disposition.ACCEPTED;
    }
}
