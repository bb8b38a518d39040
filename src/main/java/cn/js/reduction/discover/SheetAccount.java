package cn.js.reduction.discover;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.core.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The account of one sheet as its rows are read under its header, in order: what each row is ({@link RowKind}),
 * whether a totals row agrees with the rows it totals (TOTAL_ROW_DIFFERS), and, once the sheet is done, every
 * column that held data but was not read (COLUMN_NOT_READ): every cell of a data row is either in a column read
 * or in a column reported, so that no figure disappears without a word (docs/input-format.md).
 */
public final class SheetAccount {

    /** A header that names one of these looks like one of ours: not reading its column is a WARNING. */
    private static final Pattern OURS = Pattern.compile(
            ".*(VOC|SO2|NOX|PM|二氧化硫|氮氧化物|挥发性有机物|颗粒物|烟粉尘|减排|排放|投资|日期|时间|设区市|城市|地市|污染物|项目).*");

    /** The form's own numbering of its rows (序号): not a field, but known, so never reported as a column not read. */
    private static final Pattern ROW_NUMBERS = Pattern.compile("序号|序|编号序号|行号|NO\\.?|NUMBER|SN|#");

    private final String file;
    private final Header header;
    private final Set<Integer> readColumns;
    private final Set<Integer> tableTotals;
    /** The numeric columns a totals row is checked on, by column. */
    private final Map<Integer, Field> figures = new TreeMap<>();
    /** Cells with data in data rows, by column not read. */
    private final Map<Integer, Integer> unread = new TreeMap<>();
    private final Map<Integer, BigDecimal> sinceTotals = new TreeMap<>();
    private final Map<Integer, BigDecimal> all = new TreeMap<>();
    /** By city and pollutant (as typed), the sums of their data rows since their last total. */
    private final Map<String, Map<Integer, BigDecimal>> groupSums = new HashMap<>();
    /** By city and pollutant, a 合计 of 排放源类别 read as data before any row of theirs, and the rows after it. */
    private final Map<String, Leading> leading = new java.util.LinkedHashMap<>();

    private record Leading(int row, Map<Integer, BigDecimal> figures, Map<Integer, BigDecimal> breakdown) {
    }
    private long cellsWithData;
    private long cellsRead;

    public SheetAccount(String file, Header header) {
        this(file, header, Set.of());
    }

    /** @param tableTotals the 1-based rows that are an Excel table's totals row */
    public SheetAccount(String file, Header header, Set<Integer> tableTotals) {
        this.file = file;
        this.header = header;
        this.tableTotals = Set.copyOf(tableTotals);
        this.readColumns = new HashSet<>(header.readColumns());
        for (Map<Integer, String> row : header.headerRows()) {
            row.forEach((column, key) -> {
                if (ROW_NUMBERS.matcher(key).matches() && !header.columns().containsValue(column)) {
                    readColumns.add(column);
                }
            });
        }
        header.columns().forEach((field, column) -> {
            if (field.unit() != null) {
                figures.put(column, field);
            }
        });
        for (Header.PollutantColumns g : header.groups()) {
            figures.put(g.baseColumn(), Field.BASE_T);
            figures.put(g.reportingColumn(), Field.REPORTING_T);
        }
    }

    /** What a row is, with the findings it gives the sheet's account (a totals row that differs). */
    public record Classified(RowKind kind, List<Finding> findings) {
        public Classified {
            findings = List.copyOf(findings);
        }
    }

