package cn.js.reduction.intake;

import cn.js.reduction.reference.ReferenceData;
import cn.js.reduction.reference.ReferenceDataLoader;

/**
 * The reference data intake tests check against: the 2020 plan the program ships, so that the tests and the
 * program never disagree on a city's name, pinyin or a category (one fixture for every test).
 */
public final class ReferenceFixture {

    private ReferenceFixture() {
    }

    public static ReferenceData jiangsu2020() {
        return ReferenceDataLoader.load(2020);
    }
}
