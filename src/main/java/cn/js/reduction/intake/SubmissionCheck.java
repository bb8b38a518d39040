package cn.js.reduction.intake;

import cn.js.reduction.reference.ReferenceData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Checks one submitted file as the job would, without a database: the job's own discovery sniff
 * ({@link SubmissionSniffer}), intake reader ({@link SubmissionRowReader}) and row rules ({@link RowProcessor},
 * {@link RowValidator}), driven here in a plain loop instead of a chunked step. What the clerk sees from
 * {@code validate} is therefore what the run will make of the file, short of the checks that need every file
 * at once (resubmission, duplicate ids across files).
 */
public final class SubmissionCheck {

    private final ReferenceData reference;
    private final int year;

    public SubmissionCheck(ReferenceData reference, int year) {
        this.reference = reference;
        this.year = year;
    }

    /**
     * What the check found in one file.
     *
     * @param header   the header the rows were read under; null when the file was skipped
     * @param findings file-level findings first, then the rows' in row order
     */
    public record Report(Path file, Header header, int rowsRead, int accepted, int rejected, int ignored,
                         List<Finding> findings) {

        public Report {
            findings = List.copyOf(findings);
        }

        /** True when the file was not read at all (unreadable, unknown kind, missing columns). */
        public boolean skipped() {
            return header == null;
        }

        public long count(Severity severity) {
            return findings.stream().filter(f -> f.severity() == severity).count();
        }

        /** Findings of one severity by rule, in catalogue order. */
        public Map<Rule, Long> byRule(Severity severity) {
            Map<Rule, Long> out = new TreeMap<>();
            findings.stream().filter(f -> f.severity() == severity).forEach(f -> out.merge(f.rule(), 1L, Long::sum));
            return out;
        }
    }

    public Report check(Path file) {
        String name = file.getFileName().toString();
        SubmissionSniffer.Result sniff = new SubmissionSniffer(year).sniff(file);
        if (!sniff.readable()) {
            // the finding discovery records for a skipped file
            Finding skipped = Finding.of(sniff.problem(), null, name,
                    sniff.header() == null ? null : sniff.header().sheet(), null, null, null, sniff.message());
            return new Report(file, null, 0, 0, 0, 0, List.of(skipped));
        }
        RowProcessor processor = new RowProcessor(new RowValidator(reference, year));
        SubmissionRowReader reader = new SubmissionRowReader(file, year);
        List<Finding> findings = new ArrayList<>();
        int read = 0;
        int accepted = 0;
        int rejected = 0;
        int ignored = 0;
        reader.open(new ExecutionContext());
        try {
            SourcedRow row;
            while ((row = reader.read()) != null) {
                RowOutcome<?> outcome = processor.process(row).outcome();
                read++;
                switch (outcome.disposition()) {
                    case ACCEPTED -> accepted++;
                    case REJECTED -> rejected++;
                    case IGNORED -> ignored++;
                }
                findings.addAll(outcome.findings());
            }
        } catch (Exception e) {
            findings.add(Finding.of(Rule.FILE_UNREADABLE, null, name, sniff.header().sheet(), null, null, null,
                    "文件读到一半无法继续读取，之后的行未被读取 (" + e.getMessage() + ")"));
        } finally {
            reader.close();
        }
        if (reader.breakage() != null) {
            findings.add(reader.breakage());
        }
        return new Report(file, sniff.header(), read, accepted, rejected, ignored, findings);
    }
}
