package cn.js.reduction.report.data;

import cn.js.reduction.store.EmissionRecord;
import cn.js.reduction.store.StagedRowStore;

/**
 * An accepted emission row that counts, with where it came from (the rows behind every tonne of 减排核算) and the
 * city's own words for its city and pollutant.
 */
public record AcceptedEmission(EmissionRecord emission, String file, String sheet, int row,
                               StagedRowStore.Written written) {

    public AcceptedEmission {
        written = written == null ? StagedRowStore.Written.NONE : written;
    }

    public AcceptedEmission(EmissionRecord emission, String file, String sheet, int row) {
        this(emission, file, sheet, row, StagedRowStore.Written.NONE);
    }
}
