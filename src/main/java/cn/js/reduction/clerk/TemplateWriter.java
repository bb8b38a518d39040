package cn.js.reduction.clerk;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.discover.Field;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.sheet.RowWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A blank submission workbook (docs/operations.md template): the exact headers of docs/input-format.md in row 1, frozen; drop-down lists
 * for city, category, status and pollutant taken from the plan year's reference data through named ranges over
 * a hidden list sheet (each list is written once); date and number validation with input messages; column
 * formats and widths; a 填报说明 sheet in Chinese with the template's version stamp.
 *
 * <p>With a city: in a project list the 设区市 cell of a row fills itself in (a formula) as soon as anything else
 * is typed in that row, so a row left empty stays empty and is not taken for a project; an emission report
 * gets the city's three rows (one per pollutant) pre-filled, to be completed with the tonnages.
 */
public final class TemplateWriter {

    public static final String LIST_SHEET = "下拉列表";
    public static final String GUIDE_SHEET = "填报说明";
    /** Rows prepared with validations and formats below the header. */
    public static final int ROWS = 2000;
    public static final String CITY_LIST = "list_city";
    public static final String CATEGORY_LIST = "list_category";
    public static final String STATUS_LIST = "list_status";
    public static final String POLLUTANT_LIST = "list_pollutant";

    private final ReferenceData reference;
    private final String version;

    /** @param version the program's version, stamped on the template */
    public TemplateWriter(ReferenceData reference, String version) {
        this.reference = reference;
        this.version = version;
    }

    /** The version stamp written into the guide sheet and the document properties. */
    public String stamp(FileKind kind) {
        return "模板 " + kind.title() + " " + reference.year() + "年；" + version + "；参考数据版本 " + reference.version();
    }

