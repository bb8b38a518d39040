package cn.js.reduction.report.changes;

import cn.js.reduction.core.InputLimits;
import cn.js.reduction.report.csv.AcceptedProjects;
import cn.js.reduction.report.csv.CsvFiles;
import cn.js.reduction.report.csv.Manifest;
import com.opencsv.ICSVWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed since the previous complete run (docs/outputs.md, changes.csv): the two runs' published summary
 * CSVs compared cell by cell, so the values are exactly those an auditor sees in either run's CSVs, whatever
 * database held the previous run's state.
 *
 * @param previous    the run compared with; null for the first run of a year and mode
 * @param projects    the projects whose presence, status or figures changed (joined on project_id); null where
 *                    they were not compared (no previous run, or one that published no accepted_projects.csv)
 * @param notCompared the previous run's tables that were changed after it was published (its manifest.csv says so)
 *                    or cannot be read, each with why: they are not compared, and the run says so instead of
 *                    failing its report or listing an edit as a change
 */
public record Comparison(PreviousRun previous, List<Change> changes, ProjectChanges projects,
                         Map<String, NotCompared> notCompared) {

    /** Why a previous table is not compared: changed after its run was published (as its manifest tells), or unreadable. */
    public record NotCompared(boolean changed, String why) {

        /** "was changed after run-41 was published (…)", "cannot be read (…)". */
        public String english(String run) {
            return changed ? "was changed after " + run + " was published (" + why + ")" : "cannot be read (" + why + ")";
        }

        /** The same for 与上次对比, after the table's name. */
        public String chinese() {
            return changed ? "在上次运行发布后被改动过（" + why + "）" : "无法读取（可能被手工改动过：" + why + "）";
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Comparison.class);

    public Comparison(PreviousRun previous, List<Change> changes) {
        this(previous, changes, null, Map.of());
    }

    public static final String FILE = "changes.csv";
    public static final String PROJECTS = "projects_by_city_category.csv";
    public static final String REDUCTIONS = "reductions_by_city_pollutant.csv";
    public static final String FILES = "files.csv";
    /** The previous run's list of projects, joined on project_id (ProjectComparison). */
    public static final String ACCEPTED_PROJECTS = AcceptedProjects.FILE;

    /** The columns compared: every column but the keys and the names that go with them. */
    private static final Set<String> NOT_COMPARED = Set.of("year", "city_code", "city_name", "category_code",
            "category_name", "group_name", "pollutant");

    public static final Comparison NONE = new Comparison(null, List.of());

    /**
     * The changes of the run whose CSVs are in {@code current} since the run published in {@code previousFolder}.
     *
     * @param previousFolder null where there is no previous complete run
     * @param cityNames      city code → name, to name a file's cities
     */
    public static Comparison of(Path previousFolder, Path current, Map<String, String> cityNames) throws IOException {
        if (previousFolder == null) {
            return NONE;
        }
        List<Change> changes = new ArrayList<>();
        Published published = new Published(previousFolder);
        PublishedTable categories = published.table(PROJECTS, "city_code", "category_code");
        if (categories != null) {
            compare(Change.CATEGORY, "category_code", categories, current.resolve(PROJECTS), changes);
        }
        PublishedTable reductions = published.table(REDUCTIONS, "city_code", "pollutant");
        if (reductions != null) {
            compare(Change.POLLUTANT, "pollutant", reductions, current.resolve(REDUCTIONS), changes);
        }
        PublishedTable files = published.table(FILES, "file");
        if (files != null) {
            compareFiles(files, current.resolve(FILES), cityNames, changes);
        }
        ProjectChanges projectChanges = published.projects(current);
        return new Comparison(PreviousRun.of(previousFolder), List.copyOf(changes), projectChanges,
                Collections.unmodifiableMap(published.notCompared));
    }

    /**
     * The previous run's published tables, each checked against its manifest (read once) before it is read: a
     * published folder is the auditors' to open, and what they do to it must neither fail this run's report (nor
     * every restart of it the same way) nor be listed as a change of this run. A table the manifest does not list
     * (a run of an earlier release) is read as it is.
     */
    private static final class Published {
        private final Path folder;
        private final Map<String, Manifest.Output> manifest;
        private final Map<String, NotCompared> notCompared = new LinkedHashMap<>();

        Published(Path folder) {
            this.folder = folder;
            Map<String, Manifest.Output> outputs;
            try {
                outputs = Manifest.outputs(folder);
            } catch (IOException e) {
                LOG.warn("{}: its tables cannot be checked against it and are read as they are", e.getMessage());
                outputs = Map.of();
            }
            this.manifest = outputs;
        }

        /** The table, or null where it is not compared (its name and why are in {@link #notCompared}). */
        PublishedTable table(String table, String... keys) {
            return read(table, () -> PublishedTable.read(folder.resolve(table), keys));
        }

        /** The projects compared one by one with {@code current}'s, or null (none published, or not compared). */
        ProjectChanges projects(Path current) {
            return read(ACCEPTED_PROJECTS, () -> ProjectComparison.of(folder, current));
        }

        private <T> T read(String table, Reading<T> reading) {
            Path file = folder.resolve(table);
            try {
                Manifest.Output recorded = manifest.get(Manifest.name(table));
                Optional<String> changed = recorded == null ? Optional.empty() : recorded.difference(folder);
                if (changed.isPresent()) {
                    notCompared.put(table, new NotCompared(true, oneLine(changed.get().replaceFirst("^\\Q"
                            + Manifest.name(table) + "\\E: ", ""), file, table)));
                    LOG.warn("{} was changed after it was published, it is not compared: {}", file, changed.get());
                    return null;
                }
                return reading.read();
            } catch (IOException | RuntimeException e) {
                notCompared.put(table, new NotCompared(false, oneLine(String.valueOf(e.getMessage()), file, table)));
                LOG.warn("{} cannot be read, it is not compared: {}", file, e.toString());
                return null;
            }
        }
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    /** A reason on one printable line of at most 200 characters, the table named by its name, not its path. */
    private static String oneLine(String message, Path file, String table) {
        String text = message.replace(file.toString(), table).strip();
        int end = text.indexOf('\n');
        String line = InputLimits.printable(end < 0 ? text : text.substring(0, end).strip());
        return line.length() > 200 ? line.substring(0, 199) + "…" : line;
    }

    private static void compare(String scope, String itemColumn, PublishedTable prev, Path now, List<Change> out)
            throws IOException {
        PublishedTable cur = PublishedTable.read(now, "city_code", itemColumn);
        Set<String> keys = new LinkedHashSet<>(cur.rows().keySet());
        keys.addAll(prev.rows().keySet());
        List<String> columns = new ArrayList<>(cur.header());
        prev.header().stream().filter(c -> !columns.contains(c)).forEach(columns::add);
        columns.removeIf(NOT_COMPARED::contains);
        for (String key : keys) {
            String[] p = prev.rows().get(key);
            String[] c = cur.rows().get(key);
            PublishedTable named = c != null ? cur : prev;
            String[] row = c != null ? c : p;
            for (String column : columns) {
                String was = prev.cell(p, column);
                String is = cur.cell(c, column);
                if (!was.equals(is)) {
                    out.add(new Change(scope, named.cell(row, "city_code"), named.cell(row, "city_name"),
                            named.cell(row, itemColumn), column, was, is));
                }
            }
        }
    }

    private static void compareFiles(PublishedTable prev, Path now, Map<String, String> cityNames, List<Change> out)
            throws IOException {
        PublishedTable cur = PublishedTable.read(now, "file");
        Set<String> names = new java.util.TreeSet<>(cur.rows().keySet());
        names.addAll(prev.rows().keySet());
        for (String name : names) {
            String[] p = prev.rows().get(name);
            String[] c = cur.rows().get(name);
            String was = prev.cell(p, "sha256");
            String is = cur.cell(c, "sha256");
            if (!was.equals(is)) {
                String codes = c != null ? cur.cell(c, "cities") : prev.cell(p, "cities");
                String cities = codes.isEmpty() ? "" : Arrays.stream(codes.split(";"))
                        .map(code -> cityNames.getOrDefault(code, code)).collect(Collectors.joining("、"));
                String file = c != null ? cur.cell(c, "file") : prev.cell(p, "file");
                out.add(new Change(Change.FILE, codes, cities, file, "sha256", was, is));
            }
        }
    }

    /**
     * The comparison a published run made, read back from its changes.csv: what the console and status say of it.
     *
     * @param previousFolder the run it was compared with, as recorded when it started; null for none
     */
    public static Comparison read(Path previousFolder, Path changesCsv) throws IOException {
        if (previousFolder == null) {
            return NONE;
        }
        PublishedTable table = PublishedTable.read(changesCsv, "scope", "city_code", "item", "column");
        List<Change> changes = new ArrayList<>();
        for (String[] r : table.rows().values()) {
            changes.add(new Change(table.cell(r, "scope"), table.cell(r, "city_code"), table.cell(r, "city"),
                    table.cell(r, "item"), table.cell(r, "column"), table.cell(r, "previous"), table.cell(r, "current")));
        }
        return new Comparison(PreviousRun.of(previousFolder), List.copyOf(changes));
    }

    public boolean hasPrevious() {
        return previous != null;
    }

    /** Whether the projects were compared one by one (both runs published accepted_projects.csv). */
    public boolean projectsCompared() {
        return projects != null;
    }

    /**
     * The listed changes of one city's projects (a project moved to another city is in both cities' parts); all for
     * null; empty where they were not compared.
     */
    public List<ProjectChange> projectsOf(String cityCode) {
        return projects == null ? List.of() : projects.listed(cityCode);
    }

    /** Writes changes.csv: the header, then one row per change; the header only when nothing changed. */
    public void write(Path file) throws IOException {
        try (ICSVWriter csv = CsvFiles.open(file)) {
            CsvFiles.row(csv, "scope", "city_code", "city", "item", "column", "previous", "current");
            for (Change c : changes) {
                CsvFiles.row(csv, c.scope(), c.cityCode(), c.city(), c.item(), c.column(), c.previous(), c.current());
            }
        }
    }

    /** The changes of one city (of its rows, and of the files that hold its rows); all for null. */
    public List<Change> of(String cityCode) {
        return cityCode == null ? changes : changes.stream()
                .filter(c -> Arrays.asList(c.cityCode().split(";")).contains(cityCode)).toList();
    }

    /** Status changes for the worse first, then the other changes in changes.csv's order. */
    public static List<Change> worseFirst(List<Change> changes) {
        List<Change> ordered = new ArrayList<>(changes.stream().filter(Change::isWorse).toList());
        changes.stream().filter(c -> !c.isWorse()).forEach(ordered::add);
        return ordered;
    }

    /**
     * One line for the console and status: "since run-41: 2 files replaced (苏州, 无锡), 3 figures changed, 1 status
     * worse: 南京 NOX MET → NOT_MET"; for the first run of a year and mode, that there is nothing to compare with.
     */
    public String summary(String ownMode) {
        return summary(ownMode, "", "");
    }

    /**
     * As {@link #summary(String)}, with what {@link #projectLine()} and {@link #notComparedLine()} said when the run
     * was reported: "since run-41: no figure or file changed; 2 projects changed (…)" where changes cancel out in the
     * counts; "since run-41: run-41's files.csv was changed after run-41 was published (…): its figures are not
     * compared; nothing else changed".
     */
    public String summary(String ownMode, String projectLine, String notComparedLine) {
        if (previous == null) {
            return "changes: the first complete run of this year and mode, nothing to compare with";
        }
        String projectPart = projectLine == null || projectLine.isEmpty() ? "" : "; " + projectLine;
        boolean someNotCompared = notComparedLine != null && !notComparedLine.isEmpty();
        String since = "since " + previous.describe(ownMode) + ": " + (someNotCompared ? notComparedLine + "; " : "");
        String other = someNotCompared ? " other" : "";
        if (changes.isEmpty()) {
            return since + (projectPart.isEmpty() ? "nothing" + (someNotCompared ? " else" : "") + " changed"
                    : "no" + other + " figure or file changed" + projectPart);
        }
        List<String> parts = new ArrayList<>();
        Function<String, List<Change>> files = kind -> changes.stream()
                .filter(c -> Change.FILE.equals(c.scope()) && c.fileChange().equals(kind)).toList();
        fileCount(parts, files.apply("新增"), "added");
        fileCount(parts, files.apply("替换"), "replaced");
        fileCount(parts, files.apply("撤回"), "removed");
        long figures = changes.stream().filter(c -> !Change.FILE.equals(c.scope()) && !c.isStatus()).count();
        if (figures > 0) {
            parts.add(figures + (figures == 1 ? " figure" : " figures") + " changed");
        }
        List<Change> worse = changes.stream().filter(Change::isWorse).toList();
        long otherStatuses = changes.stream().filter(c -> c.isStatus() && !c.isWorse()).count();
        if (otherStatuses > 0) {
            parts.add(otherStatuses + (otherStatuses == 1 ? " status" : " statuses") + " better");
        }
        if (!worse.isEmpty()) {
            parts.add(worse.size() + (worse.size() == 1 ? " status" : " statuses") + " worse: " + worse.stream()
                    .limit(3).map(c -> c.city() + " " + c.item() + " " + c.column() + " " + c.previous() + " → "
                            + c.current()).collect(Collectors.joining("; ")) + (worse.size() > 3 ? " …" : ""));
        }
        return since + String.join(", ", parts) + projectPart;
    }

    /**
     * The previous tables not compared, for the summary line: "run-41's files.csv was changed after run-41 was
     * published (…): its figures are not compared"; empty where every table was. Kept with the run as
     * {@link #projectLine()} is.
     */
    public String notComparedLine() {
        String run = previous == null ? "the previous run" : previous.name();
        List<String> lines = new ArrayList<>();
        notCompared.forEach((table, not) -> lines.add(run + "'s " + table + " " + not.english(run) + ": "
                + (table.equals(ACCEPTED_PROJECTS) ? "its projects are not compared one by one"
                : "its figures are not compared")));
        return String.join("; ", lines);
    }

    /**
     * The projects' part of the summary line: "2 projects changed (1 withdrawn, 1 status worse: NJ-1 COMPLETED →
     * IN_PROGRESS)"; empty where none changed or they were not compared. Kept with the run when it is reported, since
     * status would otherwise read two runs' project lists again.
     */
    public String projectLine() {
        ProjectChanges.Counts c = projects == null ? null : projects.counts(null);
        if (c == null || c.rows() == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (c.added() > 0) {
            parts.add(c.added() + " added");
        }
        if (c.withdrawn() > 0) {
            parts.add(c.withdrawn() + " withdrawn");
        }
        if (c.worse() > 0) {
            parts.add(c.worse() + (c.worse() == 1 ? " status" : " statuses") + " worse: " + projects.listed().stream()
                    .filter(ProjectChange::isWorse).limit(3).map(p -> p.projectId() + " " + p.previous() + " → "
                            + p.current()).collect(Collectors.joining("; ")) + (c.worse() > 3 ? " …" : ""));
        }
        return c.projects() + (c.projects() == 1 ? " project" : " projects") + " changed"
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    private static void fileCount(List<String> parts, List<Change> files, String verb) {
        if (!files.isEmpty()) {
            Set<String> cities = new LinkedHashSet<>();
            files.forEach(f -> cities.addAll(f.city().isEmpty() ? List.of(f.item()) : List.of(f.city().split("、"))));
            parts.add(files.size() + (files.size() == 1 ? " file " : " files ") + verb + " ("
                    + String.join(", ", cities) + ")");
        }
    }
}
