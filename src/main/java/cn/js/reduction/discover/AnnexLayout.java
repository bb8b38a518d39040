package cn.js.reduction.discover;

import static cn.js.reduction.discover.HeaderText.key;
import static cn.js.reduction.discover.HeaderText.stripUnit;

import cn.js.reduction.reference.Pollutant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An emission report laid out like annex 2 itself (docs/input-format.md): cities down, and across, each pollutant
 * a group over its base-year and reporting-year columns (VOCs over 2015年 | 2020年), or the years as groups over
 * the pollutants (2015年 over VOCs | 二氧化硫 | 氮氧化物). Found in two or three header rows: a column belongs to a
 * pollutant when one of its header rows names the pollutant and another the year. A group written once, its other
 * cells blank (a CSV cannot merge; Excel exports a merge so), covers the columns to its right up to the next group,
 * as a merged group does.
 *
 * <p>Only a layout that leaves no doubt is taken: every pollutant named needs exactly one base-year and one
 * reporting-year column. Otherwise nothing is taken, and the sheet is reported as today (MISSING_COLUMN 污染物),
 * never read half.
 */
final class AnnexLayout {

    /** A heading's words after the pollutant that name what the figures are: VOCs排放量（吨） is VOCs. */
    private static final Pattern BRACKETED = Pattern.compile("[(\\[【（［]([^()\\[\\]【】（）［］]*)[)\\]】）］]");
    private static final Pattern EMISSION_WORDS = Pattern.compile("(?:年?排放总?量|排放|总量)$");

    /**
     * Where the layout was found: the header rows' last row, how many there are, and each pollutant's columns; or,
     * with no groups, what made it doubtful (a pollutant with one of its years missing or twice), in the clerk's words.
     */
    record Found(int lastRow, int height, List<Header.PollutantColumns> groups, String doubt) {
    }

    private final int year;
    private final int baseYear;
    private final List<Pollutant> pollutants;
    private final Map<String, Field> emissionNames;

    AnnexLayout(int year, int baseYear, List<Pollutant> pollutants, Map<String, Field> emissionNames) {
        this.year = year;
        this.baseYear = baseYear;
        this.pollutants = List.copyOf(pollutants);
        this.emissionNames = emissionNames;
    }

    /**
     * The layout in the rows around a header found to end at {@code lastRow} (the years may be the row under it,
     * when the row of the groups alone named the columns), or null when there is none.
     */
    Found find(List<RawRow> rows, int lastRow, int height) {
        Map<Integer, RawRow> byNumber = new HashMap<>();
        rows.forEach(r -> byNumber.put(r.rowNumber(), r));
        Found best = null;
        String[] doubt = new String[1];
        for (int bottom = lastRow; bottom <= lastRow + 2 && bottom <= HeaderLocator.SEARCH_ROWS; bottom++) {
            for (int h = 2; h <= 3; h++) {
                int top = bottom - h + 1;
                if (top < 1 || top > lastRow || top < lastRow - height) {
                    continue;
                }
                List<RawRow> window = new ArrayList<>();
                for (int n = top; n <= bottom; n++) {
                    RawRow r = byNumber.get(n);
                    if (r != null) {
                        window.add(r);
                    }
                }
                if (window.size() != h) {
                    continue;
                }
                List<Header.PollutantColumns> groups = groups(window, rows.stream().filter(r -> r.rowNumber() < top).toList(),
                        doubt);
                if (!groups.isEmpty() && (best == null || groups.size() > best.groups().size())) {
                    best = new Found(bottom, h, groups, null);
                }
            }
        }
        return best != null || doubt[0] == null ? best : new Found(lastRow, height, List.of(), doubt[0]);
    }

    /** A column's pollutant and year, and the cell the pollutant's heading is typed in. */
    private record Named(Pollutant pollutant, int pollutantRow, String written, String cell, Field field, int fieldRow) {
    }

    private List<Header.PollutantColumns> groups(List<RawRow> window, List<RawRow> above, String[] doubt) {
        TreeSet<Integer> columns = new TreeSet<>();
        window.forEach(r -> r.cells().forEach(c -> {
            if (!c.text().isBlank()) {
                columns.add(c.column());
            }
        }));
        Map<String, Map<Field, Integer>> byPollutant = new LinkedHashMap<>();
        Map<String, Named> first = new HashMap<>();
        for (int column : columns) {
            Named named = named(window, column);
            if (named == null) {
                continue;
            }
            Map<Field, Integer> own = byPollutant.computeIfAbsent(named.pollutant().code(), k -> new TreeMap<>());
            Integer other = own.putIfAbsent(named.field(), column);
            if (other != null) {
                doubt[0] = "「" + named.written() + "」的" + yearName(named.field()) + "有两列（" + RawCell.columnName(other)
                        + " 列和 " + RawCell.columnName(column) + " 列）";
                return List.of(); // a pollutant's year twice: which one counts is not certain
            }
            first.putIfAbsent(named.pollutant().code(), named);
        }
        List<Header.PollutantColumns> out = new ArrayList<>();
        RawRow bottom = window.get(window.size() - 1);
        RawRow over = window.get(window.size() - 2);
        for (Map.Entry<String, Map<Field, Integer>> e : byPollutant.entrySet()) {
            Integer base = e.getValue().get(Field.BASE_T);
            Integer reporting = e.getValue().get(Field.REPORTING_T);
            Named n = first.get(e.getKey());
            if (base == null || reporting == null) {
                doubt[0] = "「" + n.written() + "」只有" + yearName(n.field()) + "一列，缺少"
                        + yearName(base == null ? Field.BASE_T : Field.REPORTING_T) + "一列";
                return List.of(); // a pollutant without one of its years: not read half
            }
            Map<Field, Integer> two = new TreeMap<>(Map.of(Field.BASE_T, base, Field.REPORTING_T, reporting));
            Map<Field, Header.ColumnUnit> units = new TreeMap<>(HeaderUnits.units(two, withoutFormulas(over),
                    withoutFormulas(bottom), above));
            // a unit in a header row higher up (排放量（万吨） over the pollutants over the years), or in the row
            // just above them: a person reads it over the columns it heads
            List<RawRow> higher = new ArrayList<>(window.subList(0, window.size() - 2));
            if (!above.isEmpty() && above.get(above.size() - 1).rowNumber() == window.get(0).rowNumber() - 1) {
                higher.add(0, above.get(above.size() - 1));
            }
            two.forEach((field, column) -> {
                for (int i = higher.size() - 1; i >= 0 && !units.containsKey(field); i--) {
                    RawRow row = withoutFormulas(higher.get(i));
                    int from = source(row, column, false);
                    if (from >= 0) {
                        String text = row.cell(from).text();
                        // named as a note's cell: a row of units under the headings says more, and wins
                        String cell = RawCell.columnName(from) + row.rowNumber();
                        Unit.inHeader(text).ifPresent(u -> units.put(field, new Header.ColumnUnit(field, column,
                                bottom.rowNumber(), text, u, cell)));
                    }
                }
            });
            out.add(new Header.PollutantColumns(n.pollutant().code(), n.pollutant().chineseName(), n.written(), n.cell(),
                    base, reporting, units));
        }
        out.sort(Comparator.comparingInt(g -> Math.min(g.baseColumn(), g.reportingColumn())));
        return out;
    }

