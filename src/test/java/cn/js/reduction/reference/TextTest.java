package cn.js.reduction.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one normalisation (issue 16, point 3), and the shipped table of traditional characters is ICU's. */
class TextTest {

    @Test
    void textIsComparedAsAPersonReadsIt() {
        assertThat(Text.key("NOₓ减排量（吨/年）")).isEqualTo(Text.key("NOx减排量(吨/年)")).isEqualTo("NOX减排量(吨/年)");
        assertThat(Text.key("SO₂")).isEqualTo("SO2");
        assertThat(Text.normalise("ＶＯＣｓ\u200b 减排量\n【吨】")).isEqualTo("VOCs减排量(吨)");
        assertThat(Text.normalise("项目状态\u0085")).isEqualTo("项目状态"); // a header cell ended by NEL (was MISSING_COLUMN)
        assertThat(Text.normalise("揮發性有機物")).isEqualTo("挥发性有机物");
        assertThat(Text.normalise("縣（市、區）")).isEqualTo("县(市、区)");
        assertThat(Text.normalise("1\u2009234.5")).isEqualTo("1234.5");
    }

    @Test
    void theShippedTableOfTraditionalCharactersIsIcus() throws Exception {
        Transliterator t = Transliterator.getInstance("Traditional-Simplified");
        StringBuilder expected = new StringBuilder();
        for (int[] block : new int[][] {{0x2E80, 0x2FDF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}}) {
            for (int c = block[0]; c <= block[1]; c++) {
                String one = String.valueOf((char) c);
                if (!t.transliterate(one).equals(one)) {
                    expected.append((char) c);
                }
            }
        }
        try (InputStream in = Text.class.getClassLoader().getResourceAsStream(Text.Traditional.RESOURCE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                    .as("regenerate %s from ICU: the characters Traditional-Simplified changes", Text.Traditional.RESOURCE)
                    .isEqualTo(expected.toString());
        }
    }
}
