package cn.js.reduction.core;

/**
 * One finding, as written to findings.csv: where it is (file, sheet, 1-based row, A1 cell as Excel shows
 * them; any of them null when not applicable), the offending value and a message a city clerk can act on.
 */
public record Finding(Severity severity, Rule rule, String cityCode, String file, String sheet, Integer row,
                      String cell, String value, String message) {

    public static Finding of(Rule rule, String cityCode, String file, String sheet, Integer row, String cell,
                             String value, String message) {
        return new Finding(rule.severity(), rule, cityCode, file, sheet, row, cell, value, message);
    }
}
