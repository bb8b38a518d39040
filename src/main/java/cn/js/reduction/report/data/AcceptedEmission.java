package cn.js.reduction.report.data;

import cn.js.reduction.store.WrittenWords;
import cn.js.reduction.store.EmissionRecord;

/**
 * An accepted emission row that counts, with where it came from (the rows behind every tonne of 减排核算) and the
 * city's own words for its city and pollutant; {@code cells} the cells it was read from where they are not its
 * sheet's columns first to last (a row laid out like annex 2 is read per pollutant: A5,D5,E5), else null.
 */
public record AcceptedEmission(EmissionRecord emission, String file, String sheet, int row,
                               WrittenWords written, String cells) {

    public AcceptedEmission {
        written = written == null ? WrittenWords.NONE : written;
    }

    public AcceptedEmission(EmissionRecord emission, String file, String sheet, int row, WrittenWords written) {
        this(emission, file, sheet, row, written, null);
    }

    public AcceptedEmission(EmissionRecord emission, String file, String sheet, int row) {
        this(emission, file, sheet, row, WrittenWords.NONE);
    }
}
