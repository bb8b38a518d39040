package cn.js.reduction.store;

import cn.js.reduction.core.FileKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * ra_supersession, which older file a newer one replaced for a city, and what changed between the two: the rows
 * added, withdrawn and changed, by project id (project lists) or by pollutant and sector (emission reports), for the
 * feedback workbook's 前后对比. The two files' rows of one city are a few hundred at most: compared in memory.
 */
public final class ChangeStore {

    /** What happened to a row between a city's two submissions. */
    public enum ChangeType {
        ADDED, WITHDRAWN, CHANGED
    }

    /** One replacement decided by consolidation. */
    public record Supersession(FileKind kind, String cityCode, String olderFile, String newerFile) {
    }

    /**
     * One row's change: for CHANGED one per cell that differs, with both values; for ADDED and WITHDRAWN one for the
     * row (column and values null). The places are the row in each file (null sheet where the file has none).
     */
    public record Change(Supersession of, ChangeType type, String key, String column, String previous,
                         String current, String olderSheet, Integer olderRow, String newerSheet, Integer newerRow) {
    }

    /** A row of one file keyed for comparison, with the cells compared by column name. */
    private record Keyed(String key, String sheet, int row, Map<String, String> cells) {
    }

    private static final String[] PROJECT_COLUMNS = {"project_name", "responsible_unit", "district", "category_code",
        "status", "planned_completion", "actual_completion", "investment", "remarks"};
    private static final String[] EMISSION_COLUMNS = {"base_t", "reporting_t", "remarks"};

    private final NamedParameterJdbcTemplate jdbc;

    public ChangeStore(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Replaces the run's supersessions with these. */
    public void replace(long runId, List<Supersession> list) {
        jdbc.update("DELETE FROM ra_supersession WHERE run_id = :run_id", new MapSqlParameterSource("run_id", runId));
        jdbc.batchUpdate("""
                INSERT INTO ra_supersession (run_id, kind, city_code, older_file, newer_file)
                VALUES (:run_id, :kind, :city_code, :older_file, :newer_file)""",
                list.stream().map(s -> new MapSqlParameterSource("run_id", runId).addValue("kind", s.kind().name())
                        .addValue("city_code", s.cityCode()).addValue("older_file", s.olderFile())
                        .addValue("newer_file", s.newerFile())).toArray(SqlParameterSource[]::new));
    }

    /** The run's supersessions, all or a city's, by city, kind and older file. */
    public List<Supersession> supersessions(long runId, String cityCode) {
        return jdbc.query("""
                SELECT kind, city_code, older_file, newer_file FROM ra_supersession
                WHERE run_id = :run_id AND (CAST(:city_code AS VARCHAR(6)) IS NULL OR city_code = :city_code)
                ORDER BY city_code, kind, older_file""",
                new MapSqlParameterSource("run_id", runId).addValue("city_code", cityCode),
                (rs, i) -> new Supersession(FileKind.valueOf(rs.getString("kind")), rs.getString("city_code"),
                        rs.getString("older_file"), rs.getString("newer_file")));
    }

    /** What changed for each of a city's supersessions, in key order, the added and withdrawn rows with the changed. */
    public List<Change> changes(long runId, String cityCode) {
        List<Change> out = new ArrayList<>();
        forEachChange(runId, cityCode, out::add);
        return out;
    }

    /** Each city's count of changes by type, for the province's run sheet: counted, never all held at once. */
    public Map<String, int[]> countsPerCity(long runId) {
        Map<String, int[]> out = new LinkedHashMap<>();
        forEachChange(runId, null, c -> out.computeIfAbsent(c.of().cityCode(),
                k -> new int[ChangeType.values().length])[c.type().ordinal()]++);
        return out;
    }

    private void forEachChange(long runId, String cityCode, Consumer<Change> out) {
        for (Supersession s : supersessions(runId, cityCode)) {
            Map<String, Keyed> older = rows(runId, s, s.olderFile());
            Map<String, Keyed> newer = rows(runId, s, s.newerFile());
            for (Keyed n : newer.values()) {
                Keyed o = older.get(n.key());
                if (o == null) {
                    out.accept(new Change(s, ChangeType.ADDED, n.key(), null, null, null, null, null, n.sheet(), n.row()));
                    continue;
                }
                n.cells().forEach((column, value) -> {
                    String before = o.cells().get(column);
                    if (!Objects.equals(before, value)) {
                        out.accept(new Change(s, ChangeType.CHANGED, n.key(), column, before, value, o.sheet(), o.row(),
                                n.sheet(), n.row()));
                    }
                });
            }
            for (Keyed o : older.values()) {
                if (!newer.containsKey(o.key())) {
                    out.accept(new Change(s, ChangeType.WITHDRAWN, o.key(), null, null, null, o.sheet(), o.row(), null,
                            null));
                }
            }
        }
    }

    /**
     * The file's rows of the city accepted at intake (superseded or not), keyed: a project by its id, an emission
     * row by pollutant and sector; of rows of one key the first is compared, its figures summed for emissions.
     */
    private Map<String, Keyed> rows(long runId, Supersession s, String file) {
        boolean projects = s.kind() == FileKind.PROJECTS;
        String[] columns = projects ? PROJECT_COLUMNS : EMISSION_COLUMNS;
        String sql = "SELECT " + (projects ? "project_id AS k" : "pollutant || ' ' || COALESCE(sector, '') AS k")
                + ", sheet, row_no, " + String.join(", ", columns) + " FROM "
                + (projects ? "ra_project_row" : "ra_emission_row")
                + " WHERE run_id = :run_id AND file_name = :file_name AND city_code = :city_code"
                + " AND disposition = 'ACCEPTED' ORDER BY sheet, row_no";
        Map<String, Keyed> out = new LinkedHashMap<>();
        jdbc.query(sql, new MapSqlParameterSource("run_id", runId).addValue("file_name", file)
                .addValue("city_code", s.cityCode()), (RowCallbackHandler) rs -> {
                    Map<String, String> cells = new LinkedHashMap<>();
                    for (String c : columns) {
                        Object v = rs.getObject(c);
                        cells.put(c, v instanceof BigDecimal d ? plain(d) : v == null ? null : v.toString());
                    }
                    Keyed k = new Keyed(rs.getString("k").trim(), rs.getString("sheet"), rs.getInt("row_no"), cells);
                    out.merge(k.key(), k, (a, b) -> projects ? a : summed(a, b));
                });
        return out;
    }

    private static Keyed summed(Keyed a, Keyed b) {
        Map<String, String> cells = new LinkedHashMap<>(a.cells());
        for (String c : new String[]{"base_t", "reporting_t"}) {
            BigDecimal x = a.cells().get(c) == null ? BigDecimal.ZERO : new BigDecimal(a.cells().get(c));
            BigDecimal y = b.cells().get(c) == null ? BigDecimal.ZERO : new BigDecimal(b.cells().get(c));
            cells.put(c, plain(x.add(y)));
        }
        return new Keyed(a.key(), a.sheet(), a.row(), cells);
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
