package cn.js.reduction.intake;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.discover.SubmissionSniffer;

import cn.js.reduction.core.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import cn.js.reduction.core.Rule;
import cn.js.reduction.discover.RawCell;
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
        CellCount cells = new CellCount();
        reader.open(new ExecutionContext());
        try {
            for (SourcedRow row = reader.read(); row != null; row = reader.read()) {
                List<RowOutcome<?>> parts = processor.process(row).outcomes();
                outcomes.addAll(parts);
                cells.add(row, parts);
            }
        } finally {
            reader.close();
        }
        cells.assertEveryCellAccounted(file);
        return new Read(sniff, outcomes, reader.breakage());
    }

    /**
     * Issue 16, point 1, checked on every file an intake test reads: for each sheet, the cells with data in its
     * data rows = the cells in columns read + the cells the COLUMN_NOT_READ findings count. Counted here from the
     * rows themselves, not by the code under test.
     */
    static final class CellCount {
        private final Map<String, long[]> bySheet = new TreeMap<>();
        private static final Pattern COUNTED = Pattern.compile("有 (\\d+) 个单元格有数据");

        void add(SourcedRow row, List<RowOutcome<?>> outcomes) {
            long[] counts = bySheet.computeIfAbsent(row.row().sheet(), k -> new long[3]);
            if (row.kind().isData()) {
                Set<Integer> columns = new TreeSet<>(row.row().formulas().keySet());
                for (RawCell c : row.row().cells()) {
                    if (!c.text().isBlank() && !row.row().isMergedFromElsewhere(c.column())) {
                        columns.add(c.column());
                    }
                }
                for (int column : columns) {
                    counts[0]++;
                    if (row.header().readColumns().contains(column) || isRowNumbers(row, column)) {
                        counts[1]++;
                    }
                }
            }
            for (Finding f : outcomes.stream().flatMap(o -> o.findings().stream()).toList()) {
                if (f.rule() == Rule.COLUMN_NOT_READ) {
                    Matcher m = COUNTED.matcher(f.message());
                    if (m.find()) {
                        bySheet.computeIfAbsent(f.sheet(), k -> new long[3])[2] += Long.parseLong(m.group(1));
                    }
                }
            }
        }

        private static boolean isRowNumbers(SourcedRow row, int column) {
            return row.header().headerRows().stream().anyMatch(r -> "序号".equals(r.get(column)));
        }

        void assertEveryCellAccounted(Path file) {
            bySheet.forEach((sheet, c) -> {
                if (c[0] != c[1] + c[2]) {
                    throw new AssertionError(file.getFileName() + " sheet " + sheet + ": " + c[0] + " cells with data, "
                            + c[1] + " read, " + c[2] + " in columns reported");
                }
            });
        }
    }
}
