package cn.js.reduction.report;

import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report stage: the four summary CSVs, the province workbook, one feedback workbook per city and the
 * manifest, written into the run's private working folder. Publishing (move into place) is a separate stage.
 */
public final class Reporting {

    public static final String PROVINCE_WORKBOOK = "reconciled_320000_全省.xlsx";

    private final JdbcTemplate jdbc;

    public Reporting(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String cityWorkbook(City city) {
        return "feedback_" + city.code() + "_" + city.name() + ".xlsx";
    }

    public ReportData data(long runId, ReferenceData ref, RunInfo run) {
        return new JdbcReportData(jdbc, runId, ref, run);
    }

    /** Writes every output of the run into {@code folder}, the manifest last so that it covers them all. */
    public void write(ReportData data, Path folder, Path inputFolder) throws IOException {
        SummaryTables.writeAll(data, folder);
        WorkbookWriter workbooks = new WorkbookWriter(inputFolder);
        workbooks.writeProvince(data, folder.resolve(PROVINCE_WORKBOOK));
        Path cities = folder.resolve("cities");
        Files.createDirectories(cities);
        for (City city : data.reference().cities()) {
            workbooks.writeCity(data, city.code(), cities.resolve(cityWorkbook(city)));
        }
        Manifest.write(folder, data.runInfo().inputFiles(), inputFolder);
    }
}
