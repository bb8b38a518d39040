package cn.js.reduction.operations;

import cn.js.reduction.clerk.Annotator;
import cn.js.reduction.clerk.TemplateWriter;
import cn.js.reduction.core.FileKind;
import cn.js.reduction.discover.Field;
import cn.js.reduction.intake.ReferenceFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** validate, template and rules as a city clerk uses them: exit codes, what is printed, the workbooks written. */
class ClerkCommandsTest {

    @TempDir
    Path dir;

    /** A project list as a clerk makes it: a title row, the header in row 2, a good row, a faulty one, a warned one, a total. */
    static final List<List<String>> PROJECT_ROWS = List.of(
            List.of("南京市2020年大气污染防治项目清单"),
            Field.of(FileKind.PROJECTS, Field.claims(ReferenceFixture.jiangsu2020().claimPollutants())).stream().map(Field::label).toList(),
            List.of("NJ-001", "南京", "江宁区", "锅炉改造一期", "南京某公司", "", "锅炉提标改造项目", "已完成", "2020-06-30",
                    "2020-05-31", "100", "1.5", "2", "3", "0.5", ""),
            List.of("NJ-002", "南京", "", "", "南京某厂", "", "锅炉提标改造项目", "在建", "2020-12-31", "", "", "约12吨",
                    "0", "0", "0", ""),
            List.of("NJ-003", "南京市", "玄武区", "工地扬尘", "南京某建设公司", "ABC", "施工工地扬尘治理", "未开工", "2020年10月",
                    "", "", "", "", "", "", ""),
            List.of("合计"));

    private Path projectXlsx(String name) throws Exception {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = wb.createSheet("项目清单");
            for (int r = 0; r < PROJECT_ROWS.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = PROJECT_ROWS.get(r);
                for (int c = 0; c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
            }
            sheet.setColumnWidth(0, 20 * 256);
            wb.createSheet("填表人").createRow(0).createCell(0).setCellValue("张三 025-12345678");
            wb.write(out);
        }
        return file;
    }

    @Test
    void validateReportsRowsAndRulesAndReturnsTheClerksWorkbookAnnotated() throws Exception {
        Path file = projectXlsx("南京_项目清单_20201215.xlsx");
        String before = sha256(file);
        Path out = dir.resolve("checked");
        Cli.Result r = Cli.run(List.of("validate", file.toString(), "--output", out.toString()));

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("项目清单，工作表「项目清单」，表头在第2行")
                .contains("读取 4 行：接受 2，退回 1，忽略 1")
                .containsPattern("REQUIRED_MISSING\\s+必填项为空\\s+1")
                .containsPattern("BAD_NUMBER\\s+数值格式错误\\s+1")
                .containsPattern("BAD_CREDIT_CODE\\s+统一社会信用代码校验位错误\\s+1")
                .contains("错误 2 条，警告 1 条");
        assertThat(sha256(file)).as("the clerk's file is never written to").isEqualTo(before);
        try (var written = Files.walk(dir)) {
            assertThat(written.map(p -> p.getFileName().toString()))
                    .as("no database, not even the embedded one").noneMatch(n -> n.endsWith(".db") || n.equals(".state"));
        }

        Path returned = out.resolve("校验结果_南京_项目清单_20201215.xlsx");
        try (XSSFWorkbook wb = open(returned)) {
            // their sheets and layout kept, ours added
            assertThat(sheetNames(wb)).containsExactly("项目清单", "填表人", "问题清单", "规则说明");
            XSSFSheet sheet = wb.getSheet("项目清单");
            assertThat(sheet.getColumnWidth(0)).isEqualTo(20 * 256);
            assertThat(cell(sheet, "A1").getStringCellValue()).isEqualTo("南京市2020年大气污染防治项目清单");
            assertThat(cell(sheet, "E4").getStringCellValue()).isEqualTo("南京某厂");

            assertThat(fill(cell(sheet, "D4"))).isEqualTo(Annotator.ERROR_FILL);
            assertThat(comment(cell(sheet, "D4"))).contains("错误 REQUIRED_MISSING 必填项为空", "第4行 项目名称（D4）为空")
                    .contains("请填写项目名称").doesNotContain(" | ");
            assertThat(fill(cell(sheet, "L4"))).isEqualTo(Annotator.ERROR_FILL);
            assertThat(comment(cell(sheet, "L4"))).contains("「约12吨」不是有效数字", "应填写数字");
            assertThat(fill(cell(sheet, "F5"))).isEqualTo(Annotator.WARNING_FILL);
            assertThat(comment(cell(sheet, "F5"))).contains("警告 BAD_CREDIT_CODE");
            assertThat(fill(cell(sheet, "A3"))).as("a good row stays as it was").isNull();
            assertThat(cell(sheet, "A3").getCellComment()).isNull();

            XSSFSheet list = wb.getSheet("问题清单");
            // NJ-003's 2020年10月 is said as read: 2020-10-31 (VALUE_INTERPRETED, issue 22)
            assertThat(list.getLastRowNum()).isEqualTo(4);
            List<String> links = List.of(1, 2, 3, 4).stream()
                    .map(i -> list.getRow(i).getCell(6).getHyperlink().getAddress()).toList();
            assertThat(links).containsExactly("'项目清单'!D4", "'项目清单'!L4", "'项目清单'!F5", "'项目清单'!I5");
            assertThat(list.getRow(1).getCell(1).getStringCellValue()).isEqualTo("REQUIRED_MISSING");
            assertThat(wb.getSheet("规则说明").getRow(0).getCell(0).getStringCellValue()).isEqualTo("规则");
        }
    }

