package cn.js.reduction.discover;

import cn.js.reduction.core.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files of {@code <input>/<year>/} that make up one run, with their SHA-256. Its fingerprint (names and
 * hashes) is part of the run's identity: the same files make the same run, any change a new one.
 *
 * <p>Only regular files directly in the folder whose names say spreadsheet are submissions. Everything else is
 * listed as {@link Skipped} with the reason, so that discovery reports it instead of passing over it in
 * silence: hidden files and Office lock files, names of other kinds (readme.txt), subfolders, FIFOs, devices
 * and sockets (never opened: a FIFO would block the run), and symbolic links that lead out of the folder (the
 * input set is what is in the folder, not what a link points at elsewhere on the machine).
 */
public record InputSet(Path folder, List<InputFile> files, List<Skipped> skipped) {

    private static final Pattern SUBMISSION_DATE = Pattern.compile("_(\\d{8})$");

    /**
     * Names of files that are read as submissions: the spreadsheets cities send, and the formats a clerk may
     * send by mistake, which the readers recognise and explain (.ods, .xlsb, .et: "save as .xlsx").
     */
    private static final Set<String> SUBMISSION_EXTENSIONS =
            Set.of("xlsx", "xlsm", "xltx", "xls", "csv", "tsv", "ods", "xlsb", "et", "ett");

    public InputSet(Path folder, List<InputFile> files) {
        this(folder, files, List.of());
    }

    /** An entry of the folder that is not read, with the rule and the reason a finding gives. */
    public record Skipped(String name, Rule rule, String reason) {
    }

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
        List<Skipped> skipped = new ArrayList<>();
        Path realFolder = folder.toRealPath();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.sorted().toList()) {
                String name = p.getFileName().toString();
                Skipped skip = skipReason(p, name, realFolder);
                if (skip != null) {
                    skipped.add(skip);
                    continue;
                }
                try {
                    files.add(new InputFile(name, p, sha256(p), Files.size(p), submittedAt(p)));
                } catch (AccessDeniedException e) {
                    skipped.add(new Skipped(name, Rule.FILE_UNREADABLE,
                            "没有读取此文件的权限，文件未读取；请联系管理员"));
                } catch (NoSuchFileException e) {
                    skipped.add(new Skipped(name, Rule.ENTRY_NOT_READ,
                            "文件在读取时已被删除或移走，未读取"));
                } catch (IOException e) {
                    skipped.add(new Skipped(name, Rule.FILE_UNREADABLE, "文件无法读取，未读取；请联系管理员（"
                            + e.getClass().getSimpleName() + "）"));
                }
            }
        }
        return new InputSet(folder, List.copyOf(files), List.copyOf(skipped));
    }

    /** Why an entry of the folder is not a submission to read, or null when it is one. Never opens it. */
    private static Skipped skipReason(Path p, String name, Path realFolder) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new Skipped(name, Rule.ENTRY_NOT_READ, "文件在读取时已被删除或移走，未读取");
        }
        if (attributes.isSymbolicLink()) {
            Path target;
            try {
                target = p.toRealPath();
            } catch (IOException e) {
                return new Skipped(name, Rule.ENTRY_NOT_READ,
                        "符号链接指向的文件不存在，未读取");
            }
            if (!realFolder.equals(target.getParent())) {
                return new Skipped(name, Rule.ENTRY_NOT_READ, "符号链接指向输入文件夹以外的位置，出于安全考虑未读取；请把文件本身放入输入文件夹");
            }
            attributes = Files.readAttributes(target, BasicFileAttributes.class);
        }
        if (name.startsWith(".")) {
            return new Skipped(name, Rule.NOT_A_SUBMISSION, "隐藏文件，不是报送文件，已跳过");
        }
        if (name.startsWith("~$")) {
            return new Skipped(name, Rule.NOT_A_SUBMISSION,
                    "Office 的临时锁定文件（表格正被打开时产生），不是报送文件，已跳过");
        }
        if (attributes.isDirectory()) {
            return new Skipped(name, Rule.ENTRY_NOT_READ, "子文件夹中的文件不会被读取；报送文件应直接放在年度输入文件夹中");
        }
        if (!attributes.isRegularFile()) {
            return new Skipped(name, Rule.ENTRY_NOT_READ, "不是普通文件（如管道、设备或套接字），未读取");
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (extension.equals("txt") && CsvSeparator.isTable(p)) {
            return null; // Excel's "Unicode text" or "text (tab delimited)" save of a submission: read as a table
        }
        if (!SUBMISSION_EXTENSIONS.contains(extension)) {
            return new Skipped(name, Rule.NOT_A_SUBMISSION, "文件名不是电子表格（.xlsx、.xls 或 .csv），不作为报送文件读取，已跳过；"
                    + "如确为报送表格，请另存为 .xlsx 后重新报送");
        }
        return null;
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

    /**
     * The digits of a trailing _YYYYMMDD that is no date (_20201399), or null: the file then counts by its
     * modification time, which the clerk cannot see, so discovery says so.
     */
    public static String notADate(String name) {
        int dot = name.lastIndexOf('.');
        Matcher m = SUBMISSION_DATE.matcher(dot > 0 ? name.substring(0, dot) : name);
        if (!m.find()) {
            return null;
        }
        try {
            LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE);
            return null;
        } catch (DateTimeParseException e) {
            return m.group(1);
        }
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

    /** The digest discovery hashes files with; the intake reader checks its copy with the same one. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
