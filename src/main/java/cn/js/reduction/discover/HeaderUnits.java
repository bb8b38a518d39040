package cn.js.reduction.discover;

import cn.js.reduction.reference.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The units of a header's numeric columns (in a heading, in a row of units under the headings, in a unit note
 * above), and the rows under a header that are part of it (units, column numbers). Split from
 * {@link HeaderLocator}, which finds the header.
 */
final class HeaderUnits {

    private HeaderUnits() {
    }

    /**
     * True for a row that holds only units (万吨, （吨）, 单位：万元 …): at least one known unit, and nothing else but
     * short texts without digits (a unit nobody knows, such as 立方米, or the row's label 单位).
     */
    static boolean isUnitRow(RawRow row) {
        boolean known = false;
        for (RawCell c : row.cells()) {
            String text = unitText(c.text());
            if (text.isEmpty()) {
                continue;
            }
            if (Unit.of(text).isKnown()) {
                known = true;
            } else if (text.length() > 6 || text.chars().anyMatch(Character::isDigit)) {
                return false;
            }
        }
        return known;
    }

    /**
     * True for a row that gives the headings above it in another language (Project ID, City, Project name …): at
     * least three filled cells, each Latin words (SO2, PM2.5 and units included) and no cell without two letters
     * together. No row of data is that: dates and figures have no letters, names and cities are Chinese.
     */
    static boolean isTranslationRow(RawRow row) {
        int filled = 0;
        for (RawCell c : row.cells()) {
            String t = c.text().strip();
            if (t.isEmpty()) {
                continue;
            }
            if (c.type() != RawCell.Type.TEXT || t.length() > 80 || !t.matches("(?s)[A-Za-z0-9\\s.,/()&'_\\-%]*")
                    || !t.matches("(?s).*[A-Za-z]{2}.*")) {
                return false;
            }
            filled++;
        }
        return filled >= 3;
    }

    /**
     * True for a row that numbers the columns: at least three filled cells, each 甲, 乙, 丙 … or a whole number,
     * the numbers counting up by one from left to right (1 2 3 …, or (1) (2) (3) …).
     */
    static boolean isColumnNumberRow(RawRow row) {
        int numbers = 0;
        int last = 0;
        int filled = 0;
        for (RawCell c : row.cells()) {
            String t = Text.normalise(c.text()).replaceAll("^[(\\[【]|[)\\]】]$", "");
            if (t.isEmpty()) {
                continue;
            }
            filled++;
            if (t.length() == 1 && "甲乙丙丁戊己庚辛壬癸".indexOf(t.charAt(0)) >= 0) {
                continue;
            }
            if (!t.matches("\\d{1,3}(?:\\.0)?")) {
                return false;
            }
            int n = Integer.parseInt(t.replace(".0", ""));
            if (numbers > 0 && n != last + 1) {
                return false;
            }
            last = n;
            numbers++;
        }
        return filled >= 3 && numbers >= 2;
    }

    /** A cell of a unit row as a unit: brackets and a 单位： label dropped. */
    private static String unitText(String text) {
        return Text.normalise(text).replaceAll("^[(\\[【]|[)\\]】]$", "").replaceFirst("^(?:计量)?单位[:：]?", "");
    }

    /** Units from the unit row, for the numeric columns whose headings name none. */
    static void unitsFromUnitRow(Map<Field, Integer> columns, RawRow unitRow,
                                         Map<Field, Header.ColumnUnit> units) {
        for (Map.Entry<Field, Integer> e : columns.entrySet()) {
            Field field = e.getKey();
            Header.ColumnUnit current = units.get(field);
            if (field.unit() == null || (current != null && current.note() == null)) {
                continue; // not numeric, or its heading names its unit
            }
            String text = unitRow.text(e.getValue()) == null ? "" : unitText(unitRow.text(e.getValue()));
            if (!text.isEmpty() && !text.equals("单位") && !text.equals("计量单位")) {
                units.put(field, new Header.ColumnUnit(field, e.getValue(), unitRow.rowNumber(), field.columnName() + " " + text,
                        Unit.of(text), null));
            }
        }
    }

    /**
     * The unit of each numeric column (docs/input-format.md): in the column's own header cell (for a two-row header, the bottom
     * cell, else the merged cell above it: 减排量（吨/年） over VOCs …), or else in a unit note such as 单位：万吨 above
     * the header, which applies to the columns of its dimension (a note in 万元 to investment, in 万吨 to tonnages;
     * a note in a unit nobody knows to every numeric column without its own unit).
     */
    static Map<Field, Header.ColumnUnit> units(Map<Field, Integer> columns, RawRow top, RawRow bottom,
                                                       List<RawRow> above) {
        Map<Field, Header.ColumnUnit> units = new TreeMap<>();
        List<Note> notes = notes(above);
        TreeMap<Integer, String> topTexts = new TreeMap<>();
        if (top != null) {
            for (RawCell c : top.cells()) {
                if (!c.text().isBlank()) {
                    topTexts.put(c.column(), c.text());
                }
            }
        }
        for (Map.Entry<Field, Integer> e : columns.entrySet()) {
            Field field = e.getKey();
            if (field.unit() == null) {
                continue; // not a numeric column
            }
            int column = e.getValue();
            String own = bottom.text(column);
            String over = top == null ? null
                    : topTexts.containsKey(column) ? topTexts.get(column) : nearestTextToTheLeft(topTexts, column);
            String heading = over == null || over.equals(own) ? own : own == null ? over : over + " " + own;
            Optional<Unit> unit = Unit.inHeader(own);
            if (unit.isEmpty() && over != null && !over.equals(own)) {
                unit = Unit.inHeader(over);
            }
            if (unit.isPresent()) {
                units.put(field, new Header.ColumnUnit(field, column, bottom.rowNumber(), heading, unit.get(), null));
                continue;
            }
            Unit.Dimension dimension = Header.dimension(field);
            for (Note note : notes) {
                if (!note.unit().isKnown() || note.unit().dimension() == dimension) {
                    units.put(field, new Header.ColumnUnit(field, column, bottom.rowNumber(), heading, note.unit(), note.cell()));
                    break;
                }
            }
        }
        return units;
    }

    private record Note(Unit unit, String cell) {
    }

    /** Unit notes (单位：万吨) in the rows above the header, top to bottom; 单位：万元、吨 is two notes. */
    private static List<Note> notes(List<RawRow> above) {
        List<Note> notes = new ArrayList<>();
        for (RawRow row : above) {
            for (RawCell c : row.cells()) {
                if (row.isMergedFromElsewhere(c.column())) {
                    continue; // a merged note is one note, however many columns it covers
                }
                Unit.inNote(c.text()).ifPresent(u -> {
                    for (String part : u.text().split("[、/]")) {
                        if (!part.isEmpty() && !part.equals("年") && !part.equalsIgnoreCase("A")) {
                            notes.add(new Note(Unit.of(part), c.reference(row.rowNumber())));
                        }
                    }
                });
            }
        }
        return notes;
    }

    private static String nearestTextToTheLeft(TreeMap<Integer, String> texts, int column) {
        Map.Entry<Integer, String> left = texts.lowerEntry(column);
        return left == null ? null : left.getValue();
    }
}
