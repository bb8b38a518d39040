package cn.js.reduction.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** A header key without its trailing units, read from the end of the key. */
class HeaderTextTest {

    @Test
    void bracketedAndBareUnitsComeOffTheEndAndNeverDownToNothing() {
        assertThat(HeaderText.stripUnit("减排量(吨/年)")).isEqualTo("减排量");
        assertThat(HeaderText.stripUnit("排放量/万吨")).isEqualTo("排放量");
        assertThat(HeaderText.stripUnit("排放量(万吨)/吨")).isEqualTo("排放量");
        assertThat(HeaderText.stripUnit("投资(万元)[必填]")).isEqualTo("投资");
        assertThat(HeaderText.stripUnit("减排量(目标)")).isEqualTo("减排量(目标)");
        assertThat(HeaderText.stripUnit("减排量(目标)(吨)")).isEqualTo("减排量(目标)");
        assertThat(HeaderText.stripUnit("(吨)")).isEqualTo("(吨)");
        assertThat(HeaderText.stripUnit("吨")).isEqualTo("吨");
        assertThat(HeaderText.stripUnit("排放量KG/A")).isEqualTo("排放量");
        assertThat(HeaderText.stripUnit("名称(A(B)")).isEqualTo("名称(A");
        assertThat(HeaderText.stripUnit("名称A)B)")).isEqualTo("名称A)B)");
        assertThat(HeaderText.stripUnit("")).isEmpty();
    }

    /** The same result as the two patterns the reading replaces, on keys built from the characters that matter. */
    @Test
    void readsAsThePatternsDoOnEveryMixOfBracketsAndUnits() {
        String[] pieces = {"(", ")", "[", "]", "【", "】", "吨", "万吨", "t", "T", "KG", "kg", "/", "/年", "/A", "元", "万元",
            "目标", "量", "A", "排放", "\n", "\u0085", "\r"};
        Random random = new Random(19);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder key = new StringBuilder();
            int n = random.nextInt(9);
            for (int j = 0; j < n; j++) {
                key.append(pieces[random.nextInt(pieces.length)]);
            }
            String k = key.toString();
            assertThat(HeaderText.stripUnit(k)).as("[" + k + "]").isEqualTo(HeaderText.stripUnitByPattern(k));
        }
    }

    /**
     * A cell of Excel's size in the first rows (hostile or pasted text) is tried as a header in every candidate row:
     * its cost must not grow with the text's length times its position count.
     */
    @Test
    void aLongCellCostsAboutAsLittleAsAShortOne() {
        String longKey = "说明".repeat(20_000) + "(" + "注".repeat(100) + ")x";
        long ms = ThreadCpu.millis(() -> {
            for (int i = 0; i < 2_000; i++) {
                assertThat(HeaderText.stripUnit(longKey)).isEqualTo(longKey);
            }
        });
        // the two patterns took 4 ms a call on this key (12 ms on the first JIT tier); read from the end, 3-5 µs
        assertThat(ms).as("CPU ms for 2,000 calls on a 40,000-character key").isLessThan(1_000);
    }
}
