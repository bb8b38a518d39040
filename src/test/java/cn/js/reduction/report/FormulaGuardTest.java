package cn.js.reduction.report;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.report.csv.Manifest;
import cn.js.reduction.report.csv.SummaryTables;
import cn.js.reduction.report.data.RunInfo;
import cn.js.reduction.report.sheet.FormulaGuard;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/outputs.md: one rule for the CSVs and the workbooks. Each case is a value as a city typed it, written through the
 * real writers (findings.csv, the province workbook's 问题清单, manifest.csv) and read back as a spreadsheet
 * program would get it.
 */
public class FormulaGuardTest {

    /** value typed by a city → is it formula-like (guarded)? */
    static final Map<String, Boolean> CASES = new LinkedHashMap<>();

    static {
        CASES.put("-5", false);
        CASES.put("+3.2", false);
        CASES.put("-1,200.50", false);
        CASES.put("-2.5e3", false);
        CASES.put("-12%", false);
        CASES.put("-.5", false);
        CASES.put("南京", false);
        CASES.put("5-3", false);
        CASES.put("a=b", false);
        CASES.put("=1+1", true);
        CASES.put("+1+1", true);
        CASES.put("-2+3+cmd|' /C calc'!A0", true);
        CASES.put("-5 吨", true);
        CASES.put("@SUM(A1:A9)", true);
        CASES.put("\t=1+1", true);
        CASES.put("\r=1+1", true);
        CASES.put("\n-1+1", true);
        CASES.put("  =1+1", true);
        CASES.put("\u3000=1+1", true);
        CASES.put("=HYPERLINK(\"http://x\",\"点我\")", true);
        CASES.put("-", true);
    }

    @TempDir
    Path dir;

    @Test
    void theRuleCaseByCase() {
        CASES.forEach((value, guarded) ->
                assertThat(FormulaGuard.isFormulaLike(value)).as("%s", value.replace("\t", "\\t")).isEqualTo(guarded));
        assertThat(FormulaGuard.isFormulaLike(null)).isFalse();
        assertThat(FormulaGuard.isFormulaLike("")).isFalse();
        assertThat(FormulaGuard.csvField(null)).isEmpty();
    }

    @Test
    void csvFieldsGetAnApostropheOnlyWhenFormulaLike() throws IOException, CsvException {
        InMemoryReportData data = dataWithValues();
        Path file = dir.resolve(SummaryTables.FINDINGS);
        SummaryTables.writeFindings(data, file);

        Map<String, String> written = new LinkedHashMap<>();
        // a carriage return inside a quoted field is kept as it was written, not turned into a line feed
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVReader csv = new CSVReaderBuilder(in).withKeepCarriageReturn(true).build()) {
            for (String[] row : csv.readAll()) {
                if (row.length > 8 && row[8].startsWith("case ")) {
                    written.put(row[8].substring("case ".length()), row[7]);
                }
            }
        }
        assertThat(written).hasSize(CASES.size());
        int i = 0;
        for (Map.Entry<String, Boolean> c : CASES.entrySet()) {
            String expected = c.getValue() ? "'" + c.getKey() : c.getKey();
            assertThat(written.get(String.valueOf(i++))).as("%s", c.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void workbookCellsAreTextAndQuotePrefixedOnlyWhenFormulaLike() throws IOException {
        Path out = dir.resolve("province.xlsx");
        new WorkbookWriter().writeProvince(dataWithValues(), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(out))) {
            XSSFSheet s = wb.getSheet("问题清单");
            int found = 0;
            for (Row row : s) {
                String message = row.getCell(9).getStringCellValue();
                if (!message.startsWith("case ")) {
                    continue;
                }
                String value = List.copyOf(CASES.keySet()).get(Integer.parseInt(message.substring(5)));
                var cell = row.getCell(8);
                assertThat(cell.getCellType()).as(value).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).as(value).isEqualTo(value);
                assertThat(cell.getCellStyle().getQuotePrefixed()).as("%s", value).isEqualTo(CASES.get(value));
                found++;
            }
            assertThat(found).isEqualTo(CASES.size());
        }
    }

    @Test
    void manifestNamesTheRealFileEvenWhenItsNameLooksLikeAFormula() throws IOException {
        Path input = Files.createDirectories(dir.resolve("input"));
        Path run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("findings.csv"), "x");
        List<String> names = List.of("=1+1.csv", "@SUM(A1).xlsx", "-2+3.csv", "+5.csv", "南京_项目清单.xlsx", "a-5.csv");
        List<RunInfo.InputFile> inputs = new java.util.ArrayList<>();
        for (String name : names) {
            Path p = input.resolve(name);
            Files.writeString(p, name);
            inputs.add(new RunInfo.InputFile(name, InputSet.sha256(p), Files.size(p), "PROJECTS", List.of(), 0, 0, 0, 0, List.of()));
        }

        Manifest.write(run, inputs, input);

        Map<String, String[]> rows = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(run.resolve(Manifest.FILE), StandardCharsets.UTF_8);
             CSVReader csv = new CSVReader(in)) {
            for (String[] row : csv.readAll()) {
                rows.put(row[1], row);
            }
        } catch (CsvException e) {
            throw new AssertionError(e);
        }
        assertThat(rows.keySet()).contains("./=1+1.csv", "./@SUM(A1).xlsx", "./-2+3.csv", "./+5.csv",
                "南京_项目清单.xlsx", "a-5.csv", "findings.csv");
        for (String[] row : rows.values()) {
            assertThat(row[1]).doesNotStartWith("'");
            if (row[0].equals("input")) {
                // the name written resolves to the very file whose hash it records
                Path named = input.resolve(row[1]);
                assertThat(named).exists();
                assertThat(InputSet.sha256(named)).isEqualTo(row[3]);
                assertThat(FormulaGuard.isFormulaLike(row[1])).as(row[1]).isFalse();
            }
        }
    }

    /** The test data plus one finding per case, its value the case and its message "case N". */
    private static InMemoryReportData dataWithValues() {
        InMemoryReportData data = new InMemoryReportData("nightly");
        int i = 0;
        for (String value : CASES.keySet()) {
            data.findings.add(Finding.of(Rule.BAD_NUMBER, InMemoryReportData.NANJING, "x.csv", "x", 100 + i, "D" + (100 + i),
                    value, "case " + i));
            i++;
        }
        return data;
    }
}