    public void write(FileKind kind, City city, Path out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Font bold = wb.createFont();
            bold.setBold(true);
            XSSFSheet data = wb.createSheet(kind.title());
            XSSFSheet guide = wb.createSheet(GUIDE_SHEET);
            XSSFSheet lists = wb.createSheet(LIST_SHEET);
            writeLists(wb, lists);
            wb.setSheetHidden(wb.getSheetIndex(lists), true);
            List<Field> fields = columns(kind);
            writeData(wb, data, kind, fields, city, bold);
            writeGuide(wb, guide, kind, fields, city, bold);
            printLayout(data);
            guide.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            guide.getPrintSetup().setFitWidth((short) 1);
            guide.getPrintSetup().setFitHeight((short) 0);
            guide.setFitToPage(true);
            wb.setActiveSheet(0);
            POIXMLProperties props = wb.getProperties();
            props.getCoreProperties().setTitle(reference.year() + "年" + (city == null ? "" : city.name() + "市") + kind.title());
            props.getCoreProperties().setCreator(version);
            props.getCustomProperties().addProperty("template-version", stamp(kind));
            Path part = out.resolveSibling(out.getFileName() + ".part");
            try (OutputStream o = Files.newOutputStream(part)) {
                wb.write(o);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** One column per list, each under a workbook-level name that the validations refer to. */
    private void writeLists(XSSFWorkbook wb, XSSFSheet sheet) {
        List<List<String>> columns = List.of(
                reference.cities().stream().map(City::name).toList(),
                reference.categories().stream().map(Category::name).toList(),
                java.util.Arrays.stream(ProjectStatus.values()).map(ProjectStatus::chineseName).toList(),
                reference.pollutants().stream().map(Pollutant::written).toList());
        List<String> names = List.of(CITY_LIST, CATEGORY_LIST, STATUS_LIST, POLLUTANT_LIST);
        for (int c = 0; c < columns.size(); c++) {
            List<String> values = columns.get(c);
            for (int r = 0; r < values.size(); r++) {
                Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
                row.createCell(c).setCellValue(values.get(r));
            }
            Name name = wb.createName();
            name.setNameName(names.get(c));
            String col = CellReference.convertNumToColString(c);
            name.setRefersToFormula("'" + LIST_SHEET + "'!$" + col + "$1:$" + col + "$" + values.size());
            sheet.setColumnWidth(c, 34 * 256);
        }
    }

    /**
     * The columns in docs/input-format.md's order, a claim column per pollutant of the plan year: 备注 last in both
     * kinds (Field lists it among the project columns).
     */
    public List<Field> columns(FileKind kind) {
        List<Field> fields = new ArrayList<>(Field.of(kind, Field.claims(reference.claimPollutants())));
        fields.remove(Field.REMARKS);
        fields.add(Field.REMARKS);
        return List.copyOf(fields);
    }

    private void writeData(XSSFWorkbook wb, XSSFSheet sheet, FileKind kind, List<Field> fields, City city, Font bold) {
        XSSFCellStyle header = wb.createCellStyle();
        header.setFont(bold);
        header.setAlignment(HorizontalAlignment.CENTER);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setWrapText(true);
        header.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xDD, (byte) 0xEB, (byte) 0xF7}, null));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        XSSFCellStyle requiredHeader = wb.createCellStyle();
        requiredHeader.cloneStyleFrom(header);
        requiredHeader.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xFC, (byte) 0xE4, (byte) 0xD6}, null));
        var formats = wb.createDataFormat();
        CellStyle text = wb.createCellStyle();
        text.setDataFormat(formats.getFormat("@"));
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        date.setAlignment(HorizontalAlignment.CENTER);
        CellStyle number = wb.createCellStyle();
        number.setDataFormat(formats.getFormat("#,##0.00##"));
        CellStyle general = wb.createCellStyle();

        Row top = sheet.createRow(0);
        top.setHeightInPoints(32);
        DataValidationHelper dv = sheet.getDataValidationHelper();
        for (int c = 0; c < fields.size(); c++) {
            Field f = fields.get(c);
            Cell cell = top.createCell(c);
            cell.setCellValue(headerText(f));
            cell.setCellStyle(f.isRequired() ? requiredHeader : header);
            sheet.setColumnWidth(c, Math.max(width(f), shownWidth(headerText(f)) + 2) * 256);
            CellStyle columnStyle = switch (type(f)) {
                case DATE -> date;
                case NUMBER -> number;
                case TEXT -> text;
                case LIST -> general;
            };
            sheet.setDefaultColumnStyle(c, columnStyle);
            CellRangeAddressList range = new CellRangeAddressList(1, ROWS, c, c);
            DataValidationConstraint constraint = switch (type(f)) {
                case LIST -> dv.createFormulaListConstraint(listName(f));
                case DATE -> dv.createDateConstraint(OperatorType.BETWEEN, "DATE(2000,1,1)", "DATE(2099,12,31)",
                        "yyyy-MM-dd");
                case NUMBER -> dv.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null);
                case TEXT -> f == Field.CREDIT_CODE ? dv.createTextLengthConstraint(OperatorType.EQUAL, "18", null) : null;
            };
            if (constraint == null) {
                continue;
            }
            DataValidation validation = dv.createValidation(constraint, range);
            validation.createPromptBox(f.columnName(), prompt(f));
            validation.setShowPromptBox(true);
            validation.setEmptyCellAllowed(true);
            validation.setShowErrorBox(true);
            // a credit code with a wrong length is only a warning in the rules, so Excel only warns too
            validation.setErrorStyle(f == Field.CREDIT_CODE ? DataValidation.ErrorStyle.WARNING
                    : DataValidation.ErrorStyle.STOP);
            validation.createErrorBox(f.columnName() + " 填写有误", prompt(f));
            sheet.addValidationData(validation);
        }
        sheet.createFreezePane(0, 1);
        if (city != null) {
            prefillCity(sheet, kind, fields, city, text);
        }
    }

    private void prefillCity(XSSFSheet sheet, FileKind kind, List<Field> fields, City city, CellStyle text) {
        int cityColumn = fields.indexOf(Field.CITY);
        if (kind == FileKind.EMISSIONS) {
            int pollutantColumn = fields.indexOf(Field.POLLUTANT);
            int r = 1;
            for (Pollutant p : reference.pollutants()) {
                Row row = sheet.createRow(r++);
                row.createCell(cityColumn).setCellValue(city.name());
                row.createCell(pollutantColumn).setCellValue(p.written());
            }
            return;
        }
        String last = CellReference.convertNumToColString(fields.size() - 1);
        for (int r = 1; r <= cityRows(city); r++) {
            int n = r + 1;
            List<String> others = new ArrayList<>();
            if (cityColumn > 0) {
                others.add("A" + n + ":" + CellReference.convertNumToColString(cityColumn - 1) + n);
            }
            others.add(CellReference.convertNumToColString(cityColumn + 1) + n + ":" + last + n);
            Row row = sheet.createRow(r);
            Cell cell = row.createCell(cityColumn);
            cell.setCellFormula("IF(COUNTA(" + String.join(",", others) + ")=0,\"\",\"" + city.name() + "\")");
        }
    }

    /**
     * Rows whose 设区市 fills itself in: the city's planned projects (annex 4) and a margin. Not all of the
     * template's rows, because each such row is stored in the file and counted as a blank, ignored row.
     */
    public int cityRows(City city) {
        return Math.min(ROWS, reference.planned(city.code(), Category.TOTAL) + 100);
    }

    private enum Type { TEXT, LIST, DATE, NUMBER }

    private static Type type(Field f) {
        if (f == Field.CITY || f == Field.CATEGORY || f == Field.STATUS || f == Field.POLLUTANT) {
            return Type.LIST;
        }
        if (f == Field.PLANNED_COMPLETION || f == Field.ACTUAL_COMPLETION) {
            return Type.DATE;
        }
        return f.isClaim() || f == Field.INVESTMENT || f == Field.BASE_T || f == Field.REPORTING_T ? Type.NUMBER
                : Type.TEXT;
    }

    private static String listName(Field f) {
        return f == Field.CITY ? CITY_LIST : f == Field.CATEGORY ? CATEGORY_LIST : f == Field.STATUS ? STATUS_LIST
                : POLLUTANT_LIST;
    }

    /** The header as docs/input-format.md writes it: 总投资（万元）, VOCs减排量（吨/年）, 基准年排放量（吨）. */
    public static String headerText(Field f) {
        return f.label();
    }

    /** Character widths as Excel shows them: a Chinese character or full-width bracket takes two. */
    private static int shownWidth(String text) {
        return text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
    }

    /** Printed or saved as PDF: landscape, every column on one page width, the headings on every page. */
    private static void printLayout(XSSFSheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    }

    private static int width(Field f) {
        if (f == Field.PROJECT_NAME || f == Field.RESPONSIBLE_UNIT) {
            return 30;
        }
        if (f == Field.CATEGORY) {
            return 28;
        }
        if (f == Field.CREDIT_CODE) {
            return 22;
        }
        if (f == Field.REMARKS) {
            return 24;
        }
        return f == Field.CITY || f == Field.STATUS || f == Field.POLLUTANT ? 11 : 14;
    }

    /** The input message shown when a cell of the column is selected (Excel allows 255 characters). */
    public String prompt(Field f) {
        String required = f.isRequired() ? "必填。" : "选填。";
        return required + (f.isClaim() ? "单位：" + Pollutant.CLAIM_UNIT + "；0 或正数，空白按 0 计。" : PROMPTS.get(f.key())
                .replace("{categories}", String.valueOf(reference.categories().size()))
                .replace("{pollutants}", String.join("、", reference.pollutants().stream().map(Pollutant::written).toList()))
                .replace("{base_year}", String.valueOf(reference.baseYear())));
    }

    /** What each column holds, by its key; {placeholders} are the plan year's own figures. */
    private static final Map<String, String> PROMPTS = Map.ofEntries(
            Map.entry(Field.PROJECT_ID.key(), "本年度内唯一的项目编号，如 NJ-2020-001。"),
            Map.entry(Field.CITY.key(), "从下拉列表选择设区市。"),
            Map.entry(Field.DISTRICT.key(), "县（市、区）名称，如 江宁区。"),
            Map.entry(Field.PROJECT_NAME.key(), "项目全称。"),
            Map.entry(Field.RESPONSIBLE_UNIT.key(), "负责实施的单位全称。"),
            Map.entry(Field.CREDIT_CODE.key(), "18位统一社会信用代码；校验位错误只提示，不退回。"),
            Map.entry(Field.CATEGORY.key(), "从下拉列表选择附件4的{categories}类项目之一。"),
            Map.entry(Field.STATUS.key(), "从下拉列表选择：未开工、在建、已完成。"),
            Map.entry(Field.PLANNED_COMPLETION.key(), "日期，如 2020-06-30。"),
            Map.entry(Field.ACTUAL_COMPLETION.key(), "日期，如 2020-06-30；进展状态为已完成时必填。"),
            Map.entry(Field.INVESTMENT.key(), "单位：万元；0 或正数。"),
            Map.entry(Field.POLLUTANT.key(), "从下拉列表选择：{pollutants}。"),
            Map.entry(Field.SECTOR.key(), "排放源类别，如 工业源、移动源、生活源。"),
            Map.entry(Field.BASE_T.key(), "{base_year}年排放量，单位：吨；0 或正数。"),
            Map.entry(Field.REPORTING_T.key(), "核算年排放量，单位：吨；0 或正数。"),
            Map.entry(Field.REMARKS.key(), "其他说明。"));

    private void writeGuide(XSSFWorkbook wb, XSSFSheet sheet, FileKind kind, List<Field> fields, City city, Font bold) {
        CellStyle wrapped = wb.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        CellStyle title = wb.createCellStyle();
        title.setFont(bold);
        sheet.setColumnWidth(0, 110 * 256);
        List<String> lines = new ArrayList<>();
        lines.add((city == null ? "" : city.name() + "市 ") + reference.year() + "年大气污染防治" + kind.title() + " 填报说明");
        lines.add("版本：" + stamp(kind));
        lines.add("1. 在「" + kind.title() + "」工作表第2行起逐行填写，每行一条"
                + (kind == FileKind.PROJECTS ? "项目" : "设区市、污染物（及排放源类别）的排放量")
                + "。不要修改、删除或移动第1行的列标题，不要插入合并单元格。");
        lines.add("2. 表头底色较深的列为必填。带下拉箭头的列请从列表中选择；日期列填写如 2020-06-30 的日期；数值列只填数字，单位见列标题。");
        if (city != null) {
            lines.add(kind == FileKind.PROJECTS
                    ? "3. 本模板已设定设区市为「" + city.name() + "」：前 " + cityRows(city) + " 行中，某行填写任何内容后，"
                            + "设区市一栏会自动显示（更多的行请从下拉列表选择设区市）。空白行不计入，也不算作读取的行；由程序（openpyxl、pandas 等）填写、未保存公式结果时，设区市按本行内容算出。"
                    : "3. 本模板已填好「" + city.name() + "」三种污染物各一行，请填写排放量；分排放源报送的可增加行。");
        }
        lines.add("各列说明：");
        for (Field f : fields) {
            lines.add("· " + f.label() + "：" + prompt(f));
        }
        lines.addAll(cn.js.reduction.discover.AcceptedForms.lines(kind)); // issue 16: every accepted form, for the clerk
        lines.add("报送前请自检：java -jar reduction-accounting.jar validate 文件名.xlsx ，程序按正式核算的规则逐行检查，"
                + "并生成标注了问题单元格的「校验结果_文件名.xlsx」。");
        lines.add("报送文件名建议：" + (city == null ? "南京" : city.name()) + "_" + kind.title() + "_" + reference.year()
                + "1215.xlsx（末尾为报送日期）；同一城市、同一类型只采用最新报送的文件。");
        lines.add("各项规则的编码和含义见程序的 rules 命令或核算反馈工作簿中的「规则说明」工作表。");
        for (int i = 0; i < lines.size(); i++) {
            Row row = sheet.createRow(i);
            Cell cell = row.createCell(0);
            cell.setCellValue(lines.get(i));
            cell.setCellStyle(i == 0 ? title : wrapped);
            row.setHeightInPoints(Math.max(15, RowWriter.estimatedLines(lines.get(i), 110) * RowWriter.LINE_HEIGHT + 3));
        }
    }
}
