package cn.js.reduction.discover;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.core.InputLimits;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tells what a submitted file is by its headers (docs/input-format.md) and which of its sheets are read: every visible sheet
 * whose first 20 rows hold a complete, recognisable header of the file's kind, in workbook order. Used by
 * discovery (to record the kind and the file's findings) and by the intake reader (to find the sheets and where
 * their data starts), so both always agree.
 *
 * <p>The file's kind is that of its first sheet with a usable header. What is not read is said, never dropped
 * silently: a sheet holding data without a recognisable header, a hidden sheet holding data, and a sheet of
 * the other kind get SHEET_NOT_READ (WARNING); a sheet whose header lacks a required column (MISSING_COLUMN) or
 * names a unit that cannot be converted (UNKNOWN_UNIT) gets an ERROR. When no sheet is left to read the file is
 * skipped with that ERROR (or UNKNOWN_FILE_KIND).
 */
public final class SubmissionSniffer {

    /** How far down a sheet without a header is looked at to tell whether it holds data. */
    static final int DATA_PROBE_ROWS = 200;

    private final HeaderLocator locator;

    public SubmissionSniffer(ReferenceData reference) {
        this.locator = new HeaderLocator(reference);
    }

    /** One sheet to read: its 0-based index in the workbook and its header. */
    public record SheetPlan(int sheetIndex, Header header) {
    }

    /**
     * What sniffing found.
     *
     * @param header     the first sheet read's header (or, when the file is skipped for a header's fault, that
     *                   header); null when none
     * @param sheetIndex the first sheet read's index, -1 when none
     * @param problem    the ERROR that skips the file, null when it is read
     * @param message    that ERROR's message
     * @param sheets     the sheets to read, in workbook order; empty when the file is skipped
     * @param findings   every file-level finding to record for the file: the skipping ERROR(s), and for a file
     *                   that is read, its SHEET_NOT_READ, sheet-level ERRORs and UNIT_CONVERTED findings
     */
    public record Result(Header header, int sheetIndex, Rule problem, String message, List<SheetPlan> sheets,
                         List<Finding> findings) {

        public Result {
            sheets = List.copyOf(sheets);
            findings = List.copyOf(findings);
        }

        public boolean readable() {
            return problem == null;
        }

        public FileKind kind() {
            return header == null ? null : header.kind();
        }
    }

    public Result sniff(Path file) {
        return sniff(file, false).result();
    }

    /** What sniffing found, and for a readable file its source, still open, to read the planned sheets from. */
    public record Opened(Result result, SheetSource source) {
    }

    /**
     * Sniffs the file and, when it is readable, leaves its source open for the caller (who closes it): the
     * intake reader reads the sheets from the source the plan was made on instead of opening the file again.
     * The source is null when the file is not readable.
     */
    public Opened open(Path file) {
        return sniff(file, true);
    }

    private Opened sniff(Path file, boolean keepOpen) {
        String fileName = file.getFileName().toString();
        SheetSource source = null;
        try {
            source = SheetSources.open(file);
            Result result = sniff(fileName, source);
            SheetSource opened = source;
            source = null;
            if (keepOpen && result.readable()) {
                return new Opened(result, opened);
            }
            opened.close();
            return new Opened(result, null);
        } catch (UnreadableFileException e) {
            closeQuietly(source);
            return new Opened(skipped(fileName, null, Rule.FILE_UNREADABLE, e.getMessage()), null);
        } catch (IOException e) {
            closeQuietly(source);
            return new Opened(skipped(fileName, null, Rule.FILE_UNREADABLE,
                    "文件无法读取 (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"), null);
        } catch (OutOfMemoryError | StackOverflowError e) {
            closeQuietly(source);
            // the readers bound what they hold; should a file still find a way, it fails alone, not the run
            return new Opened(skipped(fileName, null, Rule.FILE_UNREADABLE, "文件内容异常庞大或嵌套过深，无法读取；请重新导出后报送"
                    + " (the file exhausts the reader: " + e.getClass().getSimpleName() + ")"), null);
        }
    }

    private static void closeQuietly(SheetSource source) {
        if (source != null) {
            try {
                source.close();
            } catch (IOException | RuntimeException ignored) {
                // the file is reported unreadable already; a failure to close it adds nothing
            }
        }
    }

