package cn.js.reduction.intake;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The job's intake code path on one file, without a database: the sniffer that discovery runs, then the reader
 * and the row processor that the intake step runs, exactly as the step wires them.
 */
final class Intake {

    static final int YEAR = 2020;

    private Intake() {
    }

    /**
     * @param sniff    what discovery records: kind, sheets read, file-level findings
     * @param outcomes every row read, in order
     */
    record Read(SubmissionSniffer.Result sniff, List<RowOutcome<?>> outcomes) {

        List<RowOutcome<?>> accepted() {
            return outcomes.stream().filter(RowOutcome::isAccepted).toList();
        }

        List<RowOutcome<?>> ignored() {
            return outcomes.stream().filter(RowOutcome::isIgnored).toList();
        }

        List<Finding> rowFindings() {
            return outcomes.stream().flatMap(o -> o.findings().stream()).toList();
        }
    }

    static Read read(Path file) throws Exception {
        SubmissionSniffer.Result sniff = new SubmissionSniffer(YEAR).sniff(file);
        List<RowOutcome<?>> outcomes = new ArrayList<>();
        if (!sniff.readable()) {
            return new Read(sniff, outcomes);
        }
        RowProcessor processor = new RowProcessor(new RowValidator(ReferenceFixture.jiangsu2020(), YEAR));
        SubmissionRowReader reader = new SubmissionRowReader(file, YEAR);
        reader.open(new ExecutionContext());
        try {
            for (SourcedRow row = reader.read(); row != null; row = reader.read()) {
                outcomes.add(processor.process(row).outcome());
            }
            if (reader.breakage() != null) {
                throw new AssertionError("the file broke while read: " + reader.breakage().message());
            }
        } finally {
            reader.close();
        }
        return new Read(sniff, outcomes);
    }
}
