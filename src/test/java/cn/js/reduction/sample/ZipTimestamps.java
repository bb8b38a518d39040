package cn.js.reduction.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * POI stamps every part of an .xlsx with the time of writing; rewriting the archive with one fixed time makes
 * a regenerated sample byte-identical, so that committing it again changes nothing.
 */
final class ZipTimestamps {

    private static final LocalDateTime FIXED = LocalDateTime.of(2021, 1, 10, 8, 0);

    private ZipTimestamps() {
    }

    static void fix(Path xlsx) throws IOException {
        Path tmp = xlsx.resolveSibling(xlsx.getFileName() + ".tmp");
        try (ZipFile in = new ZipFile(xlsx.toFile());
             OutputStream file = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(FIXED);
                out.putNextEntry(copy);
                try (InputStream data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, xlsx, StandardCopyOption.REPLACE_EXISTING);
    }
}
