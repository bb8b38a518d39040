package cn.js.reduction.discover;

import static cn.js.reduction.discover.SheetFiles.bool;
import static cn.js.reduction.discover.SheetFiles.date;
import static cn.js.reduction.discover.SheetFiles.error;
import static cn.js.reduction.discover.SheetFiles.number;
import static cn.js.reduction.discover.SheetFiles.readAll;
import static cn.js.reduction.discover.SheetFiles.replaceEntry;
import static cn.js.reduction.discover.SheetFiles.row;
import static cn.js.reduction.discover.SheetFiles.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSheetSourceTest {

    private static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @TempDir
    Path dir;

    @Test
    void readsValuesAsTheFileStoresThem() throws Exception {
        Path file = SheetFiles.write(dir.resolve("项目清单.xlsx"), new XSSFWorkbook(), wb -> {
            Sheet sheet = wb.createSheet("项目清单");
            CellStyle isoDate = wb.createCellStyle();
            isoDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle chineseDate = wb.createCellStyle();
            chineseDate.setDataFormat(wb.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle builtinDate = wb.createCellStyle();
            builtinDate.setDataFormat((short) 14); // m/d/yy, Excel's default short date
            CellStyle twoDecimals = wb.createCellStyle();
            twoDecimals.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));

            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("项目编号");
            header.createCell(1).setCellValue("减排量");
            header.createCell(3).setCellValue(" 备注 ");

            Row numbers = sheet.createRow(1);
            numbers.createCell(0).setCellValue(1234.5);
            numbers.createCell(1).setCellValue(42);
            numbers.createCell(2).setCellValue(-0.125);
            numbers.createCell(3).setCellValue(1e20);
            numbers.createCell(4).setCellValue(0.1);
            numbers.getCell(4).setCellStyle(twoDecimals); // a display format is not a date

            Row asText = sheet.createRow(2);
            asText.createCell(0).setCellValue("1,234.5");
            asText.createCell(1).setCellValue("00123");
            asText.createCell(2).setCellValue("２０２０年６月３０日");

            Row dates = sheet.createRow(3);
            dates.createCell(0).setCellValue(LocalDate.of(2020, 6, 30));
            dates.getCell(0).setCellStyle(isoDate);
            dates.createCell(1).setCellValue(LocalDate.of(2020, 12, 31));
            dates.getCell(1).setCellStyle(chineseDate);
            dates.createCell(2).setCellValue(LocalDate.of(2019, 1, 1));
            dates.getCell(2).setCellStyle(builtinDate);
            dates.createCell(3).setCellValue(true);
        });

        assertThat(readAll(file)).containsExactly(Map.entry("项目清单", List.of(
                row("项目清单", 1, text(0, "项目编号"), text(1, "减排量"), text(3, " 备注 ")),
                row("项目清单", 2, number(0, "1234.5"), number(1, "42"), number(2, "-0.125"),
                        number(3, "100000000000000000000"), number(4, "0.1")),
                row("项目清单", 3, text(0, "1,234.5"), text(1, "00123"), text(2, "２０２０年６月３０日")),
                row("项目清单", 4, date(0, "2020-06-30"), date(1, "2020-12-31"), date(2, "2019-01-01"),
                        bool(3, "TRUE")))));
    }

    @Test
    void readsFormulasByTheirCachedValues() throws Exception {
        Path file = SheetFiles.write(dir.resolve("formulas.xlsx"), new XSSFWorkbook(), wb -> {
            Sheet sheet = wb.createSheet("公式");
            CellStyle isoDate = wb.createCellStyle();
            isoDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Row r = sheet.createRow(0);
            r.createCell(0).setCellValue(1.5);
            r.createCell(1).setCellValue(0);
            r.createCell(2).setCellFormula("A1*3");
            r.createCell(3).setCellFormula("A1/B1");
            r.createCell(4).setCellFormula("CONCATENATE(\"苏\",\"州\")");
            r.createCell(5).setCellFormula("A1>1");
            r.createCell(6).setCellFormula("DATE(2020,6,30)");
            r.getCell(6).setCellStyle(isoDate);
            r.createCell(7).setCellFormula("\"\""); // an empty text result is a blank cell
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        });

        assertThat(readAll(file).get("公式")).containsExactly(
                row("公式", 1, number(0, "1.5"), number(1, "0"), number(2, "4.5"), error(3, "#DIV/0!"),
                        text(4, "苏州"), bool(5, "TRUE"), date(6, "2020-06-30")));
    }

    @Test
    void readsSheetsInWorkbookOrderWithInlineStringsAndBlankRows() throws Exception {
        // SXSSF writes strings inline (t="inlineStr") rather than to the shared strings table
        Path file = SheetFiles.write(dir.resolve("多表.xlsx"), new SXSSFWorkbook(), wb -> {
            Sheet notes = wb.createSheet("填表说明");
            notes.createRow(0).createCell(0).setCellValue("请勿修改表头");
            Sheet data = wb.createSheet("排放量报表");
            data.createRow(0).createCell(0).setCellValue("设区市");
            data.createRow(2); // stored, but empty
            Row spaces = data.createRow(3);
            spaces.createCell(1).setCellValue("   ");
            spaces.createCell(2).setCellValue(""); // an empty string is no value at all
            data.createRow(9).createCell(27).setCellValue("南京市");
            wb.createSheet("空表");
        });

        try (SheetSource source = SheetSources.open(file)) {
            assertThat(source).isInstanceOf(XlsxSheetSource.class);
            assertThat(source.sheetNames()).containsExactly("填表说明", "排放量报表", "空表");
            Map<String, List<RawRow>> sheets = readAll(source);
            assertThat(sheets.get("填表说明")).containsExactly(row("填表说明", 1, text(0, "请勿修改表头")));
            assertThat(sheets.get("排放量报表")).containsExactly(
                    row("排放量报表", 1, text(0, "设区市")),
                    row("排放量报表", 3),
                    row("排放量报表", 4, text(1, "   ")),
                    row("排放量报表", 10, text(27, "南京市")));
            assertThat(sheets.get("排放量报表").get(2).isBlank()).isTrue();
            assertThat(sheets.get("排放量报表").get(3).cell(26)).isNull();
            assertThat(sheets.get("排放量报表").get(3).text(27)).isEqualTo("南京市");
            assertThat(sheets.get("空表")).isEmpty();
        }
    }

    @Test
    void givesRowAndColumnNumbersWhenTheXmlLeavesOutReferences() throws Exception {
        // some writers leave out r on rows and cells: positions then follow the previous one
        String sheetData = "<row><c t=\"inlineStr\"><is><t>设区市</t></is></c><c><v>1</v></c></row>"
                + "<row r=\"5\"><c r=\"C5\" t=\"str\"><f>A1</f><v>公式文本</v></c><c><v>2.50</v></c>"
                + "<c r=\"F5\" t=\"b\"><v>0</v></c><c t=\"e\"><v>#N/A</v></c></row>"
                + "<row><c r=\"B6\" t=\"inlineStr\"><is><r><rPr><b/></rPr><t>无锡</t></r><r><t xml:space=\"preserve\">市 </t></r>"
                + "<rPh sb=\"0\" eb=\"2\"><t>wuxi</t></rPh></is></c><c t=\"d\"><v>2020-06-30T00:00:00</v></c>"
                + "<c r=\"E6\"><f>SUM(A1:A2)</f></c><c r=\"F6\" t=\"s\"/><c r=\"G6\"><v>1.5E-3</v></c></row>";
        Path file = withSheetXml("no-refs.xlsx", sheetData);

        assertThat(readAll(file).get("Sheet1")).containsExactly(
                row("Sheet1", 1, text(0, "设区市"), number(1, "1")),
                row("Sheet1", 5, text(2, "公式文本"), number(3, "2.5"), bool(5, "FALSE"), error(6, "#N/A")),
                // E6's formula has no cached value and refers to other rows: kept as a formula, not read as blank
                new RawRow("Sheet1", 6, List.of(text(1, "无锡市 "), date(2, "2020-06-30"), number(6, "0.0015")),
                        java.util.Set.of(), Map.of(4, "SUM(A1:A2)")));
    }

    @Test
    void readsDatesOfA1904Workbook() throws Exception {
        // old Mac workbooks count serial dates from 1904: the same serial is four years later
        Path file = SheetFiles.write(dir.resolve("mac.xlsx"), new XSSFWorkbook(), wb -> {
            var ct = ((XSSFWorkbook) wb).getCTWorkbook();
            (ct.isSetWorkbookPr() ? ct.getWorkbookPr() : ct.addNewWorkbookPr()).setDate1904(true);
            CellStyle isoDate = wb.createCellStyle();
            isoDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Row r = wb.createSheet("Sheet1").createRow(0);
            r.createCell(0).setCellValue(LocalDate.of(2020, 6, 30));
            r.getCell(0).setCellStyle(isoDate);
            r.createCell(1).setCellValue(42550); // the serial POI stores for 2020-06-30 in a 1904 workbook
        });
        assertThat(readAll(file).get("Sheet1")).containsExactly(
                row("Sheet1", 1, date(0, "2020-06-30"), number(1, "42550")));
    }

    @Test
    void readsLargeSheetsRowByRow() throws Exception {
        int rows = 20_000;
        Path file = SheetFiles.write(dir.resolve("large.xlsx"), new SXSSFWorkbook(100), wb -> {
            Sheet sheet = wb.createSheet("大表");
            for (int i = 0; i < rows; i++) {
                Row r = sheet.createRow(i);
                r.createCell(0).setCellValue("P" + i);
                r.createCell(1).setCellValue(i * 0.5);
                r.createCell(2).setCellValue(i);
            }
        });

        try (SheetSource source = SheetSources.open(file);
             SheetSource.RowCursor cursor = source.rows(0)) {
            int count = 0;
            RawRow last = null;
            for (RawRow row = cursor.next(); row != null; row = cursor.next()) {
                count++;
                assertThat(row.rowNumber()).isEqualTo(count);
                last = row;
            }
            assertThat(count).isEqualTo(rows);
            assertThat(last).isEqualTo(row("大表", rows, text(0, "P19999"), number(1, "9999.5"),
                    number(2, "19999")));
            assertThat(cursor.next()).isNull();
        }
    }

    @Test
    void opensAnySheetAgainFromItsFirstRow() throws Exception {
        Path file = SheetFiles.write(dir.resolve("again.xlsx"), new XSSFWorkbook(), wb -> {
            wb.createSheet("一").createRow(0).createCell(0).setCellValue("a");
            wb.createSheet("二").createRow(4).createCell(1).setCellValue("b");
        });
        try (SheetSource source = SheetSources.open(file)) {
            SheetSource.RowCursor first = source.rows(1);
            assertThat(first.next()).isEqualTo(row("二", 5, text(1, "b")));
            // opening another cursor closes the first one
            try (SheetSource.RowCursor again = source.rows(1)) {
                assertThat(again.next()).isEqualTo(row("二", 5, text(1, "b")));
                assertThat(again.next()).isNull();
            }
            try (SheetSource.RowCursor other = source.rows(0)) {
                assertThat(other.next()).isEqualTo(row("一", 1, text(0, "a")));
            }
        }
    }

    @Test
    void truncatedSheetXmlFailsFromNextAfterTheGoodRows() throws Exception {
        String sheetData = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>设区市</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row><row r=\"3\"><c r=\"A3\"><v>2";
        Path file = withRawSheetXml("truncated-xml.xlsx", header() + "<sheetData>" + sheetData);

        try (SheetSource source = SheetSources.open(file);
             SheetSource.RowCursor cursor = source.rows(0)) {
            assertThat(cursor.next()).isEqualTo(row("Sheet1", 1, text(0, "设区市")));
            assertThat(cursor.next()).isEqualTo(row("Sheet1", 2, number(0, "1")));
            assertThatThrownBy(cursor::next)
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessage("工作表“Sheet1”在第 3 行附近已损坏或不完整，无法继续读取，请重新导出后报送");
            assertThat(cursor.next()).isNull();
        }
    }

    @Test
    void aSharedStringThatDoesNotExistIsACorruptSheet() throws Exception {
        Path file = withSheetXml("bad-sst.xlsx", "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>");
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("工作表“Sheet1”在第 1 行附近已损坏或不完整");
    }

    @Test
    void columnLettersBecomeZeroBasedIndexes() {
        assertThat(XlsxRowCursor.columnOf("A1")).isZero();
        assertThat(XlsxRowCursor.columnOf("Z9")).isEqualTo(25);
        assertThat(XlsxRowCursor.columnOf("AA10")).isEqualTo(26);
        assertThat(XlsxRowCursor.columnOf("$AB$3")).isEqualTo(27);
        assertThat(XlsxRowCursor.columnOf("XFD1048576")).isEqualTo(16383);
        assertThatThrownBy(() -> XlsxRowCursor.columnOf("12")).isInstanceOf(IllegalArgumentException.class);
    }

    private Path withSheetXml(String name, String sheetData) throws Exception {
        return withRawSheetXml(name, header() + "<sheetData>" + sheetData + "</sheetData></worksheet>");
    }

    private static String header() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><worksheet xmlns=\"" + NS + "\""
                + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<dimension ref=\"A1\"/>";
    }

    private Path withRawSheetXml(String name, String xml) throws Exception {
        Path base = SheetFiles.write(dir.resolve("base-" + name), new XSSFWorkbook(), wb -> {
            wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("placeholder");
        });
        return replaceEntry(base, "xl/worksheets/sheet1.xml", xml.getBytes(StandardCharsets.UTF_8),
                dir.resolve(name));
    }
}
