package cn.js.reduction.intake;

import cn.js.reduction.core.Finding;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.RowKind;
import java.util.List;

/**
 * A row of a submitted file together with the file's name and header, as the intake reader yields it.
 *
 * @param kind  what the row is (only data rows are validated; the others are ignored)
 * @param notes findings of the sheet's account that this row carries to the store: a totals row that differs
 *              from its rows, and, on the sheet's last row, the columns not read
 * @param columnsNotRead on the sheet's last row, how many columns held data but were not read (one COLUMN_NOT_READ
 *              each), staged with the sheet (ra_input_sheet); null on every other row
 */
public record SourcedRow(String file, Header header, RawRow row, RowKind kind, List<Finding> notes,
                         Integer columnsNotRead) {

    public SourcedRow {
        notes = List.copyOf(notes);
    }

    public SourcedRow(String file, Header header, RawRow row, RowKind kind, List<Finding> notes) {
        this(file, header, row, kind, notes, null);
    }

    public SourcedRow(String file, Header header, RawRow row) {
        this(file, header, row, RowKind.of(row, header), List.of());
    }
}
