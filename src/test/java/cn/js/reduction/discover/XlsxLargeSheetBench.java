package cn.js.reduction.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full Excel sheet (1,048,576 rows x 3 columns) read through {@link SheetSources}: every row arrives, and
 * the heap in use does not grow with the rows read. Slow (about a minute), so its name keeps it out of the
 * default test run. Run it with {@code mvn -o test -Dtest=XlsxLargeSheetBench}, or, to prove it in a small
 * heap, with {@code java -Xmx64m -cp <test classpath> cn.js.reduction.intake.XlsxLargeSheetBench}.
 */
class XlsxLargeSheetBench {

    static final int ROWS = 1_048_576;

    /** Heap growth allowed while reading, over what the open source holds: far below what rows would need. */
    static final long MAX_GROWTH_BYTES = 32L << 20;

    @TempDir
    Path dir;

    @Test
    void readsAFullSheetInBoundedMemory() throws Exception {
        run(dir);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("xlsx-bench");
        try {
            run(dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static void run(Path dir) throws Exception {
        Path file = dir.resolve("full-sheet.xlsx");
        long t0 = System.nanoTime();
        write(file);
        long t1 = System.nanoTime();
        System.out.printf("wrote %,d rows: %,d bytes in %.1f s (max heap %,d MB)%n", ROWS, Files.size(file),
                (t1 - t0) / 1e9, Runtime.getRuntime().maxMemory() >> 20);

        long maxGrowth = 0;
        int count = 0;
        RawRow last = null;
        try (SheetSource source = SheetSources.open(file);
             SheetSource.RowCursor cursor = source.rows(0)) {
            long baseline = usedAfterGc();
            for (RawRow row = cursor.next(); row != null; row = cursor.next()) {
                count++;
                if (row.rowNumber() != count) {
                    throw new AssertionError("row " + count + " came as " + row.rowNumber());
                }
                last = row;
                if (count % (1 << 17) == 0) {
                    maxGrowth = Math.max(maxGrowth, usedAfterGc() - baseline);
                }
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("read %,d rows in %.1f s; heap growth while reading at most %,d KB%n", count,
                (t2 - t1) / 1e9, maxGrowth >> 10);

        assertThat(count).isEqualTo(ROWS);
        assertThat(last).isEqualTo(SheetFiles.row("数据", ROWS,
                SheetFiles.text(0, "P" + (ROWS - 1)),
                SheetFiles.number(1, "524287.5"),
                SheetFiles.date(2, LocalDate.of(2020, 1, 1).plusDays((ROWS - 1) % 366).toString())));
        assertThat(maxGrowth).isLessThan(MAX_GROWTH_BYTES);
    }

    private static void write(Path file) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            wb.setCompressTempFiles(true);
            CellStyle isoDate = wb.createCellStyle();
            isoDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("数据");
            LocalDate start = LocalDate.of(2020, 1, 1);
            for (int i = 0; i < ROWS; i++) {
                Row r = sheet.createRow(i);
                r.createCell(0).setCellValue("P" + i);
                r.createCell(1).setCellValue(i * 0.5);
                r.createCell(2).setCellValue(start.plusDays(i % 366));
                r.getCell(2).setCellStyle(isoDate);
            }
            wb.write(out);
        }
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
