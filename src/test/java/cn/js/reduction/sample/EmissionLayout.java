package cn.js.reduction.sample;

import cn.js.reduction.sample.SheetModel.Formula;
import cn.js.reduction.sample.SheetModel.RowKind;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** A city's 排放量报表 template (docs/input-format.md). */
final class EmissionLayout extends Layout<SampleEmission> {

    static final List<String> STANDARD = List.of("seq", "city", "pollutant", "sector", "base_t", "reporting_t",
            "remarks");

    enum PollutantStyle { CHINESE, ENGLISH, SUBSCRIPT }

    ProjectLayout.CityStyle cityStyle = ProjectLayout.CityStyle.NAME_SHI;
    PollutantStyle pollutantStyle = PollutantStyle.CHINESE;
    /** Tonnes typed as text with thousands separators, as pasted from a report. */
    boolean thousandsText;
    /** A 小计 row under each city's pollutant, with SUM formulas. */
    boolean subtotals;

    EmissionLayout(String fileName, SampleFile.Format format) {
        super(fileName, format);
        columns = STANDARD;
    }

    /** The year-named headers docs/input-format.md also accepts: 2015年排放量 and 2020年排放量. */
    void yearHeaders() {
        labels.put("base_t", "2015年排放量（吨）");
        labels.put("reporting_t", "2020年排放量（吨）");
    }

    @Override
    protected String defaultLabel(String key) {
        return switch (key) {
            case "seq" -> "序号";
            case "city" -> "设区市";
            case "pollutant" -> "污染物";
            case "sector" -> "排放源类别";
            case "base_t" -> "基准年排放量（吨）";
            case "reporting_t" -> "核算年排放量（吨）";
            case "remarks" -> "备注";
            default -> throw new IllegalArgumentException(key);
        };
    }

    @Override
    protected String kind() {
        return "排放量报表";
    }

    @Override
    protected String cities(List<Line<SampleEmission>> lines) {
        Set<String> names = new LinkedHashSet<>();
        lines.forEach(l -> names.add(l.record().city().name()));
        return String.join("+", names);
    }

    @Override
    protected Map<String, Object> values(SampleEmission e, int i) {
        Map<String, Object> v = new HashMap<>();
        v.put("seq", i + 1);
        v.put("city", switch (cityStyle) {
            case NAME -> e.city().name();
            case NAME_SHI -> e.city().nameWithShi();
            case CODE_NUMBER -> Integer.valueOf(e.city().code());
            case CODE_TEXT -> e.city().code();
        });
        v.put("pollutant", pollutant(e.pollutant()));
        v.put("sector", e.sector());
        v.put("base_t", tonnes(e.base()));
        v.put("reporting_t", tonnes(e.reporting()));
        v.put("remarks", e.remarks());
        return v;
    }

    @Override
    protected void afterLine(SheetModel sheet, Line<SampleEmission> line, Line<SampleEmission> next,
                             Context context) {
        if (!subtotals) {
            return;
        }
        SampleEmission e = line.record();
        if (next != null && next.record().city() == e.city() && next.record().pollutant().equals(e.pollutant())) {
            return;
        }
        int first = context.groupStartRow;
        int last = sheet.lastRowNumber();
        List<Object> cells = new ArrayList<>();
        for (String key : columns) {
            cells.add(null);
        }
        cells.set(0, "小计");
        for (String key : List.of("base_t", "reporting_t")) {
            cells.set(columns.indexOf(key), new Formula("SUM(" + column(key) + first + ":" + column(key) + last
                    + ")"));
        }
        int r = sheet.add(RowKind.TOTAL, cells);
        if (first == context.firstDataRow) {
            context.note(sheet, r, null, "小计 rows with SUM formulas after each pollutant: ignored");
        }
        context.groupStartRow = r + 1;
    }

    private String pollutant(String code) {
        if (code.equals("PM")) {
            return "颗粒物";
        }
        return switch (pollutantStyle) {
            case CHINESE -> switch (code) {
                case "VOCS" -> "挥发性有机物";
                case "SO2" -> "二氧化硫";
                default -> "氮氧化物";
            };
            case ENGLISH -> switch (code) {
                case "VOCS" -> "VOCs";
                case "SO2" -> "SO2";
                default -> "NOx";
            };
            case SUBSCRIPT -> switch (code) {
                case "VOCS" -> "VOCs";
                case "SO2" -> "SO₂";
                default -> "NOx";
            };
        };
    }

    private Object tonnes(BigDecimal t) {
        if (thousandsText) {
            return new DecimalFormat("#,##0.0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(t);
        }
        return format == SampleFile.Format.CSV_UTF8_BOM || format == SampleFile.Format.CSV_GBK
                ? t.toPlainString() : t;
    }
}
