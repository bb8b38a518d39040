package cn.js.reduction.reference;

import java.util.ArrayList;
import java.util.List;

/**
 * A pollutant of the plan year, one row of its pollutants.csv: what a project list may claim a reduction of
 * (one column per pollutant) and, when annex 2 has a column for it, what reconciliation compares with a target.
 * Adding a pollutant is a data change in the year's reference folder (docs/outputs.md, Reference data).
 *
 * @param code         the code annex 2's column, the staged rows and the outputs use, e.g. VOCS
 * @param label        the short name the outputs show, e.g. VOCs, SO2
 * @param chineseName  the full Chinese name, e.g. 挥发性有机物
 * @param written      how an emission report names it (the template's drop-down), e.g. VOCs, 二氧化硫
 * @param claimKey     the English key of its claim column in docs/input-format.md, e.g. voc_t
 * @param claimColumn  the project list's header of its claim column, without the unit, e.g. VOCs减排量
 * @param claimAliases the other header texts people write for that column
 * @param targeted     whether annex 2 sets targets for it: only such a pollutant is reconciled, and only such a
 *                     pollutant may be named in an emission report
 */
public record Pollutant(String code, String label, String chineseName, String written, String claimKey,
                        String claimColumn, List<String> claimAliases, boolean targeted) {

    /** The unit every claim column is in. */
    public static final String CLAIM_UNIT = "吨/年";

    public Pollutant {
        claimAliases = List.copyOf(claimAliases);
    }

    /** The header texts of its claim column: the column's own name first. */
    public List<String> claimHeaders() {
        List<String> all = new ArrayList<>();
        all.add(claimColumn);
        all.addAll(claimAliases);
        return List.copyOf(all);
    }
}
