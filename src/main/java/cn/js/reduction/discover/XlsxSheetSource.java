package cn.js.reduction.discover;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.opc.internal.ZipHelper;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * An .xlsx workbook read with POI's event API: the package stays a zip on disk and each sheet's XML is
 * pulled row by row ({@link XlsxRowCursor}), so memory does not grow with the sheet. Styles are loaded once
 * (they are per workbook, not per row); shared strings too, in memory or, when large, on disk
 * ({@link XlsxSharedStrings}).
 */
public final class XlsxSheetSource implements SheetSource {

    private static final Set<String> WORKBOOK_CONTENT_TYPES = Set.of(
            XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.MACROS_WORKBOOK.getContentType(),
            XSSFRelation.TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType());

    /**
     * POI parses the styles part whole (XMLBeans), at several times its size in heap. Excel's own cap of
     * 64,000 cell formats keeps a real one well under this; a larger one is bloat or an attack.
     */
    static final long MAX_STYLES_BYTES = 32L << 20;

    private final OPCPackage pkg;
    private final List<String> sheetNames;
    private final List<PackagePart> sheetParts;
    private final XlsxSharedStrings sharedStrings;
    private final XlsxCellStyles styles;
    private final boolean date1904;
    /** calcPr/@fullCalcOnLoad: the stored formula values are not taken ({@link XlsxRowCursor}). */
    private final boolean recalculatedOnOpen;
    private final Set<String> hidden;
    private XlsxRowCursor openCursor;

