package cn.js.reduction.core;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a run accounts a year (docs/operations.md): the nightly run is provisional and tolerates missing submissions;
 * the final (year-end) run refuses to start while a city lacks a submission, and reports completion
 * shortfalls. The code is what the command line takes, the job parameter stores and the output folder is named.
 */
public enum RunMode {

    NIGHTLY("nightly"),
    FINAL("final");

    private final String code;

    RunMode(String code) {
        this.code = code;
    }

    /** nightly or final: the word on the command line, in the job parameters and in output/<year>/<code>/. */
    public String code() {
        return code;
    }

    public boolean isFinal() {
        return this == FINAL;
    }

    /** The mode of this code, or empty for any other word. */
    public static Optional<RunMode> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    /** The mode a stored run recorded; its code was checked when the run started. */
    public static RunMode stored(String code) {
        return of(code).orElseThrow(() -> new IllegalStateException("unknown run mode '" + code + "'"));
    }

    @Override
    public String toString() {
        return code;
    }
}
