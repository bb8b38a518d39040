package cn.js.reduction.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sheet as it will be written, row by row. Cell values: String (text, as typed), BigDecimal or Integer
 * (a number), LocalDate (an Excel date; never in a CSV), {@link Formula}, or null (blank).
 */
final class SheetModel {

    /** How a row looks in the workbook (fonts, borders); the reader must not rely on it. */
    enum RowKind { TITLE, HEADER, DATA, TOTAL, TEXT }

    /** A formula cell; its cached value is computed when the workbook is written. */
    record Formula(String expression) {
    }

    final String name;
    final List<List<Object>> rows = new ArrayList<>();
    final List<RowKind> kinds = new ArrayList<>();
    final List<int[]> merges = new ArrayList<>();
    /** Excel number format of the date cells, as the city's template had it. */
    String dateFormat = "yyyy-mm-dd";

    SheetModel(String name) {
        this.name = name;
    }

    /** Appends a row and returns its 1-based number as Excel shows it. */
    int add(RowKind kind, List<Object> cells) {
        rows.add(new ArrayList<>(cells));
        kinds.add(kind);
        return rows.size();
    }

    int add(RowKind kind, Object... cells) {
        return add(kind, Arrays.asList(cells));
    }

    int blank() {
        return add(RowKind.TEXT, List.of());
    }

    /** Merges 1-based rows firstRow..lastRow over 0-based columns firstCol..lastCol. */
    void merge(int firstRow, int lastRow, int firstCol, int lastCol) {
        merges.add(new int[]{firstRow, lastRow, firstCol, lastCol});
    }

    int lastRowNumber() {
        return rows.size();
    }
}
