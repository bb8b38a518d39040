package cn.js.reduction.intake;

import static cn.js.reduction.intake.Severity.ERROR;
import static cn.js.reduction.intake.Severity.INFO;
import static cn.js.reduction.intake.Severity.WARNING;

/**
 * The one catalogue of rules (SPEC §4 and §5): intake, validate, the feedback workbooks and the README all
 * read their codes, severities and the Chinese title shown to a city clerk from here.
 */
public enum Rule {
    // file level
    FILE_UNREADABLE(ERROR, "文件无法读取"),
    UNKNOWN_FILE_KIND(ERROR, "无法识别的文件类型"),
    MISSING_COLUMN(ERROR, "缺少必需的列"),
    SUPERSEDED_FILE(INFO, "已被更新的报送文件替代"),
    NOT_A_SUBMISSION(INFO, "不是报送文件，已跳过"),
    ENTRY_NOT_READ(WARNING, "不是可读取的普通文件，已跳过"),
    // row level
    REQUIRED_MISSING(ERROR, "必填项为空"),
    UNKNOWN_CITY(ERROR, "无法识别的设区市"),
    UNKNOWN_CATEGORY(ERROR, "无法识别的项目类别"),
    UNKNOWN_STATUS(ERROR, "无法识别的进展状态"),
    UNKNOWN_POLLUTANT(ERROR, "无法识别的污染物"),
    BAD_NUMBER(ERROR, "数值格式错误"),
    NEGATIVE_NUMBER(ERROR, "数值不能为负"),
    BAD_DATE(ERROR, "日期格式错误"),
    COMPLETED_WITHOUT_DATE(ERROR, "已完成项目缺少实际完成时间"),
    DUPLICATE_PROJECT_ID(ERROR, "项目编号重复"),
    TEXT_TOO_LONG(ERROR, "文本超过长度上限"),
    NUMBER_OUT_OF_RANGE(ERROR, "数值超出可能的范围"),
    BAD_CREDIT_CODE(WARNING, "统一社会信用代码校验位错误"),
    COMPLETION_AFTER_YEAR_END(WARNING, "实际完成时间晚于核算年末，按在建统计"),
    ACTUAL_DATE_NOT_COMPLETED(WARNING, "未完成项目填写了实际完成时间"),
    TEXT_TRUNCATED(WARNING, "文本过长，已截断保存"),
    NUMBER_ROUNDED(WARNING, "小数位数过多，已四舍五入保存"),
    // reconciliation
    COUNT_SHORTFALL(WARNING, "项目数量少于计划"),
    COUNT_EXCESS(INFO, "项目数量多于计划"),
    UNPLANNED_CATEGORY(WARNING, "计划外类别报送了项目"),
    COMPLETION_SHORTFALL(WARNING, "完成项目数少于计划"),
    TARGET_NOT_MET(WARNING, "未完成减排目标"),
    MISSING_SUBMISSION(WARNING, "缺少报送文件"),
    CLAIM_EXCEEDS_ACHIEVED(WARNING, "项目申报减排量超过排放核算减排量");

    private final Severity severity;
    private final String title;

    Rule(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    public Severity severity() {
        return severity;
    }

    /** Short Chinese title, for workbook headers and the feedback a city reads. */
    public String title() {
        return title;
    }
}
