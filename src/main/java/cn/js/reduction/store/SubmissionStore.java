package cn.js.reduction.store;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The queries behind supersession by evidence and the completeness of a city's figures (docs/input-format.md,
 * Resubmission; docs/outputs.md, INCOMPLETE): what each file holds of each city, the project ids two files share,
 * the rows repeated cell for cell, the files that broke off part-way, the rows rejected and the files skipped.
 * Each is one aggregate query, its result a handful of rows per file.
 */
public final class SubmissionStore {

    /** The rules by which a file is skipped whole (or, FILE_UNREADABLE after some rows, counts for nothing). */
    public static final List<String> SKIPPING_RULES = List.of("MISSING_COLUMN", "UNKNOWN_UNIT", "FILE_UNREADABLE",
            "FORMULA_NOT_CALCULATED");

    private final NamedParameterJdbcTemplate jdbc;

    public SubmissionStore(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * What a file holds of a city that counts so far (accepted, not superseded): its rows and how many distinct
     * pollutants (emission report) or categories (project list) they give.
     */
    public record Holding(String fileName, String cityCode, Timestamp submittedAt, int rows, int groups) {

        public StagedRowStore.FileCity fileCity() {
            return new StagedRowStore.FileCity(fileName, cityCode, submittedAt);
        }
    }

    public List<Holding> holdings(long runId, FileKind kind) {
        String group = kind == FileKind.PROJECTS ? "r.category_code" : "r.pollutant";
        return jdbc.query("""
                SELECT r.file_name, r.city_code, f.submitted_at, COUNT(*) AS n, COUNT(DISTINCT %s) AS g
                FROM %s r JOIN ra_input_file f ON f.run_id = r.run_id AND f.file_name = r.file_name
                WHERE r.run_id = :run_id AND r.city_code IS NOT NULL AND r.disposition = 'ACCEPTED' AND NOT r.superseded
                GROUP BY r.file_name, r.city_code, f.submitted_at
                ORDER BY r.file_name, r.city_code""".formatted(group, table(kind)), run(runId),
                (rs, i) -> new Holding(rs.getString("file_name"), rs.getString("city_code"),
                        rs.getTimestamp("submitted_at"), rs.getInt("n"), rs.getInt("g")));
    }

    /** Two files holding counted project rows of one city with ids in common, the older name first. */
    public record SharedIds(String fileA, String fileB, String cityCode, int ids) {
    }

    public List<SharedIds> sharedProjectIds(long runId) {
        return jdbc.query("""
                SELECT a.file_name AS file_a, b.file_name AS file_b, a.city_code, COUNT(DISTINCT a.project_id) AS n
                FROM ra_project_row a JOIN ra_project_row b ON b.run_id = a.run_id AND b.project_id = a.project_id
                    AND b.city_code = a.city_code AND b.file_name > a.file_name
                WHERE a.run_id = :run_id AND a.disposition = 'ACCEPTED' AND NOT a.superseded
                    AND b.disposition = 'ACCEPTED' AND NOT b.superseded
                GROUP BY a.file_name, b.file_name, a.city_code""", run(runId),
                (rs, i) -> new SharedIds(rs.getString("file_a"), rs.getString("file_b"), rs.getString("city_code"),
                        rs.getInt("n")));
    }

    /** The counted project ids of a city in the older file that the newer one lacks, in the older file's order. */
    public List<String> withdrawnIds(long runId, String cityCode, String older, String newer) {
        return jdbc.queryForList("""
                SELECT o.project_id FROM ra_project_row o
                WHERE o.run_id = :run_id AND o.file_name = :older AND o.city_code = :city_code
                    AND o.disposition = 'ACCEPTED' AND NOT o.superseded AND NOT EXISTS (
                        SELECT 1 FROM ra_project_row n WHERE n.run_id = o.run_id AND n.file_name = :newer
                            AND n.city_code = o.city_code AND n.project_id = o.project_id AND n.disposition = 'ACCEPTED')
                ORDER BY o.sheet, o.row_no""", run(runId).addValue("city_code", cityCode).addValue("older", older)
                .addValue("newer", newer), String.class);
    }

    /** An accepted emission row that repeats an earlier row of its file cell for cell, with that first row. */
    public record RepeatedRow(String fileName, String sheet, int rowNo, int partNo, String cityCode, String pollutant,
                              String firstSheet, int firstRowNo) {
    }

    public List<RepeatedRow> repeatedEmissionRows(long runId) {
        // NUMERIC columns compare by value (1.5 = 1.50); blank text cells are alike whether null or empty
        return jdbc.query("""
                SELECT file_name, sheet, row_no, part_no, city_code, pollutant, first_sheet, first_row FROM (
                    SELECT file_name, sheet, row_no, part_no, city_code, pollutant,
                        ROW_NUMBER() OVER (PARTITION BY %1$s ORDER BY sheet, row_no, part_no) AS k,
                        FIRST_VALUE(sheet) OVER (PARTITION BY %1$s ORDER BY sheet, row_no, part_no) AS first_sheet,
                        FIRST_VALUE(row_no) OVER (PARTITION BY %1$s ORDER BY sheet, row_no, part_no) AS first_row
                    FROM ra_emission_row WHERE run_id = :run_id AND disposition = 'ACCEPTED') x
                WHERE k > 1 ORDER BY file_name, sheet, row_no, part_no""".formatted("file_name, city_code, pollutant,"
                        + " COALESCE(sector, ''), base_t, reporting_t, COALESCE(remarks, '')"), run(runId),
                (rs, i) -> new RepeatedRow(rs.getString("file_name"), rs.getString("sheet"), rs.getInt("row_no"),
                        rs.getInt("part_no"), rs.getString("city_code"), rs.getString("pollutant"), rs.getString("first_sheet"),
                        rs.getInt("first_row")));
    }

    /** Ignores these emission rows (they repeat another), one batch. */
    public void ignoreEmissionRows(long runId, List<RepeatedRow> rows) {
        jdbc.batchUpdate("""
                UPDATE ra_emission_row SET disposition = 'IGNORED', ignored_why = :why
                WHERE run_id = :run_id AND file_name = :file_name AND sheet = :sheet AND row_no = :row_no
                    AND part_no = :part_no""",
                rows.stream().map(r -> run(runId).addValue("file_name", r.fileName()).addValue("sheet", r.sheet())
                        .addValue("row_no", r.rowNo()).addValue("part_no", r.partNo())
                        .addValue("why", "与工作表「" + r.firstSheet() + "」第" + r.firstRowNo() + "行重复"))
                        .toArray(SqlParameterSource[]::new));
    }

    /** A file that broke off part-way: intake reported FILE_UNREADABLE about it and staged rows of it. */
    public record BrokenFile(String fileName, FileKind kind) {
    }

    public List<BrokenFile> brokenFiles(long runId, String intakeStage) {
        return jdbc.query("""
                SELECT DISTINCT f.file_name, i.kind FROM ra_finding f
                JOIN ra_input_file i ON i.run_id = f.run_id AND i.file_name = f.file_name
                WHERE f.run_id = :run_id AND f.stage = :stage AND f.rule = 'FILE_UNREADABLE'
                    AND i.kind IS NOT NULL AND (
                        EXISTS (SELECT 1 FROM ra_project_row p WHERE p.run_id = f.run_id AND p.file_name = f.file_name)
                        OR EXISTS (SELECT 1 FROM ra_emission_row e WHERE e.run_id = f.run_id AND e.file_name = f.file_name))
                ORDER BY f.file_name""", run(runId).addValue("stage", intakeStage),
                (rs, i) -> new BrokenFile(rs.getString("file_name"), FileKind.valueOf(rs.getString("kind"))));
    }

    /** The cities of a file's rows not ignored at intake. */
    public List<String> citiesOfFile(long runId, FileKind kind, String fileName) {
        return jdbc.queryForList("""
                SELECT DISTINCT city_code FROM %s WHERE run_id = :run_id AND file_name = :file_name
                    AND city_code IS NOT NULL AND disposition <> 'IGNORED' ORDER BY city_code""".formatted(table(kind)),
                run(runId).addValue("file_name", fileName), String.class);
    }

    /**
     * The row findings of one stage about a file's rows (not those about the file, its sheets or columns): the rows
     * of a file that counts for nothing ask the city for nothing, as a superseded file's do not.
     */
    public void deleteRowFindings(long runId, String stage, String fileName) {
        jdbc.update("""
                DELETE FROM ra_finding WHERE run_id = :run_id AND stage = :stage AND file_name = :file_name
                    AND row_no > 0 AND rule NOT IN (:rules)""", run(runId).addValue("stage", stage)
                .addValue("file_name", fileName).addValue("rules", FILE_LEVEL_RULES));
    }

    /** Every row of the file superseded: it counts for nothing. */
    public void supersedeFile(long runId, FileKind kind, String fileName) {
        jdbc.update("UPDATE %s SET superseded = TRUE WHERE run_id = :run_id AND file_name = :file_name"
                .formatted(table(kind)), run(runId).addValue("file_name", fileName));
    }

    /**
     * The rules of findings about a file, a sheet or a column as a whole, wherever they point (a header row, a unit
     * note): by name, so that rules another change adds (COLUMN_NOT_READ) are covered once they exist.
     */
    public static final List<String> FILE_LEVEL_RULES = List.of("FILE_UNREADABLE", "UNKNOWN_FILE_KIND",
            "MISSING_COLUMN", "UNKNOWN_UNIT", "UNIT_CONVERTED", "SHEET_NOT_READ", "BAD_SUBMISSION_DATE",
            "COLUMN_NOT_READ", "TOTAL_ROW_DIFFERS", "FORMULA_NOT_CALCULATED", "FORMULA_EVALUATED");

    /** A file-level finding without a city, as stored, with its key. */
    public record FileLevelFinding(String stage, int ordinal, Finding finding) {
    }

    /**
     * The findings without a city of these stages that are about a file as a whole: of no row (row 0), or of a
     * {@link #FILE_LEVEL_RULES} rule. A row's own findings without a city (its 设区市 unreadable) are not.
     */
    public List<FileLevelFinding> citylessFileFindings(long runId, List<String> stages) {
        return jdbc.query("""
                SELECT stage, ordinal, severity, rule, file_name, sheet, row_no, cell, cell_value, message FROM ra_finding
                WHERE run_id = :run_id AND stage IN (:stages) AND city_code IS NULL AND file_name <> ''
                    AND (row_no = 0 OR rule IN (:rules))
                ORDER BY file_name, sheet, row_no, stage, ordinal""",
                run(runId).addValue("stages", stages).addValue("rules", FILE_LEVEL_RULES),
                (rs, i) -> new FileLevelFinding(rs.getString("stage"), rs.getInt("ordinal"),
                        new Finding(Severity.valueOf(rs.getString("severity")), Rule.valueOf(rs.getString("rule")), null,
                                rs.getString("file_name"), rs.getString("sheet").isEmpty() ? null : rs.getString("sheet"),
                                rs.getInt("row_no") == 0 ? null : rs.getInt("row_no"), rs.getString("cell"),
                                rs.getString("cell_value"), rs.getString("message"))));
    }

    /** Deletes these findings (their copies, one per city, replace them). */
    public void deleteFindings(long runId, List<FileLevelFinding> list) {
        jdbc.batchUpdate("""
                DELETE FROM ra_finding WHERE run_id = :run_id AND stage = :stage AND file_name = :file_name
                    AND sheet = :sheet AND row_no = :row_no AND ordinal = :ordinal""",
                list.stream().map(f -> run(runId).addValue("stage", f.stage()).addValue("file_name", f.finding().file())
                        .addValue("sheet", f.finding().sheet() == null ? "" : f.finding().sheet())
                        .addValue("row_no", f.finding().row() == null ? 0 : f.finding().row())
                        .addValue("ordinal", f.ordinal())).toArray(SqlParameterSource[]::new));
    }

    /**
     * Rejected rows that still stand (not superseded) per file, city and pollutant or category (null where that
     * cell could not be read).
     */
    public record Rejected(String fileName, String cityCode, String groupCode, int rows) {
    }

    public List<Rejected> rejectedRows(long runId, FileKind kind) {
        String group = kind == FileKind.PROJECTS ? "category_code" : "pollutant";
        return jdbc.query("""
                SELECT file_name, city_code, %1$s AS grp, COUNT(*) AS n FROM %2$s
                WHERE run_id = :run_id AND disposition = 'REJECTED' AND NOT superseded AND city_code IS NOT NULL
                GROUP BY file_name, city_code, %1$s ORDER BY file_name, city_code""".formatted(group, table(kind)),
                run(runId), (rs, i) -> new Rejected(rs.getString("file_name"), rs.getString("city_code"),
                        rs.getString("grp"), rs.getInt("n")));
    }

    /** How many ERROR findings of each rule a file's rows of a city have: why they were rejected. */
    public record RejectionRule(String fileName, String cityCode, String rule, int findings) {
    }

    public List<RejectionRule> rejectionRules(long runId) {
        return jdbc.query("""
                SELECT file_name, city_code, rule, COUNT(*) AS n FROM ra_finding
                WHERE run_id = :run_id AND severity = 'ERROR' AND row_no > 0 AND city_code IS NOT NULL
                GROUP BY file_name, city_code, rule ORDER BY file_name, city_code, rule""", run(runId),
                (rs, i) -> new RejectionRule(rs.getString("file_name"), rs.getString("city_code"), rs.getString("rule"),
                        rs.getInt("n")));
    }

    /** A file of a city skipped whole (or broken off) by one of {@link #SKIPPING_RULES}; kind null when unknown. */
    public record Skipped(String fileName, String cityCode, FileKind kind, String rule) {
    }

    public List<Skipped> skippedFiles(long runId) {
        return jdbc.query("""
                SELECT DISTINCT f.file_name, f.city_code, i.kind, f.rule FROM ra_finding f
                LEFT JOIN ra_input_file i ON i.run_id = f.run_id AND i.file_name = f.file_name
                WHERE f.run_id = :run_id AND f.severity = 'ERROR' AND f.city_code IS NOT NULL AND f.rule IN (:rules)
                    AND (f.row_no = 0 OR f.rule <> 'FORMULA_NOT_CALCULATED')
                ORDER BY f.file_name, f.city_code""", run(runId).addValue("rules", SKIPPING_RULES),
                (rs, i) -> new Skipped(rs.getString("file_name"), rs.getString("city_code"),
                        rs.getString("kind") == null ? null : FileKind.valueOf(rs.getString("kind")), rs.getString("rule")));
    }

    private static MapSqlParameterSource run(long runId) {
        return new MapSqlParameterSource("run_id", runId);
    }

    private static String table(FileKind kind) {
        return kind == FileKind.PROJECTS ? "ra_project_row" : "ra_emission_row";
    }
}