    @Test
    void csvIsReturnedAsANewWorkbookOfItsRowsWithTheSameCells() throws Exception {
        Path file = dir.resolve("南京_项目清单.csv");
        String csv = PROJECT_ROWS.stream().map(row -> String.join(",", row)).collect(Collectors.joining("\n")) + "\n";
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("checked");
        Cli.Result r = Cli.run(List.of("validate", file.toString(), "--output", out.toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("读取 4 行：接受 2，退回 1，忽略 1");
        try (XSSFWorkbook wb = open(out.resolve("校验结果_南京_项目清单.xlsx"))) {
            assertThat(sheetNames(wb)).containsExactly("南京_项目清单", "问题清单", "规则说明");
            XSSFSheet sheet = wb.getSheet("南京_项目清单");
            assertThat(cell(sheet, "D2").getStringCellValue()).isEqualTo("项目名称");
            assertThat(fill(cell(sheet, "D4"))).isEqualTo(Annotator.ERROR_FILL);
            assertThat(comment(cell(sheet, "D4"))).contains("REQUIRED_MISSING");
            assertThat(fill(cell(sheet, "F5"))).isEqualTo(Annotator.WARNING_FILL);
            assertThat(wb.getSheet("问题清单").getRow(1).getCell(6).getHyperlink().getAddress())
                    .isEqualTo("'南京_项目清单'!D4");
        }
    }

    /**
     * A clerk who copies a row and forgets to change its id would send a file that the run rejects a row of: the
     * duplicate within a file is found by validate too, on the later row, naming the first. Not across files: the
     * run keeps only the newest file of a city, so its ids never meet another file of the same city's.
     */
    @Test
    void aProjectIdRepeatedInTheFilesCheckedIsFoundByValidate() throws Exception {
        Path file = dir.resolve("南京_项目清单.csv");
        String header = String.join(",", Field.of(FileKind.PROJECTS,
                Field.claims(ReferenceFixture.jiangsu2020().claimPollutants())).stream().map(Field::label).toList());
        Files.writeString(file, header + "\n"
                + "NJ-001,南京,江宁区,锅炉改造一期,南京某公司,,锅炉提标改造项目,在建,2020-12-31,,,,,,,\n"
                + "NJ-002,南京,江宁区,锅炉改造二期,南京某公司,,锅炉提标改造项目,在建,2020-12-31,,,,,,,\n"
                + "NJ-001,南京,江宁区,锅炉改造三期,南京某公司,,锅炉提标改造项目,在建,2020-12-31,,,,,,,\n",
                StandardCharsets.UTF_8);
        Path other = dir.resolve("南京_项目清单_补充.csv");
        Files.writeString(other, header + "\n"
                + "NJ-002,南京,江宁区,锅炉改造四期,南京某公司,,锅炉提标改造项目,在建,2020-12-31,,,,,,,\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("checked");

        Cli.Result r = Cli.run(List.of("validate", file.toString(), other.toString(), "--output", out.toString()));

        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("读取 3 行：接受 2，退回 1，忽略 0", "读取 1 行：接受 1，退回 0，忽略 0",
                "DUPLICATE_PROJECT_ID");
        try (XSSFWorkbook wb = open(out.resolve("校验结果_南京_项目清单.xlsx"))) {
            XSSFSheet sheet = wb.getSheet("南京_项目清单");
            assertThat(fill(cell(sheet, "A4"))).isEqualTo(Annotator.ERROR_FILL);
            assertThat(comment(cell(sheet, "A4"))).contains("DUPLICATE_PROJECT_ID", "「NJ-001」与「南京_项目清单.csv」第2行重复");
            assertThat(fill(cell(sheet, "A2"))).isNull();
        }
    }

    @Test
    void xlsIsReturnedAsANewWorkbookWithItsSheetNames() throws Exception {
        Path file = dir.resolve("南京_项目清单.xls");
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("市区项目");
            for (int r = 0; r < PROJECT_ROWS.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> values = PROJECT_ROWS.get(r);
                for (int c = 0; c < values.size(); c++) {
                    if (!values.get(c).isEmpty()) {
                        row.createCell(c).setCellValue(values.get(c));
                    }
                }
            }
            wb.write(out);
        }
        Path out = dir.resolve("checked");
        Cli.Result r = Cli.run(List.of("validate", file.toString(), "--output", out.toString()));
        assertThat(r.exitCode()).as(r.all()).isEqualTo(1);
        assertThat(r.out()).contains("读取 4 行：接受 2，退回 1，忽略 1", "新的 xlsx");
        try (XSSFWorkbook wb = open(out.resolve("校验结果_南京_项目清单.xlsx"))) {
            assertThat(sheetNames(wb)).containsExactly("市区项目", "问题清单", "规则说明");
            XSSFSheet sheet = wb.getSheet("市区项目");
            assertThat(cell(sheet, "E4").getStringCellValue()).isEqualTo("南京某厂");
            assertThat(fill(cell(sheet, "L4"))).isEqualTo(Annotator.ERROR_FILL);
            assertThat(comment(cell(sheet, "L4"))).contains("BAD_NUMBER", "「约12吨」");
        }
    }

    @Test
    void validateExitCodes() throws Exception {
        Path out = dir.resolve("checked");
        Path good = dir.resolve("good.csv");
        Files.writeString(good, String.join(",", PROJECT_ROWS.get(1)) + "\n" + String.join(",", PROJECT_ROWS.get(2)) + "\n");
        Cli.Result ok = Cli.run(List.of("validate", good.toString(), "--output", out.toString()));
        assertThat(ok.exitCode()).as(ok.all()).isZero();
        assertThat(ok.out()).contains("读取 1 行：接受 1，退回 0，忽略 0", "没有发现问题", "错误 0 条，警告 0 条");

        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.copy(good, folder.resolve("a.csv"));
        Files.copy(good, folder.resolve("b.csv"));
        Cli.Result both = Cli.run(List.of("validate", folder.toString(), "--output", out.toString()));
        assertThat(both.exitCode()).as(both.all()).isZero();
        assertThat(both.out()).contains("a.csv", "b.csv", "共 2 个文件");

        Cli.Result missing = Cli.run(List.of("validate", dir.resolve("nowhere.xlsx").toString()));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file", "nowhere.xlsx");
        assertThat(Cli.run(List.of("validate")).exitCode()).isEqualTo(2);
        assertThat(Cli.run(List.of("validate", good.toString(), "--colour", "red")).exitCode()).isEqualTo(2);
        assertThat(Cli.run(List.of("validate", good.toString(), "--year", "1999")).exitCode()).isEqualTo(2);

        Path corrupt = dir.resolve("损坏.xlsx");
        byte[] real = Files.readAllBytes(projectXlsx("real.xlsx"));
        Files.write(corrupt, java.util.Arrays.copyOf(real, real.length / 3));
        Cli.Result broken = Cli.run(List.of("validate", corrupt.toString(), "--output", out.toString()));
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("FILE_UNREADABLE", "文件无法读取");
        assertThat(broken.all()).doesNotContain("Exception", "\tat ");
        try (XSSFWorkbook wb = open(out.resolve("校验结果_损坏.xlsx"))) {
            assertThat(wb.getSheet("问题清单").getRow(1).getCell(1).getStringCellValue()).isEqualTo("FILE_UNREADABLE");
        }
    }

    @Test
    void templateHasTheHeadersDropDownsFromNamedListsAndChecks() throws Exception {
        Path file = dir.resolve("模板.xlsx");
        Cli.Result r = Cli.run(List.of("template", "--kind", "projects", "--out", file.toString()));
        assertThat(r.exitCode()).as(r.all()).isZero();
        try (XSSFWorkbook wb = open(file)) {
            assertThat(sheetNames(wb)).containsExactly("项目清单", TemplateWriter.GUIDE_SHEET, TemplateWriter.LIST_SHEET);
            assertThat(wb.isSheetHidden(wb.getSheetIndex(TemplateWriter.LIST_SHEET))).isTrue();
            XSSFSheet sheet = wb.getSheet("项目清单");
            Row header = sheet.getRow(0);
            assertThat(java.util.stream.IntStream.range(0, header.getLastCellNum())
                    .mapToObj(c -> header.getCell(c).getStringCellValue()))
                    .containsExactly("项目编号", "设区市", "县（市、区）", "项目名称", "责任单位", "统一社会信用代码", "项目类别",
                            "进展状态", "计划完成时间", "实际完成时间", "总投资（万元）", "VOCs减排量（吨/年）",
                            "二氧化硫减排量（吨/年）", "氮氧化物减排量（吨/年）", "颗粒物减排量（吨/年）", "备注");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            assertThat(listValidation(sheet, "B")).isEqualTo(TemplateWriter.CITY_LIST);
            assertThat(listValidation(sheet, "G")).isEqualTo(TemplateWriter.CATEGORY_LIST);
            assertThat(listValidation(sheet, "H")).isEqualTo(TemplateWriter.STATUS_LIST);
            assertThat(wb.getName(TemplateWriter.CITY_LIST).getRefersToFormula()).isEqualTo("'下拉列表'!$A$1:$A$13");
            assertThat(wb.getName(TemplateWriter.CATEGORY_LIST).getRefersToFormula()).isEqualTo("'下拉列表'!$B$1:$B$18");
            XSSFSheet lists = wb.getSheet(TemplateWriter.LIST_SHEET);
            assertThat(lists.getRow(0).getCell(0).getStringCellValue()).isEqualTo("南京");
            assertThat(lists.getRow(17).getCell(1).getStringCellValue()).isEqualTo("移动源(船舶)排放遥感监测系统项目");

            XSSFDataValidation date = validation(sheet, "I");
            assertThat(date.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DATE);
            assertThat(date.getShowPromptBox()).isTrue();
            assertThat(date.getPromptBoxText()).contains("2020-06-30");
            XSSFDataValidation number = validation(sheet, "L");
            assertThat(number.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.DECIMAL);
            assertThat(number.getPromptBoxText()).contains("吨/年");
            assertThat(wb.getCellStyleAt(sheet.getColumnStyle(8).getIndex()).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(sheet.getColumnWidth(3)).isEqualTo(30 * 256);
            // every heading on one line (a CJK character is two widths): no "（" left at a line's end, no lone "）"
            for (int c = 0; c < header.getLastCellNum(); c++) {
                String heading = header.getCell(c).getStringCellValue();
                int shown = heading.codePoints().map(ch -> ch > 0x2E80 ? 2 : 1).sum();
                assertThat(sheet.getColumnWidth(c)).as(heading).isGreaterThanOrEqualTo((shown + 1) * 256);
            }
            // printed (or saved as PDF): landscape, every column on one page width, the headings on every page
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getPrintSetup().getFitHeight()).isEqualTo((short) 0);
            assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));

            String guide = wb.getSheet(TemplateWriter.GUIDE_SHEET).getRow(1).getCell(0).getStringCellValue();
            assertThat(guide).contains("版本", "2020年", "参考数据版本");
            assertThat(wb.getProperties().getCustomProperties().getProperty("template-version")).isNotNull();
        }
        Cli.Result emissions = Cli.run(List.of("template", "--kind", "emissions", "--out", dir.resolve("e.xlsx").toString()));
        assertThat(emissions.exitCode()).isZero();
        try (XSSFWorkbook wb = open(dir.resolve("e.xlsx"))) {
            XSSFSheet sheet = wb.getSheet("排放量报表");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("基准年排放量（吨）");
            assertThat(listValidation(sheet, "B")).isEqualTo(TemplateWriter.POLLUTANT_LIST);
        }
        assertThat(Cli.run(List.of("template", "--kind", "budget", "--out", file.toString())).exitCode()).isEqualTo(2);
        assertThat(Cli.run(List.of("template", "--kind", "projects")).err()).contains("--out FILE is required");
        assertThat(Cli.run(List.of("template", "--kind", "projects", "--city", "北京", "--out", file.toString())).err())
                .contains("not one of the 13 cities");
    }

