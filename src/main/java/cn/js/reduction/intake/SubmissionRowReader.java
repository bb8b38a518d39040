package cn.js.reduction.intake;

import cn.js.reduction.discover.Header;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.RowKind;
import cn.js.reduction.discover.SheetAccount;
import cn.js.reduction.discover.SheetSource;
import cn.js.reduction.discover.SubmissionSniffer;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.discover.UnreadableFileException;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the data rows of one submitted file, streaming: every sheet the sniffer found a usable header on, in
 * workbook order, each below its own header, each row carrying its own sheet's name and header, merged cells
 * filled in. Restartable: Spring Batch saves the number of rows handed out at every commit, and on restart the
 * reader skips that many again (reading a sheet forward is the only way through a streamed xlsx), so no row is
 * staged twice or lost.
 *
 * <p>What is read is exactly what discovery hashed: the file is first copied into a private temporary file
 * (of the same name, in a folder only this process's user can read) while its SHA-256 is computed, and only
 * a copy whose hash is the one recorded at discovery (and shown in
 * files.csv and the manifest) is read. A file changed since discovery is not read at all: a finding says so.
 * The copy is deleted when the reader closes.
 *
 * <p>A file that breaks while being read (a truncated sheet, a limit of the input passed) ends there: the rows
 * before it are kept and the break is reported as FILE_UNREADABLE, naming where it happened.
 */
public class SubmissionRowReader extends AbstractItemCountingItemStreamItemReader<SourcedRow> {

    private final Path file;
    private final String fileName;
    private final ReferenceData reference;
    private final String expectedSha256;
    private Path snapshot;
    private SheetSource source;
    private SheetSource.RowCursor cursor;
    private List<SubmissionSniffer.SheetPlan> sheets;
    private int sheet;
    private Header header;
    private Finding breakage;
    private SheetAccount account;
    /** The current sheet's next row, read ahead; null at the sheet's end. */
    private RawRow ahead;
    /** A break met while reading ahead, thrown once the rows before it are handed out. */
    private UnreadableFileException breakAhead;
    private boolean notAsDiscovered;

    /** Reads the file as it is now, unchecked: for callers with no discovery behind them. */
    public SubmissionRowReader(Path file, ReferenceData reference) {
        this(file, reference, null);
    }

    /** @param expectedSha256 the file's SHA-256 as discovery recorded it; null to read the file unchecked */
    public SubmissionRowReader(Path file, ReferenceData reference, String expectedSha256) {
        this.file = file;
        this.fileName = file.getFileName().toString();
        this.reference = reference;
        this.expectedSha256 = expectedSha256;
        setName("submissionRows");
    }

    @Override
    protected void doOpen() throws Exception {
        Path readable = file;
        if (expectedSha256 != null) {
            // same name in a private folder: a CSV's sheet is named after its file
            // POI's temp folder: the run's private one under the state folder when run as the program
            snapshot = org.apache.poi.util.TempFile.createTempDirectory("reduction-input-").toPath().resolve(fileName);
            String actual;
            try {
                actual = copyHashing(file, snapshot);
            } catch (IOException e) {
                notAsDiscovered = true;
                breakage = fileFinding("文件在发现后已无法读取（可能已被删除、移走或改了权限），本次未读取；请重新发起运行"
                        + " (the file can no longer be read since it was discovered: " + e.getClass().getSimpleName() + ")");
                return;
            }
            if (!actual.equalsIgnoreCase(expectedSha256)) {
                notAsDiscovered = true;
                breakage = fileFinding(String.format("文件在本次运行发现之后被修改（发现时 SHA-256 为 %s，现在为 %s），为保证结果与"
                        + "文件清单一致，本次未读取此文件；请重新发起运行 (the file changed since it was discovered: SHA-256 %s then,"
                        + " %s now; not read in this run, start a new run)", expectedSha256, actual, expectedSha256, actual));
                return;
            }
            readable = snapshot;
        }
        // the sheets are read from the source the plan was made on: the file is opened once here
        SubmissionSniffer.Opened opened = new SubmissionSniffer(reference).open(readable);
        SubmissionSniffer.Result sniff = opened.result();
        if (!sniff.readable()) {
            breakage = fileFinding("文件在发现后无法再读取，未读取 (" + sniff.message() + ")");
            return;
        }
        sheets = sniff.sheets();
        sheet = 0;
        header = sheets.get(0).header();
        source = opened.source();
        // the sheet is opened by the first read, where a sheet that cannot be read is reported, not thrown
    }

    @Override
    protected SourcedRow doRead() throws Exception {
        if (breakage != null || source == null) {
            return null;
        }
        try {
            while (true) {
                if (cursor == null) {
                    cursor = source.rows(sheets.get(sheet).sheetIndex());
                    account = new SheetAccount(fileName, header, source.tableTotalsRows(sheets.get(sheet).sheetIndex()));
                    ahead = nextBelowHeader();
                }
                RawRow row = ahead;
                if (row != null) {
                    // one row ahead, so that the sheet's last row carries the sheet's account (columns not read)
                    ahead = nextBelowHeader();
                    SheetAccount.Classified classified = account.next(row);
                    List<Finding> notes = new ArrayList<>(classified.findings());
                    Integer columnsNotRead = null;
                    if (ahead == null) {
                        notes.addAll(account.close());
                        columnsNotRead = account.columnsNotRead();
                    }
                    return new SourcedRow(fileName, header, row, classified.kind(), notes, columnsNotRead);
                }
                if (breakAhead != null) {
                    throw breakAhead;
                }
                if (sheet + 1 >= sheets.size()) {
                    return null;
                }
                sheet++; // this sheet is done: on to the next one read
                header = sheets.get(sheet).header();
                cursor.close();
                cursor = null;
            }
        } catch (UnreadableFileException | IOException e) {
            // the message names the sheet and, for a break mid-sheet, the row near which it happened
            breakage = Finding.of(Rule.FILE_UNREADABLE, null, fileName, header.sheet(), null, null, null,
                    "文件读到一半无法继续读取，之后的行未被读取 (" + e.getMessage() + ")");
            return null;
        }
    }

    /**
     * The sheet's next row below its header, or null at its end. A row with no value in any cell of its own (a
     * template's pre-formatted rows, rows a spreadsheet program stores for their height or style, a formula that
     * shows nothing) is no row read: it is passed over, so that rows read = accepted + rejected + ignored counts
     * what a person sees. A break while reading ahead is kept for the next read, so that the row before it is
     * still handed out.
     */
    private RawRow nextBelowHeader() throws IOException {
        try {
            RawRow row;
            do {
                row = cursor.next();
            } while (row != null && (row.rowNumber() <= header.headerRowNumber() || RowKind.holdsNothing(row)));
            return row;
        } catch (UnreadableFileException e) {
            breakAhead = e;
            return null;
        }
    }

    private Finding fileFinding(String message) {
        return Finding.of(Rule.FILE_UNREADABLE, null, fileName, null, null, null, null, message);
    }

    /** A break found while reading, to be reported once the file's rows are staged; null when none. */
    public Finding breakage() {
        return breakage;
    }

    /** True when the file could not be read as discovery hashed it (changed, gone or unreadable since): nothing was read. */
    public boolean notAsDiscovered() {
        return notAsDiscovered;
    }

    /** Copies the file and returns the SHA-256 of the bytes copied: the copy is what was hashed, whatever happens to the file. */
    static String copyHashing(Path from, Path to) throws IOException {
        MessageDigest digest = InputSet.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(from), digest);
             OutputStream out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    @Override
    protected void doClose() throws Exception {
        try {
            if (cursor != null) {
                cursor.close();
            }
        } finally {
            try {
                if (source != null) {
                    source.close();
                }
            } finally {
                cursor = null;
                source = null;
                if (snapshot != null) {
                    Files.deleteIfExists(snapshot);
                    Files.deleteIfExists(snapshot.getParent());
                    snapshot = null;
                }
            }
        }
    }
}
