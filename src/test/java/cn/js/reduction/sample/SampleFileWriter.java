package cn.js.reduction.sample;

import cn.js.reduction.sample.SheetModel.Formula;
import cn.js.reduction.sample.SheetModel.RowKind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.ooxml.POIXMLRelation;
import org.apache.poi.xssf.model.SharedStringsTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFactory;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTRst;

/**
 * Writes a {@link SampleFile}: .xlsx with XSSF, .xls with HSSF, .csv as Excel's "save as CSV" does (every row
 * padded to the used width, CRLF, fields quoted only when they must be), in UTF-8 with BOM or in GBK.
 */
final class SampleFileWriter {

    /** A fixed creation time, so that regenerating the sample does not change the committed files. */
    private static final Date CREATED = Date.from(java.time.Instant.parse("2021-01-10T08:00:00Z"));

    private SampleFileWriter() {
    }

    static Path write(SampleFile file, Path folder) throws IOException {
        return write(file, folder, true);
    }

    /**
     * As {@link #write(SampleFile, Path)}; {@code sharedStrings} false writes the text of an .xlsx inline in its
     * cells, as some programs other than Excel do, which is many times faster to write.
     */
    static Path write(SampleFile file, Path folder, boolean sharedStrings) throws IOException {
        Path target = folder.resolve(file.name());
        switch (file.format()) {
            case XLSX -> {
                // streaming: the XSSF usermodel spends seconds serialising sheets; all rows stay in memory (-1) so
                // that the formulas can be evaluated, and strings are shared, as Excel itself writes them
                try (SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(PlainSharedStrings.FACTORY), -1, false,
                        sharedStrings)) {
                    fill(wb, file);
                    var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
                    core.setCreated(Optional.of(CREATED));
                    core.setModified(Optional.of(CREATED));
                    core.setCreator("生态环境局");
                    save(wb, target);
                }
                ZipTimestamps.fix(target);
            }
            case XLS -> {
                try (HSSFWorkbook wb = new HSSFWorkbook()) {
                    fill(wb, file);
                    wb.createInformationProperties(); // else POI warns that they are missing
                    wb.getDocumentSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF16);
                    wb.getSummaryInformation().getFirstSection().setCodepage(CodePageUtil.CP_UTF16);
                    wb.getSummaryInformation().setAuthor("生态环境局");
                    wb.getSummaryInformation().setCreateDateTime(CREATED);
                    save(wb, target);
                }
            }
            case CSV_UTF8_BOM -> csv(file, target, StandardCharsets.UTF_8, true);
            case CSV_GBK -> csv(file, target, Charset.forName("GBK"), false);
        }
        return target;
    }

    private static void save(Workbook wb, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            wb.write(out);
        }
    }

    private static void fill(Workbook wb, SampleFile file) {
        Map<RowKind, CellStyle> styles = styles(wb);
        Map<String, CellStyle> dateStyles = new HashMap<>();
        for (SheetModel model : file.sheets()) {
            Sheet sheet = wb.createSheet(model.name);
            CellStyle dateStyle = dateStyles.computeIfAbsent(model.dateFormat, f -> {
                CellStyle s = wb.createCellStyle();
                s.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(f));
                return s;
            });
            int width = 0;
            for (int r = 0; r < model.rows.size(); r++) {
                List<Object> values = model.rows.get(r);
                RowKind kind = model.kinds.get(r);
                Row row = sheet.createRow(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    CellStyle style = styles.get(kind);
                    if (v instanceof String s) {
                        cell.setCellValue(s);
                    } else if (v instanceof BigDecimal n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof Integer n) {
                        cell.setCellValue(n);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        style = dateStyle;
                    } else if (v instanceof Formula f) {
                        cell.setCellFormula(f.expression());
                    } else {
                        throw new IllegalArgumentException("cannot write " + v.getClass());
                    }
                    if (style != null) {
                        cell.setCellStyle(style);
                    }
                }
                if (kind != RowKind.TITLE && kind != RowKind.TEXT) {
                    width = Math.max(width, values.size());
                }
            }
            for (int[] m : model.merges) {
                sheet.addMergedRegion(new CellRangeAddress(m[0] - 1, m[1] - 1, m[2], m[3]));
            }
            for (int c = 0; c < width; c++) {
                sheet.setColumnWidth(c, columnWidth(model, c));
            }
        }
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        if (wb instanceof SXSSFWorkbook streaming) {
            // SXSSF flushes its sheets in hash order when it writes, which numbers the shared strings differently
            // from run to run; flushing them here, in sheet order, keeps the file the same
            for (int i = 0; i < streaming.getNumberOfSheets(); i++) {
                try {
                    streaming.getSheetAt(i).flushRows();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    /** Wide enough for the longest header or data text, as a clerk would have dragged it; CJK counts double. */
    private static int columnWidth(SheetModel model, int column) {
        int chars = 6;
        for (int r = 0; r < model.rows.size(); r++) {
            RowKind kind = model.kinds.get(r);
            List<Object> row = model.rows.get(r);
            if ((kind == RowKind.DATA || kind == RowKind.HEADER) && column < row.size() && row.get(column) != null) {
                String text = row.get(column) instanceof LocalDate ? "2020-12-31" : row.get(column).toString();
                int w = 0;
                for (int i = 0; i < text.length(); i++) {
                    w += text.charAt(i) > 0x2E80 ? 2 : 1;
                }
                chars = Math.max(chars, Math.min(w, 60));
            }
        }
        return (chars + 2) * 256;
    }

    private static Map<RowKind, CellStyle> styles(Workbook wb) {
        Map<RowKind, CellStyle> styles = new EnumMap<>(RowKind.class);
        Font bold = wb.createFont();
        bold.setBold(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 16);

        CellStyle title = wb.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        styles.put(RowKind.TITLE, title);

        CellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderTop(BorderStyle.THIN);
        header.setBorderBottom(BorderStyle.THIN);
        header.setBorderLeft(BorderStyle.THIN);
        header.setBorderRight(BorderStyle.THIN);
        styles.put(RowKind.HEADER, header);

        CellStyle total = wb.createCellStyle();
        total.setFont(bold);
        styles.put(RowKind.TOTAL, total);
        return styles;
    }

    private static void csv(SampleFile file, Path target, Charset charset, boolean bom) throws IOException {
        SheetModel model = file.sheet();
        int width = model.rows.stream().mapToInt(List::size).max().orElse(0);
        try (Writer out = Files.newBufferedWriter(target, charset)) {
            if (bom) {
                out.write('\uFEFF');
            }
            for (List<Object> row : model.rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    Object v = c < row.size() ? row.get(c) : null;
                    line.append(csvField(v));
                }
                out.write(line.append("\r\n").toString());
            }
        }
    }

    private static String csvField(Object v) {
        if (v == null) {
            return "";
        }
        String text;
        if (v instanceof String s) {
            text = s;
        } else if (v instanceof BigDecimal n) {
            text = n.toPlainString();
        } else if (v instanceof Integer n) {
            text = n.toString();
        } else {
            throw new IllegalArgumentException("a CSV holds text only, not " + v.getClass());
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /**
     * POI's shared strings table, keyed by the text of a plain string instead of its serialised XML: the same table
     * (the sample writes no rich text), at a fraction of the cost, which matters for the scale sets' million rows.
     */
    private static final class PlainSharedStrings extends SharedStringsTable {

        static final XSSFFactory FACTORY = new XSSFFactory() {
            @Override
            public POIXMLDocumentPart newDocumentPart(POIXMLRelation descriptor) {
                return descriptor == XSSFRelation.SHARED_STRINGS ? new PlainSharedStrings() : super.newDocumentPart(descriptor);
            }
        };

        @Override
        protected String xmlText(CTRst st) {
            return st.sizeOfRArray() == 0 && st.isSetT() && st.sizeOfRPhArray() == 0 ? "t:" + st.getT() : "x:" + super.xmlText(st);
        }
    }
}
