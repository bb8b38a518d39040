package cn.js.reduction.operations;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.reference.ReferenceDataLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A fourth pollutant is a data change: a copy of the 2020 reference data whose annex 2 gets a PM column (PM is
 * already a pollutant of pollutants.csv, with its claim column 颗粒物减排量, but 2020's annex sets it no target),
 * run through the whole job with --reference on the hand-made set of {@link EndToEndTest} plus one PM emission
 * row and one completed project claiming PM. The PM figures, worked out by hand below, appear in the reductions
 * CSV and in the province workbook beside the other three; no code knows PM.
 */
class PollutantAddedTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {TestDatabases.H2, TestDatabases.POSTGRESQL})
    void aPollutantAddedToTheReferenceDataIsAccountedLikeTheOthers(String database) throws IOException {
        Path reference = referenceWithPm(dir.resolve("reference"));
        Path input = dir.resolve("input");
        EndToEndTest.writeInput(input);
        Path year = input.resolve("2020");
        // 南京 reports PM: 2000 t in the base year, 1700 t now: 300 t = 15 % against a target of 10 %
        insertBefore(year.resolve("emissions.csv"), ",,,,\n", "南京,颗粒物,工业源,2000,1700\n");
        // a completed 南京 project claims 45.5 t of PM (and nothing else)
        insertBefore(year.resolve("nanjing_projects.csv"), "合计,",
                "NJ-4,南京,玄武区,某钢厂除尘改造,某钢铁有限公司,,工业炉窑整治项目,已完成,2020-06-30,2020-06-01,10,0,0,0,45.5,\n");
        Path output = dir.resolve("output");
        List<String> args = new ArrayList<>(List.of("run", "--year", "2020", "--input", input.toString(),
                "--reference", reference.toString()));
        args.addAll(TestDatabases.options(database, output));

        Cli.Result result = Cli.run(args);

        assertThat(result.exitCode()).as(result.all()).isZero();
        Path run = output.resolve("2020/nightly").resolve(Files.readString(output.resolve("2020/nightly/LATEST")).trim());
        List<List<String>> reductions = EndToEndTest.csv(run.resolve("reductions_by_city_pollutant.csv"));
        assertThat(reductions).hasSize(1 + 14 * 4);
        // base 2000, reporting 1700, reduction 300 = 15.00 % vs 10.00 %: gap 5.00, allowed 2000 × 0.9 = 1800, MET;
        // claimed 45.5 of the 300 t reduced: 0.1517
        assertThat(EndToEndTest.row(reductions, "2020", "320100", "南京", "PM"))
                .isEqualTo("2020,320100,南京,PM,2000,1700,300,15.00,10.00,5.00,1800,MET,45.5,0.1517");
        // 无锡 reports no PM: no data, nothing claimed
        assertThat(EndToEndTest.row(reductions, "2020", "320200", "无锡", "PM"))
                .isEqualTo("2020,320200,无锡,PM,,,,,10.00,,,NO_DATA,0,");
        // the province: 南京's tonnes against the province's 12 %: allowed 2000 × 0.88 = 1760; 12 cities have no PM
        // figures, so it is INCOMPLETE, whatever its percentage
        assertThat(EndToEndTest.row(reductions, "2020", "320000", "全省", "PM"))
                .isEqualTo("2020,320000,全省,PM,2000,1700,300,15.00,12.00,3.00,1760,INCOMPLETE,45.5,0.1517");
        // the other pollutants' figures are those of the run without PM (EndToEndTest)
        assertThat(EndToEndTest.row(reductions, "2020", "320100", "南京", "VOCS"))
                .isEqualTo("2020,320100,南京,VOCS,10000,7000,3000,30.00,28.00,2.00,7200,MET,1200,0.4000");

        try (InputStream in = Files.newInputStream(run.resolve("reconciled_320000_全省.xlsx"));
             XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            List<String> cells = texts(workbook.getSheet("减排核算"));
            assertThat(cells).contains("颗粒物（PM）", "挥发性有机物（VOCs）");
            assertThat(cells).contains("45.5", "300", "1700");
        }
    }

    /** The shipped 2020 reference files, with a PM column in annex 2: 10 % for every city, 12 % for the province. */
    private static Path referenceWithPm(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve("2020"));
        for (String file : java.util.stream.Stream.concat(ReferenceDataLoader.FILES.stream(),
                ReferenceDataLoader.LOCAL_NAMES.stream()).toList()) {
            try (InputStream in = PollutantAddedTest.class.getClassLoader()
                    .getResourceAsStream("reference/2020/" + file)) {
                Files.write(folder.resolve(file), in.readAllBytes());
            }
        }
        Path annex2 = folder.resolve(ReferenceDataLoader.ANNEX2);
        StringBuilder out = new StringBuilder();
        for (String line : Files.readAllLines(annex2, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            out.append(line).append(line.startsWith("city_code") ? ",PM" : line.startsWith("320000") ? ",12.0" : ",10.0")
                    .append('\n');
        }
        Files.writeString(annex2, out, StandardCharsets.UTF_8);
        return root;
    }

    private static void insertBefore(Path file, String marker, String lines) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).contains(marker);
        Files.writeString(file, text.replace(marker, lines + marker), StandardCharsets.UTF_8);
    }

    /** Every cell of the sheet as text (a formula's cached result): a number as it is stored, without a trailing .0. */
    private static List<String> texts(Sheet sheet) {
        List<String> out = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                // a figure is a formula over the detail sheets with the job's figure as its cached result: read that
                CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
                if (type == CellType.NUMERIC) {
                    out.add(new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue())).stripTrailingZeros()
                            .toPlainString());
                } else if (type == CellType.STRING) {
                    out.add(cell.getStringCellValue());
                }
            }
        }
        return out;
    }
}
