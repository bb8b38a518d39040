package cn.js.reduction.discover;

import cn.js.reduction.core.InputLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A web page saved under a workbook's name (.xls exported by a web system): Excel opens its tables as one sheet,
 * so it is read as one, named after the file like a CSV's. Parsed with jsoup, a maintained HTML parser (never a
 * regular expression): every &lt;tr&gt; of every table in document order is a row, each &lt;td&gt;/&lt;th&gt; a
 * TEXT cell, and rowspan/colspan are merged cells, their value in every cell they cover as in a workbook.
 *
 * <p>The page is parsed whole, so it is bounded ({@link #MAX_BYTES}); a real export is far below.
 */
final class HtmlSheetSource implements SheetSource {

    /** A page larger than this is not a city's export: the clerk is asked to save it as .xlsx. */
    static final long MAX_BYTES = 32L << 20;
    private static final int MAX_SPAN = 1000;

    private final String sheetName;
    private final List<RawRow> rows;

    private HtmlSheetSource(String sheetName, List<RawRow> rows) {
        this.sheetName = sheetName;
        this.rows = List.copyOf(rows);
    }

    static HtmlSheetSource open(Path file) throws IOException, UnreadableFileException {
        if (Files.size(file) > MAX_BYTES) {
            throw Unreadable.htmlPage();
        }
        // the charset from the BOM or the page's meta tag, else UTF-8, as a browser (and Excel) reads it
        Document page = Jsoup.parse(file.toFile(), null);
        String sheet = CsvSheetSource.sheetNameOf(file);
        List<RawRow> rows = new ArrayList<>();
        Map<Integer, Map<Integer, String>> spanned = new HashMap<>(); // row → column → value a rowspan carries
        int rowNumber = 0;
        for (Element tr : page.select("tr")) {
            rowNumber++;
            if (rowNumber > InputLimits.MAX_ROWS) {
                throw Unreadable.rowBeyondLimit(sheet, rowNumber);
            }
            Map<Integer, String> carried = spanned.getOrDefault(rowNumber, Map.of());
            TreeMap<Integer, RawCell> cells = new TreeMap<>();
            Set<Integer> merged = new HashSet<>();
            carried.forEach((column, text) -> {
                cells.put(column, new RawCell(column, RawCell.Type.TEXT, text));
                merged.add(column);
            });
            int column = 0;
            for (Element td : tr.children()) {
                if (!td.normalName().equals("td") && !td.normalName().equals("th")) {
                    continue;
                }
                while (carried.containsKey(column)) {
                    column++;
                }
                String text = td.wholeText().strip();
                if (text.length() > InputLimits.MAX_CELL_CHARS + 1) {
                    text = text.substring(0, InputLimits.MAX_CELL_CHARS + 1);
                }
                int colspan = span(td.attr("colspan"));
                int rowspan = span(td.attr("rowspan"));
                for (int c = column; c < column + colspan && c < InputLimits.MAX_COLUMNS; c++) {
                    if (!text.isEmpty()) {
                        cells.put(c, new RawCell(c, RawCell.Type.TEXT, text));
                        if (c > column) {
                            merged.add(c);
                        }
                    }
                    for (int r = rowNumber + 1; r < rowNumber + rowspan; r++) {
                        spanned.computeIfAbsent(r, k -> new HashMap<>()).put(c, text);
                    }
                }
                column += colspan;
                if (column > InputLimits.MAX_COLUMNS) {
                    throw Unreadable.tooManyCells(sheet, rowNumber);
                }
            }
            spanned.remove(rowNumber);
            cells.values().removeIf(c -> c.text().isEmpty());
            rows.add(new RawRow(sheet, rowNumber, new ArrayList<>(cells.values()), merged));
        }
        return new HtmlSheetSource(sheet, rows);
    }

    private static int span(String attribute) {
        try {
            int n = Integer.parseInt(attribute.strip());
            return Math.max(1, Math.min(n, MAX_SPAN));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @Override
    public List<String> sheetNames() {
        return List.of(sheetName);
    }

    @Override
    public RowCursor rows(int sheetIndex) {
        if (sheetIndex != 0) {
            throw new IndexOutOfBoundsException("a web page is read as one sheet, not " + (sheetIndex + 1));
        }
        return new RowCursor() {
            private int next;

            @Override
            public RawRow next() {
                return next < rows.size() ? rows.get(next++) : null;
            }

            @Override
            public void close() {
                // the rows are in memory
            }
        };
    }

    @Override
    public void close() {
        // nothing held open: the page was parsed whole
    }
}
