package cn.js.reduction.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The raw floor of the benchmark (issue 9, BENCHMARKS.md): what reading every cell of an input set and writing as
 * many rows costs with nothing else, on one thread. Every sheet of every .xlsx through POI's SAX event API (shared
 * strings, styles and formatted values, as any reader needs), every .csv line split at its commas; each row read is
 * written at once into one SXSSF workbook (text cells, a new sheet every million rows), which is then saved and
 * deleted. Prints rows, cells and seconds.
 *
 * <pre>java -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.js.reduction.bench.RawFloor DIR</pre>
 */
public final class RawFloor {

    private static final int ROWS_PER_SHEET = 1_000_000;

    private final SXSSFWorkbook out = new SXSSFWorkbook(100);
    private Sheet sheet;
    private int sheetRow;
    private long rows;
    private long cells;

    private RawFloor() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        RawFloor floor = new RawFloor();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase();
            if (name.endsWith(".xlsx")) {
                floor.xlsx(file);
            } else if (name.endsWith(".csv")) {
                floor.csv(file);
            }
        }
        Path target = Files.createTempFile("raw-floor", ".xlsx");
        long written;
        try (OutputStream o = Files.newOutputStream(target)) {
            floor.out.write(o);
        } finally {
            floor.out.close();
            written = Files.size(target);
            Files.deleteIfExists(target);
        }
        System.out.printf("floor: %d files, %d rows, %d cells read and written in %.2f s; wrote %.1f MB%n", files.size(),
                floor.rows, floor.cells, (System.nanoTime() - start) / 1e9, written / 1e6);
    }

    private void xlsx(Path file) throws Exception {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            DataFormatter formatter = new DataFormatter();
            Iterator<InputStream> sheets = reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream in = sheets.next()) {
                    SAXParserFactory factory = SAXParserFactory.newInstance();
                    factory.setNamespaceAware(true);
                    XMLReader xml = factory.newSAXParser().getXMLReader();
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Rows(), formatter, false));
                    xml.parse(new InputSource(in));
                }
            }
        }
    }

    private void csv(Path file) throws IOException {
        byte[] head = new byte[3];
        Charset charset;
        try (InputStream in = Files.newInputStream(file)) {
            charset = in.read(head) == 3 && (head[0] & 0xFF) == 0xEF ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        }
        try (BufferedReader in = Files.newBufferedReader(file, charset)) {
            List<String> values = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                values.clear();
                for (String v : line.split(",", -1)) {
                    values.add(v);
                }
                write(values);
            }
        }
    }

    private void write(List<String> values) {
        if (sheet == null || sheetRow == ROWS_PER_SHEET) {
            sheet = out.createSheet();
            sheetRow = 0;
        }
        Row row = sheet.createRow(sheetRow++);
        for (int c = 0; c < values.size(); c++) {
            String v = values.get(c);
            if (v != null && !v.isEmpty()) {
                row.createCell(c).setCellValue(v);
                cells++;
            }
        }
        rows++;
    }

    /** Collects a row's formatted values and writes the row when it ends. */
    private final class Rows implements SheetContentsHandler {
        private final List<String> values = new ArrayList<>();

        @Override
        public void startRow(int rowNum) {
            values.clear();
        }

        @Override
        public void endRow(int rowNum) {
            write(values);
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = 0;
            for (int i = 0; i < reference.length() && Character.isLetter(reference.charAt(i)); i++) {
                column = column * 26 + reference.charAt(i) - 'A' + 1;
            }
            while (values.size() < column - 1) {
                values.add(null);
            }
            values.add(formattedValue);
        }
    }
}
