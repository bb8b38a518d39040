package cn.js.reduction.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pollutants of annex 2, with the names people write in submissions and the column of ra_project_row that
 * holds a project's claimed reduction of it. To add a pollutant: a constant here, its column in the annex-2
 * file of the plan year (annex2_reduction_targets.csv, headed by the constant's name), and a migration adding
 * its claim column; reconciliation and the reports take the list from {@link ReferenceData#pollutants()}.
 */
public enum Pollutant {
    VOCS("VOCs", "挥发性有机物", "voc_t"),
    SO2("SO2", "二氧化硫", "so2_t"),
    NOX("NOx", "氮氧化物", "nox_t");

    private final String label;
    private final String chineseName;
    private final String claimColumn;

    Pollutant(String label, String chineseName, String claimColumn) {
        this.label = label;
        this.chineseName = chineseName;
        this.claimColumn = claimColumn;
    }

    /** The column of ra_project_row with a project's claimed reduction of this pollutant, in tonnes. */
    public String claimColumn() {
        return claimColumn;
    }

    public String label() {
        return label;
    }

    public String chineseName() {
        return chineseName;
    }

    // 二氧化硫（SO2）, SO2(二氧化硫): the usual label in Chinese reports, name and formula of one pollutant
    private static final Pattern NAME_AND_FORMULA = Pattern.compile("([^(\\[【]+)[(\\[【]([^)\\]】]+)[)\\]】]");

    /**
     * Matches the code, the label or the Chinese name, ignoring case, white space and full-width forms; also a name
     * with the same pollutant's other name in brackets (二氧化硫（SO2）), never two names of different pollutants.
     */
    public static Optional<Pollutant> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = Text.normalise(text).toUpperCase(Locale.ROOT).replace("₂", "2").replace("Ｘ", "X");
        Matcher both = NAME_AND_FORMULA.matcher(key);
        if (both.matches()) {
            Optional<Pollutant> name = byName(both.group(1));
            return name.isPresent() && name.equals(byName(both.group(2))) ? name : Optional.empty();
        }
        return byName(key);
    }

    private static Optional<Pollutant> byName(String key) {
        for (Pollutant p : values()) {
            if (key.equals(p.name()) || key.equals(p.label.toUpperCase(Locale.ROOT))
                    || key.equals(p.chineseName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
