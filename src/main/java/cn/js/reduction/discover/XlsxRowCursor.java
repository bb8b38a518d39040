package cn.js.reduction.discover;

import cn.js.reduction.core.InputLimits;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;

/**
 * Pulls one worksheet's XML (sheetData/row/c) a row at a time with StAX: each {@link #next()} reads exactly
 * one &lt;row&gt;, so a batch reader can pull rows with no thread and no buffer between it and the file.
 * Formulas are read by their cached &lt;v&gt;; a formula without one (a workbook written by a program) is
 * evaluated where it refers only to its own row ({@link RowFormula}), and is kept in {@link RawRow#formulas()}
 * either way, so that it is never read as blank without a word.
 *
 * <p>Excel's limits are enforced while pulling, so that a crafted sheet costs neither memory nor time: a text
 * is kept to {@link InputLimits#MAX_CELL_CHARS} + 1 characters (the row rules then reject it as too long, and
 * the rest of it is read past in chunks, never held); a row of more than 16,384 cells or of more text than
 * {@link InputLimits#MAX_ROW_CHARS} (16,384 cells of 32,767 characters would be a gigabyte), a row number past
 * 1,048,576, or one that repeats or goes back, stops the sheet with a finding naming the row (a workbook Excel
 * saved never has them; rows before it are kept).
 */
final class XlsxRowCursor implements SheetSource.RowCursor {

    private static final XMLInputFactory XML = newInputFactory();

    /**
     * Elements nest a handful deep in a sheet or a shared strings table (worksheet, sheetData, row, c, is, r, t);
     * the parser keeps a frame per open element, so a crafted part nesting millions deep would fill the heap.
     */
    static final int MAX_XML_DEPTH = 512;

    /** POI's hardened factory (no DTD, no external entities), with the nesting bounded. */
    static XMLInputFactory newInputFactory() {
        XMLInputFactory factory = XMLHelper.newXMLInputFactory();
        try {
            factory.setProperty("jdk.xml.maxElementDepth", MAX_XML_DEPTH);
        } catch (IllegalArgumentException notTheJdkParser) {
            // another StAX implementation on the class path: it has its own limits
        }
        return factory;
    }

    private final String sheet;
    private final InputStream in;
    private final XMLStreamReader xml;
    private final XlsxSharedStrings sharedStrings;
    private final XlsxCellStyles styles;
    private final boolean date1904;
    private final boolean recalculatedOnOpen;
    private int lastRow;
    private boolean anyRow;
    private int lastColumn;
    private boolean inRow;
    private boolean finished;
    /** The current row's formulas stored without a value, by column. */
    private final Map<Integer, String> rowFormulas = new TreeMap<>();

