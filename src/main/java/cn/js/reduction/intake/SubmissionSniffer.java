package cn.js.reduction.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tells what a submitted file is by its header (SPEC §3): the first sheet whose first 20 rows hold a
 * recognisable header is the one read. Used by discovery (to record the kind) and by the intake reader (to
 * find where the data starts), so both always agree.
 */
public final class SubmissionSniffer {

    private final HeaderLocator locator;

    public SubmissionSniffer(int year) {
        this.locator = new HeaderLocator(year);
    }

    /** What sniffing found: a readable header, or the file-level finding that skips the file. */
    public record Result(Header header, int sheetIndex, Rule problem, String message) {

        public boolean readable() {
            return problem == null;
        }

        public FileKind kind() {
            return header == null ? null : header.kind();
        }
    }

    public Result sniff(Path file) {
        try (SheetSource source = SheetSources.open(file)) {
            List<String> sheets = source.sheetNames();
            checkSheetNames(sheets);
            Header incomplete = null;
            int incompleteSheet = -1;
            UnreadableFileException broken = null;
            for (int i = 0; i < sheets.size(); i++) {
                List<RawRow> first = new ArrayList<>();
                try (SheetSource.RowCursor rows = source.rows(i)) {
                    RawRow row;
                    while ((row = rows.next()) != null && row.rowNumber() <= HeaderLocator.SEARCH_ROWS) {
                        first.add(row);
                    }
                } catch (UnreadableFileException e) {
                    // a sheet that breaks (a limit of the input passed) may still have its header above the break:
                    // then intake reads up to the break and reports it there, on its row
                    if (broken == null) {
                        broken = e;
                    }
                }
                Optional<Header> header = locator.locate(sheets.get(i), first);
                if (header.isPresent()) {
                    if (header.get().missingRequired().isEmpty()) {
                        return new Result(header.get(), i, null, null);
                    }
                    if (incomplete == null) {
                        incomplete = header.get();
                        incompleteSheet = i;
                    }
                }
            }
            if (incomplete != null) {
                String missing = incomplete.missingRequired().stream().map(Field::columnName)
                        .collect(Collectors.joining("、"));
                return new Result(incomplete, incompleteSheet, Rule.MISSING_COLUMN,
                        "工作表「" + incomplete.sheet() + "」是" + incomplete.kind().title() + "，但缺少必需的列：" + missing
                                + "。请按模板补齐表头后重新报送 (missing required columns)");
            }
            if (broken != null) {
                return new Result(null, -1, Rule.FILE_UNREADABLE, broken.getMessage());
            }
            UnreadableFileException notWorkbook = notAWorkbookDespiteName(file, source);
            if (notWorkbook != null) {
                return new Result(null, -1, Rule.FILE_UNREADABLE, notWorkbook.getMessage());
            }
            return new Result(null, -1, Rule.UNKNOWN_FILE_KIND,
                    "在任何工作表的前" + HeaderLocator.SEARCH_ROWS + "行中都找不到项目清单或排放量报表的表头（如「项目编号」「设区市」「项目类别」或"
                            + "「污染物」「基准年排放量」）。请使用模板报送 (no recognisable header in the first "
                            + HeaderLocator.SEARCH_ROWS + " rows of any sheet)");
        } catch (UnreadableFileException e) {
            return new Result(null, -1, Rule.FILE_UNREADABLE, e.getMessage());
        } catch (IOException e) {
            return new Result(null, -1, Rule.FILE_UNREADABLE,
                    "文件无法读取 (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        } catch (OutOfMemoryError | StackOverflowError e) {
            // the readers bound what they hold; should a file still find a way, it fails alone, not the run
            return new Result(null, -1, Rule.FILE_UNREADABLE, "文件内容异常庞大或嵌套过深，无法读取；请重新导出后报送"
                    + " (the file exhausts the reader: " + e.getClass().getSimpleName() + ")");
        }
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
    private static UnreadableFileException notAWorkbookDespiteName(Path file, SheetSource source) {
        if (!(source instanceof CsvSheetSource)) {
            return null;
        }
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
        return switch (extension) {
            case "xlsx", "xlsm", "xltx", "xls" -> Unreadable.notAWorkbookDespiteName(extension);
            default -> null;
        };
    }
}
