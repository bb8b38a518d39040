package cn.js.reduction.reconcile;

import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.TallyStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads the sums that reconciliation stored and derives the rest from them, as docs/outputs.md ("How the
 * figures are made") defines it: variance, rates, percentages, and the statuses, which {@link CountStatus},
 * {@link CompletionStatus} and {@link ReductionStatus} decide. Every figure is exact (BigDecimal, 34
 * significant digits for quotients); rounding happens only where a figure is displayed.
 */
public final class Tallies {

    /** Precision of quotients; far beyond what any display shows, so statuses decided on them are exact. */
    public static final MathContext QUOTIENT = MathContext.DECIMAL128;

    private final TallyStore store;

    public Tallies(JdbcTemplate jdbc) {
        this.store = new TallyStore(jdbc);
    }

    private record Counts(int planned, int submitted, int completed, int inProgress, int notStarted) {
    }

    /** (cities + 1) × (categories + 1) rows: cities in annex order then the province; categories in annex order then TOTAL. */
    public List<ProjectTally> projects(long runId, ReferenceData ref) {
        Map<String, Counts> counts = new HashMap<>();
        for (TallyStore.ProjectCounts c : store.projectCounts(runId)) {
            counts.put(c.cityCode() + "|" + c.categoryCode(), new Counts(c.planned(), c.submitted(), c.completed(),
                    c.inProgress(), c.notStarted()));
        }
        List<ProjectTally> out = new ArrayList<>();
        for (City city : citiesAndProvince(ref)) {
            for (Category cat : ref.categories()) {
                out.add(project(ref.year(), city, cat.code(), cat.name(), cat.group(),
                        counts.get(city.code() + "|" + cat.code())));
            }
            out.add(project(ref.year(), city, Category.TOTAL, "合计", "合计",
                    counts.get(city.code() + "|" + Category.TOTAL)));
        }
        return out;
    }

    private static ProjectTally project(int year, City city, String code, String name, String group, Counts c) {
        if (c == null) {
            c = new Counts(0, 0, 0, 0, 0);
        }
        return ProjectTally.of(year, city, code, name, group, c.planned(), c.submitted(), c.completed(),
                c.inProgress(), c.notStarted());
    }

    private record Sums(int rows, BigDecimal base, BigDecimal reporting, BigDecimal target, BigDecimal claimed) {
    }

    /** (cities + 1) × pollutants rows: cities in annex order then the province; pollutants in annex 2's order. */
    public List<ReductionTally> reductions(long runId, ReferenceData ref) {
        Map<String, Sums> sums = new HashMap<>();
        for (TallyStore.ReductionSums r : store.reductionSums(runId)) {
            sums.put(r.cityCode() + "|" + r.pollutant(), new Sums(r.emissionRows(), r.baseT(), r.reportingT(),
                    r.targetPct(), r.claimedT()));
        }
        List<ReductionTally> out = new ArrayList<>();
        for (City city : citiesAndProvince(ref)) {
            for (Pollutant p : ref.pollutants()) {
                Sums s = sums.get(city.code() + "|" + p.code());
                BigDecimal target = s != null && s.target() != null ? s.target() : ref.targetPct(city.code(), p);
                out.add(reduction(ref.year(), city, p, s, target));
            }
        }
        return out;
    }

    static ReductionTally reduction(int year, City city, Pollutant p, Sums s, BigDecimal target) {
        return s == null ? ReductionTally.of(year, city, p, 0, null, null, target, null)
                : ReductionTally.of(year, city, p, s.rows(), s.base(), s.reporting(), target, s.claimed());
    }

    private static List<City> citiesAndProvince(ReferenceData ref) {
        List<City> all = new ArrayList<>(ref.cities());
        all.add(ref.province());
        return all;
    }
}
