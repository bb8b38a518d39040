package cn.js.reduction.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.store.ProjectRecord;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 16, point 6: every file Excel or WPS opens as a table is read as one, whatever its name says. Text tables
 * with their separator sniffed (comma, tab, semicolon) and their encoding from the BOM or the bytes; a workbook
 * under another name.
 */
class TextTablesTest {

    @TempDir
    Path dir;

    static final List<String> HEADER = List.of("项目编号", "设区市", "项目名称", "责任单位", "项目类别", "进展状态", "计划完成时间",
            "实际完成时间", "VOCs减排量（吨/年）", "氮氧化物减排量（吨/年）");
    static final List<String> ROW = List.of("NJ-1", "南京", "项目,一", "某公司", "锅炉提标改造项目", "已完成", "2020-06-30",
            "2020-06-30", "1,234.5", "8");

    private static String table(String separator) {
        StringBuilder s = new StringBuilder("南京市2020年项目清单\r\n");
        for (List<String> row : List.of(HEADER, ROW)) {
            s.append(String.join(separator, row.stream()
                    .map(v -> v.contains(separator) || v.contains(",") ? "\"" + v + "\"" : v).toList())).append("\r\n");
        }
        return s.toString();
    }

    private static byte[] bom(String charset) {
        return switch (charset) {
            case "UTF-8" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
            default -> new byte[0];
        };
    }

    @ParameterizedTest(name = "{0} {1} bom={2}")
    @CsvSource({
        "tab, UTF-16LE, true", "tab, UTF-16LE, false", "tab, UTF-16BE, true", "tab, UTF-8, true", "tab, UTF-8, false",
        "tab, GB18030, false", "semicolon, UTF-8, false", "comma, UTF-8, true", "comma, GB18030, false"})
    void aTextTableIsReadWhateverItsSeparatorAndEncoding(String separator, String charset, boolean withBom)
            throws Exception {
        String sep = switch (separator) {
            case "tab" -> "\t";
            case "semicolon" -> ";";
            default -> ",";
        };
        byte[] text = table(sep).getBytes(Charset.forName(charset));
        Path file = dir.resolve("南京_项目清单.csv");
        Files.write(file, withBom ? cn.js.reduction.discover.SheetFiles.concat(bom(charset), text) : text);

        Intake.Read read = Intake.read(file);

        assertThat(read.sniff().readable()).as(read.sniff().message()).isTrue();
        assertThat(read.accepted()).singleElement().satisfies(o -> {
            ProjectRecord p = (ProjectRecord) o.record();
            assertThat(p.projectName()).isEqualTo("项目,一");
            assertThat(p.claims()).containsEntry("VOCS", new BigDecimal("1234.5")).containsEntry("NOX", new BigDecimal("8"));
        });
    }

    @Test
    void aWorkbookNamedAsAnotherKindIsReadByItsContent() throws Exception {
        Path file = dir.resolve("南京_项目清单.xls"); // an .xlsx under an .xls name
        try (XSSFWorkbook wb = new XSSFWorkbook(); var out = Files.newOutputStream(file)) {
            var s = wb.createSheet("项目清单");
            SpreadsheetShapesTest.put(s, 1, HEADER.toArray());
            SpreadsheetShapesTest.put(s, 2, "NJ-1", "南京", "项目1", "某公司", "锅炉提标改造项目", "已完成", "2020-06-30",
                    "2020-06-30", 1, 8);
            wb.write(out);
        }
        Path tsv = dir.resolve("南京_项目清单2.xls"); // a tab-separated text under an .xls name
        Files.writeString(tsv, table("\t"), StandardCharsets.UTF_8);

        assertThat(Intake.read(file).accepted()).hasSize(1);
        assertThat(Intake.read(tsv).accepted()).hasSize(1);
    }

    @Test
    void aWebPageSavedAsXlsIsReadAsItsTable() throws Exception {
        StringBuilder html = new StringBuilder("<html><head><meta charset=\"gb2312\"></head><body><table>"
                + "<tr><td colspan=10>南京市项目清单</td></tr><tr>");
        HEADER.forEach(h -> html.append("<th>").append(h).append("</th>"));
        html.append("</tr>");
        for (int i = 1; i <= 2; i++) {
            html.append("<tr><td>NJ-").append(i).append("</td>").append(i == 1 ? "<td rowspan=2>南京</td>" : "")
                    .append("<td>项目").append(i).append("</td><td>某公司</td><td>锅炉提标改造项目</td><td>已完成</td>"
                            + "<td>2020-06-30</td><td>2020-06-30</td><td>1,234.5</td><td>8</td></tr>");
        }
        html.append("</table></body></html>");
        Path file = dir.resolve("南京_项目清单.xls");
        Files.write(file, html.toString().getBytes(Charset.forName("GB18030")));

        Intake.Read read = Intake.read(file);

        assertThat(read.accepted()).hasSize(2).allSatisfy(o -> {
            assertThat(o.cityCode()).isEqualTo("320100");
            assertThat(((ProjectRecord) o.record()).claims()).containsEntry("VOCS", new BigDecimal("1234.5"));
        });
    }
}
