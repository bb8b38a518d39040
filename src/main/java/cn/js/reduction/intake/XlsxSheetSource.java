package cn.js.reduction.intake;

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
    private XlsxRowCursor openCursor;

    private XlsxSheetSource(OPCPackage pkg, List<String> sheetNames, List<PackagePart> sheetParts,
                            XlsxSharedStrings sharedStrings, XlsxCellStyles styles, boolean date1904) {
        this.pkg = pkg;
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
            throw Unreadable.notSpreadsheet("Office 文档（如 Word、PowerPoint），不是 Excel 工作簿",
                    "an Office document that is not an Excel workbook");
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
        boolean date1904 = readDate1904(reader);
        XlsxSharedStrings strings = XlsxSharedStrings.open(pkg, inMemoryStringsLimit); // last: it may hold a file
        return new XlsxSheetSource(pkg, names, parts, strings, new XlsxCellStyles(stylesTable), date1904);
    }

    private static PackagePart workbookPart(OPCPackage pkg) throws Exception {
        return pkg.getPart(pkg.getRelationshipsByType(PackageRelationshipTypes.CORE_DOCUMENT).getRelationship(0));
    }

    /** workbook.xml's workbookPr/@date1904: serial dates count from 1904-01-01 (old Mac workbooks). */
    private static boolean readDate1904(XSSFReader reader) throws Exception {
        try (InputStream in = reader.getWorkbookData()) {
            XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(in);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if ("workbookPr".equals(name)) {
                            String v = xml.getAttributeValue(null, "date1904");
                            return "1".equals(v) || "true".equalsIgnoreCase(v);
                        }
                        if ("sheets".equals(name)) {
                            return false; // workbookPr, when present, comes before the sheets
                        }
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        }
    }

    @Override
    public List<String> sheetNames() {
        return sheetNames;
    }

    @Override
    public RowCursor rows(int sheetIndex) throws IOException, UnreadableFileException {
        closeOpenCursor();
        String sheet = sheetNames.get(sheetIndex);
        InputStream in = null;
        try {
            in = sheetParts.get(sheetIndex).getInputStream();
            openCursor = new XlsxRowCursor(sheet, in, sharedStrings, styles, date1904);
            return openCursor;
        } catch (XMLStreamException | IOException | RuntimeException e) {
            closeQuietly(in);
            throw Unreadable.corruptSheet(sheet, 1, e);
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