    @Test
    void aTemplateFilledInAsItsMessagesSayPassesValidateWithNoFinding() throws Exception {
        Path projects = dir.resolve("南京_项目清单.xlsx");
        assertThat(Cli.run(List.of("template", "--kind", "projects", "--city", "nanjing", "--out", projects.toString()))
                .exitCode()).isZero();
        fill(projects, "项目清单", List.of(
                List.of("NJ-001", "", "江宁区", "锅炉改造一期", "南京某公司", "913212002620628933", "锅炉提标改造项目", "已完成",
                        LocalDate.of(2020, 6, 30), LocalDate.of(2020, 5, 31), 100.5, 1.5, 2, 3, 0.5, "首批"),
                List.of("NJ-002", "", "", "挥发性有机物治理", "南京某厂", "", "治污设施升级改造项目", "在建",
                        LocalDate.of(2020, 12, 31), "", "", "", "", "", "", "")));
        Path emissions = dir.resolve("南京_排放量报表.xlsx");
        assertThat(Cli.run(List.of("template", "--kind", "emissions", "--city", "320100", "--out", emissions.toString()))
                .exitCode()).isZero();
        fill(emissions, "排放量报表", List.of(
                List.of("", "", "工业源", 1000, 720.5, ""), List.of("", "", "", 300, 240, ""), List.of("", "", "", 500, 380, "")));

        Path out = dir.resolve("checked");
        Cli.Result r = Cli.run(List.of("validate", projects.toString(), emissions.toString(), "--output", out.toString()));
        assertThat(r.exitCode()).as(r.all()).isZero();
        assertThat(r.out()).contains("接受 2，退回 0", "接受 3，退回 0").contains("错误 0 条，警告 0 条")
                .doesNotContain("警告 WARNING", "提示 INFO");
        try (XSSFWorkbook wb = open(out.resolve("校验结果_南京_项目清单.xlsx"))) {
            assertThat(wb.getSheet("问题清单").getLastRowNum()).as("no finding listed").isZero();
        }
    }

