package cn.js.reduction.intake;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.InputLimits;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.discover.SubmissionSniffer;

import cn.js.reduction.core.Finding;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Discovers and reads submitted files as a run does (hash, sniff, the intake reader on the hashed copy, the
 * row rules) and prints one line per outcome, so that a test can run it in a JVM of a small heap: a file
 * whose reading grew with its content would end this process with an OutOfMemoryError.
 */
public final class ReadSubmissionMain {

    private ReadSubmissionMain() {
    }

    public static void main(String[] args) throws Exception {
        RowValidator validator = new RowValidator(ReferenceFixture.jiangsu2020(), 2020);
        for (String arg : args) {
            Path file = Path.of(arg);
            String name = file.getFileName().toString();
            long start = System.nanoTime();
            SubmissionSniffer.Result sniff = new SubmissionSniffer(ReferenceFixture.jiangsu2020()).sniff(file);
            if (!sniff.readable()) {
                System.out.println(name + " SNIFF " + sniff.problem() + " " + sniff.message());
                continue;
            }
            SubmissionRowReader reader = new SubmissionRowReader(file, ReferenceFixture.jiangsu2020(), InputSet.sha256(file));
            int accepted = 0;
            int rejected = 0;
            reader.open(new ExecutionContext());
            try {
                for (SourcedRow row = reader.read(); row != null; row = reader.read()) {
                    RowOutcome<?> outcome = sniff.kind() == FileKind.PROJECTS
                            ? validator.validateProject(row.row(), row.header(), name)
                            : validator.validateEmission(row.row(), row.header(), name);
                    if (outcome.isAccepted()) {
                        accepted++;
                    } else if (outcome.disposition() == Disposition.REJECTED) {
                        rejected++;
                    }
                    for (Finding f : outcome.findings()) {
                        System.out.println(name + " FINDING " + f.rule() + " " + f.cell() + " "
                                + InputLimits.printable(f.message()));
                    }
                }
            } finally {
                reader.close();
            }
            if (reader.breakage() != null) {
                System.out.println(name + " BREAK " + InputLimits.printable(reader.breakage().message()));
            }
            System.out.printf("%s ROWS %d accepted %d rejected in %d ms%n", name, accepted, rejected,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }
}
