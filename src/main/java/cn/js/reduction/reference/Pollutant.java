package cn.js.reduction.reference;

import java.util.Locale;
import java.util.Optional;

/** The three pollutants of annex 2, with the names people write in submissions. */
public enum Pollutant {
    VOCS("VOCs", "挥发性有机物"),
    SO2("SO2", "二氧化硫"),
    NOX("NOx", "氮氧化物");

    private final String label;
    private final String chineseName;

    Pollutant(String label, String chineseName) {
        this.label = label;
        this.chineseName = chineseName;
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
