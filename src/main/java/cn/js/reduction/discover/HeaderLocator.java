package cn.js.reduction.discover;

import static cn.js.reduction.discover.HeaderText.key;
import static cn.js.reduction.discover.HeaderText.readsAs;
import static cn.js.reduction.discover.HeaderText.stripUnit;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the header of a submitted sheet within its first 20 rows (docs/input-format.md) and tells which kind of submission it
 * is. Title rows, blank rows and two-row headers are normal, so every single row and every pair of adjacent rows
 * is tried, and the one naming the most columns wins (a single row on ties).
 *
 * <p>Two-row headers: the streaming reader cannot see merged regions (xlsx stores them after the data), so a
 * merge is inferred from what it leaves behind. A horizontal merge such as 减排量（吨/年） over VOCs, 二氧化硫, …
 * leaves its text in its first column only, so a blank top cell over a filled bottom cell takes the nearest
 * filled top cell to its left. A vertical merge such as 项目编号 spanning both rows leaves the bottom blank, so
 * the top alone names the column.
 */
public final class HeaderLocator {

    /** How far down a sheet the header may be. */
    public static final int SEARCH_ROWS = 20;

    /** The fields a header laid out like annex 2 gives by its groups instead of by columns of their own. */
    private static final Set<Field> ANNEX_FIELDS = Set.of(Field.POLLUTANT, Field.BASE_T, Field.REPORTING_T);

    /** Fewest distinct fields a header must name to be recognised as a kind. */
    static final int MIN_FIELDS = 3;

    private final int year;
    private final List<Field> claims;
    private final Map<FileKind, Map<String, Field>> index = new EnumMap<>(FileKind.class);
    private final AnnexLayout annexLayout;

    /** The headers of the plan year of {@code reference}, with a claim column per pollutant of its pollutants.csv. */
    public HeaderLocator(ReferenceData reference) {
        this(reference.year(), reference.baseYear(), reference.claimPollutants());
    }

    /**
     * @param year            the plan year, since the emission report's 核算年 column may be headed 2020年排放量
     * @param baseYear        the base year of the targets: its 基准年 column may be headed 2015年排放量
     * @param claimPollutants the pollutants a project list has a claim column for
     */
    public HeaderLocator(int year, int baseYear, List<Pollutant> claimPollutants) {
        this.year = year;
        this.claims = Field.claims(claimPollutants);
        for (FileKind kind : FileKind.values()) {
            Map<String, Field> byName = new HashMap<>();
            for (Field field : Field.of(kind, claims)) {
                for (String alias : field.aliases(year, baseYear)) {
                    for (String name : List.of(key(alias), stripUnit(key(alias)))) {
                        Field other = byName.putIfAbsent(name, field);
                        if (other != null && other != field) {
                            throw new IllegalStateException("header alias " + name + " names both " + other
                                    + " and " + field);
                        }
                    }
                }
            }
            index.put(kind, Map.copyOf(byName));
        }
        this.annexLayout = new AnnexLayout(year, baseYear, claimPollutants, index.get(FileKind.EMISSIONS));
    }

