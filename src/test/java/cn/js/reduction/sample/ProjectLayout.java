package cn.js.reduction.sample;

import cn.js.reduction.sample.SheetModel.Formula;
import cn.js.reduction.sample.SheetModel.RowKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A city's 项目清单 template (docs/input-format.md): which columns, and how it writes cities, categories, statuses, dates, numbers. */
final class ProjectLayout extends Layout<SampleProject> {

    /** Every column key in the contract's order, plus the extras cities add (序号, 联系人, 联系电话). */
    static final List<String> STANDARD = List.of("seq", "project_id", "city", "district", "project_name",
            "responsible_unit", "credit_code", "category", "status", "planned_completion", "actual_completion",
            "investment", "voc_t", "so2_t", "nox_t", "pm_t", "remarks");
    static final List<String> TONNES = List.of("voc_t", "so2_t", "nox_t", "pm_t");

    enum CityStyle { NAME, NAME_SHI, CODE_NUMBER, CODE_TEXT }

    enum CategoryStyle { FULL, NO_SUFFIX, FULL_WIDTH_BRACKETS }

    /** 已完成/在建/未开工, or the synonyms docs/input-format.md accepts. */
    enum StatusStyle { STANDARD, BUILT, DONE }

    enum DateStyle { EXCEL, ISO, SLASH, CHINESE, MIXED_TEXT }

    enum Quirk {
        /** Every 7th row's reductions typed as text. */
        NUMBERS_AS_TEXT,
        /** Investments of 1,000 万元 and more typed as text with a thousands separator. */
        THOUSANDS_TEXT,
        /** One reduction typed in full-width digits. */
        FULL_WIDTH_ONCE,
        /** One investment entered as a formula adding two sums. */
        INVESTMENT_FORMULA_ONCE,
        /** A 合计 row under the data, with SUM formulas. */
        TOTAL_ROW
    }

    CityStyle cityStyle = CityStyle.NAME_SHI;
    CategoryStyle categoryStyle = CategoryStyle.FULL;
    StatusStyle statusStyle = StatusStyle.STANDARD;
    DateStyle dateStyle = DateStyle.EXCEL;
    final Set<Quirk> quirks = new LinkedHashSet<>();
    private boolean fullWidthDone;

    ProjectLayout(String fileName, SampleFile.Format format) {
        super(fileName, format);
        columns = STANDARD;
    }

    /** The two-row header of docs/input-format.md: 减排量（吨/年） merged over VOCs | 二氧化硫 | 氮氧化物 | 颗粒物. */
    void twoRowHeader() {
        groupLabel = "减排量（吨/年）";
        groupKeys = TONNES;
        labels.put("voc_t", "VOCs");
        labels.put("so2_t", "二氧化硫");
        labels.put("nox_t", "氮氧化物");
        labels.put("pm_t", "颗粒物");
    }

    @Override
    protected String defaultLabel(String key) {
        return switch (key) {
            case "seq" -> "序号";
            case "project_id" -> "项目编号";
            case "city" -> "设区市";
            case "district" -> "县（市、区）";
            case "project_name" -> "项目名称";
            case "responsible_unit" -> "责任单位";
            case "credit_code" -> "统一社会信用代码";
            case "category" -> "项目类别";
            case "status" -> "进展状态";
            case "planned_completion" -> "计划完成时间";
            case "actual_completion" -> "实际完成时间";
            case "investment" -> "总投资（万元）";
            case "voc_t" -> "VOCs减排量（吨/年）";
            case "so2_t" -> "二氧化硫减排量（吨/年）";
            case "nox_t" -> "氮氧化物减排量（吨/年）";
            case "pm_t" -> "颗粒物减排量（吨/年）";
            case "remarks" -> "备注";
            case "contact" -> "联系人";
            case "phone" -> "联系电话";
            default -> throw new IllegalArgumentException(key);
        };
    }

    @Override
    protected String kind() {
        return "项目清单";
    }

    @Override
    protected String cities(List<Line<SampleProject>> lines) {
        Set<String> names = new LinkedHashSet<>();
        lines.forEach(l -> names.add(l.record().city().name()));
        return String.join("+", names);
    }

