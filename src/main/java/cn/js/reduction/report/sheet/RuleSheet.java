package cn.js.reduction.report.sheet;

import cn.js.reduction.core.PlanTerms;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.RuleCatalogue;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/** 规则说明: the rule catalogue as a sheet, in every workbook the program writes, so a code is never unexplained. */
public final class RuleSheet {

    public static final String NAME = "规则说明";
    public static final String[] HEADERS = {"规则", "级别", "名称", "说明", "English", "示例"};
    private static final int[] WIDTHS = {28, 8, 26, 60, 60, 30};

    private RuleSheet() {
    }

    /** @param terms the plan year's figures the rule texts name */
    public static Sheet write(Workbook workbook, PlanTerms terms) {
        Sheet sheet = workbook.createSheet(NAME);
        PrintLayout.wide(sheet);
        PlainSheetHeader.write(sheet, HEADERS, WIDTHS);
        CellStyle wrapped = PlainSheetHeader.wrapped(workbook);
        int r = 1;
        for (Rule rule : Rule.values()) {
            Row row = sheet.createRow(r++);
            String[] values = {rule.name(), RuleCatalogue.chinese(rule.severity()), rule.title(), rule.descriptionZh(terms),
                    rule.descriptionEn(terms), rule.example(terms)};
            int lines = 1;
            for (int i = 0; i < values.length; i++) {
                Cell c = row.createCell(i);
                c.setCellValue(values[i]);
                c.setCellStyle(wrapped);
                lines = Math.max(lines, RowWriter.estimatedLines(values[i], WIDTHS[i]));
            }
            row.setHeightInPoints(lines * RowWriter.LINE_HEIGHT + 3);
        }
        sheet.createFreezePane(1, 1);
        return sheet;
    }
}