    /**
     * The header of a sheet, from its first rows as read (rows past row 20 are not looked at), or empty when no
     * row or pair of rows is recognisable as a project list or an emission report.
     */
    public Optional<Header> locate(String sheet, List<RawRow> firstRows) {
        List<RawRow> rows = firstRows.stream()
                .filter(r -> r.rowNumber() <= SEARCH_ROWS)
                .sorted(Comparator.comparingInt(RawRow::rowNumber))
                .toList();
        // each row's cell keys once: a row is tried alone, in two pairs and in three triples, and a cell's key
        // (Text.normalise, then the header patterns) is linear in its text, which may be Excel's 32,767 characters
        Map<RawRow, TreeMap<Integer, String>> keysOf = new java.util.IdentityHashMap<>();
        rows.forEach(r -> keysOf.put(r, keysByColumn(r)));
        Match best = null;
        for (int i = 0; i < rows.size(); i++) {
            RawRow row = rows.get(i);
            best = better(best, match(row.rowNumber(), 1, singleRowNames(row, keysOf.get(row))));
            if (i + 1 < rows.size() && rows.get(i + 1).rowNumber() == row.rowNumber() + 1) {
                RawRow below = rows.get(i + 1);
                best = better(best, match(below.rowNumber(), 2, pairNames(keysOf.get(row), keysOf.get(below))));
                if (i + 2 < rows.size() && rows.get(i + 2).rowNumber() == row.rowNumber() + 2) {
                    RawRow bottom = rows.get(i + 2);
                    best = better(best, match(bottom.rowNumber(), 3,
                            tripleNames(keysOf.get(row), keysOf.get(below), keysOf.get(bottom))));
                }
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        List<Header.PollutantColumns> groups = List.of();
        String doubt = null;
        if (best.kind == FileKind.EMISSIONS && !best.columns.containsKey(Field.POLLUTANT)) {
            // laid out like annex 2: the pollutants across, each over its two years (or the years over them)
            AnnexLayout.Found wide = annexLayout.find(rows, best.lastRow, best.height);
            doubt = wide == null ? null : wide.doubt();
            if (wide != null && wide.doubt() == null) {
                groups = wide.groups();
                Set<Integer> groupColumns = new TreeSet<>();
                groups.forEach(g -> groupColumns.addAll(List.of(g.baseColumn(), g.reportingColumn())));
                Map<Field, Integer> own = new TreeMap<>(best.columns);
                own.keySet().removeIf(f -> f == Field.BASE_T || f == Field.REPORTING_T);
                own.values().removeIf(groupColumns::contains);
                best = new Match(best.kind, wide.lastRow(), wide.height(), own);
            }
        }
        List<Field> missing = new ArrayList<>();
        for (Field f : Field.of(best.kind, claims)) {
            if (f.isRequired() && !best.columns.containsKey(f) && (groups.isEmpty() || !ANNEX_FIELDS.contains(f))) {
                missing.add(f);
            }
        }
        int lastRow = best.lastRow;
        RawRow bottom = rows.stream().filter(r -> r.rowNumber() == lastRow).findFirst().orElseThrow();
        RawRow top = best.height > 1 ? rows.stream().filter(r -> r.rowNumber() == lastRow - 1).findFirst().orElseThrow()
                : null;
        int firstHeaderRow = lastRow - best.height + 1;
        List<RawRow> above = rows.stream().filter(r -> r.rowNumber() < firstHeaderRow).toList();
        List<Map<Integer, String>> headerRows = new ArrayList<>();
        if (best.height == 3) {
            rows.stream().filter(r -> r.rowNumber() == firstHeaderRow).findFirst()
                    .ifPresent(r -> headerRows.add(keysOf.get(r)));
        }
        if (top != null) {
            headerRows.add(keysOf.get(top));
        }
        headerRows.add(keysOf.get(bottom));
        Map<Field, Header.ColumnUnit> units = HeaderUnits.units(best.columns, top, bottom, above);
        int headerRowNumber = lastRow;
        // the headings again in another language on the row under them (Project ID | City …): part of the header
        RawRow translation = rows.stream().filter(r -> r.rowNumber() == lastRow + 1).findFirst()
                .filter(HeaderUnits::isTranslationRow).orElse(null);
        if (translation != null) {
            headerRowNumber = translation.rowNumber();
            headerRows.add(keysOf.get(translation));
        }
        // a row of units right under the headings (万吨 | 万吨) belongs to the header, not to the data
        int belowHeadings = headerRowNumber + 1;
        RawRow unitRow = rows.stream().filter(r -> r.rowNumber() == belowHeadings).findFirst()
                .filter(HeaderUnits::isUnitRow).orElse(null);
        if (unitRow != null) {
            headerRowNumber = unitRow.rowNumber();
            headerRows.add(keysOf.get(unitRow));
            HeaderUnits.unitsFromUnitRow(best.columns, unitRow, units);
            groups = groups.stream().map(g -> {
                Map<Field, Header.ColumnUnit> own = new TreeMap<>(g.units());
                HeaderUnits.unitsFromUnitRow(new TreeMap<>(Map.of(Field.BASE_T, g.baseColumn(), Field.REPORTING_T,
                        g.reportingColumn())), unitRow, own);
                return new Header.PollutantColumns(g.pollutant(), g.name(), g.written(), g.cell(), g.baseColumn(),
                        g.reportingColumn(), own);
            }).toList();
        }
        // and a row numbering the columns (甲 乙 1 2 3 …, as statistical forms have) is not a project either
        int numbersRow = headerRowNumber + 1;
        RawRow columnNumbers = rows.stream().filter(r -> r.rowNumber() == numbersRow).findFirst()
                .filter(HeaderUnits::isColumnNumberRow).orElse(null);
        if (columnNumbers != null) {
            headerRowNumber = numbersRow;
            headerRows.add(keysOf.get(columnNumbers));
        }
        List<Map<Integer, String>> pageTop = above.stream().<Map<Integer, String>>map(keysOf::get)
                .filter(k -> !k.isEmpty()).toList();
        return Optional.of(new Header(best.kind, sheet, headerRowNumber, best.columns, missing, units, headerRows,
                pageTop, groups, 0, doubt));
    }

    /** True when the row's first filled cell of its own reads as the cell above it in the header or the page's top. */
    private static boolean firstCellIsFromTheTop(RawRow row, Header header) {
        for (RawCell c : row.cells()) {
            String k = row.isMergedFromElsewhere(c.column()) ? "" : key(c.text());
            if (k.isEmpty()) {
                continue;
            }
            for (List<Map<Integer, String>> rows : List.of(header.headerRows(), header.pageTop())) {
                for (Map<Integer, String> top : rows) {
                    String h = top.get(c.column());
                    if (h != null && readsAs(h, k)) {
                        return true;
                    }
                }
            }
            return false;
        }
        return false;
    }

    /**
     * True when a row below the header repeats it (printed pages pasted one under another): at least two of its
     * cells, and at least half of its filled cells, read as the header's cells in the same columns. Such a row is
     * not data.
     */
    public static boolean repeatsHeader(RawRow row, Header header) {
        if (header.headerRows().isEmpty()) {
            return false;
        }
        if (!firstCellIsFromTheTop(row, header)) {
            return false; // the cheap test that every data row passes through: one key, not one per cell
        }
        // the header was found in the rows as stored, so compare what this row stores: a title merged across
        // the page is one cell there, however many cells the merge fills in here
        Map<Integer, String> keys = new TreeMap<>();
        for (RawCell c : row.cells()) {
            String k = key(c.text());
            if (!k.isEmpty() && !row.isMergedFromElsewhere(c.column())) {
                keys.put(c.column(), k);
            }
        }
        if (!keys.isEmpty() && (header.pageTop().contains(keys) || header.headerRows().contains(keys))) {
            return true; // the title, a unit note or a header row again, exactly
        }
        int filled = 0;
        int same = 0;
        for (RawCell c : row.cells()) {
            String k = key(c.text());
            if (k.isEmpty()) {
                continue;
            }
            filled++;
            for (Map<Integer, String> headerRow : header.headerRows()) {
                String h = headerRow.get(c.column());
                if (h != null && readsAs(h, k)) {
                    same++;
                    break;
                }
            }
        }
        return same >= 2 && same * 2 >= filled;
    }

    /** Candidate names per column of a one-row header: the cell's own text. */
    private static Map<Integer, List<String>> singleRowNames(RawRow row, Map<Integer, String> keys) {
        Map<Integer, List<String>> names = new TreeMap<>();
        for (RawCell c : row.cells()) {
            List<String> k = HeaderText.names(c.text(), keys.get(c.column()));
            if (!k.isEmpty()) {
                names.put(c.column(), k);
            }
        }
        return names;
    }

    /**
     * Candidate names per column of a two-row header, in order of preference: the bottom alone, top+bottom,
     * bottom+top (a blank top cell over a filled bottom cell taking the nearest filled top cell to its left), and
     * the top alone where the bottom is blank. Units are dropped from each part before joining, since the unit of
     * 减排量（吨/年） sits in the middle of 减排量（吨/年）VOCs.
     */
    private static Map<Integer, List<String>> pairNames(TreeMap<Integer, String> topKeys, TreeMap<Integer, String> bottomKeys) {
        Set<Integer> columns = new TreeSet<>(topKeys.keySet());
        columns.addAll(bottomKeys.keySet());
        Map<Integer, List<String>> names = new TreeMap<>();
        for (int column : columns) {
            String b = bottomKeys.get(column);
            String t = topKeys.get(column);
            Set<String> candidates = new LinkedHashSet<>();
            if (b == null) {
                candidates.add(t); // vertical merge: the top names the column
            } else {
                candidates.add(b);
                String over = t != null ? t : nearestToTheLeft(topKeys, column);
                if (over != null) {
                    for (String tp : List.of(over, stripUnit(over))) {
                        for (String bp : List.of(b, stripUnit(b))) {
                            candidates.add(tp + bp);
                            candidates.add(bp + tp);
                        }
                    }
                }
            }
            names.put(column, List.copyOf(candidates));
        }
        return names;
    }

    /**
     * Candidate names per column of a three-row header (a group over a group over the columns, merged): those of
     * the bottom pair first, then those of the top row over the bottom, and the top alone where a heading is
     * merged down all three rows.
     */
    private static Map<Integer, List<String>> tripleNames(TreeMap<Integer, String> top, TreeMap<Integer, String> middle,
                                                          TreeMap<Integer, String> bottom) {
        Map<Integer, List<String>> names = new TreeMap<>(pairNames(middle, bottom));
        pairNames(top, bottom).forEach((column, outer) -> names.merge(column, outer, (inner, more) -> {
            Set<String> all = new LinkedHashSet<>(inner);
            all.addAll(more);
            return List.copyOf(all);
        }));
        top.forEach((column, key) -> names.putIfAbsent(column, List.of(key)));
        return names;
    }

    private static TreeMap<Integer, String> keysByColumn(RawRow row) {
        TreeMap<Integer, String> keys = new TreeMap<>();
        for (RawCell c : row.cells()) {
            String k = key(c.text());
            if (!k.isEmpty()) {
                keys.put(c.column(), k);
            }
        }
        return keys;
    }

    private static String nearestToTheLeft(TreeMap<Integer, String> topKeys, int column) {
        Map.Entry<Integer, String> left = topKeys.lowerEntry(column);
        return left == null ? null : left.getValue();
    }

    /** The best recognisable reading of one candidate (row or pair), over both kinds; null when none. */
    private Match match(int lastRow, int height, Map<Integer, List<String>> names) {
        Match best = null;
        for (FileKind kind : FileKind.values()) {
            Map<String, Field> byName = index.get(kind);
            Map<Field, Integer> columns = new TreeMap<>();
            for (Map.Entry<Integer, List<String>> e : names.entrySet()) {
                Field field = resolve(byName, e.getValue());
                if (field != null) {
                    columns.putIfAbsent(field, e.getKey()); // the leftmost column of a field counts
                }
            }
            boolean signed = columns.keySet().stream().anyMatch(f -> f.isSignatureOf(kind));
            if (signed && columns.size() >= MIN_FIELDS && (best == null || columns.size() > best.columns.size())) {
                best = new Match(kind, lastRow, height, columns);
            }
        }
        return best;
    }

    private static Field resolve(Map<String, Field> byName, List<String> candidates) {
        for (String name : candidates) {
            Field f = byName.get(name);
            if (f == null) {
                f = byName.get(stripUnit(name));
            }
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** More fields wins; on a tie the single row beats the pair, then the earlier candidate stays. */
    private static Match better(Match current, Match candidate) {
        if (candidate == null) {
            return current;
        }
        if (current == null || candidate.columns.size() > current.columns.size()) {
            return candidate;
        }
        if (candidate.columns.size() == current.columns.size() && candidate.height < current.height) {
            return candidate;
        }
        return current;
    }

    /** @param height the rows the header spans: 1, 2 or 3 */
    private record Match(FileKind kind, int lastRow, int height, Map<Field, Integer> columns) {
    }
}
