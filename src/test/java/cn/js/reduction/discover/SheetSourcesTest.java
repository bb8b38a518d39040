package cn.js.reduction.discover;

import static cn.js.reduction.discover.SheetFiles.readAll;
import static cn.js.reduction.discover.SheetFiles.replaceEntry;
import static cn.js.reduction.discover.SheetFiles.row;
import static cn.js.reduction.discover.SheetFiles.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the reader by content, and every way a file can be unreadable. */
class SheetSourcesTest {

    private static final String CORRUPT = "文件已损坏或不完整，无法作为 Excel 工作簿读取，请重新导出后报送";
    private static final String ENCRYPTED = "文件已加密，请去除密码后重新报送";

    @TempDir
    Path dir;

    // ---- choosing the reader by content, not by name

    @Test
    void anXlsxNamedCsvIsReadAsXlsx() throws Exception {
        Path file = xlsx("提交.csv", "项目清单", "项目编号");
        try (SheetSource source = SheetSources.open(file)) {
            assertThat(source).isInstanceOf(XlsxSheetSource.class);
            assertThat(readAll(source)).containsExactly(
                    Map.entry("项目清单", List.of(row("项目清单", 1, text(0, "项目编号")))));
        }
    }

    @Test
    void aCsvNamedXlsIsReadAsCsv() throws Exception {
        Path file = Files.write(dir.resolve("苏州市.xls"), "设区市,污染物\n苏州市,SO2\n".getBytes(UTF_8));
        try (SheetSource source = SheetSources.open(file)) {
            assertThat(source).isInstanceOf(CsvSheetSource.class);
            assertThat(readAll(source)).containsExactly(Map.entry("苏州市", List.of(
                    row("苏州市", 1, text(0, "设区市"), text(1, "污染物")),
                    row("苏州市", 2, text(0, "苏州市"), text(1, "SO2")))));
        }
    }

    @Test
    void anXlsNamedXlsxIsReadAsXls() throws Exception {
        Path file = SheetFiles.write(dir.resolve("old.xlsx"), new HSSFWorkbook(),
                wb -> wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("设区市"));
        try (SheetSource source = SheetSources.open(file)) {
            assertThat(source).isInstanceOf(XlsSheetSource.class);
            assertThat(readAll(source).get("Sheet1")).containsExactly(row("Sheet1", 1, text(0, "设区市")));
        }
    }

    @Test
    void aTinyCsvIsStillCsv() throws Exception {
        Path file = Files.write(dir.resolve("x.csv"), "a".getBytes(UTF_8));
        assertThat(readAll(file)).containsExactly(Map.entry("x", List.of(row("x", 1, text(0, "a")))));
    }

    // ---- unreadable files

    @Test
    void anEmptyFile() throws Exception {
        Path file = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件为空（0 字节），请重新导出后报送");
    }

