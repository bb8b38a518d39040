package cn.js.reduction.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a plan year's reference files are read from: a classpath folder shipped inside the program, or a
 * folder on disk (a new plan year = a new folder of the same files, no code change).
 */
interface ReferenceFolder {

    /** The file, or empty when the folder has no such file. */
    Optional<InputStream> open(String fileName);

    /** The folder as a person should look for it, e.g. classpath:reference/2020/ or /srv/reference/2021. */
    String describe();

    static ReferenceFolder classpath(int year) {
        return new Classpath("reference/" + year + "/");
    }

    static ReferenceFolder directory(Path folder) {
        return new Directory(folder.toAbsolutePath().normalize());
    }

    record Classpath(String prefix) implements ReferenceFolder {
        @Override
        public Optional<InputStream> open(String fileName) {
            return Optional.ofNullable(ReferenceFolder.class.getClassLoader().getResourceAsStream(prefix + fileName));
        }

        @Override
        public String describe() {
            return "classpath:" + prefix;
        }
    }

    record Directory(Path folder) implements ReferenceFolder {
        @Override
        public Optional<InputStream> open(String fileName) {
            Path file = folder.resolve(fileName);
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.newInputStream(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String describe() {
            return folder.toString();
        }
    }
}