    /**
     * Classifies the next row of the sheet and accounts for its cells.
     *
     * <p>合计 in the 排放源类别 column alone is read as a person reads it: under rows of its city and pollutant (since
     * their last total) it totals them, so it is ignored and checked against their sum; with none above it, it is
     * that city's one row for all its sources, so data, and the rows of its sources that follow it are its breakdown,
     * ignored (BREAKDOWN) and checked against it when the sheet ends: counting both would count the city twice. A
     * 合计 without its city or pollutant beside it is a totals row whatever column it is in.
     */
    public Classified next(RawRow row) {
        RowKind kind = RowKind.of(row, header, tableTotals.contains(row.rowNumber()));
        String group = group(row);
        boolean sectorTotal = kind.kind() == RowKind.Kind.TOTALS && labelOnlyInSector(row) && identified(row);
        if (sectorTotal && leading.containsKey(group)) {
            // the total again under its breakdown (a form that totals above and below): a totals row of that breakdown
            return new Classified(kind, checkTotals(row, kind, leading.get(group).breakdown(), null));
        }
        if (sectorTotal && !groupSums.containsKey(group)) {
            kind = new RowKind(RowKind.Kind.DATA, null);
            leading.put(group, new Leading(row.rowNumber(), figuresOf(row), new TreeMap<>()));
        } else if (kind.isData() && leading.containsKey(group)) {
            Leading total = leading.get(group);
            figuresOf(row).forEach((column, v) -> total.breakdown().merge(column, v, BigDecimal::add));
            return new Classified(new RowKind(RowKind.Kind.BREAKDOWN, "第" + total.row() + "行排放源类别「合计」的明细（合计已计入）"),
                    List.of());
        }
        if (kind.kind() == RowKind.Kind.TOTALS) {
            if (sectorTotal) {
                List<Finding> findings = checkTotals(row, kind, groupSums.remove(group), null);
                return new Classified(kind, findings);
            }
            List<Finding> findings = checkTotals(row, kind, sinceTotals, all);
            sinceTotals.clear();
            groupSums.clear();
            leading.clear();
            return new Classified(kind, findings);
        }
        if (kind.isData()) {
            countCells(row);
            Map<Integer, BigDecimal> own = groupSums.computeIfAbsent(group, g -> new TreeMap<>());
            figuresOf(row).forEach((column, v) -> {
                sinceTotals.merge(column, v, BigDecimal::add);
                all.merge(column, v, BigDecimal::add);
                own.merge(column, v, BigDecimal::add);
            });
        }
        return new Classified(kind, List.of());
    }

    /** The figures of a row that read as numbers, by column. */
    private Map<Integer, BigDecimal> figuresOf(RawRow row) {
        Map<Integer, BigDecimal> out = new TreeMap<>();
        for (Integer column : figures.keySet()) {
            Values.Parsed<BigDecimal> v = Values.number(row.cell(column));
            if (v.isPresent()) {
                out.put(column, v.value());
            }
        }
        return out;
    }

    /** True when the row names its city and, where the sheet has the column, its pollutant. */
    private boolean identified(RawRow row) {
        Integer city = header.column(Field.CITY);
        Integer pollutant = header.column(Field.POLLUTANT);
        return city != null && !Values.isBlank(row.cell(city)) && (pollutant == null || !Values.isBlank(row.cell(pollutant)));
    }

    /** The row's city and pollutant as typed, normalised: the group an emission report's 合计 row totals. */
    private String group(RawRow row) {
        Integer city = header.column(Field.CITY);
        Integer pollutant = header.column(Field.POLLUTANT);
        return (city == null ? "" : cn.js.reduction.reference.Text.key(row.text(city))) + "|"
                + (pollutant == null ? "" : cn.js.reduction.reference.Text.key(row.text(pollutant)));
    }

    private boolean labelOnlyInSector(RawRow row) {
        Integer sector = header.column(Field.SECTOR);
        if (sector == null) {
            return false;
        }
        for (RawCell c : row.cells()) {
            if (Values.isTotalLabel(c.text()) && c.column() != sector) {
                return false;
            }
        }
        return true;
    }

    private void countCells(RawRow row) {
        Set<Integer> formulaColumns = new HashSet<>(row.formulas().keySet());
        for (RawCell c : row.cells()) {
            formulaColumns.remove(c.column());
            if (c.text().isBlank() || row.isMergedFromElsewhere(c.column())) {
                continue;
            }
            count(c.column());
        }
        formulaColumns.forEach(this::count); // a formula without its value is a cell with data too
    }

    private void count(int column) {
        cellsWithData++;
        if (readColumns.contains(column)) {
            cellsRead++;
        } else {
            unread.merge(column, 1, Integer::sum);
        }
    }

    /**
     * TOTAL_ROW_DIFFERS for each figure of the totals row that is neither the sum of {@code since} (the rows it
     * totals) nor, where given, of {@code all} (every row above).
     */
    private List<Finding> checkTotals(RawRow row, RowKind kind, Map<Integer, BigDecimal> since,
                                      Map<Integer, BigDecimal> all) {
        List<Finding> out = new ArrayList<>();
        Map<Integer, BigDecimal> sums = since == null ? Map.of() : since;
        figuresOf(row).forEach((column, total) -> {
            BigDecimal sum = sums.getOrDefault(column, BigDecimal.ZERO);
            if (total.compareTo(sum) != 0 && (all == null || total.compareTo(all.getOrDefault(column, BigDecimal.ZERO)) != 0)) {
                out.add(differs(row.sheet(), row.rowNumber(), column, total, sum, "合计行 " + kind.why(),
                        "与上方各行之和 " + plain(sum) + " 不一致；合计行不计入，各行按明细计入"));
            }
        });
        return out;
    }

