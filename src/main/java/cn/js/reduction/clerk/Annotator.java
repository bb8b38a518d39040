package cn.js.reduction.clerk;


import cn.js.reduction.core.Finding;
import cn.js.reduction.core.RuleCatalogue;
import cn.js.reduction.core.Severity;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;

/**
 * Marks a faulty cell of a returned workbook: filled red for an error, yellow for a warning, with a comment in
 * Chinese saying what is wrong and what is expected. The one annotation code path: {@code validate}'s annotated
 * copy of a clerk's workbook (XSSF) and the job's feedback workbooks (SXSSF) both call it, through the usermodel
 * interfaces they share.
 */
public final class Annotator {

    /** Excel's own "bad" and "neutral" fills, which clerks know from conditional formatting. */
    public static final String ERROR_FILL = "FFC7CE";
    public static final String WARNING_FILL = "FFEB9C";
    public static final String AUTHOR = "报送校验";

    private final Workbook workbook;
    private final CreationHelper helper;
    private final Map<String, CellStyle> styles = new HashMap<>();
    private final Map<Sheet, Drawing<?>> drawings = new IdentityHashMap<>();

    public Annotator(Workbook workbook) {
        this.workbook = workbook;
        this.helper = workbook.getCreationHelper();
    }

    /**
     * Fills the cell after the worst of its findings (INFO leaves it as it is) and puts every finding into its
     * comment; the cell keeps its value, number format, font and borders.
     */
    public void annotate(Cell cell, List<Finding> findings) {
        if (findings.isEmpty()) {
            return;
        }
        Severity worst = worst(findings);
        if (worst != Severity.INFO) {
            CellStyle original = cell.getCellStyle();
            String fill = worst == Severity.ERROR ? ERROR_FILL : WARNING_FILL;
            cell.setCellStyle(styles.computeIfAbsent(original.getIndex() + "|" + fill, k -> filled(original, fill)));
        }
        String text = commentText(findings);
        Comment old = cell.getCellComment();
        if (old != null) {
            // a clerk's own note is kept under ours
            text = text + "\n\n（原批注）" + old.getString().getString();
            cell.removeCellComment();
        }
        Drawing<?> drawing = drawings.computeIfAbsent(cell.getSheet(), Sheet::createDrawingPatriarch);
        ClientAnchor anchor = helper.createClientAnchor();
        anchor.setCol1(cell.getColumnIndex() + 1);
        anchor.setCol2(cell.getColumnIndex() + 6);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + Math.min(20, 3 + text.length() / 40));
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(helper.createRichTextString(text));
        comment.setAuthor(AUTHOR);
        comment.setAddress(cell.getAddress()); // the anchor's corner is beside the cell; SXSSF keeps that address
        cell.setCellComment(comment);
    }

    private CellStyle filled(CellStyle original, String rgb) {
        XSSFCellStyle style = (XSSFCellStyle) workbook.createCellStyle();
        style.cloneStyleFrom(original);
        style.setFillForegroundColor(new XSSFColor(java.util.HexFormat.of().parseHex(rgb), null));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        return style;
    }

    public static Severity worst(List<Finding> findings) {
        Severity worst = Severity.INFO;
        for (Finding f : findings) {
            if (f.severity().ordinal() < worst.ordinal()) {
                worst = f.severity();
            }
        }
        return worst;
    }

    /**
     * "错误 REQUIRED_MISSING 必填项为空：第12行 项目名称（D12）为空，此项必填，请填写项目名称", one paragraph per
     * finding: the Chinese part of the message only (it already says what is expected).
     */
    public static String commentText(List<Finding> findings) {
        StringBuilder s = new StringBuilder();
        for (Finding f : findings) {
            if (!s.isEmpty()) {
                s.append("\n\n");
            }
            s.append(RuleCatalogue.chinese(f.severity())).append(' ').append(f.rule().name()).append(' ')
                    .append(f.rule().title()).append('：').append(chinesePart(f.message()));
        }
        return s.toString();
    }

    /** Messages read "中文 | English" or "中文 (English)": a clerk's comment keeps the Chinese. */
    public static String chinesePart(String message) {
        if (message == null) {
            return "";
        }
        int bar = message.indexOf(" | ");
        return bar > 0 ? message.substring(0, bar) : message;
    }
}
