package cn.js.reduction.intake;

import cn.js.reduction.store.WrittenWords;
import cn.js.reduction.core.Disposition;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.RowKind;

import cn.js.reduction.core.Finding;
import cn.js.reduction.store.StagedParameters;
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
 * @param part        0, or for a row of an emission report laid out like annex 2, the 1-based number of the
 *                    pollutant it is read for (a sheet row gives one row read per pollutant)
 * @param why         for an ignored row, what it is and where that was read (合计 (A9), 表尾「填表人：」 …); else null
 * @param cells       the cells the row was read from where they are not its sheet's columns from first to last
 *                    (a part of a row laid out like annex 2: A5,D5,E5); else null
 */
public record RowOutcome<T>(String file, String sheet, int rowNumber, Disposition disposition, String cityCode,
                            String groupCode, T record, List<Finding> findings, WrittenWords written, int part,
                            String why, String cells) {

    public RowOutcome {
        findings = List.copyOf(findings);
        written = written == null ? WrittenWords.NONE : written;
    }

    public RowOutcome(String file, String sheet, int rowNumber, Disposition disposition, String cityCode,
                      String groupCode, T record, List<Finding> findings, WrittenWords written) {
        this(file, sheet, rowNumber, disposition, cityCode, groupCode, record, findings, written, 0, null, null);
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
        return new RowOutcome<>(file, sheet, rowNumber, disposition, cityCode, groupCode, record, other, written, part,
                why, cells);
    }

    /** A row that is not data ({@link RowKind}), ignored with what it is. */
    static <T> RowOutcome<T> ignored(String file, RawRow row, RowKind kind) {
        return new RowOutcome<>(file, row.sheet(), row.rowNumber(), Disposition.IGNORED, null, null, null, List.of(),
                WrittenWords.NONE, 0, kind == null ? null : kind.why(), null);
    }

    /** The row's place and verdict as the store keeps them. */
    public StagedParameters.Place place() {
        return new StagedParameters.Place(file, sheet, rowNumber, part, disposition, cityCode, groupCode, written, why,
                cells);
    }

    public boolean isAccepted() {
        return disposition == Disposition.ACCEPTED;
    }
}
