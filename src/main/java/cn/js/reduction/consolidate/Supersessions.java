package cn.js.reduction.consolidate;

import cn.js.reduction.core.FileKind;
import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.store.ChangeStore;
import cn.js.reduction.store.SubmissionStore.Holding;

/** The SUPERSEDED_FILE finding both kinds give when a newer file of a city replaces an older one. */
final class Supersessions {

    private Supersessions() {
    }

    static void superseded(long runId, Ledger ledger, FileKind kind, Holding older, Holding newer) {
        int count = ledger.supersede(runId, kind, older.fileCity());
        ledger.replacements.add(new ChangeStore.Supersession(kind, older.cityCode(), older.fileName(), newer.fileName()));
        String city = ledger.cityName(older.cityCode());
        // two files of one date (the same _YYYYMMDD, or the same second of modification): the name decides,
        // and the clerk is told so, since neither file is newer than the other
        boolean tie = older.submittedAt().equals(newer.submittedAt());
        ledger.findings.add(Finding.of(Rule.SUPERSEDED_FILE, older.cityCode(), older.fileName(), null, null, null, null,
                kind.title() + "「" + older.fileName() + "」中" + city + "市的" + count + "行已被"
                        + (tie ? "同一报送日期、文件名排序在后的文件「" : "较新的报送文件「") + newer.fileName()
                        + "」替代，不再计入" + (tie ? "；如应以本文件为准，请在文件名末尾注明较晚的报送日期（_YYYYMMDD）" : "")));
    }
}
