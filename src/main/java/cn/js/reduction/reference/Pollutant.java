package cn.js.reduction.reference;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
