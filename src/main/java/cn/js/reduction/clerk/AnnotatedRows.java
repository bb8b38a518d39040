package cn.js.reduction.clerk;

import cn.js.reduction.core.Finding;
import cn.js.reduction.discover.RawCell;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.report.sheet.RowWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;

/**
 * Copies rows of a clerk's sheet, as read, into a sheet of a returned workbook and annotates their faulty
 * cells. Used where the clerk's own file cannot be copied (csv, xls, an xlsx too large to open whole) and by
 * the feedback workbook's 原表标注 sheet, which returns a city's rejected and warned rows.
 */
public final class AnnotatedRows {

    private final Annotator annotator;
    private final CellStyle date;
    private final CellStyle quoted;

    public AnnotatedRows(Workbook workbook, Annotator annotator) {
        this.annotator = annotator;
        this.date = workbook.createCellStyle();
        date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
        this.quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
    }

    /**
     * Writes the row's cells into {@code target}, each {@code offset} columns to the right of where it was, and
     * annotates the cells the findings point at (a finding without a cell marks the row's first column).
     *
     * @return the findings placed, with the A1 reference of the cell that carries each in {@code target}
     */
    public Map<Finding, String> write(Row target, RawRow source, int offset, List<Finding> findings) {
        for (RawCell c : source.cells()) {
            Cell cell = target.createCell(c.column() + offset);
            switch (c.type()) {
                case NUMBER -> cell.setCellValue(new BigDecimal(c.text()).doubleValue());
                case DATE -> {
                    cell.setCellValue(LocalDate.parse(c.text()));
                    cell.setCellStyle(date);
                }
                case BOOLEAN -> cell.setCellValue(Boolean.parseBoolean(c.text()));
                default -> {
                    cell.setCellValue(c.text());
                    if (RowWriter.startsLikeFormula(c.text())) {
                        cell.setCellStyle(quoted);
                    }
                }
            }
        }
        Map<Integer, List<Finding>> byColumn = new LinkedHashMap<>();
        for (Finding f : findings) {
            int column = f.cell() == null ? 0 : new CellReference(f.cell()).getCol() + offset;
            byColumn.computeIfAbsent(column, k -> new ArrayList<>()).add(f);
        }
        Map<Finding, String> placed = new LinkedHashMap<>();
        byColumn.forEach((column, list) -> {
            Cell cell = target.getCell(column);
            if (cell == null) {
                cell = target.createCell(column);
            }
            annotator.annotate(cell, list);
            String ref = CellReference.convertNumToColString(column) + (target.getRowNum() + 1);
            list.forEach(f -> placed.put(f, ref));
        });
        return placed;
    }
}
