package cn.js.reduction.reference;

import static cn.js.reduction.reference.ReferenceDataLoader.CITIES;
import static cn.js.reduction.reference.ReferenceDataLoader.CITY_CODE;
import static cn.js.reduction.reference.ReferenceDataLoader.CITY_NAME;
import static cn.js.reduction.reference.ReferenceDataLoader.POLLUTANTS;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan's four annexes as tables by city: each row names a city of cities.csv by its code and name, each city
 * once, every city present (and 全省 where the annex has it), and annex 4's totals are the sums of its cells, as
 * in the published annex. Problems are noted on the table; {@link ReferenceDataLoader} stops on them.
 */
final class AnnexTables {

    private final List<City> cities;
    private final City province;

    AnnexTables(List<City> cities, City province) {
        this.cities = cities;
        this.province = province;
    }

    /** Annex 1, 14 rows: the cities and 全省. */
    List<AirQualityTarget> annex1(ReferenceTable t) {
        List<String> values = List.of("pm25_binding", "pm25_working", "good_day_ratio_binding", "good_day_ratio_working");
        List<AirQualityTarget> targets = new ArrayList<>();
        if (t.requireColumns(withCity(values))) {
            Map<String, ReferenceTable.Row> rows = cityRows(t, true);
            for (City city : withProvince()) {
                ReferenceTable.Row row = rows.get(city.code());
                if (row != null) {
                    targets.add(new AirQualityTarget(city.code(), t.decimal(row, values.get(0)),
                            t.decimal(row, values.get(1)), t.decimal(row, values.get(2)), t.decimal(row, values.get(3))));
                }
            }
        }
        return targets;
    }

    /**
     * Annex 2, 14 rows: reduction targets in % against the base year, one column per pollutant it sets
     * targets for (a code of pollutants.csv). Fills {@code targetPct}; returns the codes of its columns.
     */
    List<String> annex2(ReferenceTable t, List<Pollutant> pollutants, Map<String, BigDecimal> targetPct) {
        List<String> header = t.header();
        List<String> codes = header.size() > 2 ? header.subList(2, header.size()) : List.of();
        List<String> known = pollutants.stream().map(Pollutant::code).toList();
        for (String code : codes) {
            if (!known.contains(code)) {
                t.problem("第1行（表头 header）列 column " + code, POLLUTANTS + " 中的污染物代码 a pollutant code of "
                        + POLLUTANTS + "（" + String.join(", ", known) + "）", code);
            }
        }
        if (codes.isEmpty() || codes.stream().distinct().count() != codes.size()) {
            t.problem("第1行（表头 header）", "每种污染物一列，至少一列 one column per pollutant, at least one",
                    String.join(",", header));
        }
        if (t.problems().isEmpty() && t.requireColumns(withCity(codes))) {
            Map<String, ReferenceTable.Row> rows = cityRows(t, true);
            rows.forEach((code, row) -> {
                for (String pollutant : codes) {
                    BigDecimal pct = t.decimal(row, pollutant);
                    if (pct != null) {
                        targetPct.put(code + "|" + pollutant, pct);
                    }
                }
            });
        }
        return codes;
    }

    /** Annex 3, the 13 cities (the annex has no 全省 row; one is taken if a later year's annex has it). */
    List<AutumnWinterTarget> annex3(ReferenceTable t) {
        List<AutumnWinterTarget> targets = new ArrayList<>();
        if (t.requireColumns(withCity(List.of("pm25_decline_pct", "heavy_pollution_days")))) {
            Map<String, ReferenceTable.Row> rows = cityRows(t, false);
            for (City city : withProvince()) {
                ReferenceTable.Row row = rows.get(city.code());
                if (row != null) {
                    targets.add(new AutumnWinterTarget(city.code(), t.decimal(row, "pm25_decline_pct"),
                            t.text(row, "heavy_pollution_days")));
                }
            }
        }
        return targets;
    }

