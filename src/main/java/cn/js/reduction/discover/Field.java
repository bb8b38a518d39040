package cn.js.reduction.discover;

import static cn.js.reduction.core.FileKind.EMISSIONS;
import static cn.js.reduction.core.FileKind.PROJECTS;

import cn.js.reduction.core.FileKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every column of the two submission kinds (docs/input-format.md), with the header texts people write for it. The city and
 * remarks columns belong to both kinds, so a field carries the set of kinds it appears in.
 *
 * <p>Aliases are compared after {@link HeaderLocator#key normalisation} (white space, full-width forms, case, a
 * trailing unit in brackets), so they are listed here once, as a person would write them.
 */
public enum Field {
    // 项目清单, in the column order of docs/input-format.md
    PROJECT_ID("project_id", "项目编号", null, Set.of(PROJECTS), true,
            "项目编号", "项目编码", "项目代码"),
    CITY("city", "设区市", null, Set.of(PROJECTS, EMISSIONS), true,
            "设区市", "所在设区市", "所属设区市", "设区市名称", "城市", "城市名称", "地市", "市", "地区"),
    DISTRICT("district", "县（市、区）", null, Set.of(PROJECTS), false,
            "县（市、区）", "县(市,区)", "县（市区）", "县市区", "县区", "区县", "县（区）", "所在县（市、区）", "县"),
    PROJECT_NAME("project_name", "项目名称", null, Set.of(PROJECTS), true,
            "项目名称", "项目全称"),
    RESPONSIBLE_UNIT("responsible_unit", "责任单位", null, Set.of(PROJECTS), true,
            "责任单位", "责任主体", "实施单位", "建设单位", "企业名称", "单位名称"),
    CREDIT_CODE("credit_code", "统一社会信用代码", null, Set.of(PROJECTS), false,
            "统一社会信用代码", "社会信用代码", "信用代码"),
    CATEGORY("category", "项目类别", null, Set.of(PROJECTS), true,
            "项目类别", "项目类型", "项目分类", "类别"),
    STATUS("status", "进展状态", null, Set.of(PROJECTS), true,
            "进展状态", "进展情况", "项目进展", "项目状态", "建设状态", "实施进度", "状态"),
    PLANNED_COMPLETION("planned_completion", "计划完成时间", null, Set.of(PROJECTS), true,
            "计划完成时间", "计划完成日期", "计划完成时限", "完成时限"),
    ACTUAL_COMPLETION("actual_completion", "实际完成时间", null, Set.of(PROJECTS), false,
            "实际完成时间", "实际完成日期", "完成时间", "完成日期"),
    INVESTMENT("investment", "总投资", "万元", Set.of(PROJECTS), false,
            "总投资", "项目总投资", "总投资额", "投资额", "投资"),
    VOC_T("voc_t", "VOCs减排量", "吨/年", Set.of(PROJECTS), false,
            "VOCs减排量", "VOC减排量", "挥发性有机物减排量"),
    SO2_T("so2_t", "二氧化硫减排量", "吨/年", Set.of(PROJECTS), false,
            "二氧化硫减排量", "SO2减排量"),
    NOX_T("nox_t", "氮氧化物减排量", "吨/年", Set.of(PROJECTS), false,
            "氮氧化物减排量", "NOx减排量"),
    PM_T("pm_t", "颗粒物减排量", "吨/年", Set.of(PROJECTS), false,
            "颗粒物减排量", "烟粉尘减排量", "PM减排量"),
    REMARKS("remarks", "备注", null, Set.of(PROJECTS, EMISSIONS), false,
            "备注", "说明", "备注说明"),
    // 排放量报表 (city and remarks above)
    POLLUTANT("pollutant", "污染物", null, Set.of(EMISSIONS), true,
            "污染物", "污染物名称", "污染物种类", "污染物类别", "污染因子"),
    SECTOR("sector", "排放源类别", null, Set.of(EMISSIONS), false,
            "排放源类别", "排放源类型", "排放源", "源类别", "行业类别", "行业"),
    BASE_T("base_t", "基准年排放量", "吨", Set.of(EMISSIONS), true,
            "基准年排放量", "基准排放量", "基准年（2015年）排放量", "2015年排放量"),
    REPORTING_T("reporting_t", "核算年排放量", "吨", Set.of(EMISSIONS), true,
            "核算年排放量", "核算排放量");

    private final String key;
    private final String columnName;
    private final String unit;
    private final Set<FileKind> kinds;
    private final boolean required;
    private final List<String> aliases;

    Field(String key, String columnName, String unit, Set<FileKind> kinds, boolean required, String... aliases) {
        this.key = key;
        this.columnName = columnName;
        this.unit = unit;
        this.kinds = Set.copyOf(kinds);
        this.required = required;
        this.aliases = List.of(aliases);
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

    public boolean belongsTo(FileKind kind) {
        return kinds.contains(kind);
    }

    public boolean isRequired() {
        return required;
    }

    /**
     * The header texts that name this column in the given plan year. The emission report's 核算年 column is
     * also headed by the year itself (2020年排放量), which is why the year is needed.
     */
    public List<String> aliases(int year) {
        if (this != REPORTING_T) {
            return aliases;
        }
        List<String> all = new ArrayList<>(aliases);
        all.add(year + "年排放量");
        all.add("核算年（" + year + "年）排放量");
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

    /** The fields of a kind, in the column order of docs/input-format.md. */
    public static List<Field> of(FileKind kind) {
        List<Field> out = new ArrayList<>();
        for (Field f : values()) {
            if (f.belongsTo(kind)) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }
}
