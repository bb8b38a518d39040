package cn.js.reduction.reference;

import java.util.List;

/**
 * The plan year's reference files are missing or fail a check (docs/outputs.md): the run stops. The message says
 * which year and folder, and for every problem the file, the row (city), the column, the expected and the
 * found value, in Chinese first with an English gloss, so the person who keeps the files can fix them.
 */
public class ReferenceDataException extends RuntimeException {

    private final List<String> problems;

    public ReferenceDataException(String message) {
        this(message, List.of(), null);
    }

    public ReferenceDataException(String message, Throwable cause) {
        this(message, List.of(), cause);
    }

    /** @param heading what was loaded from where; @param problems one line each, appended to the message */
    public ReferenceDataException(String heading, List<String> problems, Throwable cause) {
        super(problems.isEmpty() ? heading : heading + "\n - " + String.join("\n - ", problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** The individual problems found by the checks (empty when the message is a single problem). */
    public List<String> problems() {
        return problems;
    }
}
