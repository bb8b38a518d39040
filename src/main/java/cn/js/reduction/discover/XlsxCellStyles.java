package cn.js.reduction.discover;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Which cell styles (the s attribute of a cell) show a number as a date. Excel stores a date as a serial
 * number; only its number format tells it apart. Decided once per style, since a sheet has few styles and
 * many cells.
 */
final class XlsxCellStyles {

    private final StylesTable styles;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();

    /** @param styles the workbook's styles, or null when the file has none (then nothing is a date) */
    XlsxCellStyles(StylesTable styles) {
        this.styles = styles;
    }

    boolean isDate(int styleIndex) {
        if (styles == null || styleIndex < 0 || styleIndex >= styles.getNumCellStyles()) {
            return false; // not cached: a crafted sheet could otherwise fill the cache with indices of nothing
        }
        return dateStyles.computeIfAbsent(styleIndex, this::decide);
    }

    private boolean decide(int styleIndex) {
        XSSFCellStyle style;
        try {
            style = styles.getStyleAt(styleIndex);
        } catch (RuntimeException outOfRange) {
            return false;
        }
        if (style == null) {
            return false;
        }
        String format = style.getDataFormatString();
        return format != null && DateUtil.isADateFormat(Short.toUnsignedInt(style.getDataFormat()), format);
    }
}
