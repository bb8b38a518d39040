package cn.js.reduction.consolidate;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.Finding;
import cn.js.reduction.discover.FileNameCities;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.store.ChangeStore;
import cn.js.reduction.store.StagedRowStore;
import cn.js.reduction.store.StagedRowStore.FileCity;
import cn.js.reduction.store.SubmissionStore.Holding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one consolidation decides, as it decides it: which file submits for which city, which file's rows of a city
 * no longer count, and the findings that say so. Shared by the supersession of both kinds, so that a file none of
 * whose submissions still counts takes its stray rows with it.
 */
final class Ledger {

    /** Oldest first: by submission date, then by file name (of one date, the name sorting later is the newer). */
    static final Comparator<Holding> OLDEST_FIRST = Comparator.comparing(Holding::submittedAt)
            .thenComparing(Holding::fileName);

    private final ReferenceData reference;
    private final StagedRowStore rows;
    private final Map<String, Set<String>> named = new HashMap<>();
    private final Map<String, Set<String>> submits = new HashMap<>();
    private final Map<String, Set<String>> superseded = new HashMap<>();
    final List<Finding> findings = new ArrayList<>();
    /** the replacements of an older file by a newer one, for 前后对比 */
    final List<ChangeStore.Supersession> replacements = new ArrayList<>();

    Ledger(ReferenceData reference, StagedRowStore rows) {
        this.reference = reference;
        this.rows = rows;
    }

    /** The cities the file's name names; empty when it names none. */
    Set<String> named(String file) {
        return named.computeIfAbsent(file, f -> FileNameCities.of(f, reference));
    }

    void submits(String file, String city) {
        submits.computeIfAbsent(file, k -> new TreeSet<>()).add(city);
    }

    /** The cities the file submits for, by its name or by evidence. */
    Set<String> submissions(String file) {
        return submits.getOrDefault(file, Set.of());
    }

    boolean isSuperseded(String file, String city) {
        return superseded.getOrDefault(file, Set.of()).contains(city);
    }

    /** Marks the file's rows of the city superseded and returns how many there were. */
    int supersede(long runId, FileKind kind, FileCity place) {
        superseded.computeIfAbsent(place.fileName(), k -> new TreeSet<>()).add(place.cityCode());
        int[] marked = rows.markSuperseded(runId, kind, List.of(place));
        return marked.length > 0 && marked[0] > 0 ? marked[0] : 0;
    }

    /** A file all of whose submissions were superseded (one that submits for no city is not). */
    boolean whollySuperseded(String file) {
        Set<String> cities = submissions(file);
        return !cities.isEmpty() && superseded.getOrDefault(file, Set.of()).containsAll(cities);
    }

    /** Every file and city whose rows were superseded. */
    List<FileCity> supersededPlaces() {
        List<FileCity> out = new ArrayList<>();
        superseded.forEach((file, cities) -> cities.forEach(c -> out.add(new FileCity(file, c, null))));
        return out;
    }

    String cityName(String code) {
        return reference.city(code).map(c -> c.name()).orElse(code);
    }
}
