package cn.js.reduction.intake;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.ProjectRecord;

import cn.js.reduction.core.Finding;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.InputFileStore;
import cn.js.reduction.core.InputLimits;
import cn.js.reduction.store.StagedParameters;
import cn.js.reduction.store.StagedRowStore;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Stages a chunk of row outcomes and their findings in one transaction (the step's). Rows are keyed by
 * (run, file, sheet, row): with the reader's saved position this is what makes a restarted partition
 * neither lose nor repeat a row, and a stray repeat fail loudly on the key instead of counting twice.
 */
public class StagingWriter implements ItemWriter<StagedRow> {

    public static final String STAGE = "INTAKE";

    private final StagedRowStore rows;
    private final FindingStore findingStore;
    private final InputFileStore inputFiles;
    private final long runId;

    public StagingWriter(JdbcTemplate jdbc, long runId) {
        this.rows = new StagedRowStore(jdbc);
        this.findingStore = new FindingStore(jdbc);
        this.inputFiles = new InputFileStore(jdbc);
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        List<SqlParameterSource> projects = new ArrayList<>();
        List<SqlParameterSource> claims = new ArrayList<>();
        List<SqlParameterSource> emissions = new ArrayList<>();
        List<SqlParameterSource> findings = new ArrayList<>();
        for (StagedRow staged : chunk) {
            // a sheet row's findings are numbered in one sequence, over the parts it is read as
            int ordinal = 0;
            for (RowOutcome<?> o : staged.outcomes()) {
                if (staged.kind() == FileKind.PROJECTS) {
                    projects.add(StagedParameters.project(runId, o.place(), (ProjectRecord) o.record(), staged.idCell()));
                    claims.addAll(StagedParameters.claims(runId, o.place(), (ProjectRecord) o.record()));
                } else {
                    emissions.add(StagedParameters.emission(runId, o.place(), (EmissionRecord) o.record()));
                }
                for (Finding f : o.findings()) {
                    findings.add(FindingStore.parameters(runId, STAGE, ordinal++, f));
                }
            }
        }
        rows.insertProjects(projects);
        rows.insertClaims(claims);
        rows.insertEmissions(emissions);
        findingStore.insertBatch(findings);
        for (StagedRow staged : chunk) {
            if (staged.sheetEnd() != null) {
                StagedRow.SheetEnd end = staged.sheetEnd();
                inputFiles.setColumnsNotRead(runId, end.file(), InputLimits.storable(end.sheet()), end.columnsNotRead());
            }
        }
    }

    /** Removes what a previous, uncommitted-position attempt of this file staged: a fresh start is clean. */
    public void clearFile(String fileName) {
        rows.deleteFile(runId, fileName);
        findingStore.deleteStageFile(runId, STAGE, fileName);
        inputFiles.clearColumnsNotRead(runId, fileName);
    }
}