    @Test
    void rulesCommandPrintsTheCatalogue() {
        Cli.Result r = Cli.run(List.of("rules"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("REQUIRED_MISSING", "必填项为空", "UNKNOWN_UNIT", "示例 example");
        assertThat(Cli.run(List.of("rules", "--markdown")).out()).startsWith("# Rules 规则说明");
        assertThat(Cli.run(List.of("--help")).out()).contains("validate", "template", "rules");
    }

    /** Types values into the data rows below the header, as Excel would store them, and recalculates. */
    private static void fill(Path file, String sheetName, List<List<Object>> rows) throws Exception {
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet sheet = wb.getSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.getRow(r + 1) == null ? sheet.createRow(r + 1) : sheet.getRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof String s && s.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(sheet.getColumnStyle(c)); // Excel gives a typed cell its column's format
                    if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                    } else if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }

    private static String listValidation(XSSFSheet sheet, String column) {
        XSSFDataValidation v = validation(sheet, column);
        assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
        assertThat(v.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
        return v.getValidationConstraint().getFormula1();
    }

    private static XSSFDataValidation validation(XSSFSheet sheet, String column) {
        int col = CellReference.convertColStringToIndex(column);
        return sheet.getDataValidations().stream()
                .filter(v -> java.util.Arrays.stream(v.getRegions().getCellRangeAddresses())
                        .anyMatch(a -> a.getFirstColumn() == col && a.getFirstRow() == 1 && a.getLastRow() >= 1000))
                .findFirst().orElseThrow(() -> new AssertionError("no validation on column " + column));
    }

    static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    static List<String> sheetNames(XSSFWorkbook wb) {
        return java.util.stream.IntStream.range(0, wb.getNumberOfSheets()).mapToObj(wb::getSheetName).toList();
    }

    static XSSFCell cell(XSSFSheet sheet, String ref) {
        CellReference c = new CellReference(ref);
        return sheet.getRow(c.getRow()).getCell(c.getCol());
    }

    /** The cell's fill as RRGGBB, or null when it has none. */
    static String fill(XSSFCell cell) {
        XSSFColor color = cell.getCellStyle().getFillForegroundXSSFColor();
        return color == null || color.getRGB() == null ? null : HexFormat.of().withUpperCase().formatHex(color.getRGB());
    }

    static String comment(XSSFCell cell) {
        assertThat(cell.getCellComment()).as("comment on " + cell.getReference()).isNotNull();
        return cell.getCellComment().getString().getString();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
