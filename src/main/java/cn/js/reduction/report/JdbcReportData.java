package cn.js.reduction.report;

import cn.js.reduction.intake.Finding;
import cn.js.reduction.intake.ProjectRecord;
import cn.js.reduction.intake.ProjectStatus;
import cn.js.reduction.intake.Rule;
import cn.js.reduction.intake.Severity;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reconcile.Tallies;
import cn.js.reduction.reference.ReferenceData;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

    /** Findings in place order, reconciliation's (no file) after the rows'; stages in pipeline order. */
    private static final String FINDING_ORDER = " ORDER BY CASE WHEN file_name = '' THEN 1 ELSE 0 END, file_name,"
            + " sheet, row_no, CASE stage WHEN 'DISCOVER' THEN 0 WHEN 'INTAKE' THEN 1 WHEN 'CONSOLIDATE' THEN 2"
            + " ELSE 3 END, ordinal";
    /** A city's part: its own findings, and the city-less findings of files that hold its rows. */
    private static final String CITY_FILTER = " AND (city_code = ? OR (city_code IS NULL AND file_name IN ("
            + "SELECT file_name FROM ra_project_row WHERE run_id = ? AND city_code = ?"
            + " UNION SELECT file_name FROM ra_emission_row WHERE run_id = ? AND city_code = ?)))";

    private final JdbcTemplate jdbc;
    private final long runId;
    private final ReferenceData reference;
    private final RunInfo runInfo;
    private final List<ProjectTally> projectTallies;
    private final List<ReductionTally> reductionTallies;

    /** @param run the run's facts; its input files are replaced by those recorded in the database */
    public JdbcReportData(JdbcTemplate jdbc, long runId, ReferenceData reference, RunInfo run) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.reference = reference;
        this.runInfo = new RunInfo(run.runId(), run.year(), run.mode(), run.parameters(), run.startTime(),
                run.endTime(), run.softwareVersion(), run.referenceVersion(), inputFiles());
        Tallies tallies = new Tallies(jdbc);
        this.projectTallies = tallies.projects(runId, reference);
        this.reductionTallies = tallies.reductions(runId, reference);
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
        String sql = "SELECT severity, rule, city_code, file_name, sheet, row_no, cell, cell_value, message"
                + " FROM ra_finding WHERE run_id = ?";
        stream(cityCode == null ? sql + FINDING_ORDER : sql + CITY_FILTER + FINDING_ORDER, cityCode,
                rs -> action.accept(finding(rs)));
    }

    @Override
    public void forEachRejection(String cityCode, Consumer<Finding> action) {
        String sql = "SELECT severity, rule, city_code, file_name, sheet, row_no, cell, cell_value, message"
                + " FROM ra_finding WHERE run_id = ? AND severity = 'ERROR' AND row_no > 0";
        stream(cityCode == null ? sql + FINDING_ORDER : sql + CITY_FILTER + FINDING_ORDER, cityCode,
                rs -> action.accept(finding(rs)));
    }

    @Override
    public void forEachAcceptedProject(String cityCode, Consumer<AcceptedProject> action) {
        String sql = "SELECT project_id, city_code, district, project_name, responsible_unit, credit_code, category_code,"
                + " status, counted_status, planned_completion, actual_completion, investment, voc_t, so2_t, nox_t, pm_t,"
                + " remarks, file_name, sheet, row_no FROM ra_project_row"
                + " WHERE run_id = ? AND disposition = 'ACCEPTED' AND NOT superseded"
                + (cityCode == null ? "" : " AND city_code = ?") + " ORDER BY file_name, sheet, row_no";
        RowAction handler = rs -> action.accept(new AcceptedProject(new ProjectRecord(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                ProjectStatus.valueOf(rs.getString(8)), ProjectStatus.valueOf(rs.getString(9)), date(rs.getDate(10)),
                date(rs.getDate(11)), rs.getBigDecimal(12), rs.getBigDecimal(13), rs.getBigDecimal(14),
                rs.getBigDecimal(15), rs.getBigDecimal(16), rs.getString(17)), rs.getString(18), rs.getString(19),
                rs.getInt(20)));
        if (cityCode == null) {
            streamWith(sql, handler, runId);
        } else {
            streamWith(sql, handler, runId, cityCode);
        }
    }

    private interface RowAction {
        void accept(ResultSet rs) throws SQLException;
    }

    private void stream(String sql, String cityCode, RowAction action) {
        if (cityCode == null) {
            streamWith(sql, action, runId);
        } else {
            streamWith(sql, action, runId, cityCode, runId, cityCode, runId, cityCode);
        }
    }

    private void streamWith(String sql, RowAction action, Object... args) {
        jdbc.query(con -> {
            var ps = con.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(1000);
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }, rs -> {
            action.accept(rs);
        });
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        String file = rs.getString(4);
        String sheet = rs.getString(5);
        int row = rs.getInt(6);
        return new Finding(Severity.valueOf(rs.getString(1)), Rule.valueOf(rs.getString(2)), rs.getString(3),
                file.isEmpty() ? null : file, sheet.isEmpty() ? null : sheet, row == 0 ? null : row, rs.getString(7),
                rs.getString(8), rs.getString(9));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    /** files.csv rows: every input file with its row counts (SPEC §4: read = accepted + rejected + ignored). */
    private List<RunInfo.InputFile> inputFiles() {
        record Counts(int read, int accepted, int rejected, int ignored) {
        }
        Map<String, Counts> counts = new LinkedHashMap<>();
        jdbc.query("SELECT file_name, COUNT(*),"
                + " SUM(CASE WHEN disposition = 'ACCEPTED' AND NOT superseded THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN disposition = 'REJECTED' AND NOT superseded THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN disposition = 'IGNORED' OR superseded THEN 1 ELSE 0 END)"
                + " FROM (SELECT file_name, disposition, superseded FROM ra_project_row WHERE run_id = ?"
                + "   UNION ALL SELECT file_name, disposition, superseded FROM ra_emission_row WHERE run_id = ?) x"
                + " GROUP BY file_name", rs -> {
                    counts.put(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }, runId, runId);
        Map<String, TreeSet<String>> cities = new LinkedHashMap<>();
        Map<String, TreeSet<String>> superseded = new LinkedHashMap<>();
        jdbc.query("SELECT DISTINCT file_name, city_code, superseded FROM ("
                + " SELECT file_name, city_code, superseded FROM ra_project_row WHERE run_id = ? AND city_code IS NOT NULL"
                + "   AND disposition <> 'IGNORED'"
                + " UNION ALL SELECT file_name, city_code, superseded FROM ra_emission_row WHERE run_id = ?"
                + "   AND city_code IS NOT NULL AND disposition <> 'IGNORED') x", rs -> {
                    cities.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                    if (rs.getBoolean(3)) {
                        superseded.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                    }
                }, runId, runId);
        List<RunInfo.InputFile> out = new ArrayList<>();
        jdbc.query("SELECT file_name, sha256, kind FROM ra_input_file WHERE run_id = ? ORDER BY file_name", rs -> {
            String name = rs.getString(1);
            Counts c = counts.getOrDefault(name, new Counts(0, 0, 0, 0));
            out.add(new RunInfo.InputFile(name, rs.getString(2), rs.getString(3),
                    List.copyOf(cities.getOrDefault(name, new TreeSet<>())), c.read(), c.accepted(), c.rejected(),
                    c.ignored(), List.copyOf(superseded.getOrDefault(name, new TreeSet<>()))));
        }, runId);
        return out;
    }
}