    /**
     * @param recalculatedOnOpen the workbook asks Excel to recalculate every formula on opening (calcPr
     *                           fullCalcOnLoad): a formula's stored value is then not taken, as if it had none
     */
    XlsxRowCursor(String sheet, InputStream in, XlsxSharedStrings sharedStrings, XlsxCellStyles styles,
                  boolean date1904, boolean recalculatedOnOpen) throws XMLStreamException {
        this.recalculatedOnOpen = recalculatedOnOpen;
        this.sheet = sheet;
        this.in = in;
        this.xml = XML.createXMLStreamReader(in);
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    @Override
    public RawRow next() throws UnreadableFileException {
        if (finished) {
            return null;
        }
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    return readRow();
                }
                if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                    break; // what follows (merged cells, page setup) holds no values
                }
            }
            finished = true;
            return null;
        } catch (UnreadableFileException e) {
            finished = true;
            throw e;
        } catch (XMLStreamException | RuntimeException e) {
            finished = true;
            throw Unreadable.corruptSheet(sheet, inRow ? lastRow : lastRow + 1, e);
        }
    }

    private RawRow readRow() throws XMLStreamException, UnreadableFileException {
        // r is optional: a row without it follows the previous one
        String r = xml.getAttributeValue(null, "r");
        int number = r != null ? Integer.parseInt(r.trim()) : lastRow + 1;
        if (anyRow && number <= lastRow) {
            throw Unreadable.rowOutOfOrder(sheet, number, lastRow);
        }
        if (number < 1 || number > InputLimits.MAX_ROWS) {
            throw Unreadable.rowBeyondLimit(sheet, number);
        }
        lastRow = number;
        anyRow = true;
        inRow = true;
        lastColumn = -1;
        List<RawCell> cells = new ArrayList<>();
        rowFormulas.clear();
        boolean inOrder = true;
        int cellElements = 0;
        long rowChars = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("c".equals(xml.getLocalName())) {
                    if (++cellElements > InputLimits.MAX_COLUMNS) {
                        throw Unreadable.tooManyCells(sheet, lastRow);
                    }
                    RawCell cell = readCell();
                    if (lastColumn >= InputLimits.MAX_COLUMNS) {
                        throw Unreadable.tooManyCells(sheet, lastRow);
                    }
                    if (cell != null && (rowChars += cell.text().length()) > InputLimits.MAX_ROW_CHARS) {
                        throw Unreadable.rowTooLarge(sheet, lastRow);
                    }
                    if (cell != null) {
                        inOrder &= cells.isEmpty() || cells.get(cells.size() - 1).column() < cell.column();
                        cells.add(cell);
                    }
                } else {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break; // </row>
            }
        }
        if (!inOrder) {
            cells.sort(Comparator.comparingInt(RawCell::column));
        }
        inRow = false;
        if (rowFormulas.isEmpty()) {
            return new RawRow(sheet, lastRow, cells);
        }
        return RowFormula.withFormulas(sheet, lastRow, cells, rowFormulas);
    }

    /** Reads one &lt;c&gt; up to its end tag; null when it holds nothing to show. */
    private RawCell readCell() throws XMLStreamException {
        String ref = xml.getAttributeValue(null, "r");
        lastColumn = ref != null ? columnOf(ref) : lastColumn + 1;
        int column = lastColumn;
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = null;
        String inline = null;
        String formula = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    value = boundedText(new StringBuilder()).toString();
                } else if ("is".equals(name)) {
                    inline = SharedStringItems.richText(xml); // an inline string: the same text as a shared one
                } else if ("f".equals(name)) {
                    // the formula: its cached <v> is its value; kept for when there is none (a shared formula's
                    // followers carry no text: they are then not evaluated, and say so)
                    formula = boundedText(new StringBuilder()).toString();
                } else {
                    skipElement();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break; // </c>
            }
        }
        RawCell cell = toCell(column, type, style, value, inline);
        if (formula != null && inline == null
                && (recalculatedOnOpen || value == null || value.isEmpty() && !"str".equals(type))) {
            rowFormulas.put(column, formula.startsWith("=") ? formula.substring(1) : formula);
            return null;
        }
        return cell;
    }

    private RawCell toCell(int column, String type, String style, String value, String inline) {
        String t = type == null ? "n" : type;
        if ("inlineStr".equals(t)) {
            return text(column, RawCell.Type.TEXT, inline != null ? inline : value);
        }
        if (value == null) {
            return null;
        }
        return switch (t) {
            case "s" -> text(column, RawCell.Type.TEXT, sharedString(value));
            case "str" -> text(column, RawCell.Type.TEXT, value);
            case "b" -> text(column, RawCell.Type.BOOLEAN,
                    "1".equals(value.trim()) || "true".equalsIgnoreCase(value.trim()) ? "TRUE" : "FALSE");
            case "e" -> text(column, RawCell.Type.ERROR, value);
            case "d" -> isoDateCell(column, value);
            default -> numberCell(column, style, value);
        };
    }

    private String sharedString(String index) {
        return sharedStrings.get(Integer.parseInt(index.trim()));
    }

    private RawCell numberCell(int column, String style, String value) {
        if (value.isBlank()) {
            return null;
        }
        String plain = CellTexts.plainNumberOrNull(value);
        if (plain == null) {
            return text(column, RawCell.Type.TEXT, value); // not a number after all: let validation say so
        }
        if (styles.isDate(styleIndex(style))) {
            double serial = Double.parseDouble(plain);
            if (DateUtil.isValidExcelDate(serial)) {
                return new RawCell(column, RawCell.Type.DATE,
                        CellTexts.isoDate(DateUtil.getLocalDateTime(serial, date1904, true)));
            }
        }
        return new RawCell(column, RawCell.Type.NUMBER, plain);
    }

    /** t="d": an ISO 8601 date as some writers (not Excel itself) store it. */
    private static RawCell isoDateCell(int column, String value) {
        String v = value.trim();
        if (v.length() >= 10) {
            try {
                return new RawCell(column, RawCell.Type.DATE, LocalDate.parse(v.substring(0, 10)).toString());
            } catch (DateTimeParseException notIso) {
                // fall through: keep it as typed
            }
        }
        return text(column, RawCell.Type.TEXT, value);
    }

    private static int styleIndex(String style) {
        if (style == null) {
            return 0;
        }
        try {
            return Integer.parseInt(style.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static RawCell text(int column, RawCell.Type type, String text) {
        return text == null || text.isEmpty() ? null : new RawCell(column, type, text);
    }

    /**
     * Appends the text of the element whose start tag was just read, up to its end tag, keeping at most
     * {@link InputLimits#MAX_CELL_CHARS} + 1 characters in all: the parser hands a long text over in chunks,
     * and those past the limit are dropped as they come, so memory stays bounded whatever the cell holds.
     */
    private StringBuilder boundedText(StringBuilder text) throws XMLStreamException {
        return boundedText(xml, text);
    }

    static StringBuilder boundedText(XMLStreamReader xml, StringBuilder text) throws XMLStreamException {
        int keep = InputLimits.MAX_CELL_CHARS + 1;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    int room = keep - text.length();
                    if (room > 0) {
                        int length = xml.getTextLength();
                        text.append(xml.getTextCharacters(), xml.getTextStart(), Math.min(room, length));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return text;
                }
                case XMLStreamConstants.START_ELEMENT ->
                        throw new XMLStreamException("element inside a text element", xml.getLocation());
                default -> {
                    // comments and processing instructions hold no text of the cell
                }
            }
        }
    }

    /** Skips the element whose start tag was just read, with everything inside it. */
    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The 0-based column of an A1 reference such as "AB12" or "$C$3". */
    static int columnOf(String reference) {
        int column = 0;
        int letters = 0;
        for (int i = 0; i < reference.length(); i++) {
            char ch = reference.charAt(i);
            if (ch == '$') {
                continue;
            }
            char up = Character.toUpperCase(ch);
            if (up < 'A' || up > 'Z') {
                break;
            }
            column = column * 26 + (up - 'A' + 1);
            letters++;
            if (letters > 3) {
                throw new IllegalArgumentException("bad cell reference " + reference);
            }
        }
        if (letters == 0) {
            throw new IllegalArgumentException("bad cell reference " + reference);
        }
        return column - 1;
    }

    @Override
    public void close() throws IOException {
        finished = true;
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader over a damaged stream: nothing left to save
        } finally {
            in.close();
        }
    }
}
