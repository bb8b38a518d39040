package cn.js.reduction.consolidate;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.intake.StagingWriter;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.ChangeStore;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.InputFileStore;
import cn.js.reduction.store.StagedRowStore;
import cn.js.reduction.store.SubmissionStore;
import cn.js.reduction.store.StagedRowStore.IdRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The checks that need every file at once, done set-based after intake (docs/input-format.md, docs/rules.md), in
 * this order:
 * <ol>
 *   <li>A file that broke off part-way (FILE_UNREADABLE after some rows) counts for nothing and supersedes nothing:
 *       its rows are set aside first ({@link FileFindings}).</li>
 *   <li>An emission row that repeats an earlier row of its file cell for cell is ignored (DUPLICATE_ROW): a row
 *       pasted twice is one row.</li>
 *   <li>Supersession by evidence ({@link ProjectSupersession}, {@link EmissionSupersession}): which file submits for
 *       which city, which older file a newer one replaces, which rows are stray. Rejected rows never make a file a
 *       submission. A file none of whose submissions still counts takes its stray rows with it.</li>
 *   <li>DUPLICATE_PROJECT_ID: among the rows still accepted, the first occurrence of an id by file name then
 *       row is kept, the later ones are rejected naming the first.</li>
 *   <li>File-level findings get the code of every city of their file, so they reach its feedback workbook.</li>
 * </ol>
 * Aggregate queries decide (their results are a handful of rows per file), and the changes are applied per file
 * and city, never per row: the work stays linear in the rows staged. Runs in one transaction: either all of it is
 * applied or none, so a restart simply runs it again.
 */
public final class Consolidation {

    public static final String STAGE = "CONSOLIDATE";

    private static final Logger log = LoggerFactory.getLogger(Consolidation.class);

    private final StagedRowStore rows;
    private final InputFileStore files;
    private final FindingStore findings;
    private final SubmissionStore submissions;
    private final ChangeStore changes;

    public Consolidation(JdbcTemplate jdbc) {
        this.rows = new StagedRowStore(jdbc);
        this.files = new InputFileStore(jdbc);
        this.findings = new FindingStore(jdbc);
        this.submissions = new SubmissionStore(jdbc);
        this.changes = new ChangeStore(jdbc);
    }

    public void consolidate(long runId, ReferenceData reference) {
        rows.refreshStatistics().ifPresent(why -> log.warn("the run database's statistics of the staged rows were not"
                + " refreshed ({}): this run's steps may take minutes instead of seconds; run the job as the owner of"
                + " the ra_ tables, or let their owner run ANALYZE after intake (docs/operations.md)", why));
        findings.deleteStage(runId, STAGE);
        rows.clearSuperseded(runId, FileKind.PROJECTS);
        rows.clearSuperseded(runId, FileKind.EMISSIONS);
        Ledger ledger = new Ledger(reference, rows);
        FileFindings fileFindings = new FileFindings(submissions, rows);
        List<SubmissionStore.BrokenFile> broken = fileFindings.setAsideBroken(runId);
        repeatedRows(runId, ledger);
        List<SubmissionStore.Holding> projects = submissions.holdings(runId, FileKind.PROJECTS);
        new ProjectSupersession(ledger, submissions).decide(runId, projects);
        List<SubmissionStore.Holding> emissions = submissions.holdings(runId, FileKind.EMISSIONS);
        new EmissionSupersession(ledger, reference.pollutants().size()).decide(runId, emissions);
        strayRowsOfSupersededFiles(runId, ledger, FileKind.PROJECTS, projects);
        strayRowsOfSupersededFiles(runId, ledger, FileKind.EMISSIONS, emissions);
        // the superseded rows now count as ignored: their row findings no longer ask the city for anything
        List<StagedRowStore.FileCity> superseded = ledger.supersededPlaces();
        if (!superseded.isEmpty()) {
            findings.deleteStageFileCities(runId, StagingWriter.STAGE, superseded);
        }
        fileFindings.brokenWarnings(runId, broken, ledger);
        List<Finding> out = new ArrayList<>(ledger.findings);
        rejectDuplicates(runId, out);
        identicalFiles(runId, out);
        fileFindings.toCities(runId, ledger, out);
        findings.insertAll(runId, STAGE, out);
        changes.replace(runId, ledger.replacements);
    }

    /** DUPLICATE_ROW: the repeat of a row of its file, cell for cell, is ignored, naming the first. */
    private void repeatedRows(long runId, Ledger ledger) {
        List<SubmissionStore.RepeatedRow> repeats = submissions.repeatedEmissionRows(runId);
        if (repeats.isEmpty()) {
            return;
        }
        submissions.ignoreEmissionRows(runId, repeats);
        for (SubmissionStore.RepeatedRow r : repeats) {
            String where = r.firstSheet().equals(r.sheet()) ? "第" + r.firstRowNo() + "行"
                    : "工作表「" + r.firstSheet() + "」第" + r.firstRowNo() + "行";
            ledger.findings.add(Finding.of(Rule.DUPLICATE_ROW, r.cityCode(), r.fileName(), r.sheet(), r.rowNo(), null,
                    r.pollutant(), "第" + r.rowNo() + "行与" + where + "完全相同（设区市、污染物、排放源类别和各项数值都一样），"
                            + "只计一次，本行不计入；如确是两个排放源，请在排放源类别中区分"));
        }
        log.info("  {} emission rows ignored as exact repeats (DUPLICATE_ROW)", repeats.size());
    }

    /**
     * The stray rows (of cities it does not submit for) of a file none of whose submissions still counts are
     * superseded with it: a replaced report is replaced whole.
     */
    private void strayRowsOfSupersededFiles(long runId, Ledger ledger, FileKind kind,
                                            List<SubmissionStore.Holding> holdings) {
        for (SubmissionStore.Holding h : holdings) {
            if (ledger.whollySuperseded(h.fileName()) && !ledger.isSuperseded(h.fileName(), h.cityCode())) {
                int count = ledger.supersede(runId, kind, h.fileCity());
                String city = ledger.cityName(h.cityCode());
                ledger.findings.add(Finding.of(Rule.SUPERSEDED_FILE, h.cityCode(), h.fileName(), null, null, null, null,
                        kind.title() + "「" + h.fileName() + "」已被较新的文件替代，其中" + city + "市的" + count
                                + "行（不属于本文件所报送城市的零散行）随之不再计入"));
            }
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
                                + "请删除多余的一份"));
            }
        }
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
                            + "」第" + first.rowNo() + "行重复，只保留首次出现的一行。请核对并使用唯一的项目编号"));
        }
        if (!later.isEmpty()) {
            rows.rejectProjects(runId, later);
            log.info("  {} {} rejected as duplicate project ids (DUPLICATE_PROJECT_ID)", later.size(),
                    later.size() == 1 ? "row" : "rows");
        }
    }
}
