package cn.js.reduction.report.data;

import cn.js.reduction.core.Finding;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reconcile.Tallies;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.ChangeStore;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.InputFileStore;
import cn.js.reduction.store.StagedRowStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ReportData} over the run's staging and result tables. Tallies and file counts are read once;
 * row-level data is streamed from the database (fetch size set) so that a million rows never sit in memory.
 */
public final class JdbcReportData implements ReportData {

    private final FindingStore findings;
    private final StagedRowStore rows;
    private final InputFileStore files;
    private final long runId;
    private final ReferenceData reference;
    private final RunInfo runInfo;
    private final List<ProjectTally> projectTallies;
    private final List<ReductionTally> reductionTallies;
    /** file, sheet → the columns its rows were read from: one entry per sheet read, a handful per city. */
    private final ChangeStore changes;
    private final Map<String, ReadColumns> readColumns = new java.util.HashMap<>();

    /** @param run the run's facts; its input files are replaced by those recorded in the database */
    public JdbcReportData(JdbcTemplate jdbc, long runId, ReferenceData reference, RunInfo run) {
        this.findings = new FindingStore(jdbc);
        this.rows = new StagedRowStore(jdbc);
        this.files = new InputFileStore(jdbc);
        this.changes = new ChangeStore(jdbc);
        this.runId = runId;
        this.reference = reference;
        this.runInfo = new RunInfo(run.runId(), run.year(), run.mode(), run.parameters(), run.startTime(),
                run.endTime(), run.softwareVersion(), run.referenceVersion(), inputFiles());
        Tallies tallies = new Tallies(jdbc);
        this.projectTallies = tallies.projects(runId, reference);
        this.reductionTallies = tallies.reductions(runId, reference);
        for (InputFileStore.SheetColumns s : files.sheetColumns(runId)) {
            readColumns.put(ReportData.rowKey(s.fileName(), s.sheet(), null), new ReadColumns(s.firstColumn(), s.lastColumn()));
        }
    }

    @Override
    public ReadColumns readColumns(String file, String sheet) {
        return readColumns.get(ReportData.rowKey(file, sheet, null));
    }

    @Override
    public RunInfo runInfo() {
        return runInfo;
    }

    @Override
    public ReferenceData reference() {
        return reference;
    }

    @Override
    public List<ProjectTally> projectTallies() {
        return projectTallies;
    }

    @Override
    public List<ReductionTally> reductionTallies() {
        return reductionTallies;
    }

    @Override
    public void forEachFinding(String cityCode, Consumer<Finding> action) {
        findings.forEach(runId, cityCode, false, action);
    }

    @Override
    public void forEachRejection(String cityCode, Consumer<Finding> action) {
        findings.forEach(runId, cityCode, true, action);
    }

    @Override
    public void forEachAcceptedProject(String cityCode, Consumer<AcceptedProject> action) {
        rows.forEachCountedProject(runId, cityCode, reference.claimPollutants().stream().map(Pollutant::code).toList(),
                p -> action.accept(new AcceptedProject(p.project(), p.fileName(), p.sheet(), p.rowNo(), p.written())));
    }

    @Override
    public void forEachAcceptedEmission(String cityCode, Consumer<AcceptedEmission> action) {
        rows.forEachCountedEmission(runId, cityCode, reference.pollutants(),
                e -> action.accept(new AcceptedEmission(e.emission(), e.fileName(), e.sheet(), e.rowNo(), e.written(),
                        e.cells())));
    }

    @Override
    public List<ChangeStore.Change> changes(String cityCode) {
        return changes.changes(runId, cityCode);
    }

    @Override
    public Map<String, int[]> changeCounts() {
        return changes.countsPerCity(runId);
    }

    /** files.csv rows: every input file with its row counts (docs/rules.md: read = accepted + rejected + ignored). */
    private List<RunInfo.InputFile> inputFiles() {
        Map<String, StagedRowStore.FileRowCounts> counts = new LinkedHashMap<>();
        for (StagedRowStore.FileRowCounts c : rows.rowCountsPerFile(runId)) {
            counts.put(c.fileName(), c);
        }
        Map<String, TreeSet<String>> cities = new LinkedHashMap<>();
        Map<String, TreeSet<String>> superseded = new LinkedHashMap<>();
        for (StagedRowStore.FileCityRows r : rows.citiesPerFile(runId)) {
            cities.computeIfAbsent(r.fileName(), k -> new TreeSet<>()).add(r.cityCode());
            if (r.superseded()) {
                superseded.computeIfAbsent(r.fileName(), k -> new TreeSet<>()).add(r.cityCode());
            }
        }
        Map<String, InputFileStore.ColumnCounts> columns = files.columnCounts(runId);
        List<RunInfo.InputFile> out = new ArrayList<>();
        for (InputFileStore.ListedFile f : files.files(runId)) {
            String name = f.fileName();
            StagedRowStore.FileRowCounts c = counts.getOrDefault(name,
                    new StagedRowStore.FileRowCounts(name, 0, 0, 0, 0, 0, 0));
            out.add(new RunInfo.InputFile(name, f.sha256(), f.sizeBytes(), f.kind(),
                    List.copyOf(cities.getOrDefault(name, new TreeSet<>())), (int) c.readRows(), (int) c.accepted(),
                    (int) c.rejected(), (int) c.ignored(), List.copyOf(superseded.getOrDefault(name, new TreeSet<>())),
                    columns.getOrDefault(name, new InputFileStore.ColumnCounts(0, 0)).read(),
                    columns.getOrDefault(name, new InputFileStore.ColumnCounts(0, 0)).notRead()));
        }
        return out;
    }
}
