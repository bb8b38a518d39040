package cn.js.reduction.clerk;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.PlanTerms;
import cn.js.reduction.discover.RawRow;
import cn.js.reduction.discover.SheetSource;
import cn.js.reduction.discover.SheetSources;
import cn.js.reduction.discover.UnreadableFileException;
import cn.js.reduction.report.sheet.RuleSheet;
import cn.js.reduction.report.sheet.StreamingWorkbook;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The clerk's workbook returned annotated (docs/operations.md validate): each faulty cell filled and commented, a 问题清单
 * sheet linking every finding to its cell, and the 规则说明 sheet.
 *
 * <p>An xlsx is returned as a copy of the clerk's own file, sheets and layout kept. That copy needs the whole
 * workbook in memory (XSSF), so above {@link #MAX_COPY_BYTES} (and for csv and xls, which POI cannot rewrite
 * as xlsx) a new xlsx of their rows is streamed instead, one sheet per sheet read, every cell where it was.
 */
public final class AnnotatedReturn {

    /** About 100,000 typical rows; an XSSF copy of this takes well under 1 GB of heap. */
    public static final long MAX_COPY_BYTES = 8L << 20;

    /**
     * @param layoutKept true when the return is a copy of the clerk's own xlsx; false for a new xlsx of their rows
     * @param note       why the layout was not kept, for the summary; null when it was
     */
    public record Written(Path path, boolean layoutKept, String note) {
    }

    private AnnotatedReturn() {
    }

