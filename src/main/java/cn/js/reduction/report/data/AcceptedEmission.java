package cn.js.reduction.report.data;

import cn.js.reduction.store.WrittenWords;
import cn.js.reduction.store.EmissionRecord;

/**
 * An accepted emission row that counts, with where it came from (the rows behind every tonne of 减排核算) and the
 * city's own words for its city and pollutant.
 */
public record AcceptedEmission(EmissionRecord emission, String file, String sheet, int row,
                               WrittenWords written) {

    public AcceptedEmission {
        written = written == null ? WrittenWords.NONE : written;
    }

    public AcceptedEmission(EmissionRecord emission, String file, String sheet, int row) {
        this(emission, file, sheet, row, WrittenWords.NONE);
    }
}
