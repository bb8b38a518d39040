package cn.js.reduction.consolidate;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.store.SubmissionStore.Holding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which emission rows count for each city (docs/input-format.md, Resubmission). A file submits for a city when its
 * name names the city, or, when its name names none, when it gives rows of that city for every pollutant (the
 * evidence that it is that city's report). Of a city's submissions only the newest counts. A city's rows in a file
 * that does not submit for it are stray: ignored (ROW_OF_OTHER_CITY) where the city has a report of its own, since
 * summing them on top of it would count twice what a renamed copy holds once; where it has none, the newest file's
 * stray rows count.
 */
final class EmissionSupersession {

    private final Ledger ledger;
    private final int pollutants;

    EmissionSupersession(Ledger ledger, int pollutants) {
        this.ledger = ledger;
        this.pollutants = pollutants;
    }

    void decide(long runId, List<Holding> holdings) {
        Map<String, List<Holding>> own = new TreeMap<>();
        Map<String, List<Holding>> stray = new TreeMap<>();
        for (Holding h : holdings) {
            Set<String> named = ledger.named(h.fileName());
            boolean submits = named.isEmpty() ? h.groups() >= pollutants : named.contains(h.cityCode());
            (submits ? own : stray).computeIfAbsent(h.cityCode(), k -> new ArrayList<>()).add(h);
        }
        own.forEach((city, files) -> {
            files.sort(Ledger.OLDEST_FIRST);
            Holding newest = files.get(files.size() - 1);
            for (Holding h : files) {
                ledger.submits(h.fileName(), city);
                if (h != newest) {
                    Supersessions.superseded(runId, ledger, FileKind.EMISSIONS, h, newest);
                }
            }
            for (Holding h : stray.getOrDefault(city, List.of())) {
                int n = ledger.supersede(runId, FileKind.EMISSIONS, h.fileCity());
                ledger.findings.add(strayIgnored(h, n, newest));
            }
        });
        stray.forEach((city, files) -> {
            if (own.containsKey(city)) {
                return;
            }
            files.sort(Ledger.OLDEST_FIRST);
            Holding newest = files.get(files.size() - 1);
            for (Holding h : files) {
                if (h != newest) {
                    Supersessions.superseded(runId, ledger, FileKind.EMISSIONS, h, newest);
                }
            }
            if (ledger.named(newest.fileName()).isEmpty()) {
                // a file named for another city had each stray row flagged at intake; one naming none is told here
                ledger.findings.add(strayCounted(newest));
            }
        });
    }

    private Finding strayCounted(Holding h) {
        String city = ledger.cityName(h.cityCode());
        return Finding.of(Rule.ROW_OF_OTHER_CITY, h.cityCode(), h.fileName(), null, null, null, null,
                "排放量报表「" + h.fileName() + "」文件名未注明城市，其中" + city + "市的" + h.rows() + "行没有" + city + "市全部" + pollutants
                        + "种污染物，不能表明是" + city + "市的报表；" + city + "市没有自己的排放量报表，这些行作为零散行计入。请" + city
                        + "市报送完整的排放量报表");
    }

    private Finding strayIgnored(Holding h, int rows, Holding report) {
        String city = ledger.cityName(h.cityCode());
        String why = ledger.named(h.fileName()).isEmpty()
                ? "文件名未注明城市，且没有" + city + "市全部" + pollutants + "种污染物的行，不能表明是" + city + "市的报表"
                : "文件名表明本文件报送的不是" + city + "市";
        return Finding.of(Rule.ROW_OF_OTHER_CITY, h.cityCode(), h.fileName(), null, null, null, null,
                "排放量报表「" + h.fileName() + "」中有" + city + "市的" + rows + "行，但" + why + "；" + city
                        + "市已报送自己的排放量报表「" + report.fileName() + "」，这些行不计入（不在其上重复相加）。如确属"
                        + city + "市，请并入" + city + "市的报表重新报送");
    }
}
