package cn.js.reduction.discover;

import cn.js.reduction.core.FileKind;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A recognised header: what kind of submission the sheet holds, where each column is, and the unit each numeric
 * column is written in.
 *
 * @param kind            the kind the header names
 * @param sheet           the sheet it was found on
 * @param headerRowNumber the 1-based row number of the last header row; data starts below it
 * @param columns         the 0-based column of each field found
 * @param missingRequired the required fields of the kind that no column names, in the order of docs/input-format.md
 * @param units           the unit of each numeric column that states one, in its own header or in a unit note
 *                        above the header; a column absent here is in the contract's unit
 * @param headerRows      the header row(s) as read, top first, each as its cells' {@link HeaderText#key keys}
 *                        by column (a unit row below the headings included): a data row that repeats them is a
 *                        header pasted again, not data
 * @param pageTop         the filled rows above the header (title, unit note), keyed the same way: a data row
 *                        that is one of them again is the top of a printed page pasted again, not data
 * @param groups          an emission report laid out like annex 2 (cities down, each pollutant a group over its
 *                        base-year and reporting-year columns, or the years over the pollutants): each pollutant's
 *                        columns, left to right; empty for every other layout. A sheet row is then read as one
 *                        row per group ({@link #parts()}), each with its own figures' cells
 * @param part            0 for a sheet's header; for one of {@link #parts()}, its 1-based number: the only
 *                        group is that part's pollutant and BASE_T / REPORTING_T are its columns
 * @param layoutDoubt     for an emission report laid out like annex 2 that is not read because a pollutant lacks
 *                        one of its years or has one twice, what is wrong, in the clerk's words; else null
 */
public record Header(FileKind kind, String sheet, int headerRowNumber, Map<Field, Integer> columns,
                     List<Field> missingRequired, Map<Field, ColumnUnit> units,
                     List<Map<Integer, String>> headerRows, List<Map<Integer, String>> pageTop,
                     List<PollutantColumns> groups, int part, String layoutDoubt) {

    /**
     * One pollutant's columns in a header laid out like annex 2.
     *
     * @param pollutant       the pollutant's code (reference data)
     * @param name            the pollutant's name as the reference data writes it (挥发性有机物): what its rows read
     * @param written         the group's heading as written (VOCs, 挥发性有机物（VOCs）)
     * @param cell            the A1 cell of that heading (its first cell, for a merged group)
     * @param baseColumn      the 0-based column of its base-year figures
     * @param reportingColumn the 0-based column of its reporting-year figures
     * @param units           the units of its two columns, where a heading or a unit note names one
     */
    public record PollutantColumns(String pollutant, String name, String written, String cell, int baseColumn,
                                   int reportingColumn, Map<Field, ColumnUnit> units) {
        public PollutantColumns {
            units = units.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(units));
        }
    }

    /**
     * The unit of one numeric column and where it was read.
     *
     * @param row     the 1-based row of the header cell the finding points at (the unit row's, when the unit
     *                is written in a row of units under the headings)
     * @param heading the column's header text as written (for a two-row header, the top and the bottom)
     * @param note    the A1 cell of the unit note the unit comes from, or null when the header names it
     */
    public record ColumnUnit(Field field, int column, int row, String heading, Unit unit, String note) {
    }

    public Header {
        columns = columns.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(columns));
        missingRequired = List.copyOf(missingRequired);
        units = units.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(units));
        headerRows = headerRows.stream().map(Map::copyOf).toList();
        pageTop = pageTop.stream().map(Map::copyOf).toList();
        groups = List.copyOf(groups);
    }

    public Header(FileKind kind, String sheet, int headerRowNumber, Map<Field, Integer> columns,
                  List<Field> missingRequired, Map<Field, ColumnUnit> units,
                  List<Map<Integer, String>> headerRows, List<Map<Integer, String>> pageTop) {
        this(kind, sheet, headerRowNumber, columns, missingRequired, units, headerRows, pageTop, List.of(), 0, null);
    }

    public Header(FileKind kind, String sheet, int headerRowNumber, Map<Field, Integer> columns,
                  List<Field> missingRequired) {
        this(kind, sheet, headerRowNumber, columns, missingRequired, Map.of(), List.of(), List.of());
    }

    /** True for a sheet laid out like annex 2: each row is read as one row per pollutant ({@link #parts()}). */
    public boolean isWide() {
        return part == 0 && !groups.isEmpty();
    }

    /**
     * The headers a row of a sheet laid out like annex 2 is read under, one per pollutant, left to right: the
     * sheet's columns, and that pollutant's two columns as BASE_T and REPORTING_T; for any other sheet, itself.
     */
    public List<Header> parts() {
        if (!isWide()) {
            return List.of(this);
        }
        List<Header> out = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            PollutantColumns g = groups.get(i);
            Map<Field, Integer> own = new TreeMap<>(columns);
            own.put(Field.BASE_T, g.baseColumn());
            own.put(Field.REPORTING_T, g.reportingColumn());
            out.add(new Header(kind, sheet, headerRowNumber, own, missingRequired, g.units(), headerRows, pageTop,
                    List.of(g), i + 1, null));
        }
        return out;
    }

    /** For one part of a sheet laid out like annex 2, its pollutant's columns; null otherwise. */
    public PollutantColumns pollutantOfPart() {
        return part > 0 ? groups.get(0) : null;
    }

    /** Every 0-based column read: the fields' columns and, for a sheet laid out like annex 2, every pollutant's. */
    public java.util.Set<Integer> readColumns() {
        java.util.Set<Integer> out = new java.util.TreeSet<>(columns.values());
        for (PollutantColumns g : groups) {
            out.add(g.baseColumn());
            out.add(g.reportingColumn());
        }
        return out;
    }

    /** The unit of each numeric column that states one: the header's, then each pollutant group's. */
    private List<ColumnUnit> allUnits() {
        List<ColumnUnit> all = new ArrayList<>(units.values());
        if (part == 0) {
            groups.forEach(g -> all.addAll(g.units().values()));
        }
        return all;
    }

    /** The 0-based column of a field, or null when the header has no such column. */
    public Integer column(Field field) {
        return columns.get(field);
    }

    /**
     * The first (0-based) column of the header: of its filled cells and of the fields it names. A data row below
     * is read from this column to {@link #lastColumn()}: its lineage names those cells (A5:P5).
     */
    public int firstColumn() {
        return headerColumns().min().orElse(0);
    }

    /** The last (0-based) column of the header; see {@link #firstColumn()}. */
    public int lastColumn() {
        return headerColumns().max().orElse(0);
    }

    private java.util.stream.IntStream headerColumns() {
        return java.util.stream.IntStream.concat(readColumns().stream().mapToInt(Integer::intValue),
                headerRows.stream().flatMap(r -> r.keySet().stream()).mapToInt(Integer::intValue));
    }

    /** True when every required column is there, i.e. the file's rows can be validated. */
    public boolean isComplete() {
        return missingRequired.isEmpty();
    }

    /** True when every numeric column's unit is known, so that its values can be read into the contract's unit. */
    public boolean unitsKnown() {
        return allUnits().stream().allMatch(u -> u.unit().isKnown() && u.unit().dimension() == dimension(u.field()));
    }

    /**
     * What a field's values are multiplied by to be in the contract's unit (10000 for a column in 万吨), or null
     * when they already are.
     */
    public BigDecimal factor(Field field) {
        ColumnUnit u = units.get(field);
        return u == null || !u.unit().converts() ? null : u.unit().factor();
    }

    /** The dimension a numeric field is measured in: investment in money, everything else in mass. */
    public static Unit.Dimension dimension(Field field) {
        return field == Field.INVESTMENT ? Unit.Dimension.MONEY : Unit.Dimension.MASS;
    }

    /**
     * The MISSING_COLUMN finding for this header, naming every missing column, or empty when none is missing.
     * The file is then skipped (docs/rules.md); the finding points at the header row.
     */
    public Optional<Finding> missingColumnFinding(String file) {
        if (missingRequired.isEmpty()) {
            return Optional.empty();
        }
        String names = missingRequired.stream().map(Field::label).collect(Collectors.joining("、"));
        String message = layoutDoubt != null
                ? "工作表「" + sheet + "」第" + headerRowNumber + "行的" + kind.title() + "表头按附件2的样式排列（各污染物下分基准年、"
                        + "核算年两列），但" + layoutDoubt + "，无法确定该污染物的数值读哪一列，为免读错，本文件未予处理。请补齐或改正表头后重新报送"
                        + "，或改为每市每种污染物一行（设区市、污染物、基准年排放量、核算年排放量）"
                : "工作表「" + sheet + "」第" + headerRowNumber + "行的" + kind.title() + "表头缺少必需的列："
                + names + "。请按模板补齐这些列后重新报送，本文件未予处理";
        return Optional.of(Finding.of(Rule.MISSING_COLUMN, null, file, sheet, headerRowNumber, null, names,
                message));
    }

    /**
     * One finding per numeric column whose unit is not the contract's: UNIT_CONVERTED (INFO) naming the column
     * and the factor, or UNKNOWN_UNIT (ERROR) when the unit cannot be read into the contract's unit; then the
     * sheet is not read. Each points at the column's header cell.
     */
    public List<Finding> unitFindings(String file) {
        List<Finding> out = new ArrayList<>();
        for (ColumnUnit u : allUnits()) {
            String cell = RawCell.columnName(u.column()) + u.row();
            // a heading typed on two lines (总投资⏎（元）) is named on one
            String where = "工作表「" + sheet + "」" + cell + " 列「" + u.heading().replaceAll("\\s*[\\r\\n]+\\s*", "") + "」"
                    + (u.note() == null ? "" : "（单位见 " + u.note() + " 的单位说明）");
            String contract = dimension(u.field()).contractUnit();
            if (!u.unit().isKnown() || u.unit().dimension() != dimension(u.field())) {
                out.add(Finding.of(Rule.UNKNOWN_UNIT, null, file, sheet, u.row(), cell, u.unit().text(),
                        where + "的单位「" + u.unit().text() + "」无法换算为" + contract + "（" + u.field().columnName()
                                + "应以" + unitsOf(dimension(u.field())) + "填报），本工作表未予读取，请改正单位后重新报送"));
            } else if (u.unit().converts()) {
                out.add(Finding.of(Rule.UNIT_CONVERTED, null, file, sheet, u.row(), cell, u.unit().text(),
                        where + "以「" + u.unit().text() + "」填报，已按 1 " + u.unit().text() + " = "
                                + u.unit().factorText() + " " + contract + " 换算为" + contract));
            }
        }
        return out;
    }

    private static String unitsOf(Unit.Dimension dimension) {
        return dimension == Unit.Dimension.MASS ? "吨、万吨、千克等重量单位" : "万元或元";
    }
}
