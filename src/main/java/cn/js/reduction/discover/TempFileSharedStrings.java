package cn.js.reduction.discover;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.openxml4j.opc.PackagePart;

/**
 * A large shared strings table, streamed once into a temporary file: the text stays on disk and memory
 * holds 8 bytes per string (its offset) plus a small cache, whatever the size of the workbook. The file is
 * deleted on close.
 */
final class TempFileSharedStrings implements XlsxSharedStrings {

    private static final int CACHE_SLOTS = 4096; // a power of two: repeated texts (city names) hit it

    /**
     * Memory holds 8 bytes per string: 16.8 million strings (128 MB) is far more than a million rows of
     * submissions have; a table of more is made to fill the heap, not to be read.
     */
    static final int MAX_STRINGS = 1 << 24;

    private final Path file;
    private final FileChannel channel;
    private final long[] offsets; // entry i is bytes [offsets[i], offsets[i + 1]) of the file
    private final int count;
    private final int[] cachedIndex = new int[CACHE_SLOTS];
    private final String[] cachedText = new String[CACHE_SLOTS];

    private TempFileSharedStrings(Path file, long[] offsets, int count) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.offsets = offsets;
        this.count = count;
        Arrays.fill(cachedIndex, -1);
    }

    static TempFileSharedStrings load(PackagePart part) throws IOException, XMLStreamException {
        try (InputStream in = part.getInputStream()) {
            return load(in);
        }
    }

    static TempFileSharedStrings load(InputStream sstXml) throws IOException, XMLStreamException {
        Path file = org.apache.poi.util.TempFile.createTempFile("shared-strings-", ".txt").toPath(); // the run's temp folder
        try {
            Offsets offsets = new Offsets();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                SharedStringItems.read(sstXml, text -> {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    out.write(bytes);
                    offsets.add(bytes.length);
                });
            }
            return new TempFileSharedStrings(file, offsets.ends, offsets.count);
        } catch (IOException | XMLStreamException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** offsets[i] is where item i starts; offsets[count] is the end of the last. */
    private static final class Offsets {
        long[] ends = new long[1024];
        int count;

        void add(int length) throws IOException {
            if (count >= MAX_STRINGS) {
                throw new IOException("shared strings table too large", Unreadable.tooManySharedStrings(MAX_STRINGS));
            }
            if (count + 1 >= ends.length) {
                ends = Arrays.copyOf(ends, ends.length + (ends.length >> 1));
            }
            ends[count + 1] = ends[count] + length;
            count++;
        }
    }

    int size() {
        return count;
    }

    Path file() {
        return file;
    }

    @Override
    public String get(int index) {
        if (index < 0 || index >= count) {
            throw new IllegalStateException("no shared string " + index + " of " + count);
        }
        int slot = index & (CACHE_SLOTS - 1);
        if (cachedIndex[slot] == index) {
            return cachedText[slot];
        }
        long start = offsets[index];
        int length = Math.toIntExact(offsets[index + 1] - start);
        ByteBuffer bytes = ByteBuffer.allocate(length);
        try {
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, start + bytes.position()) < 0) {
                    throw new IOException("shared strings file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = new String(bytes.array(), StandardCharsets.UTF_8);
        cachedIndex[slot] = index;
        cachedText[slot] = text;
        return text;
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
