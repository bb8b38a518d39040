package cn.js.reduction.report;

import cn.js.reduction.clerk.Annotator;
import cn.js.reduction.operations.ReductionAccountingApplication;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceDataLoader;
import cn.js.reduction.report.data.Scope;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbooks of a run of the bundled sample, their cached values removed and recalculated by a spreadsheet
 * engine, against the run's CSVs: by POI's formula evaluator (every workbook), and by LibreOffice where it is
 * installed (the province workbook and one city's). LibreOffice is looked for on the PATH ({@code soffice}); where it
 * is missing that test is reported as skipped, never passed, and with {@code REDUCTION_TEST_REQUIRE_SOFFICE=1} (as
 * .ci/run sets it) it fails instead.
 */
public class RecalculatedWorkbooksTest {

    @TempDir
    static Path dir;
    static Path run;
    static ReferenceData reference;

    @BeforeAll
    static void runTheSample() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ReductionAccountingApplication.execute(new String[]{"run", "--year", "2020", "--input", "input",
                        "--output", dir.resolve("output").toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path mode = dir.resolve("output/2020/nightly");
        run = mode.resolve(Files.readString(mode.resolve("LATEST")).trim());
        reference = ReferenceDataLoader.load(2020);
    }

    @Test
    void everyWorkbookRecalculatedByPoiGivesTheCsvsFigures() throws IOException {
        int compared = 0;
        compared += recalculateWithPoi(run.resolve(Scope.PROVINCE_WORKBOOK), null);
        for (City city : reference.cities()) {
            compared += recalculateWithPoi(run.resolve("cities").resolve(Scope.cityWorkbook(city)), city.code());
        }
        // 项目统计 9, 项目汇总 3 × 19 and 减排核算 30 figures per city, for the province and again in each city's
        assertThat(compared).isEqualTo(2 * 13 * (9 * 19 + 3 * 19 + 30) + (9 * 19 + 3 * 19 + 30));
    }

    /**
     * Loads the workbook once, removes its cached values in memory and lets POI's evaluator compute every formula cell
     * of it ({@link PoiRecalculation}: POI's WorkbookEvaluator reading each constant cell once). It used to write the
     * bare copy to disk and load it again, the same cells at three times the XML parsing (the copy on disk is only
     * needed by LibreOffice, below), and to read the detail sheets' cells through POI's XML beans on every COUNTIFS.
     */
    private int recalculateWithPoi(Path workbook, String cityCode) throws IOException {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            RecalculatedFigures.removeCachedValues(wb, workbook);
            assertThat(PoiRecalculation.evaluateAllFormulaCells(wb)).isGreaterThan(200);
            return RecalculatedFigures.assertEqualsCsvs(wb, run, reference, cityCode);
        }
    }

    /**
     * {@link PoiRecalculation} leaves in every formula cell what POI's own {@code evaluateAllFormulaCells} does: on the
     * smallest city workbook of the run (every formula cell of every sheet, the same result type and value), so that
     * the test above checks the figures POI computes.
     */
    @Test
    void poiRecalculationGivesWhatPoisOwnEvaluationGives() throws IOException {
        Path smallest = null;
        for (City city : reference.cities()) {
            Path p = run.resolve("cities").resolve(Scope.cityWorkbook(city));
            if (smallest == null || Files.size(p) < Files.size(smallest)) {
                smallest = p;
            }
        }
        try (InputStream a = Files.newInputStream(smallest); XSSFWorkbook viaView = new XSSFWorkbook(a);
             InputStream b = Files.newInputStream(smallest); XSSFWorkbook viaPoi = new XSSFWorkbook(b)) {
            RecalculatedFigures.removeCachedValues(viaView, smallest);
            RecalculatedFigures.removeCachedValues(viaPoi, smallest);
            int evaluated = PoiRecalculation.evaluateAllFormulaCells(viaView);
            XSSFFormulaEvaluator.evaluateAllFormulaCells(viaPoi);
            int formulas = 0;
            for (int s = 0; s < viaPoi.getNumberOfSheets(); s++) {
                for (Row row : viaPoi.getSheetAt(s)) {
                    for (org.apache.poi.ss.usermodel.Cell expected : row) {
                        if (expected.getCellType() != org.apache.poi.ss.usermodel.CellType.FORMULA) {
                            continue;
                        }
                        XSSFCell actual = viaView.getSheetAt(s).getRow(row.getRowNum()).getCell(expected.getColumnIndex());
                        assertThat(actual.getCTCell().xmlText()).as(smallest.getFileName() + " " + viaPoi.getSheetName(s) + "!"
                                + expected.getAddress()).isEqualTo(((XSSFCell) expected).getCTCell().xmlText());
                        formulas++;
                    }
                }
            }
            assertThat(formulas).isEqualTo(evaluated).isGreaterThan(200);
        }
    }

    /**
     * Every rejection and every finding about a file of the province workbook links to what it concerns, and the link
     * resolves from the run folder: a rejected row's cell to the city's workbook (relative path, existing, its sheet
     * existing, the cell there marked and commented with that rule, on the row of that original row number); a
     * warning on a row that counts to the row in 项目明细 / 排放明细 that names the same file and row; a finding
     * about a file as a whole to the file's row on 运行信息.
     */
    @Test
    void theProvincesRejectionsAndFindingsLinkToCellsThatExist() throws IOException {
        Map<Path, XSSFWorkbook> cities = new HashMap<>();
        try (InputStream in = Files.newInputStream(run.resolve(Scope.PROVINCE_WORKBOOK));
             XSSFWorkbook province = new XSSFWorkbook(in)) {
            XSSFSheet rejections = province.getSheet("退回记录");
            int intoCities = 0;
            for (int r = 1; r <= rejections.getLastRowNum(); r++) {
                Row row = rejections.getRow(r);
                XSSFHyperlink link = (XSSFHyperlink) row.getCell(3).getHyperlink();
                assertThat(link).as("退回记录 row " + (r + 1) + " is linked").isNotNull();
                assertAnnotated(link, row.getCell(5).getStringCellValue(), (int) row.getCell(2).getNumericCellValue(),
                        Annotator.ERROR_FILL, cities);
                intoCities++;
            }
            // 8 since issue 22: 徐州's 颗粒物 row is information the plan does not account (POLLUTANT_NOT_ACCOUNTED), ignored
            assertThat(intoCities).as("the sample's 8 rejected rows").isEqualTo(8);

            XSSFSheet findings = province.getSheet("问题清单");
            Map<String, Integer> kinds = new TreeMap<>();
            for (int r = 1; r <= findings.getLastRowNum(); r++) {
                Row row = findings.getRow(r);
                String file = row.getCell(4).getStringCellValue();
                if (file.isEmpty()) {
                    continue; // the reconciliation's findings concern a city's figures, not an input
                }
                String rule = row.getCell(1).getStringCellValue();
                XSSFHyperlink link = (XSSFHyperlink) (row.getCell(7).getHyperlink() != null ? row.getCell(7).getHyperlink()
                        : row.getCell(4).getHyperlink());
                assertThat(link).as("问题清单 row " + (r + 1) + " (" + rule + ") is linked").isNotNull();
                if (link.getType() == HyperlinkType.FILE) {
                    assertAnnotated(link, rule, (int) row.getCell(6).getNumericCellValue(),
                            "错误".equals(row.getCell(0).getStringCellValue()) ? Annotator.ERROR_FILL : Annotator.WARNING_FILL,
                            cities);
                    kinds.merge("city", 1, Integer::sum);
                    continue;
                }
                CellReference at = new CellReference(link.getAddress());
                XSSFSheet sheet = province.getSheet(at.getSheetName());
                assertThat(sheet).as(link.getAddress()).isNotNull();
                Row target = sheet.getRow(at.getRow());
                if (at.getSheetName().equals("运行信息")) {
                    assertThat(target.getCell(0).getStringCellValue()).isEqualTo(file);
                    kinds.merge("file", 1, Integer::sum);
                } else {
                    assertThat(at.getSheetName()).isIn("项目明细", "排放明细");
                    Map<String, Integer> columns = new HashMap<>();
                    sheet.getRow(0).forEach(c -> columns.put(c.getStringCellValue(), c.getColumnIndex()));
                    assertThat(target.getCell(columns.get("来源文件")).getStringCellValue()).isEqualTo(file);
                    assertThat(target.getCell(columns.get("行号")).getNumericCellValue())
                            .isEqualTo(row.getCell(6).getNumericCellValue());
                    assertThat(target.getCell(columns.get("单元格范围")).getStringCellValue()).matches("[A-Z]+\\d+:[A-Z]+\\d+");
                    kinds.merge("detail", 1, Integer::sum);
                }
            }
            // the sample: 9 errors in the cities' workbooks, 3 warnings on rows that count; on the files' rows 1
            // superseded file and 苏州's 2 columns not read (联系人, 联系电话: COLUMN_NOT_READ, issue 16)
            // since issue 22: 8 errors (徐州's 颗粒物 row is ignored with an INFO, linked to its file's row); the INFO
            // VALUE_INTERPRETED of counted rows (795 of 南通, 泰州, 盐城: 2020年6月, 已建成 …) link to their detail
            // rows, the two on rows rejected for another reason to their file's row
            assertThat(kinds).containsEntry("city", 8).containsEntry("detail", 3 + 795).containsEntry("file", 3 + 3);
        } finally {
            for (XSSFWorkbook wb : cities.values()) {
                wb.close();
            }
        }
    }

    /** The link goes to a cell of a city's workbook that carries the rule's mark and comment, on the row it names. */
    private static void assertAnnotated(XSSFHyperlink link, String rule, int originalRow, String fill,
                                        Map<Path, XSSFWorkbook> cities) throws IOException {
        assertThat(link.getType()).isEqualTo(HyperlinkType.FILE);
        // POI reads the link back as Excel shows it: cities/feedback_320800_淮安.xlsx#'原表标注'!J5
        String address = link.getAddress();
        assertThat(address).as("relative to the run folder").startsWith("cities/").contains(".xlsx#'");
        String location = address.substring(address.indexOf('#') + 1);
        Path file = run.resolve(address.substring(0, address.indexOf('#')));
        assertThat(file).as(address).isRegularFile();
        XSSFWorkbook city = cities.get(file);
        if (city == null) {
            try (InputStream in = Files.newInputStream(file)) {
                city = new XSSFWorkbook(in);
            }
            cities.put(file, city);
        }
        CellReference at = new CellReference(location);
        XSSFSheet sheet = city.getSheet(at.getSheetName());
        assertThat(sheet).as(address).isNotNull();
        XSSFCell cell = sheet.getRow(at.getRow()).getCell(at.getCol());
        assertThat(cell.getCellComment()).as(address + " is commented").isNotNull();
        assertThat(cell.getCellComment().getString().getString()).contains(rule);
        assertThat(cell.getCellStyle().getFillForegroundColorColor().getARGBHex()).endsWith(fill);
        assertThat(sheet.getRow(at.getRow()).getCell(0).getNumericCellValue()).as("the original row number")
                .isEqualTo(originalRow);
    }

    @Test
    void theProvinceAndACityRecalculatedByLibreOfficeGiveTheCsvsFigures() throws Exception {
        String soffice = onPath("soffice");
        if (soffice == null) {
            assertThat(System.getenv("REDUCTION_TEST_REQUIRE_SOFFICE")).as("LibreOffice (soffice) is required here but not on the PATH")
                    .isNotEqualTo("1");
            Assumptions.abort("soffice is not on the PATH: install LibreOffice Calc (libreoffice-calc-nogui) to run this test");
        }
        City city = reference.cities().get(0);
        List<Path> workbooks = List.of(run.resolve(Scope.PROVINCE_WORKBOOK),
                run.resolve("cities").resolve(Scope.cityWorkbook(city)));
        Path bare = Files.createDirectories(dir.resolve("lo-in"));
        Path converted = Files.createDirectories(dir.resolve("lo-out"));
        List<String> command = new ArrayList<>(List.of(soffice, "-env:UserInstallation=" + profile().toUri(),
                "--headless", "--norestore", "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", converted.toString()));
        for (int i = 0; i < workbooks.size(); i++) {
            command.add(RecalculatedFigures.withoutCachedValues(workbooks.get(i), bare.resolve("w" + i + ".xlsx")).toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("soffice finished").isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("soffice.log"))).isZero();
        for (int i = 0; i < workbooks.size(); i++) {
            try (InputStream in = Files.newInputStream(converted.resolve("w" + i + ".xlsx")); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                assertThat(RecalculatedFigures.assertEqualsCsvs(wb, run, reference, i == 0 ? null : city.code())).isPositive();
            }
        }
    }

    /** A LibreOffice profile of its own that recalculates every formula of an .xlsx on load (its default is never). */
    private static Path profile() throws IOException {
        Path user = Files.createDirectories(dir.resolve("lo-profile/user"));
        Files.writeString(user.resolve("registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
                <value>0</value></prop></item>
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
                <value>0</value></prop></item>
                </oor:items>
                """);
        return dir.resolve("lo-profile");
    }

    private static String onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
