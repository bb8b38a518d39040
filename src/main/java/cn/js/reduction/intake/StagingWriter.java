package cn.js.reduction.intake;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import cn.js.reduction.store.FindingStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * Stages a chunk of row outcomes and their findings in one transaction (the step's). Rows are keyed by
 * (run, file, sheet, row): with the reader's saved position this is what makes a restarted partition
 * neither lose nor repeat a row, and a stray repeat fail loudly on the key instead of counting twice.
 */
public class StagingWriter implements ItemWriter<StagedRow> {

    public static final String STAGE = "INTAKE";

    private static final String INSERT_PROJECT = "INSERT INTO ra_project_row (run_id, file_name, sheet, row_no,"
            + " disposition, city_code, project_id, id_cell, district, project_name, responsible_unit, credit_code,"
            + " category_code, status, counted_status, planned_completion, actual_completion, investment, voc_t,"
            + " so2_t, nox_t, pm_t, remarks) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_EMISSION = "INSERT INTO ra_emission_row (run_id, file_name, sheet, row_no,"
            + " disposition, city_code, pollutant, sector, base_t, reporting_t, remarks) VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final long runId;

    public StagingWriter(JdbcTemplate jdbc, long runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends StagedRow> chunk) {
        List<Object[]> projects = new ArrayList<>();
        List<Object[]> emissions = new ArrayList<>();
        List<SqlParameterSource> findings = new ArrayList<>();
        for (StagedRow staged : chunk) {
            RowOutcome<?> o = staged.outcome();
            if (staged.kind() == FileKind.PROJECTS) {
                ProjectRecord p = (ProjectRecord) o.record();
                projects.add(p == null
                        ? new Object[] {runId, o.file(), o.sheet(), o.rowNumber(), o.disposition().name(), o.cityCode(),
                                null, staged.idCell(), null, null, null, null, null, null, null, null, null, null, null,
                                null, null, null, null}
                        : new Object[] {runId, o.file(), o.sheet(), o.rowNumber(), o.disposition().name(), p.cityCode(),
                                p.projectId(), staged.idCell(), p.district(), p.projectName(), p.responsibleUnit(),
                                p.creditCode(), p.categoryCode(), p.status().name(), p.countedStatus().name(),
                                date(p.plannedCompletion()), date(p.actualCompletion()), p.investment(), p.vocT(),
                                p.so2T(), p.noxT(), p.pmT(), p.remarks()});
            } else {
                EmissionRecord e = (EmissionRecord) o.record();
                emissions.add(e == null
                        ? new Object[] {runId, o.file(), o.sheet(), o.rowNumber(), o.disposition().name(), o.cityCode(),
                                null, null, null, null, null}
                        : new Object[] {runId, o.file(), o.sheet(), o.rowNumber(), o.disposition().name(), e.cityCode(),
                                e.pollutant().name(), e.sector(), e.baseT(), e.reportingT(), e.remarks()});
            }
            List<Finding> list = o.findings();
            for (int i = 0; i < list.size(); i++) {
                findings.add(FindingStore.parameters(runId, STAGE, i, list.get(i)));
            }
        }
        projects.forEach(StagingWriter::storable);
        emissions.forEach(StagingWriter::storable);
        if (!projects.isEmpty()) {
            jdbc.batchUpdate(INSERT_PROJECT, projects);
        }
        if (!emissions.isEmpty()) {
            jdbc.batchUpdate(INSERT_EMISSION, emissions);
        }
        new FindingStore(jdbc).insertBatch(findings);
    }

    /**
     * Text as the database can store it (no NUL, no lone surrogate). Lengths are checked by the row rules
     * before this, so nothing here can be too long; this is the last guard for characters, in place.
     */
    private static void storable(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof String s) {
                values[i] = InputLimits.storable(s);
            }
        }
    }

    private static Date date(java.time.LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    /** Removes what a previous, uncommitted-position attempt of this file staged: a fresh start is clean. */
    public void clearFile(String fileName) {
        jdbc.update("DELETE FROM ra_project_row WHERE run_id = ? AND file_name = ?", runId, fileName);
        jdbc.update("DELETE FROM ra_emission_row WHERE run_id = ? AND file_name = ?", runId, fileName);
        jdbc.update("DELETE FROM ra_finding WHERE run_id = ? AND stage = ? AND file_name = ?", runId, STAGE, fileName);
    }
}
