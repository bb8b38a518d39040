package cn.js.reduction.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.operations.ReductionAccountingApplication;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceDataLoader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbooks of a run of the bundled sample, their cached values removed and recalculated by a spreadsheet
 * engine, against the run's CSVs: by POI's formula evaluator (every workbook), and by LibreOffice where it is
 * installed (the province workbook and one city's). LibreOffice is looked for on the PATH ({@code soffice}); where it
 * is missing that test is reported as skipped, never passed, and with {@code REDUCTION_TEST_REQUIRE_SOFFICE=1} (as
 * .ci/run sets it) it fails instead.
 */
class RecalculatedWorkbooksTest {

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
        compared += recalculateWithPoi(run.resolve(Reporting.PROVINCE_WORKBOOK), null);
        for (City city : reference.cities()) {
            compared += recalculateWithPoi(run.resolve("cities").resolve(Reporting.cityWorkbook(city)), city.code());
        }
        // 项目统计 9, 项目汇总 3 × 19 and 减排核算 30 figures per city, for the province and again in each city's
        assertThat(compared).isEqualTo(2 * 13 * (9 * 19 + 3 * 19 + 30) + (9 * 19 + 3 * 19 + 30));
    }

    private int recalculateWithPoi(Path workbook, String cityCode) throws IOException {
        Path bare = RecalculatedFigures.withoutCachedValues(workbook, dir.resolve("bare-" + workbook.getFileName()));
        try (InputStream in = Files.newInputStream(bare); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
            return RecalculatedFigures.assertEqualsCsvs(wb, run, reference, cityCode);
        }
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
        List<Path> workbooks = List.of(run.resolve(Reporting.PROVINCE_WORKBOOK),
                run.resolve("cities").resolve(Reporting.cityWorkbook(city)));
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
