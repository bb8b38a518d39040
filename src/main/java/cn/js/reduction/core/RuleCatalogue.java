package cn.js.reduction.core;

import java.util.List;
import java.util.stream.Stream;

/**
 * The rule catalogue as text: for the {@code rules} command and for docs/rules.md. Both are rendered from
 * {@link Rule} only, so the documentation cannot say something the code does not do (a test compares the
 * committed docs/rules.md with {@link #markdown()}).
 */
public final class RuleCatalogue {

    /** The command that rewrites docs/rules.md from the code. */
    public static final String REGENERATE = "java -jar target/reduction-accounting.jar rules --markdown > docs/rules.md";

    private RuleCatalogue() {
    }

    /** 错误, 警告, 提示: the words the workbooks use for the severities. */
    public static String chinese(Severity severity) {
        return switch (severity) {
            case ERROR -> "错误";
            case WARNING -> "警告";
            case INFO -> "提示";
        };
    }

    /** Rules whose texts are still missing: a catalogue entry must say what it checks in both languages. */
    public static List<Rule> incomplete() {
        return Stream.of(Rule.values())
                .filter(r -> r.descriptionZh().isBlank() || r.descriptionEn().isBlank() || r.example().isBlank())
                .toList();
    }

    /** docs/rules.md: one table, the rules in catalogue order, with the figures of the plan year {@code terms}. */
    public static String markdown(PlanTerms terms) {
        StringBuilder s = new StringBuilder();
        s.append("# Rules 规则说明\n\n");
        s.append("Every rule the pipeline applies (validation, docs/input-format.md; reconciliation, docs/outputs.md),"
                + " as `cn.js.reduction.core.Rule` defines it.\n");
        s.append("ERROR rejects the row (or skips the file), WARNING keeps the row, INFO informs.\n");
        s.append("Generated from the code; do not edit by hand. Regenerate with:\n\n");
        s.append("    mvn -q -B package -DskipTests && ").append(REGENERATE).append("\n\n");
        s.append("| rule | severity | 名称 | 说明 | description | 示例 example |\n");
        s.append("|---|---|---|---|---|---|\n");
        for (Rule r : Rule.values()) {
            s.append("| `").append(r.name()).append("` | ").append(r.severity().name()).append(' ')
                    .append(chinese(r.severity())).append(" | ").append(cell(r.title())).append(" | ")
                    .append(cell(r.descriptionZh(terms))).append(" | ").append(cell(r.descriptionEn(terms)))
                    .append(" | ").append(cell(r.example(terms))).append(" |\n");
        }
        return s.toString();
    }

    /** What the {@code rules} command prints: one block per rule, readable in a terminal. */
    public static String plain(PlanTerms terms) {
        StringBuilder s = new StringBuilder("规则说明 rules (ERROR 错误: 该行退回/文件未读取 rejected; WARNING 警告: 该行计入 kept;"
                + " INFO 提示)\n\n");
        for (Rule r : Rule.values()) {
            s.append(String.format("%-26s %-7s %s  %s%n", r.name(), r.severity().name(), chinese(r.severity()), r.title()));
            s.append("    ").append(r.descriptionZh(terms)).append('\n');
            s.append("    ").append(r.descriptionEn(terms)).append('\n');
            s.append("    示例 example: ").append(r.example(terms)).append("\n\n");
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
