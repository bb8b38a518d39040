package cn.js.reduction.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.operations.ReductionAccountingApplication;
import java.io.ByteArrayOutputStream;
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
import java.util.Set;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled sample run twice, from scratch, into the same output folder: the CSVs are byte-identical, and every
 * workbook has the same sheets and, cell by cell, the same value, formula and style. Only the run's own times
 * (运行信息's 开始时间 and 结束时间) may differ.
 */
public class ReproducibleOutputsTest {

    private static final Set<String> RUN_TIMES = Set.of("开始时间", "结束时间");

    @TempDir
    Path dir;

    @Test
    void theSameInputsGiveTheSameCsvsAndWorkbooks() throws IOException {
        Path first = runInto(dir.resolve("first"));
        Path second = runInto(dir.resolve("second"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(first)) {
            files = s.filter(Files::isRegularFile).map(first::relativize).sorted().toList();
        }
        int workbooks = 0;
        for (Path file : files) {
            String name = file.toString();
            if (name.endsWith(".csv") && !name.equals("manifest.csv")) {
                assertThat(Files.readAllBytes(second.resolve(file))).as(name).isEqualTo(Files.readAllBytes(first.resolve(file)));
            } else if (name.endsWith(".xlsx")) {
                assertSameCells(first.resolve(file), second.resolve(file));
                workbooks++;
            }
        }
        assertThat(workbooks).isEqualTo(14);
    }

    /** Runs the sample into {@code output}, moves the run folder to {@code aside} and deletes the rest. */
    private Path runInto(Path aside) throws IOException {
        Path output = dir.resolve("output");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = ReductionAccountingApplication.execute(new String[]{"run", "--year", "2020", "--input", "input",
                        "--output", output.toString()}, Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        Path mode = output.resolve("2020/nightly");
        Files.move(mode.resolve(Files.readString(mode.resolve("LATEST")).trim()), aside);
        try (Stream<Path> s = Files.walk(output)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        return aside;
    }

    private static void assertSameCells(Path a, Path b) throws IOException {
        try (InputStream ia = Files.newInputStream(a); InputStream ib = Files.newInputStream(b);
             XSSFWorkbook wa = new XSSFWorkbook(ia); XSSFWorkbook wb = new XSSFWorkbook(ib)) {
            assertThat(names(wb)).as(a.getFileName().toString()).isEqualTo(names(wa));
            for (Sheet sa : wa) {
                Sheet sb = wb.getSheet(sa.getSheetName());
                assertThat(sb.getLastRowNum()).isEqualTo(sa.getLastRowNum());
                assertThat(sb.getSheetConditionalFormatting().getNumConditionalFormattings())
                        .isEqualTo(sa.getSheetConditionalFormatting().getNumConditionalFormattings());
                Map<CellAddress, String> linksA = links(sa);
                Map<CellAddress, String> linksB = links(sb);
                for (Row ra : sa) {
                    Row rb = sb.getRow(ra.getRowNum());
                    boolean runTime = ra.getCell(0) != null && ra.getCell(0).getCellType() == CellType.STRING
                            && RUN_TIMES.contains(ra.getCell(0).getStringCellValue());
                    assertThat(rb).isNotNull();
                    assertThat(rb.getLastCellNum()).isEqualTo(ra.getLastCellNum());
                    for (Cell ca : ra) {
                        Cell cb = rb.getCell(ca.getColumnIndex());
                        String where = a.getFileName() + " " + sa.getSheetName() + "!" + ca.getAddress();
                        assertThat(describe(cb, runTime, linksB)).as(where).isEqualTo(describe(ca, runTime, linksA));
                    }
                }
            }
        }
    }

    private static List<String> names(XSSFWorkbook wb) {
        List<String> names = new ArrayList<>();
        wb.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    /**
     * Every cell's hyperlink address as {@code Cell.getHyperlink()} gives it: the first of the sheet's hyperlinks whose
     * range holds the cell. Read once a sheet: {@code getHyperlink()} looks through all of the sheet's hyperlinks for
     * every cell it is asked about, and the detail sheets have thousands of cells and links (it was a quarter of this
     * test's time).
     */
    private static Map<CellAddress, String> links(Sheet sheet) {
        Map<CellAddress, String> links = new HashMap<>();
        for (Hyperlink link : sheet.getHyperlinkList()) {
            for (int r = link.getFirstRow(); r <= link.getLastRow(); r++) {
                for (int c = link.getFirstColumn(); c <= link.getLastColumn(); c++) {
                    links.putIfAbsent(new CellAddress(r, c), link.getAddress());
                }
            }
        }
        return links;
    }

    /** Type, value (unless a run time), formula, the style's visible parts and the hyperlink ({@link #links}). */
    private static String describe(Cell c, boolean runTime, Map<CellAddress, String> links) {
        XSSFCellStyle s = (XSSFCellStyle) c.getCellStyle();
        XSSFColor fill = s.getFillForegroundColorColor();
        String value = switch (c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType()) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> runTime ? "(time)" : String.valueOf(c.getNumericCellValue());
            case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
            default -> "";
        };
        return c.getCellType() + "|" + value + "|" + (c.getCellType() == CellType.FORMULA ? c.getCellFormula() : "")
                + "|" + s.getDataFormatString() + "|" + (fill == null ? "" : fill.getARGBHex()) + "|" + s.getFont().getBold()
                + "|" + s.getQuotePrefixed() + "|" + s.getAlignment() + "|" + s.getBorderTop() + "|" + s.getWrapText()
                + "|" + links.getOrDefault(c.getAddress(), "");
    }
}
