package cn.js.reduction.consolidate;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.discover.FileNameCities;
import cn.js.reduction.intake.StagingWriter;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.InputFileStore;
import cn.js.reduction.store.StagedRowStore;
import cn.js.reduction.store.StagedRowStore.FileCity;
import cn.js.reduction.store.StagedRowStore.IdRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks that need every file at once, done set-based after intake (docs/input-format.md, docs/rules.md):
 * <ol>
 *   <li>Resubmission: a file submits for the cities it has accepted rows of; if its name names cities
 *       ({@link FileNameCities}), for those of them only. For each city and kind only the newest file that
 *       submits for that city counts; the older ones' rows of that city become ignored (superseded), with one
 *       SUPERSEDED_FILE finding each. A row of a city its file does not submit for (ROW_OF_OTHER_CITY, flagged at
 *       intake) stays accepted and supersedes nothing: one stray row never wipes out another city's submission.
 *       Rejected rows never make a file a submission.</li>
 *   <li>DUPLICATE_PROJECT_ID: among the rows still accepted, the first occurrence of an id by file name then
 *       row is kept, the later ones are rejected naming the first.</li>
 * </ol>
 * One aggregate query per kind decides supersession (its result is a handful of rows per file), and the changes
 * are applied per file and city, never per row: the work stays linear in the rows staged. Runs in one
 * transaction: either all of it is applied or none, so a restart simply runs it again.
 */
public final class Consolidation {

    public static final String STAGE = "CONSOLIDATE";

    private static final Logger log = LoggerFactory.getLogger(Consolidation.class);

    private final StagedRowStore rows;
    private final InputFileStore files;
    private final FindingStore findings;

    public Consolidation(JdbcTemplate jdbc) {
        this.rows = new StagedRowStore(jdbc);
        this.files = new InputFileStore(jdbc);
        this.findings = new FindingStore(jdbc);
    }

    public void consolidate(long runId, ReferenceData reference) {
        findings.deleteStage(runId, STAGE);
        List<Finding> out = new ArrayList<>();
        supersede(runId, FileKind.PROJECTS, reference, out);
        supersede(runId, FileKind.EMISSIONS, reference, out);
        rejectDuplicates(runId, out);
        identicalFiles(runId, out);
        findings.insertAll(runId, STAGE, out);
    }

    private void supersede(long runId, FileKind kind, ReferenceData reference, List<Finding> out) {
        rows.clearSuperseded(runId, kind);
        List<FileCity> accepted = rows.acceptedFileCities(runId, kind);
        Map<String, Set<String>> named = new HashMap<>();
        List<FileCity> submissions = accepted.stream().filter(p -> {
            Set<String> cities = named.computeIfAbsent(p.fileName(), f -> FileNameCities.of(f, reference));
            return cities.isEmpty() || cities.contains(p.cityCode());
        }).toList();
        Map<String, FileCity> newest = new HashMap<>();
        for (FileCity p : submissions) {
            newest.merge(p.cityCode(), p, (a, b) -> newer(a, b) ? a : b);
        }
        List<FileCity> superseded = submissions.stream().filter(p -> newest.get(p.cityCode()) != p).toList();
        if (superseded.isEmpty()) {
            return;
        }
        int[] marked = rows.markSuperseded(runId, kind, superseded);
        // the rows now count as ignored: their row findings no longer ask the city for anything
        findings.deleteStageFileCities(runId, StagingWriter.STAGE, superseded);
        for (int i = 0; i < superseded.size(); i++) {
            FileCity p = superseded.get(i);
            FileCity winner = newest.get(p.cityCode());
            String city = reference.city(p.cityCode()).map(c -> c.name()).orElse(p.cityCode());
            int count = marked[i] >= 0 ? marked[i] : 0;
            log.info("  {}: {} rows of {} {} superseded by {}; they count as ignored", p.fileName(), count,
                    p.cityCode(), city, winner.fileName());
            // two files of one date (the same _YYYYMMDD, or the same second of modification): the name decides,
            // and the clerk is told so, since neither file is newer than the other
            boolean tie = p.submittedAt().equals(winner.submittedAt());
            out.add(Finding.of(Rule.SUPERSEDED_FILE, p.cityCode(), p.fileName(), null, null, null, null,
                    kind.title() + "「" + p.fileName() + "」中" + city + "市的" + count + "行已被"
                            + (tie ? "同一报送日期、文件名排序在后的文件「" : "较新的报送文件「") + winner.fileName()
                            + "」替代，不再计入" + (tie ? "；如应以本文件为准，请在文件名末尾注明较晚的报送日期（_YYYYMMDD）" : "")
                            + " (" + count + " rows of " + p.cityCode() + " superseded by " + winner.fileName()
                            + (tie ? ", of the same submission date, whose name sorts later" : "") + ")"));
        }
    }

    /**
     * DUPLICATE_FILE on each file whose content (SHA-256) another file of the run also has, naming it: the same
     * list sent twice under two names is counted once for its city by supersession, but the clerk should know.
     * Empty files, all alike, have their own finding.
     */
    private void identicalFiles(long runId, List<Finding> out) {
        Map<String, List<String>> bySha = new LinkedHashMap<>();
        for (InputFileStore.SameContent f : files.sameContent(runId)) {
            bySha.computeIfAbsent(f.sha256(), k -> new ArrayList<>()).add(f.fileName());
        }
        for (List<String> same : bySha.values()) {
            for (String file : same) {
                String other = same.get(same.get(0).equals(file) ? 1 : 0);
                String more = same.size() > 2 ? "等 " + (same.size() - 1) + " 个文件" : "";
                out.add(Finding.of(Rule.DUPLICATE_FILE, null, file, null, null, null, null,
                        "文件「" + file + "」与「" + other + "」" + more + "内容完全相同（SHA-256 一致），是同一份文件报送了两次；"
                                + "请删除多余的一份 (the same content as " + other + ": sent twice; remove one)"));
            }
        }
    }

    /** True when a is the newer submission: later date, or the same date and the later file name. */
    private static boolean newer(FileCity a, FileCity b) {
        int c = a.submittedAt().compareTo(b.submittedAt());
        return c != 0 ? c > 0 : a.fileName().compareTo(b.fileName()) > 0;
    }

    private void rejectDuplicates(long runId, List<Finding> out) {
        List<IdRow> ids = rows.duplicateIds(runId);
        IdRow first = null;
        List<StagedRowStore.RowKey> later = new ArrayList<>();
        for (IdRow r : ids) {
            if (first == null || !first.projectId().equals(r.projectId())) {
                first = r;
                continue;
            }
            later.add(new StagedRowStore.RowKey(r.fileName(), r.sheet(), r.rowNo()));
            out.add(Finding.of(Rule.DUPLICATE_PROJECT_ID, r.cityCode(), r.fileName(), r.sheet(), r.rowNo(), r.idCell(),
                    r.projectId(), "第" + r.rowNo() + "行 项目编号（" + r.idCell() + "）「" + r.projectId() + "」与「" + first.fileName()
                            + "」第" + first.rowNo() + "行重复，只保留首次出现的一行。请核对并使用唯一的项目编号"
                            + " (duplicate of " + first.fileName() + " row " + first.rowNo() + ")"));
        }
        if (!later.isEmpty()) {
            rows.rejectProjects(runId, later);
            log.info("  {} {} rejected as duplicate project ids (DUPLICATE_PROJECT_ID)", later.size(),
                    later.size() == 1 ? "row" : "rows");
        }
    }
}
