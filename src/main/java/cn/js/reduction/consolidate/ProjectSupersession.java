package cn.js.reduction.consolidate;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.store.SubmissionStore;
import cn.js.reduction.store.SubmissionStore.Holding;
import cn.js.reduction.store.SubmissionStore.SharedIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which project rows count for each city (docs/input-format.md, Resubmission), the city's files taken oldest first.
 * A newer list that shares project ids with a list that counts is a corrected resubmission and replaces it, naming
 * the projects it withdraws (PROJECTS_WITHDRAWN); one with no id in common, or whose name says it is a batch, adds
 * to it. A file whose name names no city submits for a city only with evidence (ids shared with, or more rows than,
 * the list it would replace); without it, its rows of the city are stray. Stray project rows count (a project is a
 * project wherever it is listed; DUPLICATE_PROJECT_ID keeps one of each id) but replace nothing.
 */
final class ProjectSupersession {

    /** A name that says the list adds to an earlier one: 补充, 第二批 (any batch after the first), 续. */
    static final Pattern BATCH = Pattern.compile("补充|第[二三四五六七八九十0-9]+批|续");

    /** How many withdrawn project ids the finding names. */
    static final int NAMED_IDS = 5;

    private final Ledger ledger;
    private final SubmissionStore store;

    ProjectSupersession(Ledger ledger, SubmissionStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    void decide(long runId, List<Holding> holdings) {
        Map<String, Integer> shared = new HashMap<>();
        for (SharedIds s : store.sharedProjectIds(runId)) {
            shared.put(s.cityCode() + "|" + s.fileA() + "|" + s.fileB(), s.ids());
        }
        Map<String, List<Holding>> byCity = new TreeMap<>();
        holdings.forEach(h -> byCity.computeIfAbsent(h.cityCode(), k -> new ArrayList<>()).add(h));
        byCity.forEach((city, files) -> {
            files.sort(Ledger.OLDEST_FIRST);
            List<Holding> counting = new ArrayList<>();
            for (Holding n : files) {
                Set<String> named = ledger.named(n.fileName());
                if (!named.isEmpty() && !named.contains(city)) {
                    continue; // stray in a file named for another city: flagged row by row at intake, counts
                }
                List<Holding> sharing = counting.stream().filter(k -> sharesIds(shared, city, k, n)).toList();
                if (named.isEmpty() && sharing.isEmpty() && !counting.isEmpty()
                        && n.rows() <= counting.get(counting.size() - 1).rows()) {
                    ledger.findings.add(stray(n, counting.get(counting.size() - 1)));
                    continue;
                }
                if (!sharing.isEmpty() && !BATCH.matcher(n.fileName()).find()) {
                    for (Holding k : sharing) {
                        withdrawn(runId, k, n);
                        Supersessions.superseded(runId, ledger, FileKind.PROJECTS, k, n);
                        counting.remove(k);
                    }
                }
                counting.add(n);
                ledger.submits(n.fileName(), city);
            }
        });
    }

    private static boolean sharesIds(Map<String, Integer> shared, String city, Holding a, Holding b) {
        String first = a.fileName().compareTo(b.fileName()) < 0 ? a.fileName() : b.fileName();
        String second = first.equals(a.fileName()) ? b.fileName() : a.fileName();
        return shared.getOrDefault(city + "|" + first + "|" + second, 0) > 0;
    }

    /** PROJECTS_WITHDRAWN when the newer list lacks projects of the older one it replaces. */
    private void withdrawn(long runId, Holding older, Holding newer) {
        List<String> ids = store.withdrawnIds(runId, older.cityCode(), older.fileName(), newer.fileName());
        if (ids.isEmpty()) {
            return;
        }
        String city = ledger.cityName(older.cityCode());
        String first = String.join("、", ids.subList(0, Math.min(NAMED_IDS, ids.size())));
        ledger.findings.add(Finding.of(Rule.PROJECTS_WITHDRAWN, older.cityCode(), newer.fileName(), null, null, null,
                first, city + "市较新的项目清单「" + newer.fileName() + "」与较早的「" + older.fileName() + "」有相同的项目编号，按更正后的"
                        + "重新报送处理并替代它；较早清单中有" + ids.size() + "个项目在新清单中没有，不再计入：" + first
                        + (ids.size() > NAMED_IDS ? " 等" : "") + "。如这些项目仍应计入，请补报（文件名注明“补充”）"));
    }

    private Finding stray(Holding h, Holding report) {
        String city = ledger.cityName(h.cityCode());
        return Finding.of(Rule.ROW_OF_OTHER_CITY, h.cityCode(), h.fileName(), null, null, null, null,
                "项目清单「" + h.fileName() + "」文件名未注明城市，其中" + city + "市的" + h.rows() + "行与" + city + "市的「"
                        + report.fileName() + "」没有相同的项目编号、行数也不比它多，不能表明是" + city + "市的项目清单：这些行"
                        + "作为零散行计入，不替代「" + report.fileName() + "」");
    }
}
