package cn.js.reduction.discover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An .xlsx whose one sheet's XML is written raw and streamed, for files no spreadsheet program would save (a
 * row number twice, a text of 200 million characters, millions of cells in a row) made in a second or two:
 * the other parts come from a workbook POI writes, so only the sheet is unusual.
 */
public final class RawXlsx {

    /** Writes the rows inside &lt;sheetData&gt;. */
    public interface SheetData {
        void write(Writer xml) throws IOException;
    }

    public static final String PROJECT_HEADER_ROW = row(1, "项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码",
            "项目类别", "进展状态", "计划完成时间", "实际完成时间", "总投资（万元）", "VOCs减排量（吨/年）", "二氧化硫减排量（吨/年）",
            "氮氧化物减排量（吨/年）", "颗粒物减排量（吨/年）", "备注");

    private RawXlsx() {
    }

    public static Path write(Path file, SheetData data) throws IOException {
        return write(file, data, null);
    }

    /** @param sharedStrings writes the &lt;si&gt; items of the shared strings table; null keeps POI's */
    public static Path write(Path file, SheetData data, SheetData sharedStrings) throws IOException {
        ByteArrayOutputStream template = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("项目清单").createRow(0).createCell(0).setCellValue("x");
            wb.write(template);
        }
        Path templateFile = Files.createTempFile(file.getParent(), "template", ".xlsx");
        Map<String, byte[]> entries;
        try {
            Files.write(templateFile, template.toByteArray());
            entries = SheetFiles.entries(templateFile);
        } finally {
            Files.delete(templateFile);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals("xl/worksheets/sheet1.xml")) {
                    Writer xml = new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8);
                    xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns="
                            + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
                    data.write(xml);
                    xml.write("</sheetData></worksheet>");
                    xml.flush();
                } else if (e.getKey().equals("xl/sharedStrings.xml") && sharedStrings != null) {
                    Writer xml = new OutputStreamWriter(new NonClosing(zip), StandardCharsets.UTF_8);
                    xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns="
                            + "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                    sharedStrings.write(xml);
                    xml.write("</sst>");
                    xml.flush();
                } else {
                    zip.write(e.getValue());
                }
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A row of inline strings from column A. */
    public static String row(int number, String... texts) {
        StringBuilder s = new StringBuilder("<row r=\"" + number + "\">");
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                s.append(inline(RawCell.columnName(i) + number, texts[i]));
            }
        }
        return s.append("</row>").toString();
    }

    public static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text.replace("&", "&amp;").replace("<", "&lt;")
                + "</t></is></c>";
    }

    /** A valid project row of 苏州 with the given id, in row {@code number}. */
    public static String projectRow(int number, String id) {
        return row(number, id, "苏州", "姑苏区", "项目" + id, "某公司", null, "锅炉提标改造项目", "在建", "2020-06-30", null,
                "10", "1", "1", "1", "1", null);
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
