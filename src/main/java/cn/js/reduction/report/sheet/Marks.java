package cn.js.reduction.report.sheet;

import cn.js.reduction.report.sheet.WorkbookStyles.Mark;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PatternFormatting;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * The marks of the summary sheets as conditional formats whose condition is a formula over the neighbouring cells
 * (a shortfall where 报送 &lt; 计划): a workbook that is recalculated, or whose figures an auditor edits to test a
 * case, marks the cells the figures call for, not those the program marked. The colours are {@link Mark}'s, the
 * same as the legends'.
 */
public final class Marks {

    private Marks() {
    }

    /**
     * @param formula the condition for the top-left cell of the first range, with relative references (C6&lt;B6);
     *                it moves with each cell of the ranges as a copied formula would
     */
    public static void when(Sheet sheet, String formula, Mark mark, CellRangeAddress... ranges) {
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(formula);
        PatternFormatting fill = rule.createPatternFormatting();
        fill.setFillBackgroundColor(new XSSFColor(mark.rgb(), null));
        fill.setFillPattern(FillPatternType.SOLID_FOREGROUND.getCode());
        formatting.addConditionalFormatting(ranges, rule);
    }
}
