package cn.js.reduction.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of {@code <input>/<year>/} that make up one run, with their SHA-256. Its fingerprint (names and
 * hashes) is part of the run's identity: the same files make the same run, any change a new one.
 */
public record InputSet(Path folder, List<InputFile> files) {

    private static final Pattern SUBMISSION_DATE = Pattern.compile("_(\\d{8})$");

    /**
     * One submitted file.
     *
     * @param submittedAt the date of a trailing _YYYYMMDD in the name (start of that day), else the file's
     *                    modification time: the newer submission of a city wins
     */
    public record InputFile(String name, Path path, String sha256, long sizeBytes, LocalDateTime submittedAt) {
    }

    public static InputSet scan(Path folder) throws IOException {
        List<InputFile> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                // hidden files and Office lock files (~$book.xlsx) are not submissions
                if (!Files.isRegularFile(p) || name.startsWith(".") || name.startsWith("~$")) {
                    continue;
                }
                files.add(new InputFile(name, p, sha256(p), Files.size(p), submittedAt(p)));
            }
        }
        return new InputSet(folder, List.copyOf(files));
    }

    /** SHA-256 over "name\tsha256\n" of every file in name order: the input set's identity. */
    public String fingerprint() {
        MessageDigest digest = newDigest();
        for (InputFile f : files) {
            digest.update((f.name() + "\t" + f.sha256() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static LocalDateTime submittedAt(Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        Matcher m = SUBMISSION_DATE.matcher(base);
        if (m.find()) {
            try {
                return LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay();
            } catch (DateTimeParseException e) {
                // not a date after all (e.g. _20201399): fall back to the modification time
            }
        }
        return LocalDateTime.ofInstant(Files.getLastModifiedTime(file).toInstant(), ZoneId.systemDefault())
                .withNano(0);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