    private Result sniff(String file, SheetSource source) throws IOException, UnreadableFileException {
        List<String> names = source.sheetNames();
        checkSheetNames(names);
        List<SheetPlan> read = new ArrayList<>();
        List<Finding> notRead = new ArrayList<>();   // WARNINGs, reported when some sheet is read
        List<Finding> hiddenNotRead = new ArrayList<>(); // reported even when none is: they explain why
        List<Finding> sheetErrors = new ArrayList<>(); // MISSING_COLUMN / UNKNOWN_UNIT of single sheets
        Header firstBroken = null;
        Rule firstBrokenRule = null;
        UnreadableFileException brokenSheet = null; // a sheet that broke before any header showed
        for (int i = 0; i < names.size(); i++) {
            String sheet = names.get(i);
            Probe probe = probe(source, i, sheet);
            if (probe.broken() != null && brokenSheet == null && probe.header().isEmpty()) {
                brokenSheet = probe.broken();
            }
            if (source.isHidden(i)) {
                if (probe.holdsData()) {
                    Finding hiddenData = notRead(file, sheet, "是隐藏的工作表，其中的数据未读取；如需计入，请取消隐藏后重新报送");
                    notRead.add(hiddenData);
                    hiddenNotRead.add(hiddenData);
                }
                continue;
            }
            Optional<Header> found = probe.header();
            if (found.isEmpty()) {
                if (probe.holdsData()) {
                    notRead.add(notRead(file, sheet, "含有数据，但前" + HeaderLocator.SEARCH_ROWS
                                    + "行中没有可识别的项目清单或排放量报表表头，未读取；如需计入，请在数据上方加上模板的表头"));
                }
                continue;
            }
            Header header = found.get();
            if (!header.isComplete()) {
                sheetErrors.add(header.missingColumnFinding(file).orElseThrow());
                if (firstBroken == null) {
                    firstBroken = header;
                    firstBrokenRule = Rule.MISSING_COLUMN;
                }
                continue;
            }
            if (!header.unitsKnown()) {
                sheetErrors.addAll(header.unitFindings(file).stream()
                        .filter(f -> f.rule() == Rule.UNKNOWN_UNIT).toList());
                if (firstBroken == null) {
                    firstBroken = header;
                    firstBrokenRule = Rule.UNKNOWN_UNIT;
                }
                continue;
            }
            FileKind kind = read.isEmpty() ? header.kind() : read.get(0).header().kind();
            if (header.kind() != kind) {
                notRead.add(notRead(file, sheet, "是" + header.kind().title() + "，而本文件按" + kind.title()
                                + "读取（以第一个可读取的工作表为准），本工作表未读取；请将其作为单独的文件报送"));
                continue;
            }
            read.add(new SheetPlan(i, header));
        }
        if (read.isEmpty()) {
            if (firstBroken != null) {
                return brokenHeader(firstBroken, firstBrokenRule, sheetErrors);
            }
            if (brokenSheet != null) {
                return skipped(file, null, Rule.FILE_UNREADABLE, brokenSheet.getMessage());
            }
            UnreadableFileException notWorkbook = notAWorkbookDespiteName(file, source);
            if (notWorkbook != null) {
                return skipped(file, null, Rule.FILE_UNREADABLE, notWorkbook.getMessage());
            }
            return noHeader(file, hiddenNotRead,
                    "在任何工作表的前" + HeaderLocator.SEARCH_ROWS + "行中都找不到项目清单或排放量报表的表头（如「项目编号」「设区市」「项目类别」或"
                            + "「污染物」「基准年排放量」）。请使用模板报送");
        }
        List<Finding> findings = new ArrayList<>(sheetErrors);
        findings.addAll(notRead);
        for (SheetPlan plan : read) {
            findings.addAll(plan.header().unitFindings(file)); // UNIT_CONVERTED only: the units are known
        }
        SheetPlan first = read.get(0);
        return new Result(first.header(), first.sheetIndex(), null, null, read, findings);
    }

    /**
     * The file is skipped because its only header(s) cannot be used: missing columns or unknown units. The
     * message is the first sheet finding's own (Header.missingColumnFinding, Header.unitFindings), which
     * points at the header row: one wording wherever the clerk reads it.
     */
    private static Result brokenHeader(Header header, Rule rule, List<Finding> sheetErrors) {
        Finding first = sheetErrors.stream().filter(f -> f.rule() == rule).findFirst().orElseThrow();
        return new Result(header, -1, rule, first.message(), List.of(), sheetErrors);
    }

    private static Result skipped(String file, Header header, Rule rule, String message) {
        return new Result(header, -1, rule, message, List.of(), List.of(Finding.of(rule, null, file,
                header == null ? null : header.sheet(), null, null, null, message)));
    }

    /** No sheet has a header: the ERROR, then the sheets that hold data all the same (hidden ones, say). */
    private static Result noHeader(String file, List<Finding> notRead, String message) {
        Result skipped = skipped(file, null, Rule.UNKNOWN_FILE_KIND, message);
        List<Finding> findings = new ArrayList<>(skipped.findings());
        findings.addAll(notRead);
        return new Result(null, -1, Rule.UNKNOWN_FILE_KIND, message, List.of(), findings);
    }

