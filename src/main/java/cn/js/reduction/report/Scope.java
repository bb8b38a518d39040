package cn.js.reduction.report;

import cn.js.reduction.reference.City;
import cn.js.reduction.reference.ReferenceData;
import java.util.List;

/**
 * What one workbook covers: the whole province (city null) or one city's feedback.
 */
record Scope(ReferenceData reference, City city) {

    static Scope province(ReferenceData reference) {
        return new Scope(reference, null);
    }

    static Scope city(ReferenceData reference, String cityCode) {
        City city = reference.city(cityCode).filter(c -> !c.isProvince()).orElseThrow(
                () -> new IllegalArgumentException("未知的设区市代码 unknown city code: " + cityCode));
        return new Scope(reference, city);
    }

    boolean isProvince() {
        return city == null;
    }

    /** The cityCode argument of {@link ReportData}'s row streams: null for the whole province. */
    String cityCode() {
        return city == null ? null : city.code();
    }

    /** The city rows of the summary sheets, in annex order. */
    List<City> cities() {
        return city == null ? reference.cities() : List.of(city);
    }

    boolean covers(List<String> cityCodes) {
        return city == null || (cityCodes != null && cityCodes.contains(city.code()));
    }
}
