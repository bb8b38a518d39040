package cn.js.reduction.report.sheet;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The one set of cell styles every sheet of a workbook shares. Styles are created on first use and cached:
 * a workbook holds at most 64,000 styles, so a style per cell would break a large report.
 */
public final class WorkbookStyles {

    public static final String FONT = "等线";

    /** What a cell holds, which decides its number format and alignment. */
    public enum Kind {
        TITLE, NOTE,
        /** a note merged over a page's width and wrapped there, without borders */
        WRAPPED_NOTE,
        LABEL, HEADER, TEXT, WRAPPED, COUNT, TONNES, PERCENT, RATIO, DATE, DATETIME,
        /** a figure of the plan as it states it (39, 71.5): no decimals added */
        TARGET,
        /** a cell reference that links to the annotated cell */
        LINK
    }

    /** A fill that draws the eye; the legend lines of the sheets explain each one. */
    public enum Mark {
        NONE(null),
        /** submitted < planned; a target not met; an ERROR finding */
        SHORTFALL(new byte[]{(byte) 0xF8, (byte) 0xCB, (byte) 0xAD}),
        /** unplanned category; claim ratio above 1.5; a WARNING finding */
        ATTENTION(new byte[]{(byte) 0xFF, (byte) 0xEB, (byte) 0x9C}),
        /** completed < planned at the year-end run (lavender, told apart from the shortfall's red) */
        COMPLETION(new byte[]{(byte) 0xE4, (byte) 0xDF, (byte) 0xEC}),
        /** submitted > planned, planned > 0 */
        EXCESS(new byte[]{(byte) 0xB7, (byte) 0xDE, (byte) 0xE8}),
        /** no emission data */
        NO_DATA(new byte[]{(byte) 0xD9, (byte) 0xD9, (byte) 0xD9}),
        /** header cells */
        HEADING(new byte[]{(byte) 0xDD, (byte) 0xEB, (byte) 0xF7});

        private final byte[] rgb;

        Mark(byte[] rgb) {
            this.rgb = rgb;
        }

        byte[] rgb() {
            return rgb == null ? null : rgb.clone();
        }
    }

    private record Key(Kind kind, Mark mark, boolean bold, boolean quoted) {
    }

    private final Workbook workbook;
    private final Map<Key, CellStyle> cache = new HashMap<>();
    private final Font bold;
    private final Font title;
    private final Font link;
    private final short dateFormat;
    private final short dateTimeFormat;
    private final short twoDecimals;
    private final short fourDecimals;
    private final short tonnes;
    private final short integer;
    private final short general;

    public WorkbookStyles(Workbook workbook) {
        this.workbook = workbook;
        Font normal = workbook.getFontAt(0);
        normal.setFontName(FONT);
        normal.setFontHeightInPoints((short) 10);
        bold = workbook.createFont();
        bold.setFontName(FONT);
        bold.setFontHeightInPoints((short) 10);
        bold.setBold(true);
        link = workbook.createFont();
        link.setFontName(FONT);
        link.setFontHeightInPoints((short) 10);
        link.setUnderline(Font.U_SINGLE);
        link.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
        title = workbook.createFont();
        title.setFontName(FONT);
        title.setFontHeightInPoints((short) 14);
        title.setBold(true);
        var formats = workbook.createDataFormat();
        dateFormat = formats.getFormat("yyyy-mm-dd");
        dateTimeFormat = formats.getFormat("yyyy-mm-dd hh:mm:ss");
        twoDecimals = formats.getFormat("0.00");
        fourDecimals = formats.getFormat("0.0000");
        // tonnes with thousands separators, as auditors read them; the CSVs keep numbers plain
        tonnes = formats.getFormat("#,##0.00");
        integer = formats.getFormat("#,##0");
        general = formats.getFormat("General");
    }

    public CellStyle style(Kind kind) {
        return style(kind, Mark.NONE, false, false);
    }

    /**
     * @param bold   totals are bold, so that the row or column computed by formula stands out
     * @param quoted the cell's text starts with = + - or @: Excel shows it with a leading apostrophe and never
     *               reads it as a formula, even when someone edits the cell
     */
    public CellStyle style(Kind kind, Mark mark, boolean bold, boolean quoted) {
        return cache.computeIfAbsent(new Key(kind, mark, bold, quoted), this::create);
    }

    private CellStyle create(Key key) {
        XSSFCellStyle s = (XSSFCellStyle) workbook.createCellStyle();
        s.setVerticalAlignment(VerticalAlignment.CENTER);
        switch (key.kind()) {
            case TITLE -> s.setFont(title);
            case NOTE -> s.setWrapText(false);
            case WRAPPED_NOTE -> {
                s.setWrapText(true);
                s.setVerticalAlignment(VerticalAlignment.TOP);
            }
            case LABEL -> {
                s.setFont(bold);
                bordered(s);
            }
            case HEADER -> {
                s.setFont(bold);
                s.setAlignment(HorizontalAlignment.CENTER);
                s.setWrapText(true);
                bordered(s);
            }
            case TEXT -> bordered(s);
            case WRAPPED -> {
                s.setWrapText(true);
                bordered(s);
            }
            case COUNT -> numeric(s, integer);
            case TONNES -> numeric(s, tonnes);
            case PERCENT -> numeric(s, twoDecimals);
            case RATIO -> numeric(s, fourDecimals);
            case TARGET -> numeric(s, general);
            case DATE -> {
                s.setDataFormat(dateFormat);
                s.setAlignment(HorizontalAlignment.CENTER);
                bordered(s);
            }
            case LINK -> {
                s.setFont(link);
                bordered(s);
            }
            case DATETIME -> {
                s.setDataFormat(dateTimeFormat);
                s.setAlignment(HorizontalAlignment.LEFT);
                bordered(s);
            }
        }
        if (key.bold() && key.kind() != Kind.TITLE) {
            s.setFont(bold);
        }
        Mark mark = key.mark() == Mark.NONE && key.kind() == Kind.HEADER ? Mark.HEADING : key.mark();
        if (mark.rgb != null) {
            s.setFillForegroundColor(new XSSFColor(mark.rgb, null));
            s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        }
        s.setQuotePrefixed(key.quoted());
        return s;
    }

    private static void numeric(CellStyle s, short format) {
        s.setDataFormat(format);
        s.setAlignment(HorizontalAlignment.RIGHT);
        bordered(s);
    }

    private static void bordered(CellStyle s) {
        s.setBorderTop(BorderStyle.THIN);
        s.setBorderBottom(BorderStyle.THIN);
        s.setBorderLeft(BorderStyle.THIN);
        s.setBorderRight(BorderStyle.THIN);
    }
}
