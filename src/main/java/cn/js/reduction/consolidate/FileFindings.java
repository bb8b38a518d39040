package cn.js.reduction.consolidate;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.intake.StagingWriter;
import cn.js.reduction.store.StagedRowStore;
import cn.js.reduction.store.SubmissionStore;
import cn.js.reduction.store.SubmissionStore.BrokenFile;
import cn.js.reduction.store.SubmissionStore.FileLevelFinding;
import cn.js.reduction.store.SubmissionStore.Holding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Findings about a file as a whole, made to reach the cities that must act on them: each file-level finding without
 * a city (SHEET_NOT_READ, UNIT_CONVERTED, UNKNOWN_UNIT, MISSING_COLUMN, COLUMN_NOT_READ, FILE_UNREADABLE …) is
 * replaced by one copy per city the file submits for, by its name or by its rows, so that it appears in those
 * cities' feedback workbooks and carries their code in findings.csv. And the files that broke off part-way: they
 * count for nothing, and each of their cities is told what its figures rest on instead.
 */
final class FileFindings {

    static final String DISCOVER = "DISCOVER";

    private final SubmissionStore store;
    private final StagedRowStore rows;

    FileFindings(SubmissionStore store, StagedRowStore rows) {
        this.store = store;
        this.rows = rows;
    }

    /**
     * Supersedes every row of each broken file, before supersession decides anything: a part of a list is not the
     * list, so it replaces nothing and counts for nothing. Its rows are listed as read and ignored (files.csv), their
     * row findings go as a superseded file's do; FILE_UNREADABLE and FILE_NOT_COUNTED say why.
     */
    List<BrokenFile> setAsideBroken(long runId) {
        List<BrokenFile> broken = store.brokenFiles(runId, StagingWriter.STAGE);
        for (BrokenFile b : broken) {
            store.supersedeFile(runId, b.kind(), b.fileName());
            store.deleteRowFindings(runId, StagingWriter.STAGE, b.fileName());
        }
        return broken;
    }

    /** FILE_NOT_COUNTED for each city of each broken file, once supersession has decided what counts instead. */
    void brokenWarnings(long runId, List<BrokenFile> broken, Ledger ledger) {
        for (BrokenFile b : broken) {
            Map<String, List<String>> counted = new HashMap<>();
            for (Holding h : store.holdings(runId, b.kind())) {
                counted.computeIfAbsent(h.cityCode(), k -> new ArrayList<>()).add(h.fileName());
            }
            Set<String> cities = new TreeSet<>(ledger.named(b.fileName()));
            cities.addAll(store.citiesOfFile(runId, b.kind(), b.fileName()));
            for (String city : cities) {
                String name = ledger.cityName(city);
                List<String> instead = counted.getOrDefault(city, List.of());
                String rests = instead.isEmpty() ? name + "市因此没有可计入的" + b.kind().title()
                        : name + "市的" + b.kind().title() + "仍以「" + String.join("」「", instead) + "」为准";
                ledger.findings.add(Finding.of(Rule.FILE_NOT_COUNTED, city, b.fileName(), null, null, null, null,
                        b.kind().title() + "「" + b.fileName() + "」读到一半中断（见 FILE_UNREADABLE），已读的行只列出、不计入，"
                                + "也不替代较早的文件；" + rests + "。请重新导出完整的文件后报送"));
            }
        }
    }

    /**
     * Replaces each file-level finding without a city, of discovery and intake, by a copy for each city of its file
     * (named by the file name, or of its rows); a file of no city keeps its finding as it is.
     */
    void toCities(long runId, Ledger ledger, List<Finding> out) {
        List<FileLevelFinding> cityless = store.citylessFileFindings(runId, List.of(DISCOVER, StagingWriter.STAGE));
        if (cityless.isEmpty()) {
            return;
        }
        Map<String, Set<String>> citiesOf = new HashMap<>();
        for (StagedRowStore.FileCityRows r : rows.citiesPerFile(runId)) {
            citiesOf.computeIfAbsent(r.fileName(), k -> new TreeSet<>()).add(r.cityCode());
        }
        List<FileLevelFinding> replaced = new ArrayList<>();
        for (FileLevelFinding f : cityless) {
            String file = f.finding().file();
            Set<String> cities = new TreeSet<>(ledger.named(file));
            cities.addAll(citiesOf.getOrDefault(file, Set.of()));
            if (cities.isEmpty()) {
                continue;
            }
            Finding x = f.finding();
            for (String city : cities) {
                out.add(new Finding(x.severity(), x.rule(), city, x.file(), x.sheet(), x.row(), x.cell(), x.value(),
                        x.message()));
            }
            replaced.add(f);
        }
        store.deleteFindings(runId, replaced);
    }
}
