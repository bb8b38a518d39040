package cn.js.reduction.report.sheet;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.streaming.GZIPSheetDataWriter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * The SXSSF workbook every output is streamed into, compressing at deflate level 1 (fastest) instead of 6: both the
 * sheets' temporary files (gzip, kept compressed so that a million detail rows do not take a gigabyte of disk) and
 * the .xlsx itself. At level 6 compression was about an eighth of the whole job's CPU on 227,000 rows
 * (BENCHMARKS.md); level 1 writes the same cells into files about a third larger.
 */
public final class StreamingWorkbook extends SXSSFWorkbook {

    private static final int BUFFER = 64 * 1024;

    public StreamingWorkbook(int rowWindow) {
        super(rowWindow); // temp files always compressed: createSheetDataWriter below
    }

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        return new FastGzipSheetDataWriter(this);
    }

    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    private static final class FastGzipSheetDataWriter extends GZIPSheetDataWriter {

        FastGzipSheetDataWriter(StreamingWorkbook workbook) throws IOException {
            super(workbook.getSharedStringSource());
        }

        @Override
        protected OutputStream decorateOutputStream(FileOutputStream file) throws IOException {
            return new FastGzip(file);
        }
    }

    private static final class FastGzip extends GZIPOutputStream {

        FastGzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
