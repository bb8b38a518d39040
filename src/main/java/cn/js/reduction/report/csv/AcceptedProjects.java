package cn.js.reduction.report.csv;

import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.report.data.ReportData;
import cn.js.reduction.store.ProjectRecord;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static cn.js.reduction.report.csv.CsvFiles.inert;
import static cn.js.reduction.report.csv.CsvFiles.plain;
import static cn.js.reduction.report.csv.CsvFiles.row;

/**
 * accepted_projects.csv (docs/outputs.md): every project that counts, one row each, with the figures the totals
 * are made of. Published so that the next run can tell which projects changed, joined on project_id, from this
 * run's own outputs: after the state was cleaned up or the database switched, and whatever changes cancel out in a
 * count. Not one of the five CSVs of the contract; listed in the manifest like every output.
 */
public final class AcceptedProjects {

    public static final String FILE = "accepted_projects.csv";

    private AcceptedProjects() {
    }

    /** The header: the project's key and place, the figures compared, a claim column per pollutant, the lineage. */
    public static List<String> header(ReferenceData reference) {
        List<String> header = new ArrayList<>(List.of("project_id", "city_code", "city_name", "category_code",
                "status", "counted_status", "planned_completion", "actual_completion", "investment"));
        for (Pollutant p : reference.claimPollutants()) {
            header.add(p.claimKey());
        }
        header.addAll(List.of("file", "sheet", "row"));
        return List.copyOf(header);
    }

    public static void write(ReportData data, Path file) throws IOException {
        ReferenceData reference = data.reference();
        List<Pollutant> claimed = reference.claimPollutants();
        try (ICSVWriter csv = CsvFiles.open(file)) {
            row(csv, header(reference).toArray(String[]::new));
            data.forEachAcceptedProject(null, a -> {
                ProjectRecord p = a.project();
                List<String> fields = new ArrayList<>(List.of(inert(p.projectId()), p.cityCode(),
                        reference.city(p.cityCode()).map(c -> c.name()).orElse(""), p.categoryCode(),
                        p.status().name(), p.countedStatus().name(), date(p.plannedCompletion()),
                        date(p.actualCompletion()), plain(p.investment())));
                claimed.forEach(pollutant -> fields.add(plain(p.claim(pollutant.code()))));
                fields.addAll(List.of(inert(a.file()), inert(a.sheet()), String.valueOf(a.row())));
                row(csv, fields.toArray(String[]::new));
            });
            if (csv.checkError()) {
                throw new UncheckedIOException(new IOException("writing " + file + " failed"));
            }
        }
    }

    private static String date(java.time.LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
