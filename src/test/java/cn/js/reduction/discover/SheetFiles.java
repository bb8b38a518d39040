package cn.js.reduction.discover;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Workbook;

/** Real files for the reader tests, and the rows a {@link SheetSource} gives back. */
public final class SheetFiles {

    private SheetFiles() {
    }

    public interface WorkbookContent {
        void fill(Workbook workbook) throws Exception;
    }

    public static Path write(Path file, Workbook workbook, WorkbookContent content) throws Exception {
        try (workbook; OutputStream out = Files.newOutputStream(file)) {
            content.fill(workbook);
            workbook.write(out);
        }
        return file;
    }

    /** Copies a zip (an xlsx), putting {@code replacement} in place of the entry of that name. */
    public static Path replaceEntry(Path zip, String entryName, byte[] replacement, Path target) throws IOException {
        Map<String, byte[]> entries = entries(zip);
        if (!entries.containsKey(entryName)) {
            throw new IllegalArgumentException(entryName + " not in " + entries.keySet());
        }
        entries.put(entryName, replacement);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return target;
    }

    public static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Every row of every sheet, by sheet name in workbook order. */
    public static Map<String, List<RawRow>> readAll(Path file) throws Exception {
        try (SheetSource source = SheetSources.open(file)) {
            return readAll(source);
        }
    }

    public static Map<String, List<RawRow>> readAll(SheetSource source) throws Exception {
        Map<String, List<RawRow>> sheets = new LinkedHashMap<>();
        for (int i = 0; i < source.sheetNames().size(); i++) {
            List<RawRow> rows = new ArrayList<>();
            try (SheetSource.RowCursor cursor = source.rows(i)) {
                for (RawRow row = cursor.next(); row != null; row = cursor.next()) {
                    rows.add(row);
                }
            }
            sheets.put(source.sheetNames().get(i), rows);
        }
        return sheets;
    }

    public static RawRow row(String sheet, int rowNumber, RawCell... cells) {
        return new RawRow(sheet, rowNumber, Arrays.asList(cells));
    }

    public static RawCell text(int column, String text) {
        return new RawCell(column, RawCell.Type.TEXT, text);
    }

    public static RawCell number(int column, String text) {
        return new RawCell(column, RawCell.Type.NUMBER, text);
    }

    public static RawCell date(int column, String isoDate) {
        return new RawCell(column, RawCell.Type.DATE, isoDate);
    }

    public static RawCell bool(int column, String text) {
        return new RawCell(column, RawCell.Type.BOOLEAN, text);
    }

    public static RawCell error(int column, String text) {
        return new RawCell(column, RawCell.Type.ERROR, text);
    }

    public static byte[] bytes(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
