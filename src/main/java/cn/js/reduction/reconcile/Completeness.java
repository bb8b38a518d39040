package cn.js.reduction.reconcile;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.store.SubmissionStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a city's figures do not rest on: its rejected rows that still stand (not superseded) by city and pollutant
 * or category, and the files of it skipped whole or broken off. A rejected row whose pollutant or category could not
 * be read leaves every pollutant (category) of its city incomplete: nobody can tell which one it belonged to.
 */
final class Completeness {

    /** Stands for "any pollutant or category": a rejected row whose cell could not be read. */
    static final String ANY = "*";

    private final Map<String, Integer> rejectedEmissions = new HashMap<>();
    private final Map<String, Integer> rejectedProjects = new HashMap<>();
    private final Set<String> skippedEmissionCities = new HashSet<>();
    private final Map<String, Map<String, List<String>>> why = new HashMap<>();

    Completeness(SubmissionStore store, long runId) {
        Map<String, List<String>> rules = new HashMap<>();
        for (SubmissionStore.RejectionRule r : store.rejectionRules(runId)) {
            rules.computeIfAbsent(r.fileName() + "|" + r.cityCode(), k -> new ArrayList<>())
                    .add(r.rule() + " " + r.findings() + "处");
        }
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (FileKind kind : FileKind.values()) {
            rows.clear();
            for (SubmissionStore.Rejected r : store.rejectedRows(runId, kind)) {
                (kind == FileKind.EMISSIONS ? rejectedEmissions : rejectedProjects)
                        .merge(key(r.cityCode(), r.groupCode()), r.rows(), Integer::sum);
                rows.merge(r.fileName() + "|" + r.cityCode(), r.rows(), Integer::sum);
            }
            rows.forEach((fileCity, n) -> {
                int bar = fileCity.lastIndexOf('|'); // a file name may hold a |, a city code never does
                List<String> why = rules.getOrDefault(fileCity, List.of());
                String reason = n + "行被退回" + (why.isEmpty() ? "" : "（" + String.join("、", why) + "）");
                note(fileCity.substring(bar + 1), kind, fileCity.substring(0, bar), reason);
            });
        }
        for (SubmissionStore.Skipped s : store.skippedFiles(runId)) {
            if (s.kind() == null || s.kind() == FileKind.EMISSIONS) {
                skippedEmissionCities.add(s.cityCode());
            }
            String reason = s.rule() + (s.rule().equals("FILE_UNREADABLE") ? "，文件未能完整读取" : "，整个文件未读取");
            if (s.kind() == null) {
                note(s.cityCode(), FileKind.PROJECTS, s.fileName(), reason);
                note(s.cityCode(), FileKind.EMISSIONS, s.fileName(), reason);
            } else {
                note(s.cityCode(), s.kind(), s.fileName(), reason);
            }
        }
    }

    private static String key(String city, String group) {
        return city + "|" + (group == null ? ANY : group);
    }

    private void note(String city, FileKind kind, String file, String reason) {
        why.computeIfAbsent(city + "|" + kind, k -> new LinkedHashMap<>())
                .computeIfAbsent(file, k -> new ArrayList<>()).add(reason);
    }

    /** Some emission rows of the city and pollutant were rejected, or a report of the city was skipped. */
    boolean emissionsIncomplete(String city, String pollutant) {
        return skippedEmissionCities.contains(city) || rejectedEmissions.containsKey(key(city, pollutant))
                || rejectedEmissions.containsKey(key(city, null));
    }

    /** The city's rejected project rows of the category (with those whose category could not be read). */
    int rejectedProjects(String city, String category) {
        return rejectedProjects.getOrDefault(key(city, category), 0);
    }

    /** The city's rejected project rows whose category could not be read. */
    int rejectedProjectsOfNoCategory(String city) {
        return rejectedProjects.getOrDefault(key(city, null), 0);
    }

    /** "「a.xlsx」3行被退回；「b.xlsx」MISSING_COLUMN，整个文件未读取": the files of a city and kind that gave nothing. */
    String failedFiles(String city, FileKind kind) {
        Map<String, List<String>> files = why.getOrDefault(city + "|" + kind, Map.of());
        List<String> parts = new ArrayList<>();
        files.forEach((file, reasons) -> parts.add("「" + file + "」" + String.join("、", reasons)));
        return String.join("；", parts);
    }
}