    /** The return's name: 校验结果_ before the clerk's own name, so a trailing _YYYYMMDD stays at the end. */
    public static String fileName(Path source) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return "校验结果_" + (dot > 0 ? name.substring(0, dot) : name) + ".xlsx";
    }

    /** @param readable false when the file could not be read at all: the return then lists the findings only */
    public static Written write(Path source, boolean readable, List<Finding> findings, PlanTerms terms, Path out)
            throws IOException {
        return write(source, readable, findings, terms, out, MAX_COPY_BYTES);
    }

    /** @param maxCopyBytes the largest xlsx returned as a copy of itself (small in tests) */
    public static Written write(Path source, boolean readable, List<Finding> findings, PlanTerms terms, Path out,
                         long maxCopyBytes)
            throws IOException {
        String note = null;
        if (!readable) {
            note = "文件无法读取，标注文件只列出问题";
        } else if (isXlsx(source)) {
            long size = Files.size(source);
            if (size <= maxCopyBytes) {
                try {
                    writeCopy(source, findings, terms, out);
                    return new Written(out, true, null);
                } catch (RuntimeException | IOException e) {
                    note = "原文件无法整体复制（" + e.getClass().getSimpleName() + "），改为按读取的行生成新表";
                }
            } else {
                note = "文件较大（" + mb(size) + " MB，超过 " + mb(maxCopyBytes)
                        + " MB），为控制内存，标注文件按读取的行生成，未保留原格式 (file larger than "
                        + mb(maxCopyBytes) + " MB: rows copied without the original layout)";
            }
        } else {
            note = "csv/xls 文件的标注按读取的行生成为新的 xlsx 文件";
        }
        writeRows(source, findings, terms, out);
        return new Written(out, false, note);
    }

    private static String mb(long bytes) {
        return java.math.BigDecimal.valueOf(bytes).divide(java.math.BigDecimal.valueOf(1 << 20), 1,
                java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static boolean isXlsx(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return FileMagic.valueOf(in) == FileMagic.OOXML;
        }
    }

    /** A copy of the clerk's xlsx, opened from a stream so that their file is never written to. */
    private static void writeCopy(Path source, List<Finding> findings, PlanTerms terms, Path out) throws IOException {
        try (InputStream in = Files.newInputStream(source); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            // a return sent back for checking again carries our sheets already: replace them
            for (String name : List.of(FindingListSheet.NAME, RuleSheet.NAME)) {
                int i = wb.getSheetIndex(name);
                if (i >= 0) {
                    wb.removeSheetAt(i);
                }
            }
            Annotator annotator = new Annotator(wb);
            Map<String, List<Finding>> byCell = new LinkedHashMap<>();
            Map<Finding, String> placed = new HashMap<>();
            for (Finding f : findings) {
                if (f.sheet() == null || wb.getSheet(f.sheet()) == null || f.row() == null) {
                    continue;
                }
                String cell = f.cell() != null ? f.cell() : "A" + f.row();
                byCell.computeIfAbsent(f.sheet() + "\u0000" + cell, k -> new ArrayList<>()).add(f);
                placed.put(f, FindingListSheet.address(f.sheet(), cell));
            }
            byCell.forEach((key, list) -> {
                int sep = key.indexOf('\u0000');
                Sheet sheet = wb.getSheet(key.substring(0, sep));
                CellReference ref = new CellReference(key.substring(sep + 1));
                Row row = sheet.getRow(ref.getRow());
                if (row == null) {
                    row = sheet.createRow(ref.getRow());
                }
                Cell cell = row.getCell(ref.getCol());
                if (cell == null) {
                    cell = row.createCell(ref.getCol());
                }
                annotator.annotate(cell, list);
            });
            FindingListSheet.write(wb, findings, f -> target(f, placed, wb.getSheet(f.sheet() == null ? "" : f.sheet()) != null));
            RuleSheet.write(wb, terms);
            wb.setActiveSheet(wb.getSheetIndex(FindingListSheet.NAME));
            wb.setSelectedTab(wb.getSheetIndex(FindingListSheet.NAME));
            save(wb, out);
        }
    }

    /** A new xlsx of the rows as read, streamed: memory does not grow with the file. */
    private static void writeRows(Path source, List<Finding> findings, PlanTerms terms, Path out) throws IOException {
        Map<String, Map<Integer, List<Finding>>> bySheetRow = new HashMap<>();
        for (Finding f : findings) {
            if (f.sheet() != null && f.row() != null) {
                bySheetRow.computeIfAbsent(f.sheet(), k -> new HashMap<>())
                        .computeIfAbsent(f.row(), k -> new ArrayList<>()).add(f);
            }
        }
        SXSSFWorkbook wb = new StreamingWorkbook(200);
        try {
            Annotator annotator = new Annotator(wb);
            AnnotatedRows rows = new AnnotatedRows(wb, annotator);
            Map<Finding, String> placed = new HashMap<>();
            Set<String> sheetsWritten = new HashSet<>();
            try (SheetSource src = SheetSources.open(source)) {
                List<String> names = src.sheetNames();
                for (int i = 0; i < names.size(); i++) {
                    String name = uniqueName(wb, names.get(i));
                    Sheet sheet = wb.createSheet(name);
                    sheetsWritten.add(names.get(i));
                    Map<Integer, List<Finding>> sheetFindings = bySheetRow.getOrDefault(names.get(i), Map.of());
                    try (SheetSource.RowCursor cursor = src.rows(i)) {
                        RawRow raw;
                        while ((raw = cursor.next()) != null) {
                            Row row = sheet.createRow(raw.rowNumber() - 1);
                            Map<Finding, String> here = rows.write(row, raw, 0,
                                    sheetFindings.getOrDefault(raw.rowNumber(), List.of()));
                            here.forEach((f, ref) -> placed.put(f, FindingListSheet.address(name, ref)));
                        }
                    } catch (UnreadableFileException e) {
                        // the rows before the break are returned; the break itself is a finding of the list
                    }
                }
            } catch (UnreadableFileException e) {
                // an unreadable file: the return holds the findings list only
            }
            FindingListSheet.write(wb, findings, f -> placed.get(f));
            RuleSheet.write(wb, terms);
            wb.setActiveSheet(wb.getSheetIndex(FindingListSheet.NAME));
            wb.setSelectedTab(wb.getSheetIndex(FindingListSheet.NAME));
            save(wb, out);
        } finally {
            wb.close();
            wb.dispose();
        }
    }

    private static String target(Finding f, Map<Finding, String> placed, boolean sheetExists) {
        String at = placed.get(f);
        if (at != null) {
            return at;
        }
        return sheetExists ? FindingListSheet.address(f.sheet(), "A1") : null;
    }

    private static String uniqueName(org.apache.poi.ss.usermodel.Workbook wb, String wanted) {
        String base = WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "Sheet" : wanted);
        String name = base;
        for (int n = 2; wb.getSheet(name) != null || name.equals(FindingListSheet.NAME) || name.equals(RuleSheet.NAME); n++) {
            String suffix = "(" + n + ")";
            name = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
        }
        return name;
    }

    /** Written aside and moved into place: a half-written return never lies under the final name. */
    private static void save(org.apache.poi.ss.usermodel.Workbook wb, Path out) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path part = out.resolveSibling(out.getFileName() + ".part");
        try (OutputStream o = Files.newOutputStream(part)) {
            wb.write(o);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
