package cn.js.reduction.report.workbook;

import cn.js.reduction.core.ProjectStatus;
import cn.js.reduction.reference.Pollutant;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * What the detail sheets add up to, counted while they are written: the figures the summary sheets' COUNTIFS and
 * SUMIFS will find there. A summary sheet compares them with the reconciliation's tallies before it caches a
 * tally as a formula's value, so a cached value is never one the formula would not give.
 */
public final class DetailTotals {

    private final Map<String, int[]> counts = new HashMap<>();          // city|category → per counted status
    private final Map<String, BigDecimal> claims = new HashMap<>();     // city|POLLUTANT → completed projects' claims
    private final Map<String, BigDecimal[]> emissions = new HashMap<>(); // city|POLLUTANT → {rows, base, reporting}

    /** @param claimed the project's claimed tonnes by pollutant code */
    public void project(String city, String category, ProjectStatus counted, Map<String, BigDecimal> claimed) {
        counts.computeIfAbsent(city + "|" + category, k -> new int[ProjectStatus.values().length])[counted.ordinal()]++;
        if (counted == ProjectStatus.COMPLETED) {
            claimed.forEach((p, t) -> claims.merge(city + "|" + p, t == null ? BigDecimal.ZERO : t, BigDecimal::add));
        }
    }

    public void emission(String city, Pollutant p, BigDecimal base, BigDecimal reporting) {
        BigDecimal[] e = emissions.computeIfAbsent(city + "|" + p.code(),
                k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        e[0] = e[0].add(BigDecimal.ONE);
        e[1] = e[1].add(base);
        e[2] = e[2].add(reporting);
    }

    /** Projects of the city and category with this counted status; status null: all of them. */
    public int count(String city, String category, ProjectStatus status) {
        int[] c = counts.get(city + "|" + category);
        if (c == null) {
            return 0;
        }
        if (status != null) {
            return c[status.ordinal()];
        }
        int n = 0;
        for (int v : c) {
            n += v;
        }
        return n;
    }

    public BigDecimal claimed(String city, Pollutant p) {
        return claims.getOrDefault(city + "|" + p.code(), BigDecimal.ZERO);
    }

    public int emissionRows(String city, Pollutant p) {
        BigDecimal[] e = emissions.get(city + "|" + p.code());
        return e == null ? 0 : e[0].intValue();
    }

    /** Summed base-year tonnes; null when the city has no emission row of the pollutant. */
    public BigDecimal base(String city, Pollutant p) {
        BigDecimal[] e = emissions.get(city + "|" + p.code());
        return e == null ? null : e[1];
    }

    public BigDecimal reporting(String city, Pollutant p) {
        BigDecimal[] e = emissions.get(city + "|" + p.code());
        return e == null ? null : e[2];
    }
}