    @Override
    protected Map<String, Object> values(SampleProject p, int i) {
        Map<String, Object> v = new HashMap<>();
        v.put("seq", i + 1);
        v.put("project_id", p.id());
        v.put("city", city(p.city()));
        v.put("district", p.district());
        v.put("project_name", p.name());
        v.put("responsible_unit", p.unit());
        v.put("credit_code", p.creditCode());
        v.put("category", category(p.category()));
        v.put("status", status(p.status()));
        v.put("planned_completion", date(p.planned(), true, i));
        v.put("actual_completion", date(p.actual(), false, i));
        v.put("investment", investment(p.investment(), i));
        v.put("voc_t", tonnes(p.voc(), i));
        v.put("so2_t", tonnes(p.so2(), i));
        v.put("nox_t", tonnes(p.nox(), i));
        v.put("pm_t", tonnes(p.pm(), i));
        v.put("remarks", p.remarks());
        v.put("contact", p.contact());
        v.put("phone", p.phone());
        if (quirks.contains(Quirk.FULL_WIDTH_ONCE) && !fullWidthDone && i >= 20 && p.voc().signum() > 0) {
            v.put("voc_t", fullWidth(p.voc().toPlainString()));
            noteCell("voc_t", "全角数字 full-width digits " + v.get("voc_t") + " = " + p.voc().toPlainString());
            fullWidthDone = true;
        }
        if (quirks.contains(Quirk.INVESTMENT_FORMULA_ONCE) && i == 4) {
            BigDecimal first = p.investment().multiply(new BigDecimal("0.6")).setScale(0, RoundingMode.DOWN);
            v.put("investment", new Formula(first.toPlainString() + "+" + p.investment().subtract(first)
                    .toPlainString()));
            noteCell("investment", "公式单元格 formula =" + ((Formula) v.get("investment")).expression()
                    + ", read by its cached value " + p.investment().toPlainString());
        }
        return v;
    }

    @Override
    protected void afterData(SheetModel sheet, Context context) {
        if (!quirks.contains(Quirk.TOTAL_ROW)) {
            return;
        }
        int first = context.firstDataRow;
        int last = sheet.lastRowNumber();
        List<Object> cells = new ArrayList<>();
        for (String key : columns) {
            cells.add(null);
        }
        cells.set(0, "合计");
        for (String key : List.of("investment", "voc_t", "so2_t", "nox_t", "pm_t")) {
            if (columns.contains(key)) {
                cells.set(columns.indexOf(key), new Formula("SUM(" + column(key) + first + ":" + column(key) + last
                        + ")"));
            }
        }
        int r = sheet.add(RowKind.TOTAL, cells);
        context.note(sheet, r, null, "合计 row with SUM formulas: ignored, counted as ignored");
    }

    private Object city(SampleCity city) {
        return switch (cityStyle) {
            case NAME -> city.name();
            case NAME_SHI -> city.nameWithShi();
            case CODE_NUMBER -> Integer.valueOf(city.code());
            case CODE_TEXT -> city.code();
        };
    }

    private String category(SampleCategory category) {
        String name = category.chineseName();
        return switch (categoryStyle) {
            case FULL -> name;
            case NO_SUFFIX -> name.substring(0, name.length() - 2);
            case FULL_WIDTH_BRACKETS -> name.replace('(', '（').replace(')', '）');
        };
    }

    private String status(SampleProject.Status status) {
        return switch (statusStyle) {
            case STANDARD -> status.chineseName();
            case BUILT -> switch (status) {
                case COMPLETED -> "已建成";
                case IN_PROGRESS -> "实施中";
                case NOT_STARTED -> "未启动";
            };
            case DONE -> switch (status) {
                case COMPLETED -> "完成";
                case IN_PROGRESS -> "进行中";
                case NOT_STARTED -> "未开工";
            };
        };
    }

    /** The date as this city types it; planned dates are month ends, so 2020年6月 says the same. */
    Object date(LocalDate d, boolean planned, int i) {
        if (d == null) {
            return null;
        }
        return switch (dateStyle) {
            case EXCEL -> d;
            case ISO -> d.toString();
            case SLASH -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
            case CHINESE -> planned ? d.getYear() + "年" + d.getMonthValue() + "月"
                    : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
            case MIXED_TEXT -> switch (i % 3) {
                case 0 -> d.toString();
                case 1 -> d.toString().replace("-", "");
                default -> d.getYear() + "." + d.getMonthValue() + "." + d.getDayOfMonth();
            };
        };
    }

    private Object investment(BigDecimal value, int i) {
        if (quirks.contains(Quirk.THOUSANDS_TEXT) && value.compareTo(new BigDecimal(1000)) >= 0) {
            DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
            return f.format(value);
        }
        return format == SampleFile.Format.CSV_UTF8_BOM || format == SampleFile.Format.CSV_GBK
                ? value.toPlainString() : value;
    }

    private Object tonnes(BigDecimal value, int i) {
        if (value.signum() == 0) {
            return null;
        }
        return quirks.contains(Quirk.NUMBERS_AS_TEXT) && i % 7 == 3 ? value.toPlainString() : value;
    }

    static String fullWidth(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            s.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return s.toString();
    }
}
