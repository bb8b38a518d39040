package cn.js.reduction.discover;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merged cells of a sheet, read as a person sees them (docs/input-format.md): the value of the top-left cell in every cell the
 * merge covers. A 设区市 merged down all the rows of a city is that city on every row; 项目类别 merged over a run
 * of projects is that category on each of them.
 *
 * <p>{@link #over} wraps a sheet's row cursor: rows still stream, and the only state kept is the merges that
 * cover the current row, each with its top-left value (seen when its first row went by). Memory is bounded by
 * the number of merges, which the readers cap at {@link #MAX_REGIONS}.
 */
public final class MergedCells {

    /**
     * No real sheet has this many merged cells (a 65,536-row .xls list merging two columns per city comes to a
     * few hundred); a sheet with more is refused rather than held in memory.
     */
    public static final int MAX_REGIONS = 100_000;

    /**
     * Merges are filled in only within this many columns: the columns a submission uses are all far to the
     * left, and a merge across thousands of columns would otherwise make thousands of cells per row.
     */
    static final int MAX_FILL_COLUMNS = 256;

    /**
     * One merged area.
     *
     * @param firstRow    1-based, as Excel shows it
     * @param lastRow     1-based, inclusive
     * @param firstColumn 0-based
     * @param lastColumn  0-based, inclusive
     */
    record Region(int firstRow, int lastRow, int firstColumn, int lastColumn) {

        boolean isSingleCell() {
            return firstRow == lastRow && firstColumn == lastColumn;
        }
    }

    private MergedCells() {
    }

    /** The useful merges of a sheet, sorted by first row: single cells and merges beyond the filled columns dropped. */
    static List<Region> usable(List<Region> regions) {
        List<Region> out = new ArrayList<>();
        for (Region r : regions) {
            if (!r.isSingleCell() && r.firstColumn() < MAX_FILL_COLUMNS && r.firstRow() >= 1
                    && r.lastRow() >= r.firstRow() && r.lastColumn() >= r.firstColumn()) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingInt(Region::firstRow).thenComparingInt(Region::firstColumn));
        return out;
    }

    /** The cursor's rows with merged cells filled in; the cursor itself when the sheet has no merges. */
    static SheetSource.RowCursor over(SheetSource.RowCursor rows, List<Region> regions) {
        List<Region> usable = usable(regions);
        return usable.isEmpty() ? rows : new Filling(rows, usable);
    }

    private static final class Filling implements SheetSource.RowCursor {
        private final SheetSource.RowCursor rows;
        private final Iterator<Region> pending;
        private Region next;
        /** The merges covering the current row, with their top-left value (null when it was blank). */
        private final List<Active> active = new ArrayList<>();

        private record Active(Region region, RawCell topLeft) {
        }

        Filling(SheetSource.RowCursor rows, List<Region> sorted) {
            this.rows = rows;
            this.pending = sorted.iterator();
            this.next = pending.hasNext() ? pending.next() : null;
        }

        @Override
        public RawRow next() throws IOException, UnreadableFileException {
            RawRow row = rows.next();
            if (row == null) {
                return null;
            }
            int r = row.rowNumber();
            active.removeIf(a -> a.region().lastRow() < r);
            while (next != null && next.firstRow() <= r) {
                // the top-left value is known only if the merge's first row is this one; a merge whose first row
                // the file does not store starts blank, and stays so
                if (next.lastRow() >= r && next.firstRow() == r && !overlapsActive(next)) {
                    active.add(new Active(next, row.cell(next.firstColumn())));
                }
                next = pending.hasNext() ? pending.next() : null;
            }
            return active.isEmpty() ? row : fill(row);
        }

        /** Overlapping merges are invalid in Excel; a file that has them keeps the first. */
        private boolean overlapsActive(Region region) {
            for (Active a : active) {
                Region o = a.region();
                if (region.firstColumn() <= o.lastColumn() && o.firstColumn() <= region.lastColumn()) {
                    return true;
                }
            }
            return false;
        }

        private RawRow fill(RawRow row) {
            TreeMap<Integer, RawCell> cells = new TreeMap<>();
            for (RawCell c : row.cells()) {
                cells.put(c.column(), c);
            }
            Set<Integer> merged = new HashSet<>(row.mergedColumns());
            boolean changed = false;
            for (Active a : active) {
                Region region = a.region();
                int last = Math.min(region.lastColumn(), MAX_FILL_COLUMNS - 1);
                for (int column = region.firstColumn(); column <= last; column++) {
                    boolean topLeft = column == region.firstColumn() && row.rowNumber() == region.firstRow();
                    if (topLeft) {
                        continue;
                    }
                    changed = true;
                    // Excel keeps only the top-left value; whatever another program left under the merge is hidden
                    if (a.topLeft() == null) {
                        cells.remove(column);
                    } else {
                        cells.put(column, new RawCell(column, a.topLeft().type(), a.topLeft().text()));
                        merged.add(column);
                    }
                }
            }
            return changed ? new RawRow(row.sheet(), row.rowNumber(), new ArrayList<>(cells.values()), merged,
                    row.formulas()) : row;
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }
}
