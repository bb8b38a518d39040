package cn.js.reduction.intake;

/**
 * One finding, as written to findings.csv: where it is (file, sheet, 1-based row, A1 cell as Excel shows
 * them; any of them null when not applicable), the offending value and a message a city clerk can act on.
 *
 * <p>The value and the message are bounded here, whatever made them: a value is cut for display with a mark
 * saying how long it was ({@link InputLimits#forDisplay}), and text the database cannot store (NUL) is
 * replaced, so that no finding about a hostile cell can itself fail the run.
 */
public record Finding(Severity severity, Rule rule, String cityCode, String file, String sheet, Integer row,
                      String cell, String value, String message) {

    public Finding {
        sheet = InputLimits.storable(sheet);
        value = InputLimits.storable(InputLimits.forDisplay(value, InputLimits.FINDING_VALUE_CHARS));
        message = InputLimits.storable(InputLimits.forDisplay(message, InputLimits.FINDING_MESSAGE_CHARS));
    }

    public static Finding of(Rule rule, String cityCode, String file, String sheet, Integer row, String cell,
                             String value, String message) {
        return new Finding(rule.severity(), rule, cityCode, file, sheet, row, cell, value, message);
    }
}
