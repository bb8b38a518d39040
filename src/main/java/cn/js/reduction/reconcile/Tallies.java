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
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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
        BigDecimal rate = c.planned() == 0 ? null
                : BigDecimal.valueOf(c.completed()).divide(BigDecimal.valueOf(c.planned()), QUOTIENT);
        return new ProjectTally(year, city.code(), city.name(), code, name, group, c.planned(), c.submitted(),
                c.completed(), c.inProgress(), c.notStarted(), c.submitted() - c.planned(), rate,
                CountStatus.of(c.planned(), c.submitted()), CompletionStatus.of(c.planned(), c.completed()));
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
                Sums s = sums.get(city.code() + "|" + p.name());
                BigDecimal target = s != null && s.target() != null ? s.target() : ref.targetPct(city.code(), p);
                out.add(reduction(ref.year(), city, p, s, target));
            }
        }
        return out;
    }

    static ReductionTally reduction(int year, City city, Pollutant p, Sums s, BigDecimal target) {
        BigDecimal claimed = s == null || s.claimed() == null ? BigDecimal.ZERO : strip(s.claimed());
        if (s == null || s.rows() == 0 || s.base() == null) {
            return new ReductionTally(year, city.code(), city.name(), p, null, null, null, null, target, null, null,
                    ReductionStatus.of(null, target), claimed, null);
        }
        BigDecimal base = strip(s.base());
        BigDecimal reporting = strip(s.reporting());
        BigDecimal reduction = base.subtract(reporting);
        BigDecimal allowed = target == null ? null
                : strip(base.multiply(BigDecimal.ONE.subtract(target.divide(HUNDRED))));
        BigDecimal claimRatio = reduction.signum() > 0 ? claimed.divide(reduction, QUOTIENT) : null;
        if (base.signum() == 0) {
            return new ReductionTally(year, city.code(), city.name(), p, base, reporting, reduction, null, target,
                    null, allowed, ReductionStatus.of(null, target), claimed, claimRatio);
        }
        BigDecimal pct = HUNDRED.multiply(reduction).divide(base, QUOTIENT);
        BigDecimal gap = target == null ? null : pct.subtract(target);
        return new ReductionTally(year, city.code(), city.name(), p, base, reporting, reduction, pct, target, gap,
                allowed, ReductionStatus.of(pct, target), claimed, claimRatio);
    }

    private static BigDecimal strip(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static List<City> citiesAndProvince(ReferenceData ref) {
        List<City> all = new ArrayList<>(ref.cities());
        all.add(ref.province());
        return all;
    }
}
