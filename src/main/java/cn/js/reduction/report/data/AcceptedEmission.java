package cn.js.reduction.report.data;

import cn.js.reduction.store.EmissionRecord;

/** An accepted emission row that counts, with where it came from: the rows behind every tonne of 减排核算. */
public record AcceptedEmission(EmissionRecord emission, String file, String sheet, int row) {
}
