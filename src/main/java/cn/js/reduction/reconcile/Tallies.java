package cn.js.reduction.reconcile;

import cn.js.reduction.reference.Category;
import cn.js.reduction.reference.City;
import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.SubmissionStore;
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
    private final SubmissionStore submissions;

    public Tallies(JdbcTemplate jdbc) {
        this.store = new TallyStore(jdbc);
        this.submissions = new SubmissionStore(jdbc);
    }

    /** What the run's figures do not rest on: rejected rows and skipped files, per city. */
    Completeness completeness(long runId) {
        return new Completeness(submissions, runId);
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

    /**
     * (cities + 1) × pollutants rows: cities in annex order then the province; pollutants in annex 2's order. A city
     * whose figures rest on part of what it sent is INCOMPLETE ({@link Completeness}); the province is INCOMPLETE
     * while any city is INCOMPLETE or NO_DATA, and says on how many cities it rests.
     */
    public List<ReductionTally> reductions(long runId, ReferenceData ref) {
        Map<String, Sums> sums = new HashMap<>();
        for (TallyStore.ReductionSums r : store.reductionSums(runId)) {
            sums.put(r.cityCode() + "|" + r.pollutant(), new Sums(r.emissionRows(), r.baseT(), r.reportingT(),
                    r.targetPct(), r.claimedT()));
        }
        Completeness completeness = completeness(runId);
        List<ReductionTally> out = new ArrayList<>();
        for (City city : citiesAndProvince(ref)) {
            for (Pollutant p : ref.pollutants()) {
                Sums s = sums.get(city.code() + "|" + p.code());
                BigDecimal target = s != null && s.target() != null ? s.target() : ref.targetPct(city.code(), p);
                ReductionTally t = reduction(ref.year(), city, p, s, target);
                if (city.code().equals(City.PROVINCE_CODE)) {
                    t = province(t, out);
                } else if (completeness.emissionsIncomplete(city.code(), p.code())) {
                    t = t.incomplete(null);
                }
                out.add(t);
            }
        }
        return out;
    }

    /** The province's row: INCOMPLETE while a city of the pollutant is INCOMPLETE or NO_DATA (unless none has data). */
    private static ReductionTally province(ReductionTally t, List<ReductionTally> cities) {
        List<ReductionTally> same = cities.stream().filter(c -> c.pollutant().code().equals(t.pollutant().code()))
                .toList();
        int whole = (int) same.stream().filter(c -> c.status() == ReductionStatus.MET
                || c.status() == ReductionStatus.NOT_MET).count();
        if (whole < same.size() && t.status() != ReductionStatus.NO_DATA) {
            return t.incomplete(whole);
        }
        return t.restingOn(whole);
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
