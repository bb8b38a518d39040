package cn.js.reduction.report.changes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The projects that changed since the previous complete run (joined on project_id): the changes listed, at most
 * {@link #MAX_LISTED} (a national run may change a million projects; a sheet cannot show them usefully, nor the heap
 * hold them), and each city's counts of all of them.
 *
 * @param listed worse statuses first, then withdrawn projects, then the rest; each group by city and project id
 * @param counts city code → what changed there (a project counts in its city now; a withdrawn one in its city before;
 *               one that moved, in both)
 * @param total  what changed in all, each project once
 */
public record ProjectChanges(List<ProjectChange> listed, Map<String, Counts> counts, Counts total) {

    public static final int MAX_LISTED = 20_000;

    /** What changed among a city's projects: projects changed, rows of the list, added, withdrawn, status worse. */
    public record Counts(long projects, long rows, long added, long withdrawn, long worse) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    public ProjectChanges {
        listed = List.copyOf(listed);
        counts = Map.copyOf(counts);
    }

    /** The listed changes of one city (a project moved away from it too); all for null. */
    public List<ProjectChange> listed(String cityCode) {
        return cityCode == null ? listed : listed.stream().filter(p -> p.cityCode().equals(cityCode)
                || "city_code".equals(p.column()) && p.previous().equals(cityCode)).toList();
    }

    /** The counts of one city; of all cities for null. */
    public Counts counts(String cityCode) {
        return cityCode == null ? total : counts.getOrDefault(cityCode, Counts.NONE);
    }

    /** Project ids as a person orders them: NJ-9 before NJ-10 (runs of digits by their value), else as text. */
    static int naturally(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int endA = digitsEnd(a, i);
                int endB = digitsEnd(b, j);
                java.math.BigInteger m = new java.math.BigInteger(a.substring(i, endA));
                int c = m.compareTo(new java.math.BigInteger(b.substring(j, endB)));
                if (c != 0) {
                    return c;
                }
                i = endA;
                j = endB;
            } else if (x != y) {
                return Character.compare(x, y);
            } else {
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b); // 007 and 7: the same value, still two ids
    }

    private static int digitsEnd(String s, int from) {
        int end = from;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        return end;
    }

    /** Gathers the changes of one project at a time, in any order, keeping at most {@link #MAX_LISTED} of each kind. */
    static final class Gatherer {

        private final List<List<ProjectChange>> kept = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        private final Map<String, long[]> counts = new HashMap<>();
        private final long[] total = new long[5];

        void project(List<ProjectChange> changes) {
            if (changes.isEmpty()) {
                return;
            }
            // a project that moved to another city is in both cities' parts (as listed(city) lists it): counted in both
            java.util.Set<String> cities = new java.util.TreeSet<>();
            cities.add(changes.get(0).cityCode());
            changes.stream().filter(p -> "city_code".equals(p.column())).forEach(p -> cities.add(p.previous()));
            for (String city : cities) {
                add(counts.computeIfAbsent(city, k -> new long[5]), changes);
            }
            add(total, changes);
            for (ProjectChange p : changes) {
                List<ProjectChange> group = kept.get(p.order());
                if (group.size() < MAX_LISTED) {
                    group.add(p);
                }
            }
        }

        private static void add(long[] c, List<ProjectChange> changes) {
            c[0]++;
            for (ProjectChange p : changes) {
                c[1]++;
                c[2] += ProjectChange.ADDED.equals(p.column()) ? 1 : 0;
                c[3] += ProjectChange.WITHDRAWN.equals(p.column()) ? 1 : 0;
                c[4] += p.isWorse() ? 1 : 0;
            }
        }

        ProjectChanges result() {
            List<ProjectChange> listed = new ArrayList<>();
            for (List<ProjectChange> group : kept) {
                // stable: a project's columns stay in the order of the CSV
                group.sort(Comparator.comparing(ProjectChange::cityCode)
                        .thenComparing(ProjectChange::projectId, ProjectChanges::naturally));
                listed.addAll(group.subList(0, Math.min(group.size(), MAX_LISTED - listed.size())));
            }
            Map<String, Counts> byCity = new HashMap<>();
            counts.forEach((city, c) -> byCity.put(city, new Counts(c[0], c[1], c[2], c[3], c[4])));
            return new ProjectChanges(listed, byCity, new Counts(total[0], total[1], total[2], total[3], total[4]));
        }
    }
}