    private static Finding notRead(String file, String sheet, String chinese) {
        return Finding.of(Rule.SHEET_NOT_READ, null, file, sheet, null, null, sheet, "工作表「" + sheet + "」" + chinese);
    }

    /** What the top of a sheet shows: its header, if any, and whether it holds data. */
    private record Probe(Optional<Header> header, boolean holdsData, UnreadableFileException broken) {
        Probe(Optional<Header> header, boolean holdsData) {
            this(header, holdsData, null);
        }
    }

    /**
     * Reads the first 20 rows for the header; for a sheet without one (or a hidden one) reads on, up to
     * {@link #DATA_PROBE_ROWS}, to tell whether it holds data: two rows that {@link #looksLikeData look like data},
     * or, on a hidden sheet, a complete header with anything below it.
     */
    private Probe probe(SheetSource source, int index, String sheet) throws IOException, UnreadableFileException {
        boolean hidden = source.isHidden(index);
        List<RawRow> first = new ArrayList<>();
        int dataRows = 0;
        boolean filledPastSearch = false;
        Optional<Header> header = null; // not located yet
        UnreadableFileException broken = null;
        try (SheetSource.RowCursor rows = source.storedRows(index)) {
            RawRow row;
            while ((row = nextOrBreak(rows)) != null && row.rowNumber() <= DATA_PROBE_ROWS) {
                if (row.rowNumber() <= HeaderLocator.SEARCH_ROWS) {
                    first.add(row);
                } else {
                    if (header == null) {
                        header = locator.locate(sheet, first);
                        if (header.isPresent() && !hidden) {
                            return new Probe(header, true);
                        }
                    }
                    filledPastSearch |= !row.isBlank();
                }
                if (looksLikeData(row) && ++dataRows >= 2 && header != null) {
                    return new Probe(header, true);
                }
            }
        } catch (SheetBreak e) {
            // a sheet that breaks (a limit of the input passed) may still have its header above the break:
            // then intake reads up to the break and reports it there, on its row
            broken = e.cause;
        }
        if (header == null) {
            header = locator.locate(sheet, first);
        }
        if (header.isPresent() && !hidden) {
            return new Probe(header, true);
        }
        boolean holdsData = dataRows >= 2;
        if (header.isPresent() && header.get().isComplete()) {
            int headerRow = header.get().headerRowNumber();
            holdsData |= filledPastSearch
                    || first.stream().anyMatch(r -> r.rowNumber() > headerRow && !r.isBlank());
        }
        return new Probe(hidden ? Optional.empty() : header, holdsData, broken);
    }

    /** The reader's break, carried out of the probe's loop so that the rows above it still count. */
    private static final class SheetBreak extends RuntimeException {
        private final UnreadableFileException cause;

        SheetBreak(UnreadableFileException cause) {
            super(null, cause, false, false);
            this.cause = cause;
        }
    }

    private static RawRow nextOrBreak(SheetSource.RowCursor rows) throws IOException {
        try {
            return rows.next();
        } catch (UnreadableFileException e) {
            throw new SheetBreak(e);
        }
    }

    /**
     * A row that looks like a data record: four or more filled cells of its own (an emission row has a city, a
     * pollutant and two tonnages), a number or a date among them past the first (which is often a 序号). An
     * instructions sheet or a list of drop-down values has none.
     */
    static boolean looksLikeData(RawRow row) {
        int filled = 0;
        boolean figure = false;
        for (RawCell c : row.cells()) {
            if (Values.isBlank(c) || row.isMergedFromElsewhere(c.column())) {
                continue;
            }
            filled++;
            if (filled > 1 && !figure) {
                figure = c.type() == RawCell.Type.NUMBER || c.type() == RawCell.Type.DATE
                        || Values.number(c).isPresent() || Values.date(c).isPresent();
            }
        }
        return filled >= 4 && figure;
    }

    /** A sheet name is what every finding of the sheet carries; one no workbook can have means a crafted file. */
    private static void checkSheetNames(List<String> sheets) throws UnreadableFileException {
        for (String sheet : sheets) {
            if (sheet.length() > InputLimits.MAX_SHEET_NAME_CHARS) {
                throw Unreadable.sheetNameTooLong(sheet.length());
            }
        }
    }

    /**
     * A file named as a workbook that is not one (damaged, or plain text under an .xlsx name) was read as CSV
     * and has no header: "cannot be opened" tells the clerk what is wrong, "no recognisable header" would not.
     */
    private static UnreadableFileException notAWorkbookDespiteName(String name, SheetSource source) {
        if (!(source instanceof CsvSheetSource)) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return switch (extension) {
            case "xlsx", "xlsm", "xltx", "xls" -> Unreadable.notAWorkbookDespiteName(extension);
            default -> null;
        };
    }
}
