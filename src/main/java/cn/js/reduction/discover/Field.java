package cn.js.reduction.discover;

import static cn.js.reduction.core.FileKind.EMISSIONS;
import static cn.js.reduction.core.FileKind.PROJECTS;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.reference.Pollutant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every column of the two submission kinds (docs/input-format.md), with the header texts people write for it. The city and
 * remarks columns belong to both kinds, so a field carries the set of kinds it appears in.
 *
 * <p>The project list's claim columns are not listed here: there is one per pollutant of the plan year's
 * pollutants.csv ({@link #claim}), so adding a pollutant adds its column without a code change.
 *
 * <p>Aliases are compared after {@link HeaderText#key normalisation} (white space, full-width forms, case, a
 * trailing unit in brackets), so they are listed here once, as a person would write them.
 */
public final class Field implements Comparable<Field> {
    /** Where the claim columns sit among the others: after INVESTMENT, one place per pollutant. */
    private static final int CLAIMS_START = 11;
    private static final int CLAIMS_END = 1000;

    // 项目清单, in the column order of docs/input-format.md (the claim columns come after INVESTMENT)
    public static final Field PROJECT_ID = fixed(0, "project_id", "项目编号", null, Set.of(PROJECTS), true,
            "项目编号", "项目编码", "项目代码");
    public static final Field CITY = fixed(1, "city", "设区市", null, Set.of(PROJECTS, EMISSIONS), true,
            "设区市", "所在设区市", "所属设区市", "设区市名称", "城市", "城市名称", "地市", "市", "地区");
    public static final Field DISTRICT = fixed(2, "district", "县（市、区）", null, Set.of(PROJECTS), false,
            "县（市、区）", "县(市,区)", "县（市区）", "县市区", "县区", "区县", "县（区）", "所在县（市、区）", "县");
    public static final Field PROJECT_NAME = fixed(3, "project_name", "项目名称", null, Set.of(PROJECTS), true,
            "项目名称", "项目全称");
    public static final Field RESPONSIBLE_UNIT = fixed(4, "responsible_unit", "责任单位", null, Set.of(PROJECTS), true,
            "责任单位", "责任主体", "实施单位", "建设单位", "企业名称", "单位名称");
    public static final Field CREDIT_CODE = fixed(5, "credit_code", "统一社会信用代码", null, Set.of(PROJECTS), false,
            "统一社会信用代码", "社会信用代码", "信用代码");
    public static final Field CATEGORY = fixed(6, "category", "项目类别", null, Set.of(PROJECTS), true,
            "项目类别", "项目类型", "项目分类", "类别");
    public static final Field STATUS = fixed(7, "status", "进展状态", null, Set.of(PROJECTS), true,
            "进展状态", "进展情况", "项目进展", "项目状态", "建设状态", "实施进度", "状态");
    public static final Field PLANNED_COMPLETION = fixed(8, "planned_completion", "计划完成时间", null, Set.of(PROJECTS),
            true, "计划完成时间", "计划完成日期", "计划完成时限", "完成时限");
    public static final Field ACTUAL_COMPLETION = fixed(9, "actual_completion", "实际完成时间", null, Set.of(PROJECTS),
            false, "实际完成时间", "实际完成日期", "完成时间", "完成日期");
    public static final Field INVESTMENT = fixed(10, "investment", "总投资", "万元", Set.of(PROJECTS), false,
            "总投资", "项目总投资", "总投资额", "投资额", "投资");
    public static final Field REMARKS = fixed(CLAIMS_END, "remarks", "备注", null, Set.of(PROJECTS, EMISSIONS), false,
            "备注", "说明", "备注说明");
    // 排放量报表 (city and remarks above)
    public static final Field POLLUTANT = fixed(CLAIMS_END + 1, "pollutant", "污染物", null, Set.of(EMISSIONS), true,
            "污染物", "污染物名称", "污染物种类", "污染物类别", "污染因子");
    public static final Field SECTOR = fixed(CLAIMS_END + 2, "sector", "排放源类别", null, Set.of(EMISSIONS), false,
            "排放源类别", "排放源类型", "排放源", "源类别", "行业类别", "行业");
    public static final Field BASE_T = fixed(CLAIMS_END + 3, "base_t", "基准年排放量", "吨", Set.of(EMISSIONS), true,
            "基准年排放量", "基准排放量");
    public static final Field REPORTING_T = fixed(CLAIMS_END + 4, "reporting_t", "核算年排放量", "吨", Set.of(EMISSIONS),
            true, "核算年排放量", "核算排放量");

    private static final List<Field> FIXED = List.of(PROJECT_ID, CITY, DISTRICT, PROJECT_NAME, RESPONSIBLE_UNIT,
            CREDIT_CODE, CATEGORY, STATUS, PLANNED_COMPLETION, ACTUAL_COMPLETION, INVESTMENT, REMARKS, POLLUTANT,
            SECTOR, BASE_T, REPORTING_T);

    private final int order;
    private final String key;
    private final String columnName;
    private final String unit;
    private final Set<FileKind> kinds;
    private final boolean required;
    private final List<String> aliases;
    /** The pollutant whose claimed reduction the column holds; null for every other column. */
    private final Pollutant pollutant;

    private Field(int order, String key, String columnName, String unit, Set<FileKind> kinds, boolean required,
                  List<String> aliases, Pollutant pollutant) {
        this.order = order;
        this.key = key;
        this.columnName = columnName;
        this.unit = unit;
        this.kinds = Set.copyOf(kinds);
        this.required = required;
        this.aliases = List.copyOf(aliases);
        this.pollutant = pollutant;
    }

    private static Field fixed(int order, String key, String columnName, String unit, Set<FileKind> kinds,
                               boolean required, String... aliases) {
        return new Field(order, key, columnName, unit, kinds, required, List.of(aliases), null);
    }

    /**
     * The project list's column claiming a reduction of the {@code index}-th pollutant of the plan year
     * (pollutants.csv): optional, in 吨/年, headed by the pollutant's claim column name or one of its aliases.
     */
    public static Field claim(Pollutant pollutant, int index) {
        return new Field(CLAIMS_START + index, pollutant.claimKey(), pollutant.claimColumn(), Pollutant.CLAIM_UNIT,
                Set.of(PROJECTS), false, pollutant.claimHeaders(), pollutant);
    }

    /** The claim columns of these pollutants (a plan year's {@code claimPollutants()}), in their order. */
    public static List<Field> claims(List<Pollutant> pollutants) {
        List<Field> out = new ArrayList<>();
        for (int i = 0; i < pollutants.size(); i++) {
            out.add(claim(pollutants.get(i), i));
        }
        return List.copyOf(out);
    }

    /** The English key of docs/input-format.md, e.g. planned_completion. */
    public String key() {
        return key;
    }

    /** The header as docs/input-format.md and the template write it, unit included: VOCs减排量（吨/年）. */
    public String label() {
        return unit == null ? columnName : columnName + "（" + unit + "）";
    }

    /** The column's name without its unit, as messages name it: VOCs减排量. */
    public String columnName() {
        return columnName;
    }

    /** The unit the column is in (吨/年, 万元, 吨), or null. */
    public String unit() {
        return unit;
    }

    /** The pollutant a claim column claims a reduction of; null for the other columns. */
    public Pollutant pollutant() {
        return pollutant;
    }

    public boolean isClaim() {
        return pollutant != null;
    }

    public boolean belongsTo(FileKind kind) {
        return kinds.contains(kind);
    }

    public boolean isRequired() {
        return required;
    }

    /**
     * The header texts that name this column in the given plan year. The emission report's 核算年 and 基准年
     * columns are also headed by the years themselves (2020年排放量, 2015年排放量), which is why they are needed.
     */
    public List<String> aliases(int year, int baseYear) {
        if (this != REPORTING_T && this != BASE_T) {
            return aliases;
        }
        List<String> all = new ArrayList<>(aliases);
        // a column headed by its year alone (2015年 | 2020年, or the number 2015 | 2020) under a title or unit note
        // naming the emissions: a person reads what is above the table as part of its header
        if (this == REPORTING_T) {
            all.addAll(List.of(year + "年排放量", "核算年（" + year + "年）排放量", year + "年", year + "年度", year + "年度排放量",
                    "核算年", "核算年度", String.valueOf(year)));
        } else {
            all.addAll(List.of("基准年（" + baseYear + "年）排放量", baseYear + "年排放量", baseYear + "年", baseYear + "年度",
                    baseYear + "年度排放量", "基准年", "基准年度", String.valueOf(baseYear)));
        }
        return List.copyOf(all);
    }

    /**
     * The fields that make a header recognisable as its kind: a header must name at least one of them
     * (docs/input-format.md: a project list has a project id, category or name; an emission report a pollutant or a tonnage).
     */
    public boolean isSignatureOf(FileKind kind) {
        return switch (kind) {
            case PROJECTS -> this == PROJECT_ID || this == CATEGORY || this == PROJECT_NAME;
            case EMISSIONS -> this == POLLUTANT || this == BASE_T || this == REPORTING_T;
        };
    }

    /** The fields of a kind, in the column order of docs/input-format.md, with the claim columns of {@code claims}. */
    public static List<Field> of(FileKind kind, List<Field> claims) {
        List<Field> out = new ArrayList<>();
        for (Field f : FIXED) {
            if (f.belongsTo(kind)) {
                out.add(f);
            }
        }
        for (Field f : claims) {
            if (f.belongsTo(kind)) {
                out.add(f);
            }
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /** Column order: as docs/input-format.md lists the columns. */
    @Override
    public int compareTo(Field other) {
        return Integer.compare(order, other.order);
    }

    /** A claim column is the same column as another of the same pollutant (they are made per plan year). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Field f && f.order == order && f.key.equals(key);
    }

    @Override
    public int hashCode() {
        return 31 * order + key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
