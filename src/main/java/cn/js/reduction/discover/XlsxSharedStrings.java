package cn.js.reduction.discover;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The workbook's shared strings table: a cell with t="s" holds an index into it. Excel puts every text cell
 * there, so for a big workbook the table is as big as its text. A small table is held in memory; a large
 * one goes to a temporary file ({@link TempFileSharedStrings}), so that memory does not grow with the file.
 */
interface XlsxSharedStrings extends Closeable {

    /**
     * Above this size of the table's XML, it is kept on disk. 16 MB of XML holds some hundreds of thousands
     * of strings, a few tens of MB of heap.
     */
    long IN_MEMORY_LIMIT_BYTES = 16L << 20;

    /** The text of the 0-based entry; an IllegalStateException when the table has no such entry. */
    String get(int index);

    @Override
    default void close() throws IOException {
    }

    static XlsxSharedStrings open(OPCPackage pkg, long inMemoryLimitBytes) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return index -> {
                throw new IllegalStateException("shared string " + index + " referenced but the workbook has none");
            };
        }
        PackagePart part = parts.get(0);
        long size = part.getSize();
        if (size < 0 || size > inMemoryLimitBytes) {
            return TempFileSharedStrings.load(part);
        }
        List<String> strings = new ArrayList<>();
        try (InputStream in = part.getInputStream()) {
            SharedStringItems.read(in, strings::add);
        }
        return index -> {
            if (index < 0 || index >= strings.size()) {
                throw new IllegalStateException("no shared string " + index + " of " + strings.size());
            }
            return strings.get(index);
        };
    }
}
