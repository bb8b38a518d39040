package cn.js.reduction.report.sheet;

import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;

/**
 * Writes one row's cells left to right, each with the style of what it holds. Text is always a string cell, which
 * no spreadsheet evaluates; text that {@link FormulaGuard} finds formula-like is also quote-prefixed, so that
 * editing the cell in Excel keeps it text.
 */
public final class RowWriter {

    /** Excel's limit for the text of one cell. */
    public static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private final Row row;
    private final WorkbookStyles styles;
    private final boolean bold;
    private int column;

    public RowWriter(Row row, WorkbookStyles styles, boolean bold) {
        this.row = row;
        this.styles = styles;
        this.bold = bold;
    }

    /** The 0-based index of the next cell to be written. */
    public int column() {
        return column;
    }

    /** The 0-based sheet row index. */
    public int rowIndex() {
        return row.getRowNum();
    }

    /** A1 reference of a cell of this row, e.g. ref(1) = B6 in the sixth row. */
    public String ref(int col) {
        return CellReference.convertNumToColString(col) + (row.getRowNum() + 1);
    }

    public RowWriter at(int col) {
        column = col;
        return this;
    }

    public RowWriter text(String text) {
        return text(text, Kind.TEXT, Mark.NONE);
    }

    public RowWriter text(String text, Kind kind, Mark mark) {
        Cell cell = row.createCell(column++);
        if (text == null || text.isEmpty()) {
            cell.setCellStyle(styles.style(kind, mark, bold, false));
            return this;
        }
        String shown = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
        cell.setCellStyle(styles.style(kind, mark, bold, startsLikeFormula(shown)));
        cell.setCellValue(shown);
        if (kind == Kind.WRAPPED) {
            fitHeight(shown, row.getSheet().getColumnWidth(cell.getColumnIndex()) / 256.0);
        }
        return this;
    }

    /**
     * Makes the row tall enough for wrapped text. Neither SXSSF nor LibreOffice fits row heights to wrapped
     * text on their own, so the lines are estimated from the column width.
     */
    public void fitHeight(String text, double widthInCharacters) {
        int lines = estimatedLines(text, widthInCharacters);
        if (lines > 1) {
            float needed = lines * LINE_HEIGHT + 3;
            if (needed > row.getHeightInPoints()) {
                row.setHeightInPoints(Math.min(needed, 409));
            }
        }
    }

    /** Line height in points of the workbook's 10-point font. */
    public static final float LINE_HEIGHT = 13.5f;

    /**
     * Lines a text takes in a column of the given width in characters: a Chinese (or other full-width)
     * character is about two characters wide; explicit line breaks start a new line.
     */
    public static int estimatedLines(String text, double widthInCharacters) {
        double usable = Math.max(1, widthInCharacters - 1);
        int lines = 0;
        for (String part : text.split("\n", -1)) {
            double width = 0;
            for (int i = 0; i < part.length(); i++) {
                width += isWide(part.charAt(i)) ? 1.9 : 1.0;
            }
            lines += Math.max(1, (int) Math.ceil(width / usable));
        }
        return lines;
    }

    private static boolean isWide(char c) {
        return c >= '\u1100' && (c <= '\u115F' || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3')
                || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE30' && c <= '\uFE4F') || (c >= '\uFF00' && c <= '\uFF60')
                || (c >= '\uFFE0' && c <= '\uFFE6'));
    }

    /**
     * The cell reference of a finding, linked to the place it concerns (the detail row, the annotated input cell,
     * the file's row on 运行信息); plain text when there is no such place (link null).
     */
    public RowWriter link(String text, Link link) {
        if (link == null || text == null || text.isEmpty()) {
            return text(text);
        }
        Cell cell = row.createCell(column++);
        cell.setCellStyle(styles.style(Kind.LINK));
        cell.setCellValue(text);
        CreationHelper helper = row.getSheet().getWorkbook().getCreationHelper();
        if (link.file() == null) {
            Hyperlink h = helper.createHyperlink(HyperlinkType.DOCUMENT);
            h.setAddress(link.location());
            cell.setHyperlink(h);
        } else {
            // another workbook of the run: its relative path as the link's target, the cell as its location, as
            // Excel writes a link to a cell of another file
            XSSFHyperlink h = (XSSFHyperlink) helper.createHyperlink(HyperlinkType.FILE);
            h.setAddress(link.file());
            if (link.location() != null) { // a file without cells to point at (CSV): the file itself
                h.setLocation(link.location());
            }
            cell.setHyperlink(h);
        }
        return this;
    }

    /** A whole number too large for {@link #count(Integer)}, such as a file's size in bytes. */
    public RowWriter number(long value) {
        blankCell(Kind.COUNT, Mark.NONE).setCellValue((double) value);
        return this;
    }

    public RowWriter count(Integer value) {
        return count(value, Mark.NONE);
    }

    public RowWriter count(Integer value, Mark mark) {
        Cell cell = blankCell(Kind.COUNT, mark);
        if (value != null) {
            cell.setCellValue(value);
        }
        return this;
    }

    /** The exact figure goes into the cell; the number format shows it rounded to 2 decimals. */
    public RowWriter decimal(BigDecimal value, Kind kind) {
        return decimal(value, kind, Mark.NONE);
    }

    public RowWriter decimal(BigDecimal value, Kind kind, Mark mark) {
        Cell cell = blankCell(kind, mark);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
        return this;
    }

    /**
     * A formula with its cached value: SXSSF stores both, so a program that does not recalculate (a viewer,
     * LibreOffice by default) shows the right figure, and Excel's own recalculation gives the same.
     */
    public RowWriter formula(String formula, double cached, Kind kind, Mark mark) {
        Cell cell = blankCell(kind, mark);
        cell.setCellFormula(formula);
        cell.setCellValue(cached);
        return this;
    }

    /**
     * A formula whose result may be blank: the cached value is the figure, or the empty text that the formula
     * gives where there is none (IF(...,"",...)).
     */
    public RowWriter formula(String formula, BigDecimal cached, Kind kind, Mark mark) {
        Cell cell = blankCell(kind, mark);
        cell.setCellFormula(formula);
        if (cached == null) {
            cell.setCellValue("");
        } else {
            cell.setCellValue(cached.doubleValue());
        }
        return this;
    }

    /** A formula whose result is text (a status), with that text cached. */
    public RowWriter formulaText(String formula, String cached, Kind kind, Mark mark) {
        Cell cell = blankCell(kind, mark);
        cell.setCellFormula(formula);
        cell.setCellValue(cached);
        return this;
    }

    public RowWriter date(LocalDate value) {
        Cell cell = blankCell(Kind.DATE, Mark.NONE);
        if (value != null) {
            cell.setCellValue(value);
        }
        return this;
    }

    public RowWriter dateTime(LocalDateTime value) {
        Cell cell = blankCell(Kind.DATETIME, Mark.NONE);
        if (value != null) {
            cell.setCellValue(value);
        }
        return this;
    }

    /** An empty cell that still carries the table's borders (and fill). */
    public RowWriter blank(Kind kind, Mark mark) {
        blankCell(kind, mark);
        return this;
    }

    private Cell blankCell(Kind kind, Mark mark) {
        Cell cell = row.createCell(column++);
        cell.setCellStyle(styles.style(kind, mark, bold, false));
        return cell;
    }

    /** Text a spreadsheet could run as a formula: {@link FormulaGuard}'s rule, the same as the CSVs'. */
    public static boolean startsLikeFormula(String text) {
        return FormulaGuard.isFormulaLike(text);
    }
}
