package cn.js.reduction.report.data;

import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import java.util.List;

/**
 * What one workbook covers: the whole province (city null) or one city's feedback.
 */
public record Scope(ReferenceData reference, City city) {

    /** The province workbook's file name in the run folder. */
    public static final String PROVINCE_WORKBOOK = "reconciled_320000_全省.xlsx";

    /** A city's feedback workbook's file name in the run folder's cities/. */
    public static String cityWorkbook(City city) {
        return "feedback_" + city.code() + "_" + city.name() + ".xlsx";
    }

    public static Scope province(ReferenceData reference) {
        return new Scope(reference, null);
    }

    public static Scope city(ReferenceData reference, String cityCode) {
        City city = reference.city(cityCode).filter(c -> !c.isProvince()).orElseThrow(
                () -> new IllegalArgumentException("未知的设区市代码 unknown city code: " + cityCode));
        return new Scope(reference, city);
    }

    public boolean isProvince() {
        return city == null;
    }

    /** The cityCode argument of {@link ReportData}'s row streams: null for the whole province. */
    public String cityCode() {
        return city == null ? null : city.code();
    }

    /** The city rows of the summary sheets, in annex order. */
    public List<City> cities() {
        return city == null ? reference.cities() : List.of(city);
    }

    public boolean covers(List<String> cityCodes) {
        return city == null || (cityCodes != null && cityCodes.contains(city.code()));
    }
}
