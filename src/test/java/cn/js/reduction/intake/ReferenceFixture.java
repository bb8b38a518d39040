package cn.js.reduction.intake;

import cn.js.reduction.reference.Pollutant;
import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceLibrary;

/**
 * The reference data intake tests check against: the 2020 plan the program ships, so that the tests and the
 * program never disagree on a city's name, pinyin or a category (one fixture for every test).
 */
public final class ReferenceFixture {

    /** Loaded once for all tests, as the program's own library loads a year once. */
    private static final ReferenceLibrary SHIPPED = ReferenceLibrary.shipped();

    private ReferenceFixture() {
    }

    public static ReferenceData jiangsu2020() {
        return SHIPPED.year(2020);
    }

    /** A pollutant of the 2020 plan by its code (VOCS, SO2, NOX; PM is claimed but has no target in 2020). */
    public static Pollutant pollutant(String code) {
        return jiangsu2020().pollutant(code).orElseThrow();
    }
}
