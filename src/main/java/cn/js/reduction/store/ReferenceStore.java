package cn.js.reduction.store;

import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The reference tables (ra_ref_city, ra_ref_category, ra_ref_plan, ra_ref_target): a plan year's reference data
 * written out, so that reconciliation joins the submitted rows to the annexes in SQL and an auditor can query
 * both side by side. Replaces the year's rows whole.
 */
public final class ReferenceStore {

    private static final List<String> TABLES = List.of("ra_ref_city", "ra_ref_category", "ra_ref_plan",
            "ra_ref_target");

    private final NamedParameterJdbcTemplate jdbc;

    public ReferenceStore(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    public void replace(ReferenceData ref) {
        int year = ref.year();
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE plan_year = :plan_year",
                    new MapSqlParameterSource("plan_year", year));
        }
        List<City> all = new ArrayList<>(ref.cities());
        all.add(ref.province());
        List<SqlParameterSource> cities = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            City c = all.get(i);
            cities.add(new MapSqlParameterSource("plan_year", year).addValue("city_code", c.code())
                    .addValue("city_name", c.name()).addValue("pinyin", c.pinyin()).addValue("sort_order", i + 1));
        }
        batch("""
                INSERT INTO ra_ref_city (plan_year, city_code, city_name, pinyin, sort_order)
                VALUES (:plan_year, :city_code, :city_name, :pinyin, :sort_order)""", cities);
        List<SqlParameterSource> categories = new ArrayList<>();
        for (Category c : ref.categories()) {
            categories.add(new MapSqlParameterSource("plan_year", year).addValue("category_code", c.code())
                    .addValue("category_name", c.name()).addValue("group_name", c.group())
                    .addValue("sort_order", c.order()));
        }
        batch("""
                INSERT INTO ra_ref_category (plan_year, category_code, category_name, group_name, sort_order)
                VALUES (:plan_year, :category_code, :category_name, :group_name, :sort_order)""", categories);
        List<SqlParameterSource> plan = new ArrayList<>();
        List<SqlParameterSource> targets = new ArrayList<>();
        for (City c : all) {
            for (Category k : ref.categories()) {
                plan.add(new MapSqlParameterSource("plan_year", year).addValue("city_code", c.code())
                        .addValue("category_code", k.code()).addValue("planned", ref.planned(c.code(), k.code())));
            }
            for (Pollutant p : ref.pollutants()) {
                if (ref.targetPct(c.code(), p) != null) {
                    targets.add(new MapSqlParameterSource("plan_year", year).addValue("city_code", c.code())
                            .addValue("pollutant", p.code()).addValue("target_pct", ref.targetPct(c.code(), p)));
                }
            }
        }
        batch("""
                INSERT INTO ra_ref_plan (plan_year, city_code, category_code, planned)
                VALUES (:plan_year, :city_code, :category_code, :planned)""", plan);
        batch("""
                INSERT INTO ra_ref_target (plan_year, city_code, pollutant, target_pct)
                VALUES (:plan_year, :city_code, :pollutant, :target_pct)""", targets);
    }

    private void batch(String sql, List<SqlParameterSource> rows) {
        jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
    }
}
