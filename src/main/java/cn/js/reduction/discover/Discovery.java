package cn.js.reduction.discover;

import cn.js.reduction.core.InputLimits;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.FindingStore;
import cn.js.reduction.store.InputFileStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The discover stage: records every file of the run's input set with its hash and kind, and a file-level
 * finding for each file that is skipped (unreadable, unknown kind, missing columns). Idempotent: it replaces
 * what an earlier attempt of the same run recorded.
 */
public final class Discovery {

    public static final String STAGE = "DISCOVER";

    private final InputFileStore files;
    private final FindingStore findings;

    public Discovery(JdbcTemplate jdbc) {
        this.files = new InputFileStore(jdbc);
        this.findings = new FindingStore(jdbc);
    }

    /**
     * @param expectedFingerprint the fingerprint the run was started with; a different input set now means
     *                            the files changed under a run, which must not be silently mixed
     * @return the number of readable files
     */
    public int discover(long runId, ReferenceData reference, Path yearFolder, String expectedFingerprint)
            throws IOException {
        InputSet set = InputSet.scan(yearFolder);
        if (expectedFingerprint != null && !expectedFingerprint.equals(set.fingerprint())) {
            throw new IllegalStateException("输入文件在本次运行开始后发生了变化，请重新发起运行 (the files of " + yearFolder
                    + " changed since this run started; start a new run instead of restarting this one)");
        }
        files.deleteRun(runId);
        findings.deleteStage(runId, STAGE);
        SubmissionSniffer sniffer = new SubmissionSniffer(reference);
        int readable = 0;
        int ordinal = 0;
        for (InputSet.Skipped skipped : set.skipped()) {
            // not in ra_input_file (never hashed, never read), but never passed over in silence; sheet and row
            // are empty, so the ordinal keeps two skipped entries of one name apart (names are unique anyway)
            findings.insert(runId, STAGE, ordinal++, Finding.of(skipped.rule(), null, skipped.name(), null, null,
                    null, null, skipped.reason()));
        }
        for (InputSet.InputFile f : set.files()) {
            SubmissionSniffer.Result sniff = sniffer.sniff(f.path());
            files.insert(runId, new InputFileStore.InputFile(f.name(), f.sha256(), f.sizeBytes(), f.submittedAt(),
                    sniff.kind() == null ? null : sniff.kind().name(),
                    sniff.header() == null ? null : InputLimits.storable(sniff.header().sheet()),
                    sniff.header() == null ? null : sniff.header().headerRowNumber(), sniff.readable()));
            if (sniff.readable()) {
                readable++;
                // the cells each sheet's rows are read from, named by every detail row's lineage
                for (SubmissionSniffer.SheetPlan sheet : sniff.sheets()) {
                    Header h = sheet.header();
                    files.insertSheet(runId, new InputFileStore.SheetColumns(f.name(), InputLimits.storable(h.sheet()),
                            h.headerRowNumber(), h.firstColumn(), h.lastColumn(), h.readColumns().size()));
                }
            }
            // the ERROR that skips a file, or a read file's notes (sheets not read, units converted)
            List<Finding> fileFindings = new ArrayList<>(sniff.findings());
            String notADate = InputSet.notADate(f.name());
            if (notADate != null) {
                fileFindings.add(Finding.of(Rule.BAD_SUBMISSION_DATE, null, f.name(), null, null, null, notADate,
                        "文件名末尾的「_" + notADate + "」不是有效日期，本文件按修改时间 " + f.submittedAt()
                                + " 判断新旧；请用 _YYYYMMDD 写报送日期"));
            }
            for (int i = 0; i < fileFindings.size(); i++) {
                findings.insert(runId, STAGE, i, fileFindings.get(i));
            }
        }
        return readable;
    }
}
