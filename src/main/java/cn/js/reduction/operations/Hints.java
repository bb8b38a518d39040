package cn.js.reduction.operations;

import cn.js.reduction.core.RunMode;
import java.nio.file.Path;

/**
 * The commands the program suggests ("to continue: …", "to run them again on purpose: …"), each carrying every
 * option that chose the run state and the folders of the command that prints it: the output folder, the
 * reference folder, the database and its user. Pasted into another shell, a hint so acts on the same run, never
 * on the embedded state of a default folder. A password is never printed: one given on the command line is
 * asked for again by {@link #passwordNote} (one from REDUCTION_DB_PASSWORD is still in the environment).
 *
 * @param output                the output folder (and the embedded state in it)
 * @param referenceRoot         the folder of plan-year reference folders given with --reference, or null
 * @param database              the run database; null for a command without one
 * @param passwordOnCommandLine whether the database password was given with --db-password
 */
record Hints(Path output, Path referenceRoot, Database database, boolean passwordOnCommandLine) {

    static Hints of(Options options, Path output, Database database) {
        Path reference = options.has("reference")
                ? ReductionAccountingApplication.absolute(options.path("reference", "")) : null;
        return new Hints(output, reference, database, options.has("db-password"));
    }

    /** {@code restart --execution ID} with the state's options. */
    String restart(long execution) {
        return Program.command() + " restart --execution " + execution + state();
    }

    /** {@code abandon --execution ID} with the state's options. */
    String abandon(long execution) {
        return Program.command() + " abandon --execution " + execution + stateOnly();
    }

    /** {@code status} of the year with the state's options. */
    String status(Integer year) {
        return Program.command() + " status" + (year == null ? "" : " --year " + year) + stateOnly();
    }

    /** {@code run} of the year and mode on the input folder, with the state's options and {@code extra} after them. */
    String run(int year, RunMode mode, Path input, String extra) {
        return Program.command() + " run --year " + year + " --mode " + mode + " --input " + quote(input.toString())
                + state() + (extra == null ? "" : " " + extra);
    }

    /** The options of the state with the reference folder: what run and restart need. */
    private String state() {
        return stateOnly() + (referenceRoot == null ? "" : " --reference " + quote(referenceRoot.toString()));
    }

    /** The output folder and the database options: what finds the run state. */
    private String stateOnly() {
        StringBuilder s = new StringBuilder(" --output ").append(quote(output.toString()));
        if (database != null && !database.embedded()) {
            s.append(" --db-url ").append(quote(database.display()));
            if (database.user() != null) {
                s.append(" --db-user ").append(quote(database.user()));
            }
        }
        return s.toString();
    }

    /** A line to print under a hint when the password was typed on the command line; else empty. */
    String passwordNote() {
        return passwordOnCommandLine && database != null && !database.embedded()
                ? "  (add --db-password with the database password, or set REDUCTION_DB_PASSWORD: it is never printed)"
                : "";
    }

    /** A word as a POSIX shell reads it back: plain words as they are, anything else in single quotes. */
    static String quote(String word) {
        boolean plain = !word.isEmpty() && word.chars().allMatch(c -> c > ' ' && c < 0x7f
                && "'\"\\$`;&|<>()*?!#~{}[]=%^".indexOf(c) < 0);
        return plain ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
