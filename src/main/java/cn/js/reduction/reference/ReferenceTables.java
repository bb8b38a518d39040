package cn.js.reduction.reference;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a plan year's reference data into the reference tables, so that reconciliation joins the submitted
 * rows to the annexes in SQL and an auditor can query both side by side. Replaces the year's rows whole.
 */
public final class ReferenceTables {

    private final JdbcTemplate jdbc;

    public ReferenceTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(ReferenceData ref) {
        int year = ref.year();
        for (String table : List.of("ra_ref_city", "ra_ref_category", "ra_ref_plan", "ra_ref_target")) {
            jdbc.update("DELETE FROM " + table + " WHERE plan_year = ?", year);
        }
        List<City> all = new ArrayList<>(ref.cities());
        all.add(ref.province());
        List<Object[]> cities = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            City c = all.get(i);
            cities.add(new Object[] {year, c.code(), c.name(), c.pinyin(), i + 1});
        }
        jdbc.batchUpdate("INSERT INTO ra_ref_city (plan_year, city_code, city_name, pinyin, sort_order) VALUES (?,?,?,?,?)",
                cities);
        List<Object[]> categories = new ArrayList<>();
        for (Category c : ref.categories()) {
            categories.add(new Object[] {year, c.code(), c.name(), c.group(), c.order()});
        }
        jdbc.batchUpdate("INSERT INTO ra_ref_category (plan_year, category_code, category_name, group_name, sort_order)"
                + " VALUES (?,?,?,?,?)", categories);
        List<Object[]> plan = new ArrayList<>();
        List<Object[]> targets = new ArrayList<>();
        for (City c : all) {
            for (Category k : ref.categories()) {
                plan.add(new Object[] {year, c.code(), k.code(), ref.planned(c.code(), k.code())});
            }
            for (Pollutant p : ref.pollutants()) {
                if (ref.targetPct(c.code(), p) != null) {
                    targets.add(new Object[] {year, c.code(), p.name(), ref.targetPct(c.code(), p)});
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO ra_ref_plan (plan_year, city_code, category_code, planned) VALUES (?,?,?,?)", plan);
        jdbc.batchUpdate("INSERT INTO ra_ref_target (plan_year, city_code, pollutant, target_pct) VALUES (?,?,?,?)",
                targets);
    }
}
