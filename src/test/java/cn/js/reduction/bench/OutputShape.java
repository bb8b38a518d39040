package cn.js.reduction.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
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
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The shape of what a run wrote (issue 19), read once, untimed, before the same-output floor runs: for every .xlsx
 * under the run folder its sheets, each with its rows and cells (a cell is a {@code <c>} element with a value, a
 * formula or inline text; styled empty cells do not count), and for every .csv its bytes. One line per output:
 *
 * <pre>
 * xlsx NAME ROWS:CELLS ROWS:CELLS ...   (one ROWS:CELLS per sheet)
 * csv NAME BYTES
 * </pre>
 * {@link SameOutputFloor} writes outputs of this shape. Other files (e.g. a run's notes) are listed as {@code other}
 * and not written by the floor.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat target/cp.txt) cn.js.reduction.bench.OutputShape RUN_DIR SHAPE_FILE</pre>
 */
public final class OutputShape {

    private OutputShape() {
    }

    /** One output: a workbook (rows and cells per sheet) or a CSV (bytes). */
    record Output(String kind, String name, List<long[]> sheets, long bytes) {

        long rows() {
            return sheets.stream().mapToLong(s -> s[0]).sum();
        }

        long cells() {
            return sheets.stream().mapToLong(s -> s[1]).sum();
        }
    }

    public static void main(String[] args) throws Exception {
        List<Output> outputs = read(Path.of(args[0]));
        try (Writer w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            write(outputs, w);
        }
        System.out.println(summary(outputs));
    }

    /** Every output under the run folder, in path order. */
    static List<Output> read(Path runDir) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(runDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<Output> outputs = new ArrayList<>();
        for (Path file : files) {
            String name = runDir.relativize(file).toString().replace(' ', '_');
            String lower = name.toLowerCase();
            if (lower.endsWith(".xlsx")) {
                outputs.add(new Output("xlsx", name, sheets(file), Files.size(file)));
            } else if (lower.endsWith(".csv")) {
                outputs.add(new Output("csv", name, List.of(), Files.size(file)));
            } else {
                outputs.add(new Output("other", name, List.of(), Files.size(file)));
            }
        }
        return outputs;
    }

    static void write(List<Output> outputs, Writer out) {
        PrintWriter w = new PrintWriter(new BufferedWriter(out));
        for (Output o : outputs) {
            StringBuilder line = new StringBuilder(o.kind()).append(' ').append(o.name());
            if (o.kind().equals("xlsx")) {
                o.sheets().forEach(s -> line.append(' ').append(s[0]).append(':').append(s[1]));
            } else {
                line.append(' ').append(o.bytes());
            }
            w.println(line);
        }
        w.flush();
    }

    /** Reads a shape file written by {@link #write}. */
    static List<Output> parse(Path shapeFile) throws IOException {
        List<Output> outputs = new ArrayList<>();
        for (String line : Files.readAllLines(shapeFile, StandardCharsets.UTF_8)) {
            String[] parts = line.split(" ");
            if (parts[0].equals("xlsx")) {
                List<long[]> sheets = new ArrayList<>();
                for (int i = 2; i < parts.length; i++) {
                    String[] rc = parts[i].split(":");
                    sheets.add(new long[] {Long.parseLong(rc[0]), Long.parseLong(rc[1])});
                }
                outputs.add(new Output("xlsx", parts[1], sheets, 0));
            } else {
                outputs.add(new Output(parts[0], parts[1], List.of(), Long.parseLong(parts[2])));
            }
        }
        return outputs;
    }

    static String summary(List<Output> outputs) {
        long workbooks = 0;
        long sheets = 0;
        long rows = 0;
        long cells = 0;
        long csvs = 0;
        long csvBytes = 0;
        long xlsxBytes = 0;
        for (Output o : outputs) {
            if (o.kind().equals("xlsx")) {
                workbooks++;
                sheets += o.sheets().size();
                rows += o.rows();
                cells += o.cells();
                xlsxBytes += o.bytes();
            } else if (o.kind().equals("csv")) {
                csvs++;
                csvBytes += o.bytes();
            }
        }
        return String.format("shape: %d workbooks (%d sheets, %d rows, %d cells%s), %d CSVs (%d bytes)", workbooks, sheets,
                rows, cells, xlsxBytes > 0 ? String.format(", %.1f MB", xlsxBytes / 1e6) : "", csvs, csvBytes);
    }

    private static List<long[]> sheets(Path file) throws Exception {
        List<long[]> sheets = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            Iterator<InputStream> data = new XSSFReader(pkg).getSheetsData();
            while (data.hasNext()) {
                try (InputStream in = data.next()) {
                    SAXParserFactory factory = SAXParserFactory.newInstance();
                    factory.setNamespaceAware(true);
                    XMLReader xml = factory.newSAXParser().getXMLReader();
                    Counter counter = new Counter();
                    xml.setContentHandler(counter);
                    xml.parse(new InputSource(in));
                    sheets.add(new long[] {counter.rows, counter.cells});
                }
            }
        }
        return sheets;
    }

    /** Counts {@code <row>} elements and the {@code <c>} elements holding a value, a formula or inline text. */
    private static final class Counter extends DefaultHandler {
        private long rows;
        private long cells;
        private boolean inCell;
        private boolean cellHasContent;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> rows++;
                case "c" -> {
                    inCell = true;
                    cellHasContent = false;
                }
                case "v", "f", "is" -> cellHasContent |= inCell;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (localName.equals("c")) {
                if (cellHasContent) {
                    cells++;
                }
                inCell = false;
            }
        }
    }
}
