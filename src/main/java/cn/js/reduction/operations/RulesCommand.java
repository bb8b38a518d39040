package cn.js.reduction.operations;

import cn.js.reduction.core.RuleCatalogue;
import java.util.Map;

/** {@code rules [--markdown]}: the rule catalogue; with --markdown, the text of docs/rules.md. */
final class RulesCommand {

    static final String HELP = """
            rules [--markdown]

            Prints every rule the program applies: code, severity, Chinese title, description in Chinese and
            English, and an example. With --markdown it prints docs/rules.md.
            """;

    private RulesCommand() {
    }

    static Commands.Prepared prepare(Options options, Map<String, String> env) {
        boolean markdown = options.has("markdown");
        return new Commands.Prepared(null, (context, out, err) -> {
            out.print(markdown ? RuleCatalogue.markdown() : RuleCatalogue.plain());
            return ReductionAccountingApplication.OK;
        });
    }
}
