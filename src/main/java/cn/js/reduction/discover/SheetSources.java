package cn.js.reduction.discover;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Opens a submitted file with the reader its content calls for. The name is never trusted: clerks rename
 * files, and systems export HTML or CSV under an .xls name. The first bytes tell a zip (xlsx), an OLE2
 * container (xls, or an encrypted xlsx) and the usual non-spreadsheets apart; anything else must be text to
 * be read as CSV.
 */
public final class SheetSources {

    /** No city's submission comes near this: a larger file is a mistake or an attack, not data. */
    public static final long MAX_FILE_BYTES = 1L << 30; // 1 GiB

    /**
     * HSSF parses an .xls workbook stream whole, at about six times its size in heap. One full sheet
     * (65,536 rows x 20 columns) is about 30 MB; beyond this limit the clerk is asked for an .xlsx, which is
     * streamed.
     */
    public static final long MAX_XLS_WORKBOOK_BYTES = 48L << 20;

    private SheetSources() {
    }

    /**
     * @throws UnreadableFileException when the file cannot be read as a spreadsheet; its message is for the
     *                                 clerk who sent it
     * @throws IOException             when the file system fails (missing file, no permission): not the
     *                                 clerk's doing
     */
    public static SheetSource open(Path file) throws IOException, UnreadableFileException {
        long size = Files.size(file);
        if (size == 0) {
            throw Unreadable.empty();
        }
        if (size > MAX_FILE_BYTES) {
            throw Unreadable.tooLarge(size, MAX_FILE_BYTES);
        }
        FileMagic magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(in);
        }
        return switch (magic) {
            case OOXML -> XlsxSheetSource.open(file);
            case OLE2 -> openOle2(file);
            case BIFF2, BIFF3, BIFF4 -> throw Unreadable.oldExcel(null);
            case PDF -> throw Unreadable.notSpreadsheet("PDF 文档");
            case JPEG, PNG, GIF, TIFF, BMP, WMF, EMF -> throw Unreadable.notSpreadsheet("图片");
            case RTF, MSWRITE, WORD2 -> throw Unreadable.notSpreadsheet("文字处理文档");
            case HTML -> HtmlSheetSource.open(file); // a web system's export under an .xls name: Excel opens it
            case XML -> throw Unreadable.xmlFile();
            default -> CsvSheetSource.open(file);
        };
    }

    /**
     * An OLE2 container holds an .xls workbook, or an encrypted .xlsx (Excel puts a password-protected
     * workbook of any kind into one), or something else entirely, such as a Word .doc.
     */
    private static SheetSource openOle2(Path file) throws UnreadableFileException {
        POIFSFileSystem fs;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
        } catch (Exception | StackOverflowError e) {
            throw Unreadable.from(e);
        }
        Map<String, Entry> entries = new TreeMap<>();
        for (Entry entry : fs.getRoot()) {
            entries.put(entry.getName().toUpperCase(Locale.ROOT), entry);
        }
        if (entries.containsKey("ENCRYPTIONINFO") || entries.containsKey("ENCRYPTEDPACKAGE")) {
            closeQuietly(fs);
            throw Unreadable.encrypted(null);
        }
        if (entries.get("WORKBOOK") instanceof DocumentEntry workbook) {
            if (workbook.getSize() > MAX_XLS_WORKBOOK_BYTES) {
                closeQuietly(fs);
                throw Unreadable.xlsTooLarge(workbook.getSize(), MAX_XLS_WORKBOOK_BYTES);
            }
            return XlsSheetSource.open(fs);
        }
        closeQuietly(fs);
        if (entries.containsKey("BOOK")) {
            throw Unreadable.oldExcel(null);
        }
        throw Unreadable.notSpreadsheet("Office 文档（如 Word），不含 Excel 工作簿");
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        try {
            fs.close();
        } catch (IOException ignored) {
            // read-only; nothing to lose
        }
    }
}
