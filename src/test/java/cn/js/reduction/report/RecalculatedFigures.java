package cn.js.reduction.report;

import cn.js.reduction.reconcile.CompletionStatus;
import cn.js.reduction.reconcile.CountStatus;
import cn.js.reduction.reconcile.ReductionStatus;
import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.csv.SummaryTables;
import cn.js.reduction.report.sheet.Labels;
import cn.js.reduction.report.workbook.ProjectMatrixSheet;
import cn.js.reduction.report.workbook.ProjectTallySheet;
import cn.js.reduction.report.workbook.ReductionSheet;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a recalculated workbook's figures against the run's CSVs, every column of each: 项目统计 against
 * projects_by_city_category.csv row for row, 项目汇总's planned / submitted / completed per city and category,
 * 减排核算 against reductions_by_city_pollutant.csv. The workbook's figures must be what a spreadsheet program
 * computed from the formulas, not the values the program cached: {@link #withoutCachedValues} removes those first.
 */
public final class RecalculatedFigures {

    private RecalculatedFigures() {
    }

    /** A copy of the workbook whose formula cells hold no cached value: only a recalculation can fill them. */
    static Path withoutCachedValues(Path workbook, Path out) throws IOException {
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            removeCachedValues(wb, workbook);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        return out;
    }

    /**
     * Removes the cached value of every formula cell of the loaded workbook (its {@code <v>} and type), as
     * {@link #withoutCachedValues} does to a copy: what POI's evaluator then leaves in those cells is only what it
     * computed. (POI's evaluator never reads a formula cell's cached value, it evaluates the formula; removing them
     * makes sure a cell it did not evaluate cannot pass with the program's cached figure.)
     *
     * @return the workbook, its formula cells bare
     */
    static XSSFWorkbook removeCachedValues(XSSFWorkbook wb, Path workbook) {
        int formulas = 0;
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        var ct = ((XSSFCell) cell).getCTCell();
                        if (ct.isSetV()) {
                            ct.unsetV();
                        }
                        if (ct.isSetT()) {
                            ct.unsetT();
                        }
                        formulas++;
                    }
                }
            }
        }
        assertThat(formulas).as("formulas in " + workbook).isGreaterThan(200);
        return wb;
    }

    static List<String[]> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVReader csv = new CSVReader(r)) {
            List<String[]> rows = csv.readAll();
            rows.get(0)[0] = rows.get(0)[0].replace("\uFEFF", "");
            return rows.subList(1, rows.size());
        } catch (CsvException e) {
            throw new IOException(e);
        }
    }

    /**
     * Asserts every figure of the workbook (its formula cells as recalculated) equals the CSVs' for the cities it
     * covers.
     *
     * @param cityCode the city of a feedback workbook; null for the province workbook
     * @return how many figures were compared
     */
    static int assertEqualsCsvs(XSSFWorkbook wb, Path runFolder, ReferenceData reference, String cityCode)
            throws IOException {
        int compared = 0;
        Map<String, String[]> projects = new HashMap<>();
        for (String[] r : csv(runFolder.resolve(SummaryTables.PROJECTS))) {
            projects.put(r[1] + "|" + r[3], r);
        }
        Map<String, String[]> reductions = new HashMap<>();
        for (String[] r : csv(runFolder.resolve(SummaryTables.REDUCTIONS))) {
            reductions.put(r[1] + "|" + r[3], r);
        }

        // 项目统计: the CSV row for row
        Sheet stats = wb.getSheet(ProjectTallySheet.NAME);
        int rows = 0;
        for (int r = ProjectTallySheet.HEADER_ROW + 1; r <= stats.getLastRowNum(); r++) {
            Row row = stats.getRow(r);
            String key = row.getCell(0).getStringCellValue() + "|" + row.getCell(2).getStringCellValue();
            String[] expected = projects.get(key);
            assertThat(expected).as(key).isNotNull();
            String where = ProjectTallySheet.NAME + " " + key + " ";
            for (int i = 0; i < 6; i++) {   // planned … variance: CSV columns 6 … 11
                assertThat(count(row.getCell(ProjectTallySheet.PLANNED + i))).as(where + expected[6 + i]).isEqualTo(expected[6 + i]);
            }
            assertThat(rounded(row.getCell(ProjectTallySheet.COMPLETION_RATE), SummaryTables.RATIO_DECIMALS)).as(where)
                    .isEqualTo(expected[12]);
            assertThat(text(row.getCell(ProjectTallySheet.COUNT_STATUS))).as(where)
                    .isEqualTo(Labels.countStatus(CountStatus.valueOf(expected[13])));
            assertThat(text(row.getCell(ProjectTallySheet.COMPLETION_STATUS))).as(where)
                    .isEqualTo(Labels.completionStatus(CompletionStatus.valueOf(expected[14])));
            compared += 9;
            rows++;
        }
        int cities = cityCode == null ? reference.cities().size() + 1 : 1;
        assertThat(rows).as("rows of 项目统计").isEqualTo(cities * (reference.categories().size() + 1));

        // 项目汇总: planned / submitted / completed per city (and 全省) and category (and 合计)
        Sheet matrix = wb.getSheet(ProjectMatrixSheet.NAME);
        List<Category> categories = reference.categories();
        int matrixRows = 0;
        for (int r = ProjectMatrixSheet.FIRST_DATA_ROW; r <= matrix.getLastRowNum(); r++) {
            Row row = matrix.getRow(r);
            if (row == null || row.getCell(1) == null || row.getCell(1).getCellType() != CellType.FORMULA) {
                continue;
            }
            String city = reference.cities().stream().filter(c -> c.name().equals(row.getCell(0).getStringCellValue()))
                    .map(c -> c.code()).findFirst().orElse(reference.province().code());
            for (int k = 0; k <= categories.size(); k++) {
                String category = k < categories.size() ? categories.get(k).code() : Category.TOTAL;
                String[] expected = projects.get(city + "|" + category);
                for (int m = 0; m < 3; m++) {
                    assertThat(count(row.getCell(1 + 3 * k + m))).as(ProjectMatrixSheet.NAME + " " + city + " " + category)
                            .isEqualTo(expected[6 + m]);
                    compared++;
                }
            }
            matrixRows++;
        }
        assertThat(matrixRows).isEqualTo(cities);

        // 减排核算: every column of the CSV but the names
        Sheet sheet = wb.getSheet(ReductionSheet.NAME);
        int reductionRows = 0;
        for (int r = ReductionSheet.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(1) == null || row.getCell(1).getCellType() != CellType.FORMULA) {
                continue;
            }
            String city = reference.cities().stream().filter(c -> c.name().equals(row.getCell(0).getStringCellValue()))
                    .map(c -> c.code()).findFirst().orElse(reference.province().code());
            List<Pollutant> pollutants = reference.pollutants();
            for (int pi = 0; pi < pollutants.size(); pi++) {
                Pollutant p = pollutants.get(pi);
                String[] e = reductions.get(city + "|" + p.code());
                int o = 1 + pi * ReductionSheet.PER_POLLUTANT;
                String where = ReductionSheet.NAME + " " + city + " " + p.code() + " ";
                assertThat(tonnes(row.getCell(o + ReductionSheet.BASE))).as(where + "base_t").isEqualTo(plain(e[4]));
                assertThat(tonnes(row.getCell(o + ReductionSheet.REPORTING))).as(where + "reporting_t").isEqualTo(plain(e[5]));
                assertThat(tonnes(row.getCell(o + ReductionSheet.REDUCTION))).as(where + "reduction_t").isEqualTo(plain(e[6]));
                assertThat(rounded(row.getCell(o + ReductionSheet.REDUCTION_PCT), 2)).as(where + "reduction_pct").isEqualTo(e[7]);
                assertThat(rounded(row.getCell(o + ReductionSheet.TARGET_PCT), 2)).as(where + "target_pct").isEqualTo(e[8]);
                assertThat(rounded(row.getCell(o + ReductionSheet.GAP_PCT), 2)).as(where + "gap_pct").isEqualTo(e[9]);
                assertThat(tonnes(row.getCell(o + ReductionSheet.ALLOWED))).as(where + "allowed_t").isEqualTo(plain(e[10]));
                assertThat(text(row.getCell(o + ReductionSheet.STATUS))).as(where + "status")
                        .isEqualTo(Labels.reductionStatus(ReductionStatus.valueOf(e[11])));
                assertThat(tonnes(row.getCell(o + ReductionSheet.CLAIMED))).as(where + "claimed_t").isEqualTo(plain(e[12]));
                assertThat(rounded(row.getCell(o + ReductionSheet.CLAIM_RATIO), 4)).as(where + "claim_ratio").isEqualTo(e[13]);
                compared += 10;
            }
            reductionRows++;
        }
        assertThat(reductionRows).isEqualTo(cities);
        return compared;
    }

    /** A count as the CSV writes it; a count that is not a whole number fails. */
    private static String count(Cell c) {
        double v = number(c);
        assertThat(v).as(c.getAddress().toString()).isEqualTo(Math.rint(v));
        return String.valueOf((long) v);
    }

    /** Tonnes to the 6 decimals the database keeps, so that 0.1 + 0.2 reads as the exact 0.3 it stands for. */
    private static String tonnes(Cell c) {
        String t = text(c);
        if (t != null) {
            assertThat(t).as(c.getAddress() + " is blank").isEmpty();
            return "";
        }
        return BigDecimal.valueOf(number(c)).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String plain(String csv) {
        return csv.isEmpty() ? "" : new BigDecimal(csv).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A figure rounded half-up as the CSVs show it; blank stays blank. */
    private static String rounded(Cell c, int decimals) {
        String t = text(c);
        if (t != null) {
            assertThat(t).as(c.getAddress() + " is blank").isEmpty();
            return "";
        }
        return BigDecimal.valueOf(number(c)).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }

    /** The cell's text result, or null when its result is a number. */
    private static String text(Cell c) {
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        return switch (type) {
            case STRING -> c.getStringCellValue();
            case BLANK -> "";
            case NUMERIC -> null;
            default -> throw new AssertionError(c.getAddress() + " holds " + type);
        };
    }

    private static double number(Cell c) {
        CellType type = c.getCellType() == CellType.FORMULA ? c.getCachedFormulaResultType() : c.getCellType();
        assertThat(type).as(c.getAddress() + " of " + c.getSheet().getSheetName()).isEqualTo(CellType.NUMERIC);
        return c.getNumericCellValue();
    }
}
