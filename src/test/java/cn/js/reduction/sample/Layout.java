package cn.js.reduction.sample;

import cn.js.reduction.sample.SheetModel.RowKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;

/**
 * How one city lays out its submission: file name and format, title rows above the header, a one- or two-row
 * header, which columns in which order and under which labels. Subclasses say how each value is written
 * (dates as Excel dates or text, numbers as numbers or text, city as name or code). Configured through
 * its fields, because every city's template differs in a different way.
 *
 * @param <T> the typed record one data row shows
 */
abstract class Layout<T> {

    final String fileName;
    final SampleFile.Format format;
    String sheetName = "Sheet1";
    String title;
    String subtitle;
    boolean blankAfterTitle;
    List<String> columns;
    final Map<String, String> labels = new HashMap<>();
    /** Two-row header: this label merged over {@link #groupKeys}; every other label merged down two rows. */
    String groupLabel;
    List<String> groupKeys;
    /** A first sheet of filling-in instructions, without a header, as some templates have. */
    List<String> instructions;
    String dateFormat = "yyyy-mm-dd";
    /** What is unusual about this file, for SAMPLE.md. */
    String description = "";

    private final List<String[]> pendingNotes = new ArrayList<>();

    Layout(String fileName, SampleFile.Format format) {
        this.fileName = fileName;
        this.format = format;
    }

    /** The value of each column key for this record; the {@code dataIndex}-th data row (0-based) of the file. */
    protected abstract Map<String, Object> values(T record, int dataIndex);

    protected abstract String defaultLabel(String key);

    protected abstract String kind();

    protected abstract String cities(List<Line<T>> lines);

    /** Called after each data row, with the next line (null after the last): room for 小计 rows. */
    protected void afterLine(SheetModel sheet, Line<T> line, Line<T> next, Context context) {
    }

    /** Called after the last data row: room for a 合计 row. */
    protected void afterData(SheetModel sheet, Context context) {
    }

    /** Where the rendering stands, for the hooks. */
    final class Context {
        final List<SampleNote> notes;
        final int firstDataRow;
        int groupStartRow;

        Context(List<SampleNote> notes, int firstDataRow) {
            this.notes = notes;
            this.firstDataRow = firstDataRow;
            this.groupStartRow = firstDataRow;
        }

        void note(SheetModel sheet, int row, String key, String what) {
            notes.add(new SampleNote(fileName, sheet.name, row, key == null ? "" : cell(key, row), what));
        }
    }

    /** Asks for a note on the cell of key in the row being rendered. */
    protected void noteCell(String key, String what) {
        pendingNotes.add(new String[]{key, what});
    }

    String label(String key) {
        return labels.getOrDefault(key, defaultLabel(key));
    }

    String column(String key) {
        int index = columns.indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException(fileName + " has no column " + key);
        }
        return CellReference.convertNumToColString(index);
    }

    String cell(String key, int row) {
        return column(key) + row;
    }

    SampleFile render(List<Line<T>> lines, List<SampleNote> notes, List<FileEntry> files) {
        List<SheetModel> sheets = new ArrayList<>();
        if (instructions != null) {
            SheetModel help = new SheetModel("填报说明");
            for (String text : instructions) {
                help.add(RowKind.TEXT, text);
            }
            sheets.add(help);
        }
        SheetModel sheet = new SheetModel(sheetName);
        sheet.dateFormat = dateFormat;
        sheets.add(sheet);
        int last = columns.size() - 1;
        if (title != null) {
            int r = sheet.add(RowKind.TITLE, title);
            sheet.merge(r, r, 0, last);
        }
        if (subtitle != null) {
            int r = sheet.add(RowKind.TEXT, subtitle);
            sheet.merge(r, r, 0, last);
        }
        if (blankAfterTitle) {
            sheet.blank();
        }
        String headerRows = header(sheet);
        Context context = new Context(notes, sheet.lastRowNumber() + 1);
        int lastData = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line<T> line = lines.get(i);
            pendingNotes.clear();
            Map<String, Object> values = new HashMap<>(values(line.record(), i));
            values.putAll(line.overrides());
            List<Object> cells = new ArrayList<>();
            for (String key : columns) {
                cells.add(values.get(key));
            }
            int r = sheet.add(RowKind.DATA, cells);
            lastData = r;
            if (line.note() != null) {
                context.note(sheet, r, line.noteKey(), line.note());
            }
            for (String[] pending : pendingNotes) {
                context.note(sheet, r, pending[0], pending[1]);
            }
            afterLine(sheet, line, i + 1 < lines.size() ? lines.get(i + 1) : null, context);
        }
        afterData(sheet, context);
        files.add(new FileEntry(fileName, format, kind(), cities(lines), sheet.name, headerRows,
                context.firstDataRow, lastData, lines.size(), description));
        return new SampleFile(fileName, format, sheets);
    }

    private String header(SheetModel sheet) {
        List<Object> top = new ArrayList<>();
        for (String key : columns) {
            top.add(label(key));
        }
        if (groupKeys == null) {
            int r = sheet.add(RowKind.HEADER, top);
            return String.valueOf(r);
        }
        List<Object> bottom = new ArrayList<>();
        for (String key : columns) {
            bottom.add(groupKeys.contains(key) ? label(key) : null);
        }
        int first = columns.indexOf(groupKeys.get(0));
        for (int i = 0; i < groupKeys.size(); i++) {
            if (!columns.get(first + i).equals(groupKeys.get(i))) {
                throw new IllegalStateException(fileName + ": the grouped columns must stand side by side");
            }
            top.set(first + i, i == 0 ? groupLabel : null);
        }
        int r1 = sheet.add(RowKind.HEADER, top);
        int r2 = sheet.add(RowKind.HEADER, bottom);
        for (int c = 0; c < columns.size(); c++) {
            if (c < first || c >= first + groupKeys.size()) {
                sheet.merge(r1, r2, c, c);
            }
        }
        sheet.merge(r1, r1, first, first + groupKeys.size() - 1);
        return r1 + "-" + r2;
    }

    /** One line of the files table of SAMPLE.md. */
    record FileEntry(String file, SampleFile.Format format, String kind, String cities, String sheet,
                     String headerRows, int firstDataRow, int lastDataRow, int dataRows, String description) {

        String markdown() {
            return "| " + file + " | " + format + " | " + kind + " | " + cities + " | " + sheet + " | " + headerRows
                    + " | " + firstDataRow + "-" + lastDataRow + " | " + dataRows + " | " + description + " |";
        }
    }
}
