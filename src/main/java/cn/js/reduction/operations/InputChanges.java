package cn.js.reduction.operations;

import cn.js.reduction.core.InputLimits;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.store.InputFileStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The files that changed between the input set a run started on (as its discover step recorded them) and the
 * folder as it is now: what an operator needs to see before choosing between a new run and mending the folder.
 */
final class InputChanges {

    /** At most this many files are named; the rest are counted. */
    private static final int SHOWN = 20;

    private InputChanges() {
    }

    /**
     * What stands between a run that did not complete and its restart, as status shows it.
     *
     * @param words             why a restart would be refused, in a few words ("its input files changed since it
     *                          started (1 added, 1 changed, 1 gone)", "its input folder … is gone", "… cannot be read")
     * @param folderUnavailable the folder itself is gone or unreadable (a share not mounted): a new run would find
     *                          nothing either, so the advice is to put it back, not to start afresh
     */
    record Since(String words, boolean folderUnavailable) {
    }

    /**
     * Null when the run's input folder holds the files it started on (a restart is accepted); else what changed.
     * Each folder is hashed once per {@code scanned}, however many runs read it.
     */
    static Since sinceStart(JdbcTemplate jdbc, RunParameters run, Map<java.nio.file.Path, InputSet> scanned) {
        java.nio.file.Path folder = run.yearFolder();
        if (!java.nio.file.Files.isDirectory(folder)) {
            return new Since("its input folder " + folder + " is gone", true);
        }
        InputSet now = scanned.get(folder);
        if (now == null) {
            try {
                now = InputSet.scan(folder);
            } catch (java.io.IOException | RuntimeException e) {
                return new Since("its input folder " + folder + " cannot be read (" + Failures.describe(e) + ")", true);
            }
            scanned.put(folder, now);
        }
        if (now.fingerprint().equals(run.fingerprint())) {
            return null;
        }
        List<String> lines = all(jdbc, run.runId(), now);
        long added = lines.stream().filter(l -> l.startsWith("added:")).count();
        long changed = lines.stream().filter(l -> l.startsWith("changed:")).count();
        long gone = lines.stream().filter(l -> l.startsWith("gone:")).count();
        String counts = added + changed + gone == 0 ? "" : " (" + added + " added, " + changed + " changed, " + gone
                + " gone)";
        return new Since("its input files changed since it started" + counts, false);
    }

    /** One line per file added, changed or gone; a line saying so when the run recorded no list of its files. */
    static List<String> between(JdbcTemplate jdbc, long runId, InputSet now) {
        List<String> lines = all(jdbc, runId, now);
        if (lines.size() > SHOWN) {
            int more = lines.size() - SHOWN;
            List<String> shown = new ArrayList<>(lines.subList(0, SHOWN));
            shown.add("… and " + more + " more");
            return shown;
        }
        return lines;
    }

    private static List<String> all(JdbcTemplate jdbc, long runId, InputSet now) {
        Map<String, String> before = new LinkedHashMap<>();
        for (InputFileStore.ListedFile f : new InputFileStore(jdbc).files(runId)) {
            before.put(f.fileName(), f.sha256());
        }
        if (before.isEmpty()) {
            return List.of("(the run stopped before it recorded its files, so which ones changed is not known)");
        }
        List<String> lines = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        now.files().forEach(f -> current.put(f.name(), f.sha256()));
        current.forEach((name, sha) -> {
            String old = before.get(name);
            if (old == null) {
                lines.add("added:   " + InputLimits.printable(name));
            } else if (!old.equals(sha)) {
                lines.add("changed: " + InputLimits.printable(name) + " (sha256 " + old.substring(0, 12) + "… → "
                        + sha.substring(0, 12) + "…)");
            }
        });
        before.keySet().stream().filter(name -> !current.containsKey(name))
                .forEach(name -> lines.add("gone:    " + InputLimits.printable(name)));
        return lines;
    }
}
