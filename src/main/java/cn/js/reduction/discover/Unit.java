package cn.js.reduction.discover;

import cn.js.reduction.reference.Text;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A unit written in a column's header (2015年排放量（万吨）) or in a unit note above it (单位：万吨), and the exact
 * factor that brings the column's values into the contract's unit: tonnes for emissions and reductions, 万元 for
 * investment (docs/input-format.md). A unit nobody listed is never taken for the contract's: it is {@link #isKnown unknown}
 * and the sheet is not read.
 *
 * @param text      the unit as written (white space and full-width forms folded), e.g. 万吨
 * @param dimension what it measures, or null when unknown
 * @param factor    contract units per unit written: 万吨 → 10000 (tonnes); null when unknown
 */
public record Unit(String text, Dimension dimension, BigDecimal factor) {

    /** What a numeric column measures, and so which units it may be written in. */
    public enum Dimension {
        MASS("吨"), MONEY("万元");

        private final String contractUnit;

        Dimension(String contractUnit) {
            this.contractUnit = contractUnit;
        }

        /** The unit the contract keeps this dimension in. */
        public String contractUnit() {
            return contractUnit;
        }
    }

    // keys are folded (Text.normalise, upper case); "/年" and "/A" (per year) are dropped before lookup
    private static final Map<String, Unit> KNOWN = Map.ofEntries(
            known("吨", Dimension.MASS, "1"), known("T", Dimension.MASS, "1"), known("公吨", Dimension.MASS, "1"),
            known("万吨", Dimension.MASS, "10000"), known("万T", Dimension.MASS, "10000"),
            known("千吨", Dimension.MASS, "1000"), known("KT", Dimension.MASS, "1000"),
            known("千克", Dimension.MASS, "0.001"), known("KG", Dimension.MASS, "0.001"),
            known("公斤", Dimension.MASS, "0.001"),
            known("万元", Dimension.MONEY, "1"), known("元", Dimension.MONEY, "0.0001"),
            known("千元", Dimension.MONEY, "0.1"), known("百万元", Dimension.MONEY, "100"),
            known("亿元", Dimension.MONEY, "10000"), known("万元人民币", Dimension.MONEY, "1"),
            known("元人民币", Dimension.MONEY, "0.0001"));

    // bracketed notes on a header that are not units: （必填） （2015年） （选填）
    private static final Pattern NOT_A_UNIT = Pattern.compile("必填|选填|可选|非必填|\\d{4}年?|\\d{4}年度|注\\d*|\\*+|※");
    // a bracket that qualifies the heading rather than measuring it: 减排量（目标） is another column than 减排量
    private static final Pattern QUALIFIER = Pattern.compile(
            ".*(目标|计划|预计|预期|预测|核定|申报|承诺|累计|测算|估算|参考|任务|指标|同比|占比|比例|百分比|%).*");

    /**
     * A known unit written after the heading without brackets: 排放量/万吨, 排放量万吨, 总投资万元. Only known
     * units: an unbracketed word nobody listed is part of the heading, which then names no column.
     */
    static final Pattern BARE_SUFFIX = Pattern.compile(
            "/?((?:万吨|千吨|吨|万t|kt|t|千克|kg|公斤|亿元|万元|千元|元)(?:/年|/a)?)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ORGANISATION = Pattern.compile("[市省局厅委办院司区县镇所站室部处科]|公司|中心");
    private static final Pattern UNIT_LABEL = Pattern.compile("^(?:计量)?单位[:：]?");
    private static final Pattern PER_YEAR = Pattern.compile("(?:/|每)(?:年|A|YR|YEAR)$");
    // a trailing bracket of a header: （万吨） (t/a) [吨] 【万元】; Text.normalise has folded （） to ()
    private static final Pattern TRAILING_BRACKET = Pattern.compile("[(\\[【]([^()\\[\\]【】]*)[)\\]】]$");
    // 单位：万吨, 计量单位:吨, (单位：万元), …报表 单位：万吨; not 填报单位：南京市…, 责任单位：…
    private static final Pattern NOTE = Pattern.compile("(?<!填报|报送|编制|责任|建设|实施|主管|牵头|制表|申报|所在|使用|"
            + "工作|管理|监测|承担|业主|审核|统计)单位\\s*[:：]\\s*([^\\s,，;；)\\]】]+)");

    private static Map.Entry<String, Unit> known(String text, Dimension dimension, String factor) {
        return Map.entry(text, new Unit(text, dimension, new BigDecimal(factor)));
    }

    public boolean isKnown() {
        return dimension != null;
    }

    /** True when the values need converting (the factor is not 1). */
    public boolean converts() {
        return isKnown() && factor.compareTo(BigDecimal.ONE) != 0;
    }

    /**
     * The unit a header cell names in its trailing bracket (2015年排放量（万吨） → 万吨), or empty when it names
     * none. A bracket that is a note rather than a unit (（必填）, （2015年）) is not a unit; any other bracket on a
     * numeric column is taken for one, known or not, so that a unit is never ignored.
     */
    public static Optional<Unit> inHeader(String headerText) {
        if (headerText == null) {
            return Optional.empty();
        }
        String folded = Text.normalise(headerText).replaceAll("[*※★:：]+$", "");
        Matcher m = TRAILING_BRACKET.matcher(folded);
        while (m.find()) {
            String inside = UNIT_LABEL.matcher(m.group(1)).replaceFirst(""); // （单位：吨） is （吨）
            if (isQualifier(inside)) {
                return Optional.empty(); // 减排量（目标） names another column: nothing to convert, no unit to doubt
            }
            if (!inside.isEmpty() && !NOT_A_UNIT.matcher(inside).matches()) {
                return Optional.of(of(inside));
            }
            // a note such as （必填） may follow the unit: look at the bracket before it
            folded = folded.substring(0, m.start());
            m = TRAILING_BRACKET.matcher(folded);
        }
        Matcher bare = BARE_SUFFIX.matcher(folded);
        return bare.find() ? Optional.of(of(bare.group(1))) : Optional.empty();
    }

    /**
     * True when a bracket's text qualifies its heading (目标, 计划, 实际 …) rather than giving a unit: the bracket is
     * then part of the column's name, so 减排量（目标） is not 减排量 (docs/input-format.md).
     */
    public static boolean isQualifier(String inside) {
        return inside.length() <= 40 && QUALIFIER.matcher(inside).matches();
    }

    /** The unit of a note such as 单位：万吨 in a cell above the header, or empty when the cell is no such note. */
    public static Optional<Unit> inNote(String cellText) {
        if (cellText == null) {
            return Optional.empty();
        }
        // white space is kept here: it ends the unit (单位：万吨　填报日期：2020年7月)
        Matcher m = NOTE.matcher(Text.halfWidth(cellText));
        if (!m.find() || ORGANISATION.matcher(m.group(1)).find() || m.group(1).length() > 12) {
            return Optional.empty(); // 单位：南京市生态环境局 names who reports, not what in
        }
        return Optional.of(of(m.group(1)));
    }

    /** A unit as written; unknown (no dimension, no factor) when it is not in the list. */
    public static Unit of(String written) {
        String text = Text.normalise(written);
        String key = PER_YEAR.matcher(text.toUpperCase(Locale.ROOT)).replaceFirst("");
        Unit known = KNOWN.get(key);
        return known == null ? new Unit(text, null, null) : new Unit(text, known.dimension, known.factor);
    }

    /** The factor as people write it: 10000, 0.001. */
    public String factorText() {
        return factor == null ? "" : factor.stripTrailingZeros().toPlainString();
    }
}
