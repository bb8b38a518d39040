package cn.js.reduction.intake;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.discover.Field;
import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.RawCell;
import cn.js.reduction.discover.SubmissionSniffer;
import cn.js.reduction.store.ProjectRecord;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import cn.js.reduction.reference.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Checks one submitted file as the job would, without a database: the job's own discovery sniff
 * ({@link SubmissionSniffer}), intake reader ({@link SubmissionRowReader}) and row rules ({@link RowProcessor},
 * {@link RowValidator}), driven here in a plain loop instead of a chunked step. What the clerk sees from
 * {@code validate} is therefore what the run will make of the file, short of the checks that need every file
 * at once (resubmission, duplicate ids across files).
 */
public final class SubmissionCheck {

    /**
     * Findings kept for the annotated return; beyond this only their counts are (a million faulty rows would
     * otherwise hold a million findings in memory). No clerk reads past the first hundred thousand anyway.
     */
    public static final int MAX_KEPT_FINDINGS = 100_000;

    /**
     * Project ids remembered for the duplicate check within a file; a list longer than any city's (4535 projects
     * in the whole plan) is not checked beyond this, rather than held in memory.
     */
    public static final int MAX_REMEMBERED_IDS = 200_000;

    private final ReferenceData reference;
    private final int year;
    /** The first accepted row of each project id in the file being checked. */
    private final Map<String, FirstRow> firstRows = new HashMap<>();

    private record FirstRow(String file, int row) {
    }

    public SubmissionCheck(ReferenceData reference, int year) {
        this.reference = reference;
        this.year = year;
    }

    /**
     * What the check found in one file.
     *
     * @param header   the header the rows were read under; null when the file was skipped
     * @param findings the findings in row order, at most {@link #MAX_KEPT_FINDINGS} of them
     * @param counts   every finding counted by severity and rule, kept or not
     */
    public record Report(Path file, Header header, int rowsRead, int accepted, int rejected, int ignored,
                         List<Finding> findings, Map<Severity, Map<Rule, Long>> counts) {

        public Report {
            findings = List.copyOf(findings);
            Map<Severity, Map<Rule, Long>> copy = new EnumMap<>(Severity.class);
            counts.forEach((s, byRule) -> copy.put(s, Collections.unmodifiableMap(new EnumMap<>(byRule))));
            counts = Collections.unmodifiableMap(copy);
        }

        static Report of(Path file, Header header, int read, int accepted, int rejected, int ignored,
                         List<Finding> kept, List<Finding> all) {
            Map<Severity, Map<Rule, Long>> counts = new EnumMap<>(Severity.class);
            all.forEach(f -> counts.computeIfAbsent(f.severity(), k -> new EnumMap<>(Rule.class))
                    .merge(f.rule(), 1L, Long::sum));
            return new Report(file, header, read, accepted, rejected, ignored, kept, counts);
        }

        /** Findings counted but not kept, because there were more than {@link #MAX_KEPT_FINDINGS}. */
        public long notKept() {
            return counts.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum()
                    - findings.size();
        }

        /** True when the file was not read at all (unreadable, unknown kind, missing columns). */
        public boolean skipped() {
            return header == null;
        }

        public long count(Severity severity) {
            return byRule(severity).values().stream().mapToLong(Long::longValue).sum();
        }

        /** Findings of one severity by rule, in catalogue order. */
        public Map<Rule, Long> byRule(Severity severity) {
            return counts.getOrDefault(severity, Map.of());
        }
    }

    public Report check(Path file) {
        String name = file.getFileName().toString();
        SubmissionSniffer.Result sniff = new SubmissionSniffer(reference).sniff(file);
        if (!sniff.readable()) {
            // the findings discovery records for a skipped file
            return Report.of(file, null, 0, 0, 0, 0, sniff.findings(), sniff.findings());
        }
        RowProcessor processor = new RowProcessor(new RowValidator(reference, year));
        SubmissionRowReader reader = new SubmissionRowReader(file, reference);
        List<Finding> findings = new ArrayList<>();
        Map<Severity, Map<Rule, Long>> counts = new EnumMap<>(Severity.class);
        // the file's own notes, as discovery records them: sheets not read, sheet-level errors, units converted
        for (Finding f : sniff.findings()) {
            count(counts, f);
            findings.add(f);
        }
        int read = 0;
        int accepted = 0;
        int rejected = 0;
        int ignored = 0;
        firstRows.clear();
        reader.open(new ExecutionContext());
        try {
            SourcedRow row;
            while ((row = reader.read()) != null) {
                for (RowOutcome<?> part : processor.process(row).outcomes()) {
                    RowOutcome<?> outcome = duplicateChecked(part, row.header());
                    read++;
                    switch (outcome.disposition()) {
                        case ACCEPTED -> accepted++;
                        case REJECTED -> rejected++;
                        case IGNORED -> ignored++;
                    }
                    for (Finding f : outcome.findings()) {
                        count(counts, f);
                        if (findings.size() < MAX_KEPT_FINDINGS) {
                            findings.add(f);
                        }
                    }
                }
            }
        } catch (Exception e) {
            Finding broke = Finding.of(Rule.FILE_UNREADABLE, null, name, sniff.header().sheet(), null, null, null,
                    "文件读到一半无法继续读取，之后的行未被读取 (" + e.getMessage() + ")");
            count(counts, broke);
            findings.add(broke);
        } finally {
            reader.close();
        }
        if (reader.breakage() != null) {
            count(counts, reader.breakage());
            findings.add(reader.breakage());
        }
        return new Report(file, sniff.header(), read, accepted, rejected, ignored, findings, counts);
    }

    /**
     * The run rejects a project id seen before (DUPLICATE_PROJECT_ID, in Consolidation); within one file validate
     * does the same, so that a row copied with its id unchanged is found before sending. Not across files: the run
     * keeps only the newest file of a city, so two files of one city never meet there.
     */
    private RowOutcome<?> duplicateChecked(RowOutcome<?> outcome, Header header) {
        if (!outcome.isAccepted() || !(outcome.record() instanceof ProjectRecord project)
                || header.column(Field.PROJECT_ID) == null) {
            return outcome;
        }
        FirstRow first = firstRows.get(project.projectId());
        if (first == null) {
            if (firstRows.size() < MAX_REMEMBERED_IDS) {
                firstRows.put(project.projectId(), new FirstRow(outcome.file(), outcome.rowNumber()));
            }
            return outcome;
        }
        String cell = RawCell.columnName(header.column(Field.PROJECT_ID)) + outcome.rowNumber();
        List<Finding> findings = new ArrayList<>(outcome.findings());
        findings.add(Finding.of(Rule.DUPLICATE_PROJECT_ID, outcome.cityCode(), outcome.file(), outcome.sheet(),
                outcome.rowNumber(), cell, project.projectId(), "第" + outcome.rowNumber() + "行 项目编号（" + cell + "）「"
                        + project.projectId() + "」与「" + first.file() + "」第" + first.row() + "行重复，只保留首次出现的一行。"
                        + "请核对并使用唯一的项目编号"));
        return new RowOutcome<>(outcome.file(), outcome.sheet(), outcome.rowNumber(), Disposition.REJECTED,
                outcome.cityCode(), outcome.groupCode(), null, findings, outcome.written());
    }

    private static void count(Map<Severity, Map<Rule, Long>> counts, Finding f) {
        counts.computeIfAbsent(f.severity(), k -> new EnumMap<>(Rule.class)).merge(f.rule(), 1L, Long::sum);
    }
}