    /**
     * Annex 4, 14 rows: planned project counts per category and TOTAL. Each row's TOTAL must be the sum of
     * its categories and each 全省 cell the sum of the cities, as in the published annex.
     */
    Map<String, Integer> annex4(ReferenceTable t, List<Category> categories) {
        List<String> columns = new ArrayList<>(categories.stream().map(Category::code).toList());
        columns.add(Category.TOTAL);
        Map<String, Integer> planned = new HashMap<>();
        if (t.requireColumns(withCity(columns))) {
            Map<String, ReferenceTable.Row> rows = cityRows(t, true);
            rows.forEach((code, row) -> {
                for (String column : columns) {
                    Integer n = t.count(row, column);
                    if (n != null) {
                        planned.put(code + "|" + column, n);
                    }
                }
            });
            if (t.problems().isEmpty()) {
                checkSums(t, rows, categories, planned);
            }
        }
        return planned;
    }

    private void checkSums(ReferenceTable t, Map<String, ReferenceTable.Row> rows, List<Category> categories,
                           Map<String, Integer> planned) {
        for (City city : withProvince()) {
            int sum = categories.stream().mapToInt(c -> planned.get(city.code() + "|" + c.code())).sum();
            int total = planned.get(city.code() + "|" + Category.TOTAL);
            if (sum != total) {
                t.problem(rows.get(city.code()), Category.TOTAL, sum + "（各类别之和 sum of the "
                        + categories.size() + " categories）", String.valueOf(total));
            }
        }
        List<String> columns = new ArrayList<>(categories.stream().map(Category::code).toList());
        columns.add(Category.TOTAL);
        for (String column : columns) {
            int sum = cities.stream().mapToInt(c -> planned.get(c.code() + "|" + column)).sum();
            int found = planned.get(province.code() + "|" + column);
            if (sum != found) {
                t.problem(rows.get(province.code()), column, sum + "（" + cities.size() + " 个设区市之和 sum of the "
                        + cities.size() + " cities）", String.valueOf(found));
            }
        }
    }

    /**
     * The rows of an annex by city code, checking that each names a city of cities.csv by its code and name,
     * that no city appears twice and that every city (and 全省 where the annex has it) appears.
     */
    private Map<String, ReferenceTable.Row> cityRows(ReferenceTable t, boolean provinceRequired) {
        Map<String, City> byCode = new HashMap<>();
        withProvince().forEach(c -> byCode.put(c.code(), c));
        Map<String, ReferenceTable.Row> rows = new LinkedHashMap<>();
        for (ReferenceTable.Row row : t.rows()) {
            String code = t.cell(row, CITY_CODE);
            City city = byCode.get(code);
            if (city == null) {
                t.problem(row, CITY_CODE, CITIES + " 中的代码 a code listed in " + CITIES, code.isEmpty() ? "空 blank" : code);
                continue;
            }
            String name = t.cell(row, CITY_NAME);
            if (!name.equals(city.name())) {
                t.problem(row, CITY_NAME, city.name() + "（" + code + " 在 " + CITIES + " 中的名称 its name there）",
                        name.isEmpty() ? "空 blank" : name);
            }
            ReferenceTable.Row first = rows.putIfAbsent(code, row);
            if (first != null) {
                t.problem(row, CITY_CODE, "每市一行 one row per city", code + "（与第" + first.line()
                        + "行重复 also on line " + first.line() + "）");
            }
        }
        List<City> required = provinceRequired ? withProvince() : cities;
        for (City city : required) {
            if (!rows.containsKey(city.code())) {
                t.problem("[" + city.code() + " " + city.name() + "]", "该市的一行 a row for " + city.name() + " "
                        + city.pinyin(), "缺失 missing");
            }
        }
        return rows;
    }

    private List<City> withProvince() {
        List<City> all = new ArrayList<>(cities);
        all.add(province);
        return all;
    }

    private static List<String> withCity(List<String> valueColumns) {
        List<String> columns = new ArrayList<>(List.of(CITY_CODE, CITY_NAME));
        columns.addAll(valueColumns);
        return columns;
    }
}
