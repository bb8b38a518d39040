package cn.js.reduction.core;

import cn.js.reduction.intake.ReferenceFixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule catalogue is complete, and docs/rules.md says what the code does. */
class RuleCatalogueTest {

    static final Path DOCS = Path.of("docs", "rules.md");

    @Test
    void docsRulesMdIsCurrent() throws Exception {
        String expected = RuleCatalogue.markdown(ReferenceFixture.jiangsu2020().terms());
        String committed = Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8) : "";
        assertThat(committed)
                .as("docs/rules.md differs from the rules in Rule.java; regenerate it with:%n  mvn -q -B package"
                        + " -DskipTests && %s", RuleCatalogue.REGENERATE)
                .isEqualTo(expected);
    }

    @Test
    void everyRuleHasItsTextsInBothLanguagesAndAnExample() {
        assertThat(RuleCatalogue.incomplete()).as("rules without description or example").isEmpty();
        for (Rule r : Rule.values()) {
            assertThat(r.title()).as(r.name()).isNotBlank();
            assertThat(r.descriptionZh()).as(r.name()).containsPattern("\\p{IsHan}");
        }
    }

    @Test
    void catalogueHoldsTheRulesOfSpecSections4And5() {
        assertThat(Stream.of(Rule.values()).map(Rule::name)).contains("FILE_UNREADABLE", "UNKNOWN_FILE_KIND",
                "MISSING_COLUMN", "UNKNOWN_UNIT", "UNIT_CONVERTED", "SHEET_NOT_READ", "SUPERSEDED_FILE",
                "REQUIRED_MISSING", "DUPLICATE_PROJECT_ID", "ROW_OF_OTHER_CITY", "COMPLETION_AFTER_YEAR_END",
                "CLAIM_EXCEEDS_ACHIEVED", "MISSING_SUBMISSION");
        assertThat(Rule.UNKNOWN_UNIT.severity()).isEqualTo(Severity.ERROR);
        assertThat(Rule.UNIT_CONVERTED.severity()).isEqualTo(Severity.INFO);
        assertThat(Rule.SHEET_NOT_READ.severity()).isEqualTo(Severity.WARNING);
        assertThat(Rule.ROW_OF_OTHER_CITY.severity()).isEqualTo(Severity.WARNING);
        assertThat(RuleCatalogue.markdown(ReferenceFixture.jiangsu2020().terms())).contains("| `REQUIRED_MISSING` | ERROR 错误 | 必填项为空 |");
        assertThat(RuleCatalogue.plain(ReferenceFixture.jiangsu2020().terms())).contains("UNKNOWN_CITY", "无法识别的设区市", "示例 example: 南景");
    }
}
