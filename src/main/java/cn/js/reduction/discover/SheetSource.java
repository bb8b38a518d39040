package cn.js.reduction.discover;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * A submitted file opened for reading: its sheets in workbook order, each read row by row as a stream, so
 * that memory does not grow with the file. A CSV file has one sheet, named after the file without its
 * extension. Implementations: xlsx (POI event API), xls (HSSF), csv (opencsv); {@link SheetSources#open}
 * picks one by the file's content, not its name.
 */
public interface SheetSource extends Closeable {

    List<String> sheetNames();

    /**
     * True when the sheet is hidden (or very hidden) in the workbook: a person opening the file does not see it,
     * so it is not read as data (see the README). A CSV file has no hidden sheets.
     */
    default boolean isHidden(int sheetIndex) {
        return false;
    }

    /**
     * The 1-based rows of the sheet that are an Excel table's totals row (xlsx only): not data, whatever they hold.
     */
    default Set<Integer> tableTotalsRows(int sheetIndex) {
        return Set.of();
    }

    /**
     * Reads the 0-based sheet from its first row, merged cells read as their top-left value in every cell they
     * cover ({@link MergedCells}). Only one cursor is open at a time.
     */
    RowCursor rows(int sheetIndex) throws IOException, UnreadableFileException;

    /**
     * Reads the 0-based sheet as stored, merged cells not filled in: what finding a header needs (the header
     * locator reads merged headings from what they leave behind), without the pass over the whole of an xlsx
     * sheet that filling merged cells costs. Only one cursor is open at a time.
     */
    default RowCursor storedRows(int sheetIndex) throws IOException, UnreadableFileException {
        return rows(sheetIndex);
    }

    /** Rows of one sheet, in file order; rows the file does not store are not returned. */
    interface RowCursor extends Closeable {
        /** The next stored row (it may still be blank), or null at the end of the sheet. */
        RawRow next() throws IOException, UnreadableFileException;
    }
}
