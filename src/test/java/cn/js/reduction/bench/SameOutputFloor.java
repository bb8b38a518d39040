package cn.js.reduction.bench;

import cn.js.reduction.bench.OutputShape.Output;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import javax.xml.parsers.SAXParserFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
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
 * The same-output floor (issue 19): the least that reading a set's inputs once and writing outputs of the job's own
 * shape once can cost with bare POI on one thread. First a SAX (event API) read of every input cell once: every sheet
 * of every .xlsx ({@link XSSFSheetXMLHandler}: shared strings, styles, formatted values), every .xls (HSSF's event
 * API, formatted values), every .csv line split at its commas. Then, for the shape {@link OutputShape} read from the
 * job's run folder beforehand (untimed, another process): as many .xlsx workbooks (SXSSF, no styles, deflate level 1
 * as the job writes, temporary files uncompressed), each with as many sheets, rows and cells as the job's, half the
 * cells text (taken in turn from texts read from the inputs) and half numbers; and as many CSV files of as many
 * bytes. It ignores the database, the rules, styles, formulas, links and comments. Everything written goes into
 * OUT_DIR and is deleted at the end. Prints what it read and wrote and its own seconds.
 *
 * <pre>java -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.js.reduction.bench.SameOutputFloor \
 *     INPUT_DIR SHAPE_FILE OUT_DIR</pre>
 */
public final class SameOutputFloor {

    private static final int TEXTS = 4096;

    private final String[] texts = new String[TEXTS];
    private int textCount;
    private int nextText;
    private long rowsRead;
    private long cellsRead;

    private SameOutputFloor() {
    }

    public static void main(String[] args) throws Exception {
        List<Output> shape = OutputShape.parse(Path.of(args[1]));
        Path out = Path.of(args[2]);
        long start = System.nanoTime();
        SameOutputFloor floor = new SameOutputFloor();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase();
            if (name.endsWith(".xlsx")) {
                floor.xlsx(file);
            } else if (name.endsWith(".xls")) {
                floor.xls(file);
            } else if (name.endsWith(".csv")) {
                floor.csv(file);
            }
        }
        double read = (System.nanoTime() - start) / 1e9;
        if (floor.textCount == 0) {
            floor.texts[floor.textCount++] = "text";
        }
        Files.createDirectories(out);
        long written = 0;
        long workbooks = 0;
        long csvs = 0;
        for (Output o : shape) {
            Path target = out.resolve(o.name().replace('/', '_'));
            if (o.kind().equals("xlsx")) {
                floor.workbook(o, target);
                workbooks++;
            } else if (o.kind().equals("csv")) {
                floor.csvFile(o.bytes(), target);
                csvs++;
            } else {
                continue;
            }
            written += Files.size(target);
        }
        double total = (System.nanoTime() - start) / 1e9;
        System.out.printf("same-output floor: %d files, %d rows, %d cells read in %.2f s; %d workbooks and %d CSVs written"
                + " (%s) in %.2f s; total %.2f s; wrote %.1f MB%n", files.size(), floor.rowsRead, floor.cellsRead, read,
                workbooks, csvs, OutputShape.summary(shape), total - read, total, written / 1e6);
        try (Stream<Path> walk = Files.walk(out)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    // ---- reading every input cell once ----

    private void cell(String value) {
        cellsRead++;
        if (textCount < TEXTS && value != null && !value.isEmpty() && !Character.isDigit(value.charAt(0))) {
            texts[textCount++] = value;
        }
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
                    xml.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Cells(), formatter, false));
                    xml.parse(new InputSource(in));
                }
            }
        }
    }

    private void xls(Path file) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            HSSFRequest request = new HSSFRequest();
            XlsCells cells = new XlsCells();
            cells.formats = new FormatTrackingHSSFListener(cells);
            request.addListenerForAllRecords(cells.formats);
            new HSSFEventFactory().processWorkbookEvents(request, fs);
        }
    }

    private void csv(Path file) throws IOException {
        byte[] head = new byte[3];
        Charset charset;
        try (InputStream in = Files.newInputStream(file)) {
            charset = in.read(head) == 3 && (head[0] & 0xFF) == 0xEF ? StandardCharsets.UTF_8 : Charset.forName("GBK");
        }
        try (BufferedReader in = Files.newBufferedReader(file, charset)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                for (String v : line.split(",", -1)) {
                    cell(v);
                }
                rowsRead++;
            }
        }
    }

    /** Every cell of an .xlsx sheet, formatted. */
    private final class Cells implements SheetContentsHandler {
        @Override
        public void startRow(int rowNum) {
            rowsRead++;
        }

        @Override
        public void endRow(int rowNum) {
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            SameOutputFloor.this.cell(formattedValue);
        }
    }

    /** Every cell record of an .xls, formatted (numbers through the format tracker). */
    private final class XlsCells implements HSSFListener {
        private SSTRecord strings;
        private FormatTrackingHSSFListener formats;
        private int lastRow = -1;

        @Override
        public void processRecord(Record record) {
            if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (record instanceof LabelSSTRecord l) {
                at(l.getRow(), strings.getString(l.getSSTIndex()).getString());
            } else if (record instanceof LabelRecord l) {
                at(l.getRow(), l.getValue());
            } else if (record instanceof NumberRecord n) {
                at(n.getRow(), formats.formatNumberDateCell(n));
            } else if (record instanceof FormulaRecord f) {
                at(f.getRow(), formats.formatNumberDateCell(f));
            } else if (record instanceof BoolErrRecord b) {
                at(b.getRow(), String.valueOf(b.getBooleanValue()));
            }
        }

        private void at(int row, String value) {
            if (row != lastRow) {
                rowsRead++;
                lastRow = row;
            }
            cell(value);
        }
    }

    // ---- writing outputs of the job's shape ----

    private String text() {
        String t = texts[nextText];
        nextText = (nextText + 1) % textCount;
        return t;
    }

    private void workbook(Output o, Path target) throws IOException {
        SXSSFWorkbook wb = new FastWorkbook();
        try {
            int n = 0;
            for (long[] s : o.sheets()) {
                Sheet sheet = wb.createSheet("s" + n++);
                long rows = s[0];
                long cells = s[1];
                for (int r = 0; r < rows; r++) {
                    int inRow = (int) (cells / rows + (r < cells % rows ? 1 : 0));
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < inRow; c++) {
                        if (c % 2 == 0) {
                            row.createCell(c).setCellValue(text());
                        } else {
                            row.createCell(c).setCellValue(r * 31.25 + c);
                        }
                    }
                }
            }
            try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024)) {
                wb.write(os);
            }
        } finally {
            wb.close();
        }
    }

    private void csvFile(long bytes, Path target) throws IOException {
        long left = bytes;
        long r = 0;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(target), 64 * 1024)) {
            StringBuilder line = new StringBuilder();
            while (left > 0) {
                line.setLength(0);
                for (int c = 0; c < 8; c++) {
                    line.append(c % 2 == 0 ? text().replace(',', ' ').replace('\n', ' ') : String.valueOf(r * 31.25 + c))
                            .append(c == 7 ? '\n' : ',');
                }
                byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
                int take = (int) Math.min(b.length, left);
                os.write(b, 0, take);
                left -= take;
                r++;
            }
        }
    }

    /** SXSSF as the job configures it for speed: the .xlsx at deflate level 1; temporary sheet files left plain. */
    private static final class FastWorkbook extends SXSSFWorkbook {
        FastWorkbook() {
            super(100);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }
}
