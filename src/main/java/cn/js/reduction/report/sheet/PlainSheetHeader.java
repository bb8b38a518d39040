package cn.js.reduction.report.sheet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The bold first row and column widths of the sheets added to a workbook the program did not style itself (the
 * rule catalogue, the finding list of an annotated return): those workbooks have no WorkbookStyles.
 */
public final class PlainSheetHeader {

    private PlainSheetHeader() {
    }

    /** Writes the headers in bold on row 0 and sets each column to its width in characters. */
    public static void write(Sheet sheet, String[] headers, int[] widths) {
        Workbook workbook = sheet.getWorkbook();
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = workbook.createCellStyle();
        header.setFont(bold);
        Row top = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
            Cell c = top.createCell(i);
            c.setCellValue(headers[i]);
            c.setCellStyle(header);
        }
    }

    /** Wrapped text aligned to the top, for the long explanations of these sheets. */
    public static CellStyle wrapped(Workbook workbook) {
        CellStyle wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        return wrapped;
    }
}
