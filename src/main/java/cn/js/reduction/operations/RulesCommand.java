package cn.js.reduction.operations;

import cn.js.reduction.core.PlanTerms;
import cn.js.reduction.core.RuleCatalogue;
import cn.js.reduction.reference.ReferenceLibrary;
import java.util.Map;

/** {@code rules [--markdown]}: the rule catalogue; with --markdown, the text of docs/rules.md. */
final class RulesCommand {

    static final String HELP = """
            rules [--markdown] [--year Y] [--reference DIR]

            Prints every rule the program applies: code, severity, Chinese title, description in Chinese and
            English, and an example, with the figures of plan year Y (default 2020: its counts of cities and
            categories, base year and claim ratio limit). With --markdown it prints docs/rules.md.
            """;

    private RulesCommand() {
    }

    static final String YEARS_HELP = """
            years [--reference DIR]

            Prints the plan years this program has reference data for, one a line, oldest first (those shipped
            inside it, or those of DIR/Y/ with --reference). jobs/plan-year.sh uses it to choose the year of a
            scheduled run when REDUCTION_YEAR is not set.
            """;

    /** {@code years}: the plan years the program can account, for the scripts of jobs/ (no source tree needed). */
    static Commands.Prepared prepareYears(Options options, Map<String, String> env) {
        ReferenceLibrary references = Commands.references(options);
        return new Commands.Prepared(null, (context, out, err) -> {
            references.years().forEach(out::println);
            return ReductionAccountingApplication.OK;
        });
    }

    static Commands.Prepared prepare(Options options, Map<String, String> env) {
        boolean markdown = options.has("markdown");
        ReferenceLibrary references = Commands.references(options);
        PlanTerms terms = references.year(Commands.year(options, references, ValidateCommand.DEFAULT_YEAR)).terms();
        return new Commands.Prepared(null, (context, out, err) -> {
            out.print(markdown ? RuleCatalogue.markdown(terms) : RuleCatalogue.plain(terms));
            return ReductionAccountingApplication.OK;
        });
    }
}
