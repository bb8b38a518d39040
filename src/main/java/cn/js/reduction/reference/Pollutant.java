package cn.js.reduction.reference;

import java.util.Locale;
import java.util.Optional;

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

    /** Matches the code, the label or the Chinese name, ignoring case, white space and full-width forms. */
    public static Optional<Pollutant> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String key = Text.normalise(text).toUpperCase(Locale.ROOT).replace("₂", "2").replace("Ｘ", "X");
        for (Pollutant p : values()) {
            if (key.equals(p.name()) || key.equals(p.label.toUpperCase(Locale.ROOT))
                    || key.equals(p.chineseName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