    private XlsxSheetSource(OPCPackage pkg, List<String> sheetNames, List<PackagePart> sheetParts,
                            XlsxSharedStrings sharedStrings, XlsxCellStyles styles, boolean date1904,
                            Set<String> hidden, boolean recalculatedOnOpen) {
        this.recalculatedOnOpen = recalculatedOnOpen;
        this.pkg = pkg;
        this.hidden = Set.copyOf(hidden);
        this.sheetNames = List.copyOf(sheetNames);
        this.sheetParts = List.copyOf(sheetParts);
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    static XlsxSheetSource open(Path file) throws UnreadableFileException {
        return open(file, XlsxSharedStrings.IN_MEMORY_LIMIT_BYTES);
    }

    /** @param inMemoryStringsLimit above this size the shared strings table is kept on disk (tests lower it) */
    static XlsxSheetSource open(Path file, long inMemoryStringsLimit) throws UnreadableFileException {
        ZipSecureFile zip;
        try {
            // Opened here rather than by OPCPackage.open(file): when the zip's central directory is
            // missing (a truncated upload) POI would fall back to inflating every entry into memory.
            zip = ZipHelper.openZipFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw Unreadable.from(e);
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
            return read(pkg, inMemoryStringsLimit);
        } catch (Exception | StackOverflowError e) {
            if (pkg != null) {
                pkg.revert();
            } else {
                closeQuietly(zip);
            }
            if (e instanceof UnreadableFileException u) {
                throw u;
            }
            throw Unreadable.from(e);
        }
    }

    private static XlsxSheetSource read(OPCPackage pkg, long inMemoryStringsLimit) throws Exception {
        if (pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).isEmpty()
                && !pkg.getRelationshipsByType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT).isEmpty()) {
            throw Unreadable.strictOpenXml();
        }
        XSSFReader reader = new XSSFReader(pkg);
        String contentType = workbookPart(pkg).getContentType();
        if (contentType.contains("sheet.binary")) {
            throw Unreadable.binaryWorkbook();
        }
        if (!WORKBOOK_CONTENT_TYPES.contains(contentType)) {
            throw Unreadable.notSpreadsheet("Office 文档（如 Word、PowerPoint），不是 Excel 工作簿");
        }
        List<String> names = new ArrayList<>();
        List<PackagePart> parts = new ArrayList<>();
        XSSFReader.SheetIterator sheets = reader.getSheetIterator();
        while (sheets.hasNext()) {
            // next() opens the sheet's stream; we only want to know the sheets now
            try (InputStream ignored = sheets.next()) {
                names.add(sheets.getSheetName());
                parts.add(sheets.getSheetPart());
            }
        }
        for (PackagePart styles : pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType())) {
            if (styles.getSize() > MAX_STYLES_BYTES) {
                throw Unreadable.stylesTooLarge(styles.getSize(), MAX_STYLES_BYTES);
            }
        }
        StylesTable stylesTable = reader.getStylesTable();
        WorkbookFacts facts = readWorkbookFacts(reader);
        XlsxSharedStrings strings = XlsxSharedStrings.open(pkg, inMemoryStringsLimit); // last: it may hold a file
        return new XlsxSheetSource(pkg, names, parts, strings, new XlsxCellStyles(stylesTable), facts.date1904(),
                facts.hidden(), facts.recalculatedOnOpen());
    }

    private static PackagePart workbookPart(OPCPackage pkg) throws Exception {
        return pkg.getPart(pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0));
    }

    /**
     * What workbook.xml says that the sheets do not: workbookPr/@date1904 (serial dates count from 1904-01-01,
     * old Mac workbooks), which sheets are hidden (sheet/@state hidden or veryHidden), and calcPr/@fullCalcOnLoad:
     * a workbook a program wrote without calculating its formulas (XlsxWriter stores 0 as every formula's value
     * and sets it), which Excel recalculates on opening, so its stored formula values are not what a person sees.
     */
    private record WorkbookFacts(boolean date1904, Set<String> hidden, boolean recalculatedOnOpen) {
    }

    private static WorkbookFacts readWorkbookFacts(XSSFReader reader) throws Exception {
        boolean date1904 = false;
        boolean recalculated = false;
        Set<String> hidden = new java.util.HashSet<>();
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if ("workbookPr".equals(name)) {
                            String v = xml.getAttributeValue(null, "date1904");
                            date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                        } else if ("calcPr".equals(name)) {
                            String v = xml.getAttributeValue(null, "fullCalcOnLoad");
                            recalculated = "1".equals(v) || "true".equalsIgnoreCase(v);
                            break; // the last element needed
                        } else if ("sheet".equals(name)) {
                            String state = xml.getAttributeValue(null, "state");
                            if ("hidden".equals(state) || "veryHidden".equals(state)) {
                                hidden.add(xml.getAttributeValue(null, "name"));
                            }
                        }
                    }
                }
            } finally {
                xml.close();
            }
        }
        return new WorkbookFacts(date1904, hidden, recalculated);
    }

    @Override
    public List<String> sheetNames() {
        return sheetNames;
    }

    @Override
    public RowCursor rows(int sheetIndex) throws IOException, UnreadableFileException {
        closeOpenCursor();
        String sheet = sheetNames.get(sheetIndex);
        List<MergedCells.Region> merges = mergedRegions(sheet, sheetParts.get(sheetIndex));
        InputStream in = null;
        try {
            in = sheetParts.get(sheetIndex).getInputStream();
            XlsxRowCursor cursor = new XlsxRowCursor(sheet, in, sharedStrings, styles, date1904, recalculatedOnOpen);
            openCursor = cursor;
            return MergedCells.over(cursor, merges);
        } catch (XMLStreamException | IOException | RuntimeException e) {
            closeQuietly(in);
            throw Unreadable.corruptSheet(sheet, 1, e);
        }
    }

    /** The rows as stored, without the first pass over the whole part that filling merged cells needs. */
    @Override
    public Set<Integer> tableTotalsRows(int sheetIndex) {
        return XlsxTables.totalsRows(sheetParts.get(sheetIndex));
    }

    @Override
    public RowCursor storedRows(int sheetIndex) throws IOException, UnreadableFileException {
        closeOpenCursor();
        String sheet = sheetNames.get(sheetIndex);
        InputStream in = null;
        try {
            in = sheetParts.get(sheetIndex).getInputStream();
            openCursor = new XlsxRowCursor(sheet, in, sharedStrings, styles, date1904, recalculatedOnOpen);
            return openCursor;
        } catch (XMLStreamException | IOException | RuntimeException e) {
            closeQuietly(in);
            throw Unreadable.corruptSheet(sheet, 1, e);
        }
    }

    @Override
    public boolean isHidden(int sheetIndex) {
        return hidden.contains(sheetNames.get(sheetIndex));
    }

    /**
     * The merged cells of a sheet. Excel writes &lt;mergeCells&gt; after &lt;sheetData&gt;, so they are only
     * known at the end of the part: a first pass runs through the part with StAX, keeping nothing but the
     * merge references (at most {@link MergedCells#MAX_REGIONS}), and the row pass then fills them in. A part
     * that breaks in this pass has lost its tail, merges included: the row pass reads it without them and
     * reports the break where it happens, after the rows that were good.
     */
    private static List<MergedCells.Region> mergedRegions(String sheet, PackagePart part)
            throws UnreadableFileException {
        List<MergedCells.Region> regions = new ArrayList<>();
        if (!mentionsMergeCell(part)) {
            return regions;
        }
        try (InputStream in = part.getInputStream()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                        continue;
                    }
                    String name = xml.getLocalName();
                    if ("mergeCell".equals(name)) {
                        if (regions.size() >= MergedCells.MAX_REGIONS) {
                            throw Unreadable.tooManyMergedCells(sheet, MergedCells.MAX_REGIONS);
                        }
                        MergedCells.Region region = region(xml.getAttributeValue(null, "ref"));
                        if (region != null) {
                            regions.add(region);
                        }
                    }
                }
            } finally {
                xml.close();
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            return List.of(); // damaged: the row pass reports it, at the row where it breaks
        }
        return regions;
    }

    private static final byte[] MERGE_CELL = "mergeCell".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * False when the part cannot hold a &lt;mergeCell&gt;: its bytes, as UTF-8 (what Excel, LibreOffice and WPS
     * write), never spell the element's name. A byte scan costs a fraction of the XML pass it spares, and most
     * sheets have no merges. A part that may be in another encoding (a byte-order mark of UTF-16, or a NUL in its
     * first bytes) is taken as holding some, so that the XML pass decides.
     */
    private static boolean mentionsMergeCell(PackagePart part) {
        byte[] buffer = new byte[1 << 16];
        int keep = MERGE_CELL.length - 1;
        try (InputStream in = part.getInputStream()) {
            int filled = 0;
            boolean first = true;
            int n;
            while ((n = in.read(buffer, filled, buffer.length - filled)) > 0) {
                int end = filled + n;
                if (first && (end >= 2 && (buffer[0] == (byte) 0xFE || buffer[0] == (byte) 0xFF || buffer[0] == 0
                        || buffer[1] == 0))) {
                    return true;
                }
                first = false;
                if (contains(buffer, end)) {
                    return true;
                }
                filled = Math.min(keep, end);
                System.arraycopy(buffer, end - filled, buffer, 0, filled);
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return true; // damaged: the XML pass and the row pass say where
        }
    }

    private static boolean contains(byte[] buffer, int end) {
        outer:
        for (int i = 0; i + MERGE_CELL.length <= end; i++) {
            if (buffer[i] != 'm') {
                continue;
            }
            for (int j = 1; j < MERGE_CELL.length; j++) {
                if (buffer[i + j] != MERGE_CELL[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** "B3:B322" as a region; null for a reference that is not one (ignored, as Excel would repair it). */
    private static MergedCells.Region region(String ref) {
        if (ref == null || ref.length() > 40) {
            return null;
        }
        try {
            CellRangeAddress range = CellRangeAddress.valueOf(ref.trim());
            if (range.getFirstRow() < 0 || range.getFirstColumn() < 0) {
                return null;
            }
            return new MergedCells.Region(range.getFirstRow() + 1, range.getLastRow() + 1, range.getFirstColumn(),
                    range.getLastColumn());
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeOpenCursor();
            sharedStrings.close();
        } finally {
            // opened read-only: revert() releases the zip without trying to save
            pkg.revert();
        }
    }

    private void closeOpenCursor() throws IOException {
        if (openCursor != null) {
            openCursor.close();
            openCursor = null;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing with a better reason
        }
    }
}
