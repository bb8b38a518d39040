package cn.js.reduction.clerk;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.RuleCatalogue;
import cn.js.reduction.report.sheet.PlainSheetHeader;
import cn.js.reduction.report.sheet.PrintLayout;
import cn.js.reduction.report.sheet.RowWriter;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * 问题清单 of an annotated return: every finding, with a hyperlink from its cell reference to the annotated cell,
 * so that a clerk clicks from the list to the place to fix.
 */
public final class FindingListSheet {

    public static final String NAME = "问题清单";
    public static final String[] HEADERS = {"级别", "规则", "规则说明", "文件", "工作表", "行号", "单元格", "值", "说明"};
    private static final int[] WIDTHS = {6, 26, 26, 30, 14, 7, 8, 20, 80};

    private FindingListSheet() {
    }

    /**
     * @param target where a finding's cell sits in this workbook, as a link address ('工作表'!B12), or null when
     *               it has no place to link to (a file-level finding)
     */
    public static Sheet write(Workbook workbook, List<Finding> findings, Function<Finding, String> target) {
        Sheet sheet = workbook.createSheet(NAME);
        PrintLayout.wide(sheet);
        Font blue = workbook.createFont();
        blue.setUnderline(Font.U_SINGLE);
        blue.setColor(org.apache.poi.ss.usermodel.IndexedColors.BLUE.getIndex());
        CellStyle link = workbook.createCellStyle();
        link.setFont(blue);
        CellStyle wrapped = PlainSheetHeader.wrapped(workbook);
        CellStyle quoted = workbook.createCellStyle();
        quoted.setQuotePrefixed(true);
        PlainSheetHeader.write(sheet, HEADERS, WIDTHS);
        int r = 1;
        for (Finding f : findings) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(RuleCatalogue.chinese(f.severity()));
            row.createCell(1).setCellValue(f.rule().name());
            row.createCell(2).setCellValue(f.rule().title());
            text(row, 3, f.file(), quoted);
            text(row, 4, f.sheet(), quoted);
            if (f.row() != null) {
                row.createCell(5).setCellValue(f.row());
            }
            String address = target.apply(f);
            Cell where = row.createCell(6);
            String shown = f.cell() != null ? f.cell() : f.row() != null ? "第" + f.row() + "行" : address != null ? "查看" : "";
            where.setCellValue(shown);
            if (address != null) {
                Hyperlink h = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
                h.setAddress(address);
                where.setHyperlink(h);
                where.setCellStyle(link);
            }
            text(row, 7, f.value(), quoted);
            Cell message = row.createCell(8);
            message.setCellValue(f.message() == null ? "" : f.message());
            message.setCellStyle(wrapped);
            row.setHeightInPoints(Math.min(409, RowWriter.estimatedLines(message.getStringCellValue(), WIDTHS[8])
                    * RowWriter.LINE_HEIGHT + 3));
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, HEADERS.length - 1));
        return sheet;
    }

    /** Text from the clerk's file, never taken for a formula when someone edits the cell. */
    private static void text(Row row, int column, String value, CellStyle quoted) {
        Cell c = row.createCell(column);
        if (value == null) {
            return;
        }
        c.setCellValue(value);
        if (RowWriter.startsLikeFormula(value)) {
            c.setCellStyle(quoted);
        }
    }

    /** A document link address: '工作表'!B12, the sheet name quoted as Excel wants it. */
    public static String address(String sheet, String cell) {
        return "'" + sheet.replace("'", "''") + "'!" + cell;
    }
}
