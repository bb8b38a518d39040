package cn.js.reduction.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the data rows of one submitted file, streaming: every sheet the sniffer found a usable header on, in
 * workbook order, each below its own header, each row carrying its own sheet's name and header, merged cells
 * filled in. Restartable: Spring Batch saves the number of rows handed out at every commit, and on restart the
 * reader skips that many again (reading a sheet forward is the only way through a streamed xlsx), so no row is
 * staged twice or lost.
 *
 * <p>A file that breaks while being read (a truncated sheet) ends there: the rows before it are kept and the
 * break is reported as FILE_UNREADABLE at the row where it happened.
 */
public class SubmissionRowReader extends AbstractItemCountingItemStreamItemReader<SourcedRow> {

    private final Path file;
    private final String fileName;
    private final int year;
    private SheetSource source;
    private SheetSource.RowCursor cursor;
    private List<SubmissionSniffer.SheetPlan> sheets;
    private int sheet;
    private Header header;
    private Finding breakage;

    public SubmissionRowReader(Path file, int year) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.year = year;
        setName("submissionRows");
    }

    @Override
    protected void doOpen() throws Exception {
        SubmissionSniffer.Result sniff = new SubmissionSniffer(year).sniff(file);
        if (!sniff.readable()) {
            throw new ItemStreamException("文件「" + fileName + "」在发现后无法再读取: " + sniff.message());
        }
        sheets = sniff.sheets();
        sheet = 0;
        header = sheets.get(0).header();
        source = SheetSources.open(file);
        // the sheet is opened by the first read, where a sheet that cannot be read is reported, not thrown
    }

    @Override
    protected SourcedRow doRead() throws Exception {
        if (breakage != null) {
            return null;
        }
        RawRow row;
        try {
            if (cursor == null) {
                cursor = source.rows(sheets.get(sheet).sheetIndex());
            }
            while (true) {
                do {
                    row = cursor.next();
                } while (row != null && row.rowNumber() <= header.headerRowNumber());
                if (row != null || sheet + 1 >= sheets.size()) {
                    break;
                }
                sheet++; // this sheet is done: on to the next one read
                header = sheets.get(sheet).header();
                cursor.close();
                cursor = null;
                cursor = source.rows(sheets.get(sheet).sheetIndex());
            }
        } catch (UnreadableFileException | IOException e) {
            // the message names the sheet and, for a break mid-sheet, the row near which it happened
            breakage = Finding.of(Rule.FILE_UNREADABLE, null, fileName, header.sheet(), null, null, null,
                    "文件读到一半无法继续读取，之后的行未被读取 (" + e.getMessage() + ")");
            return null;
        }
        return row == null ? null : new SourcedRow(fileName, header, row);
    }

    /** A break found while reading, to be reported once the file's rows are staged; null when none. */
    public Finding breakage() {
        return breakage;
    }

    @Override
    protected void doClose() throws Exception {
        try {
            if (cursor != null) {
                cursor.close();
            }
        } finally {
            if (source != null) {
                source.close();
            }
            cursor = null;
            source = null;
        }
    }
}
