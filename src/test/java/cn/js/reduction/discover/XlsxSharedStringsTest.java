package cn.js.reduction.discover;

import static cn.js.reduction.discover.SheetFiles.number;
import static cn.js.reduction.discover.SheetFiles.readAll;
import static cn.js.reduction.discover.SheetFiles.replaceEntry;
import static cn.js.reduction.discover.SheetFiles.row;
import static cn.js.reduction.discover.SheetFiles.text;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shared strings (t="s"), whether the table is held in memory or, when large, in a temporary file. */
class XlsxSharedStringsTest {

    private static final String SST_START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";

    @TempDir
    Path dir;

    @Test
    void bothTablesGiveTheSameTextsIncludingRichText() throws Exception {
        Path file = SheetFiles.write(dir.resolve("sst.xlsx"), new XSSFWorkbook(), wb -> {
            Sheet sheet = wb.createSheet("项目清单");
            XSSFFont bold = ((XSSFWorkbook) wb).createFont();
            bold.setBold(true);
            XSSFRichTextString rich = new XSSFRichTextString("钢铁厂超低排放改造");
            rich.applyFont(0, 3, bold);
            for (int i = 0; i < 3000; i++) {
                Row r = sheet.createRow(i);
                r.createCell(0).setCellValue("P" + i);
                r.createCell(1).setCellValue(i % 2 == 0 ? "南京市" : "苏州市"); // repeated: one entry each
                r.createCell(2).setCellValue(rich);
                r.createCell(3).setCellValue(i);
            }
        });

        Map<String, List<RawRow>> inMemory;
        try (SheetSource source = XlsxSheetSource.open(file, Long.MAX_VALUE)) {
            inMemory = readAll(source);
        }
        Map<String, List<RawRow>> onDisk;
        try (SheetSource source = XlsxSheetSource.open(file, 0)) {
            onDisk = readAll(source);
        }
        assertThat(onDisk).isEqualTo(inMemory);
        // and both agree with POI's own reading of the table, item by item
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            ReadOnlySharedStringsTable poi = new ReadOnlySharedStringsTable(pkg, false);
            List<String> ours = new ArrayList<>();
            try (InputStream in = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())
                    .get(0).getInputStream()) {
                SharedStringItems.read(in, ours::add);
            }
            assertThat(ours).hasSize(3003);
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i)).isEqualTo(poi.getItemAt(i).getString());
            }
        }
        List<RawRow> rows = onDisk.get("项目清单");
        assertThat(rows).hasSize(3000);
        assertThat(rows.get(2999)).isEqualTo(row("项目清单", 3000, text(0, "P2999"), text(1, "苏州市"),
                text(2, "钢铁厂超低排放改造"), number(3, "2999")));
    }

    @Test
    void phoneticGuidesAreNotPartOfTheText() throws Exception {
        String sst = SST_START + " count=\"3\" uniqueCount=\"3\">"
                + "<si><t>南京市</t></si>"
                + "<si><r><rPr><b/><rFont val=\"宋体\"/></rPr><t>无锡</t></r><r><t xml:space=\"preserve\">市 </t></r>"
                + "<rPh sb=\"0\" eb=\"2\"><t>wuxi</t></rPh><phoneticPr fontId=\"1\"/></si>"
                + "<si><t/></si></sst>";
        String sheet = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                + "<c r=\"C1\" t=\"s\"><v>2</v></c></row>";
        Path file = withSharedStrings("phonetic.xlsx", sst, sheet);
        for (long limit : new long[] {Long.MAX_VALUE, 0}) {
            try (SheetSource source = XlsxSheetSource.open(file, limit)) {
                assertThat(readAll(source).get("Sheet1"))
                        .containsExactly(row("Sheet1", 1, text(0, "南京市"), text(1, "无锡市 ")));
            }
        }
    }

    @Test
    void aTableClaimingBillionsOfStringsIsReadByWhatItHolds() throws Exception {
        String sst = SST_START + " count=\"2000000000\" uniqueCount=\"2000000000\"><si><t>南京市</t></si></sst>";
        Path file = withSharedStrings("claims.xlsx", sst, "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>");
        assertThat(readAll(file).get("Sheet1")).containsExactly(row("Sheet1", 1, text(0, "南京市")));
    }

    @Test
    void theTemporaryFileGoesWithTheTable() throws Exception {
        String sst = SST_START + "><si><t>南京市</t></si><si><t>a</t></si><si><t></t></si><si><t>苏州</t></si></sst>";
        TempFileSharedStrings table = TempFileSharedStrings.load(new ByteArrayInputStream(sst.getBytes(UTF_8)));
        Path temp = table.file();
        try (table) {
            assertThat(temp).exists();
            assertThat(table.size()).isEqualTo(4);
            assertThat(table.get(3)).isEqualTo("苏州");
            assertThat(table.get(0)).isEqualTo("南京市");
            assertThat(table.get(2)).isEmpty();
            assertThat(table.get(1)).isEqualTo("a");
            assertThatThrownBy(() -> table.get(4)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> table.get(-1)).isInstanceOf(IllegalStateException.class);
        }
        assertThat(Files.exists(temp)).isFalse();
    }

    private Path withSharedStrings(String name, String sstXml, String sheetData) throws Exception {
        Path base = SheetFiles.write(dir.resolve("base-" + name), new XSSFWorkbook(),
                wb -> wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("placeholder"));
        Path withSst = replaceEntry(base, "xl/sharedStrings.xml", sstXml.getBytes(UTF_8), dir.resolve("sst-" + name));
        String sheet = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" + sheetData
                + "</sheetData></worksheet>";
        return replaceEntry(withSst, "xl/worksheets/sheet1.xml", sheet.getBytes(UTF_8), dir.resolve(name));
    }
}
