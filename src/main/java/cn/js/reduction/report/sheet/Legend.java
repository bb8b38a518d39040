package cn.js.reduction.report.sheet;

import cn.js.reduction.report.sheet.WorkbookStyles.Kind;
import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The legend row under a matrix sheet's title: "图例：", then each mark's colour as a merged, filled box with
 * its meaning, then an optional note. The two matrix sheets share it so that a mark reads the same in both.
 */
public final class Legend {

    /** One box of the legend: the meaning, shown in the colour of the mark it explains. */
    public record Entry(String text, Mark mark) {
    }

    private static final int ROW = 1;

    private Legend() {
    }

    /** @param span the columns each box is merged over; @param note a closing note, or null */
    public static void write(SXSSFSheet sheet, WorkbookStyles styles, int span, List<Entry> entries, String note) {
        Row legend = sheet.createRow(ROW);
        legend.setHeightInPoints(18);
        RowWriter w = new RowWriter(legend, styles, false);
        w.text("图例：", Kind.LABEL, Mark.NONE);
        int lines = 1;
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            int first = 1 + i * span;
            // a box narrower than its text wraps it, the row made tall enough below
            double width = sheet.getColumnWidth(first) / 256.0 * span;
            lines = Math.max(lines, RowWriter.estimatedLines(entry.text(), width));
            w.at(first).text(entry.text(), lines > 1 ? Kind.WRAPPED : Kind.TEXT, entry.mark());
            for (int c = first + 1; c < first + span; c++) {
                w.blank(Kind.TEXT, entry.mark());
            }
            sheet.addMergedRegion(new CellRangeAddress(ROW, ROW, first, first + span - 1));
        }
        legend.setHeightInPoints(Math.max(18, lines * RowWriter.LINE_HEIGHT + 3));
        if (note != null) {
            w.at(1 + entries.size() * span).text(note, Kind.NOTE, Mark.NONE);
        }
    }
}