    @Test
    void aFileTooLargeToBeReal() throws Exception {
        Path file = dir.resolve("huge.csv");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(SheetSources.MAX_FILE_BYTES + 1); // sparse: takes no disk space
        }
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件过大（1,073,741,825 字节，上限 1,073,741,824 字节），不可能是正常的报送表格");
    }

    @Test
    void aMissingFileIsAnIoErrorNotTheClerksFault() {
        assertThatThrownBy(() -> SheetSources.open(dir.resolve("missing.xlsx")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aTruncatedXlsx() throws Exception {
        Path whole = xlsx("whole.xlsx", "Sheet1", "设区市");
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(CORRUPT);
    }

    @Test
    void anXlsxWhoseSheetDataIsDamaged() throws Exception {
        Path whole = xlsx("whole.xlsx", "Sheet1", "设区市");
        Path file = dir.resolve("damaged.xlsx");
        Files.copy(whole, file);
        long offset;
        long size;
        try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
            ZipArchiveEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            offset = sheet.getDataOffset();
            size = sheet.getCompressedSize();
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[(int) size];
            new Random(7).nextBytes(junk);
            raf.seek(offset);
            raf.write(junk);
        }
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("工作表“Sheet1”在第 1 行附近已损坏或不完整");
    }

    @Test
    void aZipThatIsNotAWorkbook() throws Exception {
        Path file = dir.resolve("archive.xlsx");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
            zip.write("hello".getBytes(UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(CORRUPT);
    }

    @Test
    void aWordDocumentNamedXlsx() throws Exception {
        Path file = dir.resolve("说明.xlsx");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText("设区市");
            doc.write(out);
        }
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件不是电子表格（Office 文档（如 Word、PowerPoint），不是 Excel 工作簿），请报送 .xlsx、.xls 或 .csv 文件");
    }

    @Test
    void anOpenDocumentSpreadsheet() throws Exception {
        Path file = dir.resolve("wps.ods");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (String name : List.of("mimetype", "settings.xml", "content.xml")) {
                zip.putNextEntry(new java.util.zip.ZipEntry(name));
                zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(UTF_8));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("文件是 OpenDocument 表格（.ods");
    }

    @Test
    void anEncryptedXlsx() throws Exception {
        Path file = dir.resolve("加密.xlsx");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream os = encryptor.getDataStream(fs)) {
                wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("设区市");
                wb.write(os);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(ENCRYPTED);
    }

    @Test
    void anEncryptedXls() throws Exception {
        Path file = dir.resolve("加密.xls");
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try {
            SheetFiles.write(file, new HSSFWorkbook(),
                    wb -> wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("设区市"));
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(ENCRYPTED);
    }

    @Test
    void aZipBomb() throws Exception {
        // a sheet of 20 MB of white space deflates to a few KB: far below POI's minimum inflate ratio
        byte[] sheet = SheetFiles.concat(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                        + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>").getBytes(UTF_8),
                " ".repeat(20 << 20).getBytes(UTF_8),
                "</sheetData></worksheet>".getBytes(UTF_8));
        Path file = replaceEntry(xlsx("base.xlsx", "Sheet1", "x"), "xl/worksheets/sheet1.xml", sheet,
                dir.resolve("bomb.xlsx"));
        assertThat(Files.size(file)).isLessThan(100_000);
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件解压后的内容远大于文件本身，疑似压缩炸弹，已拒绝读取；请重新导出后报送");
    }

    @Test
    void anXlsxWithBloatedStyles() throws Exception {
        byte[] styles = SheetFiles.concat(
                "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">".getBytes(UTF_8),
                " ".repeat((int) XlsxSheetSource.MAX_STYLES_BYTES).getBytes(UTF_8),
                "</styleSheet>".getBytes(UTF_8));
        Path file = replaceEntry(xlsx("base.xlsx", "Sheet1", "x"), "xl/styles.xml", styles,
                dir.resolve("styles.xlsx"));
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("工作簿的格式信息异常庞大（33,554,5")
                .hasMessageContaining("上限 33,554,432 字节");
    }

    @Test
    void anXlsTooLargeForTheXlsReader() throws Exception {
        Path file = dir.resolve("big.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(
                    new byte[(int) SheetSources.MAX_XLS_WORKBOOK_BYTES + 1]), "Workbook");
            fs.writeFilesystem(out);
        }
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("旧版 .xls 工作簿数据过大（50,331,649 字节，上限 50,331,648 字节），请用 Excel 另存为 .xlsx 后重新报送");
    }

    @Test
    void aPdf() throws Exception {
        Path file = Files.write(dir.resolve("报表.xlsx"), "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(UTF_8));
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件不是电子表格（PDF 文档），请报送 .xlsx、.xls 或 .csv 文件");
    }

    @Test
    void aPng() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Files.write(dir.resolve("截图.csv"), png);
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件不是电子表格（图片），请报送 .xlsx、.xls 或 .csv 文件");
    }

    @Test
    void randomBytesAreNotCsv() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        noise[0] = 'x'; // no magic number of any kind
        Path file = Files.write(dir.resolve("noise.csv"), noise);
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件不是电子表格（含有二进制数据，既不是 Excel 工作簿也不是文本 CSV），请报送 .xlsx、.xls 或 .csv 文件");
    }

    @Test
    void anHtmlPageSavedAsXlsIsReadAsTheTableExcelShows() throws Exception {
        // issue 16: a web system's export under an .xls name opens in Excel as a sheet, so it is read as one
        Path file = Files.write(dir.resolve("导出.xls"),
                "<html><body><table><tr><td>设区市</td><td>污染物</td></tr><tr><td rowspan=2>南京</td><td>SO2</td></tr>"
                        .concat("<tr><td>NOx</td></tr></table></body></html>").getBytes(UTF_8));
        try (SheetSource source = SheetSources.open(file); SheetSource.RowCursor rows = source.rows(0)) {
            assertThat(source.sheetNames()).containsExactly("导出");
            assertThat(rows.next().cells()).extracting(RawCell::text).containsExactly("设区市", "污染物");
            assertThat(rows.next().cells()).extracting(RawCell::text).containsExactly("南京", "SO2");
            RawRow third = rows.next();
            assertThat(third.cells()).extracting(RawCell::text).containsExactly("南京", "NOx");
            assertThat(third.isMergedFromElsewhere(0)).isTrue();
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void anOle2DocumentWithoutAWorkbook() throws Exception {
        Path file = dir.resolve("文档.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }
        assertThatThrownBy(() -> SheetSources.open(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage("文件不是电子表格（Office 文档（如 Word），不含 Excel 工作簿），请报送 .xlsx、.xls 或 .csv 文件");
    }

    @Test
    void aBrokenXlsWorkbookStream() throws Exception {
        Path file = dir.resolve("broken.xls");
        byte[] junk = new byte[2000];
        new Random(3).nextBytes(junk);
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new java.io.ByteArrayInputStream(junk), "Workbook");
            fs.writeFilesystem(out);
        }
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessage(CORRUPT);
    }

    private Path xlsx(String fileName, String sheet, String a1) throws Exception {
        return SheetFiles.write(dir.resolve(fileName), new XSSFWorkbook(),
                wb -> wb.createSheet(sheet).createRow(0).createCell(0).setCellValue(a1));
    }
}
