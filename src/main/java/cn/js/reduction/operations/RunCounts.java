package cn.js.reduction.operations;

import cn.js.reduction.consolidate.Consolidation;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.InputFileStore;
import cn.js.reduction.store.StagedRowStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's headline counts, for the operator's one-screen summary, counted exactly as files.csv counts them:
 * after consolidation. Intake counts a row accepted, rejected or ignored as it reads it (the log's and the
 * intake steps' figures); consolidation then turns the rows of superseded submissions into ignored ones and
 * rejects later duplicates of a project id. Where the two differ, the difference is said, never left to guess.
 *
 * @param superseded rows of older submissions replaced by a newer file of their city (counted in ignored)
 * @param duplicates rows rejected after intake as a duplicate project id (counted in rejected)
 */
record RunCounts(int files, int skippedFiles, long read, long accepted, long rejected, long ignored, long superseded,
                 long duplicates, long errors, long warnings) {

    static RunCounts of(JdbcTemplate jdbc, long runId) {
        InputFileStore inputFiles = new InputFileStore(jdbc);
        int files = inputFiles.count(runId, false);
        int skipped = inputFiles.count(runId, true);
        long read = 0;
        long accepted = 0;
        long rejected = 0;
        long ignored = 0;
        long superseded = 0;
        long duplicates = 0;
        for (FileRows f : perFile(jdbc, runId).values()) {
            read += f.read();
            accepted += f.accepted();
            rejected += f.rejected();
            ignored += f.ignored();
            superseded += f.superseded();
            duplicates += f.duplicates();
        }
        FindingStore findings = new FindingStore(jdbc);
        long errors = findings.count(runId, Severity.ERROR);
        long warnings = findings.count(runId, Severity.WARNING);
        return new RunCounts(files, skipped, read, accepted, rejected, ignored, superseded, duplicates, errors,
                warnings);
    }

    /**
     * One file's rows as files.csv counts them (read = accepted + rejected + ignored), and what consolidation
     * changed after intake.
     *
     * @param supersededAccepted rows accepted at intake, then superseded (now ignored)
     * @param supersededRejected rows rejected at intake, then superseded (now ignored)
     * @param supersededFor      the cities whose rows in this file a newer submission replaced
     * @param duplicates         rows accepted at intake, then rejected as a duplicate project id
     */
    record FileRows(long read, long accepted, long rejected, long ignored, long supersededAccepted,
                    long supersededRejected, List<String> supersededFor, long duplicates) {

        long superseded() {
            return supersededAccepted + supersededRejected;
        }

        /** True when intake's verdicts stand as they were: the intake step's counts are files.csv's. */
        boolean unchangedSinceIntake() {
            return superseded() == 0 && duplicates == 0;
        }

        /**
         * What an operator reads under an intake step whose counts consolidation changed, e.g. "after consolidation
         * (as in files.csv): accepted 0  rejected 1  ignored 308; 308 accepted at intake, of which 308 superseded
         * (320200) by a newer submission".
         */
        String afterConsolidation() {
            List<String> why = new ArrayList<>();
            long acceptedAtIntake = accepted + supersededAccepted + duplicates;
            if (supersededAccepted > 0 || duplicates > 0) {
                List<String> parts = new ArrayList<>();
                if (supersededAccepted > 0) {
                    parts.add(supersededAccepted + " superseded (" + String.join(";", supersededFor)
                            + ") by a newer submission");
                }
                if (duplicates > 0) {
                    parts.add(duplicates + " rejected as duplicate project ids");
                }
                why.add(acceptedAtIntake + " accepted at intake, of which " + String.join(" and ", parts));
            }
            if (supersededRejected > 0) {
                why.add(supersededRejected + " rejected at intake, since superseded (now ignored)");
            }
            return String.format("after consolidation (as in files.csv): accepted %d  rejected %d  ignored %d; %s",
                    accepted, rejected, ignored, String.join("; ", why));
        }
    }

    /** Every file's rows after consolidation, by file name; empty when the run staged none. */
    static Map<String, FileRows> perFile(JdbcTemplate jdbc, long runId) {
        Map<String, FileRows> out = new HashMap<>();
        try {
            Map<String, Long> duplicates = new FindingStore(jdbc).countPerFile(runId, Consolidation.STAGE,
                    Rule.DUPLICATE_PROJECT_ID);
            StagedRowStore rows = new StagedRowStore(jdbc);
            Map<String, Set<String>> supersededFor = new HashMap<>();
            for (StagedRowStore.FileCityRows r : rows.supersededPerFile(runId)) {
                supersededFor.computeIfAbsent(r.fileName(), k -> new TreeSet<>()).add(r.cityCode());
            }
            for (StagedRowStore.FileRowCounts c : rows.rowCountsPerFile(runId)) {
                String file = c.fileName();
                out.put(file, new FileRows(c.readRows(), c.accepted(), c.rejected(), c.ignored(),
                        c.supersededAccepted(), c.supersededRejected(),
                        List.copyOf(supersededFor.getOrDefault(file, new TreeSet<>())), duplicates.getOrDefault(file, 0L)));
            }
        } catch (DataAccessException e) {
            // a database whose pipeline tables do not exist (yet): no rows staged, nothing to explain
            return Map.of();
        }
        return out;
    }

    String describe() {
        List<String> why = new ArrayList<>();
        if (superseded > 0) {
            why.add(superseded + " of the ignored superseded by newer submissions");
        }
        if (duplicates > 0) {
            why.add(duplicates + " of the rejected duplicate project ids");
        }
        return String.format("files: %d (%d skipped); rows: %d read = %d accepted + %d rejected + %d ignored%s;"
                + " findings: %d errors, %d warnings", files, skippedFiles, read, accepted, rejected, ignored,
                why.isEmpty() ? "" : " (" + String.join(", ", why) + ")", errors, warnings);
    }
}
