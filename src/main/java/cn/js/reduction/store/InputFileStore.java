package cn.js.reduction.store;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** ra_input_file: the files of a run's input set as discovery found them. */
public final class InputFileStore {

    /** A file as discovery records it; kind, sheet and header row are null when it could not be recognised. */
    public record InputFile(String fileName, String sha256, long sizeBytes, LocalDateTime submittedAt, String kind,
                            String sheetName, Integer headerRow, boolean readable) {
    }

    /** A readable file and the hash discovery recorded for it. */
    public record ReadableFile(String fileName, String sha256) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public InputFileStore(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    public void deleteRun(long runId) {
        jdbc.update("DELETE FROM ra_input_sheet WHERE run_id = :run_id", new MapSqlParameterSource("run_id", runId));
        jdbc.update("DELETE FROM ra_input_file WHERE run_id = :run_id", new MapSqlParameterSource("run_id", runId));
    }

    /**
     * A sheet read, and the cells its rows are read from: the first and last column (0-based) of its header.
     * One row per sheet, so that a detail row's lineage names its cells without a column on every staged row.
     *
     * @param columnsRead the columns mapped to a field
     */
    public record SheetColumns(String fileName, String sheet, int headerRow, int firstColumn, int lastColumn,
                               int columnsRead) {
    }

    public void insertSheet(long runId, SheetColumns s) {
        jdbc.update("""
                INSERT INTO ra_input_sheet (run_id, file_name, sheet, header_row, first_column, last_column, columns_read)
                VALUES (:run_id, :file_name, :sheet, :header_row, :first_column, :last_column, :columns_read)""",
                new MapSqlParameterSource("run_id", runId)
                        .addValue("file_name", s.fileName())
                        .addValue("sheet", s.sheet())
                        .addValue("header_row", s.headerRow())
                        .addValue("first_column", s.firstColumn())
                        .addValue("last_column", s.lastColumn())
                        .addValue("columns_read", s.columnsRead()));
    }

    /**
     * Sets how many columns of a sheet held data but were not read (each has its COLUMN_NOT_READ finding), as the
     * sheet's account found at its last row: set, not added to, so that a file read again on restart counts once.
     */
    public void setColumnsNotRead(long runId, String fileName, String sheet, int columnsNotRead) {
        jdbc.update("""
                UPDATE ra_input_sheet SET columns_not_read = :n
                WHERE run_id = :run_id AND file_name = :file_name AND sheet = :sheet""",
                new MapSqlParameterSource("run_id", runId).addValue("file_name", fileName).addValue("sheet", sheet)
                        .addValue("n", columnsNotRead));
    }

    /** Forgets a file's columns not read, with the rest of what a previous attempt at the file staged. */
    public void clearColumnsNotRead(long runId, String fileName) {
        jdbc.update("UPDATE ra_input_sheet SET columns_not_read = 0 WHERE run_id = :run_id AND file_name = :file_name",
                new MapSqlParameterSource("run_id", runId).addValue("file_name", fileName));
    }

    /** A file's columns read and not read, summed over its sheets read. */
    public record ColumnCounts(int read, int notRead) {
    }

    /** By file, its columns read and not read, summed over its sheets read; a file with no sheet read is absent. */
    public java.util.Map<String, ColumnCounts> columnCounts(long runId) {
        java.util.Map<String, ColumnCounts> out = new java.util.TreeMap<>();
        jdbc.query("""
                SELECT file_name, SUM(columns_read) AS read_n, SUM(columns_not_read) AS not_read_n FROM ra_input_sheet
                WHERE run_id = :run_id GROUP BY file_name""",
                new MapSqlParameterSource("run_id", runId), rs -> {
                    out.put(rs.getString("file_name"), new ColumnCounts(rs.getInt("read_n"), rs.getInt("not_read_n")));
                });
        return out;
    }

    /** Every sheet the run read, by file and sheet. */
    public List<SheetColumns> sheetColumns(long runId) {
        return jdbc.query("""
                SELECT file_name, sheet, header_row, first_column, last_column, columns_read FROM ra_input_sheet
                WHERE run_id = :run_id
                ORDER BY file_name, sheet""",
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new SheetColumns(rs.getString("file_name"),
                        rs.getString("sheet"), rs.getInt("header_row"), rs.getInt("first_column"), rs.getInt("last_column"),
                        rs.getInt("columns_read")));
    }

    public void insert(long runId, InputFile f) {
        jdbc.update("""
                INSERT INTO ra_input_file (run_id, file_name, sha256, size_bytes, submitted_at, kind, sheet_name,
                    header_row, readable)
                VALUES (:run_id, :file_name, :sha256, :size_bytes, :submitted_at, :kind, :sheet_name, :header_row,
                    :readable)""",
                new MapSqlParameterSource("run_id", runId)
                        .addValue("file_name", f.fileName())
                        .addValue("sha256", f.sha256())
                        .addValue("size_bytes", f.sizeBytes())
                        .addValue("submitted_at", Timestamp.valueOf(f.submittedAt()))
                        .addValue("kind", f.kind())
                        .addValue("sheet_name", f.sheetName())
                        .addValue("header_row", f.headerRow())
                        .addValue("readable", f.readable()));
    }

    /** The run's readable files by name: the order the intake partitions are numbered in. */
    public List<ReadableFile> readable(long runId) {
        return jdbc.query("""
                SELECT file_name, sha256 FROM ra_input_file
                WHERE run_id = :run_id AND readable
                ORDER BY file_name""",
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new ReadableFile(rs.getString("file_name"), rs.getString("sha256")));
    }

    /** A file whose content another file of the run also has. */
    public record SameContent(String sha256, String fileName) {
    }

    /** The run's non-empty files whose SHA-256 another of its files also has, by hash then name. */
    public List<SameContent> sameContent(long runId) {
        return jdbc.query("""
                SELECT f.sha256, f.file_name
                FROM ra_input_file f JOIN (
                    SELECT sha256 FROM ra_input_file WHERE run_id = :run_id AND size_bytes > 0
                    GROUP BY sha256 HAVING COUNT(*) > 1) d ON d.sha256 = f.sha256
                WHERE f.run_id = :run_id
                ORDER BY f.sha256, f.file_name""",
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new SameContent(rs.getString("sha256"), rs.getString("file_name")));
    }

    /** A file as the outputs list it. */
    public record ListedFile(String fileName, String sha256, long sizeBytes, String kind) {
    }

    /** Every file of the run (readable or not), by name. */
    public List<ListedFile> files(long runId) {
        return jdbc.query("SELECT file_name, sha256, size_bytes, kind FROM ra_input_file WHERE run_id = :run_id ORDER BY file_name",
                new MapSqlParameterSource("run_id", runId), (rs, i) -> new ListedFile(rs.getString("file_name"), rs.getString("sha256"),
                        rs.getLong("size_bytes"), rs.getString("kind")));
    }

    /** How many files the run has; with {@code unreadableOnly}, how many of them were skipped. */
    public int count(long runId, boolean unreadableOnly) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM ra_input_file WHERE run_id = :run_id"
                + (unreadableOnly ? " AND NOT readable" : ""), new MapSqlParameterSource("run_id", runId),
                Integer.class);
        return n == null ? 0 : n;
    }
}
