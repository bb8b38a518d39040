package cn.js.reduction.intake;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.discover.SubmissionSniffer;

import cn.js.reduction.core.Finding;
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
     * @param breakage  the FILE_UNREADABLE finding of a file that broke while read, or null
     */
    record Read(SubmissionSniffer.Result sniff, List<RowOutcome<?>> outcomes, Finding breakage) {

        List<RowOutcome<?>> accepted() {
            return outcomes.stream().filter(RowOutcome::isAccepted).toList();
        }

        List<RowOutcome<?>> ignored() {
            return outcomes.stream().filter(o -> o.disposition() == Disposition.IGNORED).toList();
        }

        List<Finding> rowFindings() {
            return outcomes.stream().flatMap(o -> o.findings().stream()).toList();
        }
    }

    static Read read(Path file) throws Exception {
        SubmissionSniffer.Result sniff = new SubmissionSniffer(ReferenceFixture.jiangsu2020()).sniff(file);
        List<RowOutcome<?>> outcomes = new ArrayList<>();
        if (!sniff.readable()) {
            return new Read(sniff, outcomes, null);
        }
        RowProcessor processor = new RowProcessor(new RowValidator(ReferenceFixture.jiangsu2020(), YEAR));
        SubmissionRowReader reader = new SubmissionRowReader(file, ReferenceFixture.jiangsu2020());
        reader.open(new ExecutionContext());
        try {
            for (SourcedRow row = reader.read(); row != null; row = reader.read()) {
                outcomes.add(processor.process(row).outcome());
            }
        } finally {
            reader.close();
        }
        return new Read(sniff, outcomes, reader.breakage());
    }
}
