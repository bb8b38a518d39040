package cn.js.reduction.report.data;

import cn.js.reduction.core.Finding;
import cn.js.reduction.reconcile.ProjectTally;
import cn.js.reduction.reconcile.ReductionTally;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.ChangeStore;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything a report needs, read from the run's result and staging tables. Row-level data is handed over
 * one row at a time so that a million projects never sit in memory. A cityCode of null means the whole
 * province.
 */
public interface ReportData {

    /** The key a finding and a detail row share: the input file, sheet and row. */
    static String rowKey(String file, String sheet, Integer row) {
        return file + '\u0001' + sheet + '\u0001' + row;
    }

    RunInfo runInfo();

    ReferenceData reference();

    /** 14 × 19 tallies in city (annex order, province last) × category (annex order, TOTAL last) order. */
    List<ProjectTally> projectTallies();

    /** 14 × 3 tallies in city × pollutant order, province last. */
    List<ReductionTally> reductionTallies();

    /** Findings in file, sheet, row, cell order; for a city, those of its rows and files and its own. */
    void forEachFinding(String cityCode, Consumer<Finding> action);

    /** Accepted projects in file, sheet, row order. */
    void forEachAcceptedProject(String cityCode, Consumer<AcceptedProject> action);

    /** Accepted emission rows that count (newest submission of their city), in file, sheet, row order. */
    void forEachAcceptedEmission(String cityCode, Consumer<AcceptedEmission> action);

    /**
     * The columns the rows of a sheet read were read from (its header's first to last), or null when the run did
     * not record them (a run staged before they were).
     */
    ReadColumns readColumns(String file, String sheet);

    /** Rejected rows' findings of severity ERROR (one line per reason), in file, sheet, row order. */
    void forEachRejection(String cityCode, Consumer<Finding> action);

    /** What changed between a city's two submissions where a newer file replaced an older one (前后对比). */
    default List<ChangeStore.Change> changes(String cityCode) {
        return List.of();
    }

    /** Each city's changes counted by type (added, withdrawn, changed), for the province's run sheet. */
    default Map<String, int[]> changeCounts() {
        return Map.of();
    }
}
