package cn.js.reduction.report.sheet;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;

/**
 * Page set-up, so that an auditor who prints a sheet (or saves it as PDF) gets whole rows on a page, and every page
 * says which sheet it is and which page of how many.
 */
public final class PrintLayout {

    /** A3 landscape, less the margins {@link #acrossPages} sets, in points. */
    public static final double A3_LANDSCAPE_WIDTH = 1190.55 - 2 * 0.4 * 72;

    private PrintLayout() {
    }

    /** Wide tables: A3 landscape, all columns on one page width, as many pages down as needed. */
    public static void wide(Sheet sheet) {
        fit(sheet, true, PrintSetup.A3_PAPERSIZE);
    }

    /** Text to read: A4 portrait, one page width. */
    public static void narrow(Sheet sheet) {
        fit(sheet, false, PrintSetup.A4_PAPERSIZE);
    }

    /** A page to sign: A4 landscape, the whole sheet on one page. */
    public static void onePage(Sheet sheet) {
        fit(sheet, true, PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitHeight((short) 1);
    }

    private static void fit(Sheet sheet, boolean landscape, short paper) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(landscape);
        print.setPaperSize(paper);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        footer(sheet);
    }

    /**
     * A table too wide to read on one page (项目汇总's 58 columns would print at a third of their size): A3 landscape
     * at {@code scale} %, the {@code repeated} columns on the left of every page, and a page break before each
     * block of columns that would not fit beside the blocks before it, so that a page ends between blocks, never
     * inside one. Blocks are given as their first columns after the repeated ones, in order; the last block ends
     * at {@code lastColumn}.
     *
     * @return the first column of each page after the first, where the breaks went
     */
    public static List<Integer> acrossPages(Sheet sheet, int scale, int repeated, List<Integer> blockStarts, int lastColumn) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A3_PAPERSIZE);
        print.setScale((short) scale);
        sheet.setFitToPage(false);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setHorizontallyCenter(true);
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, repeated - 1));
        double room = A3_LANDSCAPE_WIDTH * 100 / scale - width(sheet, 0, repeated - 1);
        List<Integer> breaks = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < blockStarts.size(); i++) {
            int first = blockStarts.get(i);
            int last = i + 1 < blockStarts.size() ? blockStarts.get(i + 1) - 1 : lastColumn;
            double block = width(sheet, first, last);
            if (used > 0 && used + block > room) {
                sheet.setColumnBreak(first - 1); // the break is after the column given
                breaks.add(first);
                used = 0;
            }
            used += block;
        }
        footer(sheet);
        return breaks;
    }

    /**
     * The printed width of columns in points, as Excel lays out a width of n characters: n times the widest digit
     * (7 pixels in the default font) and 5 pixels of padding, at 96 pixels per inch; and 15 % more, as LibreOffice,
     * with a fallback for the font, was seen to print them up to 10 % wider (a block cut off a page by an automatic
     * break is what this avoids).
     */
    public static double width(Sheet sheet, int first, int last) {
        double points = 0;
        for (int c = first; c <= last; c++) {
            points += (sheet.getColumnWidth(c) / 256.0 * 7 + 5) * 0.75;
        }
        return points * 1.15;
    }

    /** The sheet's name and the page number, centred at the foot of every page. */
    private static void footer(Sheet sheet) {
        sheet.getFooter().setCenter("&A　第 &P 页，共 &N 页");
    }

    /**
     * Notes under a table printed across pages: each merged over the first page's columns and wrapped there, the row
     * made tall enough, so that a note is read whole on the first page instead of running on across the others.
     *
     * @return the 0-based index of the last note's row
     */
    public static int notes(Sheet sheet, WorkbookStyles styles, int row, List<String> notes, int lastColumn) {
        return notes(sheet, styles, row, notes, 0, lastColumn);
    }

    /**
     * The notes merged over {@code firstColumn} to {@code lastColumn}: from column B on a sheet whose column A is
     * repeated on every page, so that a continuation page shows no clipped start of a note in it.
     */
    public static int notes(Sheet sheet, WorkbookStyles styles, int row, List<String> notes, int firstColumn,
                            int lastColumn) {
        double width = 0;
        for (int c = firstColumn; c <= lastColumn; c++) {
            width += sheet.getColumnWidth(c) / 256.0;
        }
        for (String note : notes) {
            org.apache.poi.ss.usermodel.Row r = row(sheet, row);
            RowWriter w = new RowWriter(r, styles, false).at(firstColumn).text(note, WorkbookStyles.Kind.WRAPPED_NOTE,
                    WorkbookStyles.Mark.NONE);
            r.setHeightInPoints(RowWriter.estimatedLines(note, width) * RowWriter.LINE_HEIGHT + 3);
            if (lastColumn > firstColumn) {
                sheet.addMergedRegion(new CellRangeAddress(row, row, firstColumn, lastColumn));
            }
            row = w.rowIndex() + 1;
        }
        return row - 1;
    }

    /**
     * The heading of each page after the first of a sheet printed across pages with column A repeated (项目汇总,
     * 减排核算): the title, continued, at the page's first column of row 1, and a pointer to the legend on page 1,
     * so that a continuation page neither starts with a clipped title nor shows "图例：" alone. Written with the
     * sheet's heading rows, before its data: a streamed sheet has written its first rows to disk once a few hundred
     * rows follow (a national set's 340 cities), and cannot go back to them.
     *
     * @param pages the first column of each page after the first ({@link #acrossPages})
     */
    public static void continuedTitles(Sheet sheet, WorkbookStyles styles, List<Integer> pages, String title) {
        for (int column : pages) {
            new RowWriter(row(sheet, 0), styles, false).at(column).text(title + "（续）", WorkbookStyles.Kind.TITLE,
                    WorkbookStyles.Mark.NONE);
            new RowWriter(row(sheet, 1), styles, false).at(column).text("见第 1 页", WorkbookStyles.Kind.NOTE,
                    WorkbookStyles.Mark.NONE);
        }
    }

    /** Where the notes are, on each page after the first, in the notes' first row (0-based {@code notesRow}). */
    public static void continuedNotes(Sheet sheet, WorkbookStyles styles, List<Integer> pages, int notesRow) {
        for (int column : pages) {
            new RowWriter(row(sheet, notesRow), styles, false).at(column).text("说明见第 1 页",
                    WorkbookStyles.Kind.NOTE, WorkbookStyles.Mark.NONE);
        }
    }

    private static org.apache.poi.ss.usermodel.Row row(Sheet sheet, int index) {
        org.apache.poi.ss.usermodel.Row r = sheet.getRow(index);
        return r != null ? r : sheet.createRow(index);
    }

    /** The print area: only the table, not a note running on to the right of it. */
    public static void area(Sheet sheet, int lastColumn, int lastRow) {
        int index = sheet.getWorkbook().getSheetIndex(sheet);
        sheet.getWorkbook().setPrintArea(index, "$A$1:$" + CellReference.convertNumToColString(lastColumn) + "$"
                + (lastRow + 1));
    }
}
