package cn.js.reduction.store;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.InputLimits;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The staged rows' columns by name, as {@link StagedRowStore} inserts them: where each row was read (its key
 * within the run: file, sheet, row and part) and what became of it. Split from StagedRowStore.
 */
public final class StagedParameters {

    private StagedParameters() {
    }

    /**
     * Where a staged row was read and what became of it: its key within the run, its disposition and its city
     * (when its 设区市 cell could be resolved, else null), and its pollutant or category when read (else null).
     */
    public record Place(String file, String sheet, int rowNumber, int part, Disposition disposition, String cityCode,
                        String groupCode, WrittenWords written, String why, String cells) {

        public Place {
            written = written == null ? WrittenWords.NONE : written;
        }
    }


    /** A project row's columns by name; a row without a record (rejected before it had one) keeps only its place. */
    public static MapSqlParameterSource project(long runId, Place o, ProjectRecord p, String idCell) {
        WrittenWords w = o.written();
        MapSqlParameterSource row = place(runId, o).addValue("id_cell", text(idCell))
                .addValue("city_written", written(w.city())).addValue("category_written", written(w.group()))
                .addValue("status_written", written(w.status())).addValue("planned_written", written(w.planned()))
                .addValue("actual_written", written(w.actual()));
        if (p == null) {
            return row.addValue("city_code", text(o.cityCode())).addValue("project_id", null)
                    .addValue("district", null).addValue("project_name", null).addValue("responsible_unit", null)
                    .addValue("credit_code", null).addValue("category_code", text(o.groupCode())).addValue("status", null)
                    .addValue("counted_status", null).addValue("planned_completion", null)
                    .addValue("actual_completion", null).addValue("investment", null).addValue("remarks", null);
        }
        return row.addValue("city_code", text(p.cityCode()))
                .addValue("project_id", text(p.projectId()))
                .addValue("district", text(p.district()))
                .addValue("project_name", text(p.projectName()))
                .addValue("responsible_unit", text(p.responsibleUnit()))
                .addValue("credit_code", text(p.creditCode()))
                .addValue("category_code", text(p.categoryCode()))
                .addValue("status", p.status().name())
                .addValue("counted_status", p.countedStatus().name())
                .addValue("planned_completion", date(p.plannedCompletion()))
                .addValue("actual_completion", date(p.actualCompletion()))
                .addValue("investment", p.investment())
                .addValue("remarks", text(p.remarks()));
    }

    /**
     * A project row's claims by name, one per pollutant it claims other than 0 (a claim of 0 is not staged: it
     * reads back as 0); none for a row without a record.
     */
    public static List<MapSqlParameterSource> claims(long runId, Place o, ProjectRecord p) {
        List<MapSqlParameterSource> out = new ArrayList<>();
        if (p != null) {
            p.claims().forEach((pollutant, tonnes) -> {
                if (tonnes.signum() != 0) {
                    out.add(new MapSqlParameterSource("run_id", runId).addValue("file_name", text(o.file()))
                            .addValue("sheet", text(o.sheet())).addValue("row_no", o.rowNumber())
                            .addValue("pollutant", pollutant).addValue("claimed_t", tonnes));
                }
            });
        }
        return out;
    }

    /** An emission row's columns by name; a row without a record keeps only its place. */
    public static MapSqlParameterSource emission(long runId, Place o, EmissionRecord e) {
        MapSqlParameterSource row = place(runId, o).addValue("city_written", written(o.written().city()))
                .addValue("pollutant_written", written(o.written().group()));
        if (e == null) {
            return row.addValue("city_code", text(o.cityCode())).addValue("pollutant", text(o.groupCode()))
                    .addValue("sector", null).addValue("base_t", null).addValue("reporting_t", null)
                    .addValue("remarks", null);
        }
        return row.addValue("city_code", text(e.cityCode()))
                .addValue("pollutant", e.pollutant().code())
                .addValue("sector", text(e.sector()))
                .addValue("base_t", e.baseT())
                .addValue("reporting_t", e.reportingT())
                .addValue("remarks", text(e.remarks()));
    }

    private static MapSqlParameterSource place(long runId, Place o) {
        return new MapSqlParameterSource("run_id", runId)
                .addValue("file_name", text(o.file()))
                .addValue("sheet", text(o.sheet()))
                .addValue("row_no", o.rowNumber())
                .addValue("part_no", o.part())
                .addValue("disposition", o.disposition().name())
                .addValue("ignored_why", written(o.why()))
                .addValue("read_cells", o.cells() == null ? null : text(InputLimits.forDisplay(o.cells(), 200)));
    }

    /**
     * Text as the database can store it (no NUL, no lone surrogate). Lengths are checked by the row rules before
     * this, so nothing here can be too long; this is the last guard for characters.
     */
    private static String text(String s) {
        return InputLimits.storable(s);
    }

    /** A written word as its staging column holds it: cut, with a mark, where longer. */
    private static String written(String s) {
        return s == null ? null : text(InputLimits.forDisplay(s, WrittenWords.MAX_CHARS));
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
