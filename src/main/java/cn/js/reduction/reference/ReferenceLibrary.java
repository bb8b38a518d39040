package cn.js.reduction.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plan years' reference data as this program has them: each year's folder read and checked once, on first
 * use, and kept for the life of the library (a Spring bean in the job, one instance per command otherwise). The
 * folders are the ones shipped inside the program (classpath reference/Y/), or those of a folder of year
 * folders (DIR/Y/, e.g. a corrected transcription of an annex, or a plan year the program does not ship yet).
 */
public final class ReferenceLibrary {

    private final Path root;
    private final Map<Integer, ReferenceData> years = new ConcurrentHashMap<>();
    private final Map<Integer, String> contentSha256 = new ConcurrentHashMap<>();

    private ReferenceLibrary(Path root) {
        this.root = root == null ? null : root.toAbsolutePath().normalize();
    }

    /** The reference data shipped inside the program. */
    public static ReferenceLibrary shipped() {
        return new ReferenceLibrary(null);
    }

    /** The reference data in {@code root}/Y/ for plan year Y; null for the shipped ones. */
    public static ReferenceLibrary of(Path root) {
        return new ReferenceLibrary(root);
    }

    /** Whether the library has reference data for plan year {@code year} (checked only when it is loaded). */
    public boolean has(int year) {
        return root == null ? ReferenceDataLoader.exists(year)
                : Files.isRegularFile(root.resolve(String.valueOf(year)).resolve(ReferenceDataLoader.PLAN));
    }

    /**
     * The plan years this library has reference data for, oldest first (not yet checked). The shipped ones are
     * looked up year by year over the range a plan year can take, since a classpath cannot be listed portably.
     */
    public java.util.List<Integer> years() {
        return java.util.stream.IntStream.rangeClosed(FIRST_PLAN_YEAR, LAST_PLAN_YEAR).filter(this::has).boxed().toList();
    }

    private static final int FIRST_PLAN_YEAR = 2000;
    private static final int LAST_PLAN_YEAR = 2100;

    /** Plan year {@code year}'s reference data, checked; a {@link ReferenceDataException} says what fails. */
    public ReferenceData year(int year) {
        ReferenceData data = years.get(year);
        return data != null ? data : years.computeIfAbsent(year, y -> root == null ? ReferenceDataLoader.load(y)
                : ReferenceDataLoader.load(root.resolve(String.valueOf(y))));
    }

    /** {@link ReferenceDataLoader#contentSha256} of plan year {@code year}'s folder: part of a run's identity. */
    public String contentSha256(int year) {
        String sha = contentSha256.get(year);
        return sha != null ? sha : contentSha256.computeIfAbsent(year, y -> ReferenceDataLoader.contentSha256(folder(y)));
    }

    /** Where the library reads plan year {@code year} from, as a person should look for it. */
    public String describe(int year) {
        return folder(year).describe();
    }

    /** The folder of year folders, or null for the shipped reference data. */
    public Path root() {
        return root;
    }

    private ReferenceFolder folder(int year) {
        return root == null ? ReferenceFolder.classpath(year) : ReferenceFolder.directory(root.resolve(String.valueOf(year)));
    }
}