    private Finding differs(String sheet, int rowNumber, int column, BigDecimal total, BigDecimal sum, String what,
                            String against) {
        String cell = RawCell.columnName(column) + rowNumber;
        String typed = plain(total);
        return Finding.of(Rule.TOTAL_ROW_DIFFERS, null, file, sheet, rowNumber, cell, typed,
                "第" + rowNumber + "行 " + what + " 的" + figureName(column) + "（" + cell + "）为 " + typed + "，" + against
                        + "，请核对明细或合计");
    }

    /** A figure's column as messages name it: 核算年排放量, or 挥发性有机物 核算年排放量 for a pollutant's group. */
    private String figureName(int column) {
        for (Header.PollutantColumns g : header.groups()) {
            if (g.baseColumn() == column || g.reportingColumn() == column) {
                return g.name() + " " + figures.get(column).columnName();
            }
        }
        return figures.get(column).columnName();
    }

    /** TOTAL_ROW_DIFFERS for each 合计 read as data whose rows of sources below it do not add up to it. */
    private List<Finding> checkBreakdowns() {
        List<Finding> out = new ArrayList<>();
        for (Leading l : leading.values()) {
            if (l.breakdown().isEmpty()) {
                continue;
            }
            l.figures().forEach((column, total) -> {
                BigDecimal sum = l.breakdown().getOrDefault(column, BigDecimal.ZERO);
                if (total.compareTo(sum) != 0) {
                    out.add(differs(header.sheet(), l.row(), column, total, sum, "排放源类别「合计」",
                            "与其下各排放源之和 " + plain(sum) + " 不一致；按合计计入，其下各行作为明细不计入"));
                }
            });
        }
        return out;
    }

    /**
     * COLUMN_NOT_READ for each column that held data in the sheet's data rows but is not read, and TOTAL_ROW_DIFFERS
     * for a 合计 whose breakdown below it does not add up to it; call once, at the sheet's end.
     */
    public List<Finding> close() {
        List<Finding> out = new ArrayList<>(checkBreakdowns());
        for (Map.Entry<Integer, Integer> e : unread.entrySet()) {
            int column = e.getKey();
            String heading = heading(column);
            boolean ours = !heading.isEmpty() && OURS.matcher(heading).matches();
            String cell = RawCell.columnName(column) + header.headerRowNumber();
            String named = heading.isEmpty() ? "无表头的 " + RawCell.columnName(column) + " 列"
                    : RawCell.columnName(column) + " 列「" + heading + "」";
            String message = "工作表「" + header.sheet() + "」" + named + "有 " + e.getValue() + " 个单元格有数据，未读取"
                    + (ours ? "：表头看起来是需要报送的列，但与模板的列名都对不上（例如写了「目标」「计划」等限定词，或列名有误），如是需要报送的数据，请按模板改正列名后重新报送"
                    : "（不是模板规定的列）；如其中有需要报送的数据，请按模板的列名填写");
            out.add(new Finding(ours ? Severity.WARNING : Severity.INFO, Rule.COLUMN_NOT_READ, null, file,
                    header.sheet(), header.headerRowNumber(), cell, heading, message));
        }
        return out;
    }

    /** The column's header as read (the rows of a multi-row header joined), or empty when it has none. */
    private String heading(int column) {
        List<String> parts = new ArrayList<>();
        for (Map<Integer, String> row : header.headerRows()) {
            String k = row.get(column);
            // a row numbering the columns (甲 乙 1 2 …) under the headings names nothing
            if (k != null && !parts.contains(k) && !k.matches("\\(?\\d{1,3}(?:\\.0)?\\)?|[甲乙丙丁戊己庚辛壬癸]")) {
                parts.add(k);
            }
        }
        return String.join(" ", parts);
    }

    /** Cells with data in the sheet's data rows so far. */
    public long cellsWithData() {
        return cellsWithData;
    }

    /** Of those, the cells in columns read. */
    public long cellsRead() {
        return cellsRead;
    }

    /** Of those, the cells in the columns {@link #close()} reports, by column. */
    public Map<Integer, Integer> cellsNotRead() {
        return Map.copyOf(unread);
    }

    /** The columns {@link #close()} reports: columns that held data in the sheet's data rows and were not read. */
    public int columnsNotRead() {
        return unread.size();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