    /**
     * The row with the brackets that name a pollutant dropped from its cells: 挥发性有机物（VOCs） is no heading in
     * the unit VOCs, while 二氧化硫（SO2）（万吨） is one in 万吨.
     */
    private RawRow withoutFormulas(RawRow row) {
        List<RawCell> cells = new ArrayList<>();
        for (RawCell c : row.cells()) {
            String text = BRACKETED.matcher(c.text()).replaceAll(m -> pollutant(m.group(1)) != null ? ""
                    : java.util.regex.Matcher.quoteReplacement(m.group()));
            cells.add(new RawCell(c.column(), c.type(), text));
        }
        return new RawRow(row.sheet(), row.rowNumber(), cells, row.mergedColumns(), row.formulas());
    }

    /** The pollutant and the year one column's header rows name, each from a row of its own; null otherwise. */
    private Named named(List<RawRow> window, int column) {
        Pollutant pollutant = null;
        int pollutantRow = -1;
        String written = null;
        String cell = null;
        Field field = null;
        int fieldRow = -1;
        for (int i = 0; i < window.size(); i++) {
            RawRow row = window.get(i);
            int from = source(row, column, i == window.size() - 1);
            if (from < 0) {
                continue;
            }
            String text = row.cell(from).text();
            Pollutant p = pollutant(text);
            Field f = p == null ? yearField(text) : null;
            if (p != null) {
                if (pollutant != null) {
                    return null;
                }
                pollutant = p;
                pollutantRow = i;
                written = text.strip();
                cell = RawCell.columnName(from) + row.rowNumber();
            } else if (f != null) {
                if (field != null) {
                    return null;
                }
                field = f;
                fieldRow = i;
            }
        }
        return pollutant == null || field == null || pollutantRow == fieldRow ? null
                : new Named(pollutant, pollutantRow, written, cell, field, fieldRow);
    }

    /**
     * The column of the cell whose text heads {@code column} in this header row: its own (for a merged group, the
     * group's first cell), or, in a row above the bottom one where it is blank, the nearest filled cell to its
     * left (a group written once over the columns to its right); -1 when none.
     */
    private static int source(RawRow row, int column, boolean bottom) {
        int c = column;
        RawCell own = row.cell(c);
        if (own == null || own.text().isBlank()) {
            if (bottom) {
                return -1;
            }
            RawCell left = null;
            for (RawCell x : row.cells()) {
                if (x.column() < column && !x.text().isBlank()) {
                    left = x;
                }
            }
            if (left == null) {
                return -1;
            }
            c = left.column();
        }
        String text = row.cell(c).text();
        while (c > 0 && row.isMergedFromElsewhere(c) && row.cell(c - 1) != null && row.cell(c - 1).text().equals(text)) {
            c--;
        }
        return c;
    }

    private String yearName(Field field) {
        return field == Field.BASE_T ? "基准年（" + baseYear + "年）" : "核算年（" + year + "年）";
    }

    /** The pollutant a heading names (VOCs, 二氧化硫（SO2）, NOₓ排放量（吨）), or null. */
    private Pollutant pollutant(String text) {
        String k = stripUnit(key(text));
        String bare = EMISSION_WORDS.matcher(k).replaceFirst("");
        for (Pollutant p : pollutants) {
            for (String name : List.of(p.code(), p.label(), p.chineseName(), p.written())) {
                String n = key(name);
                if (!n.isEmpty() && (n.equals(k) || n.equals(bare))) {
                    return p;
                }
            }
        }
        return null;
    }

    /** BASE_T or REPORTING_T when a heading names the base or the reporting year (2015年, 2020年排放量, 2015), else null. */
    private Field yearField(String text) {
        String k = key(text);
        if (k.matches("\\d{4}(?:\\.0)?")) {
            int y = Integer.parseInt(k.substring(0, 4));
            return y == year ? Field.REPORTING_T : y == baseYear ? Field.BASE_T : null;
        }
        Field f = emissionNames.get(k);
        if (f == null) {
            f = emissionNames.get(stripUnit(k));
        }
        return f == Field.BASE_T || f == Field.REPORTING_T ? f : null;
    }
}
