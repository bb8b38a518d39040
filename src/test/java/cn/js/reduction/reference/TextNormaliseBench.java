package cn.js.reduction.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost per cell of {@link Text#normalise} (ICU NFKC and Traditional-Simplified), on the texts matchers see:
 * headers, cities, categories, statuses, pollutants and numbers typed as text. Not in the default run (its name
 * ends in Bench); run it with {@code mvn -q -B -o test -Dtest=TextNormaliseBench} and read the figures it prints
 * (BENCHMARKS.md, "Text normalisation").
 */
class TextNormaliseBench {

    static final List<String> CELLS = List.of("NOₓ减排量（吨/年）", "氮氧化物减排量（吨/年）", "设区市 City", "南京市", "無錫",
            "锅炉提标改造项目", "VOCs污染治理项目-源头替代", "已完成", "在建", "SO₂", "1,234.5", "12.5", "2020-06-30",
            "ＶＯＣｓ", "项目编号 / Project ID", "常州市武进区", "\u200b合计", "減排量", "8.28", "NJ-001");

    @Test
    void normalisesACellInAFewMicroseconds() {
        // warm up: class loading, ICU data, JIT
        for (int i = 0; i < 200_000; i++) {
            Text.normalise(CELLS.get(i % CELLS.size()) + (i % 7 == 0 ? "" : ""));
        }
        int n = 2_000_000;
        long start = System.nanoTime();
        long chars = 0;
        for (int i = 0; i < n; i++) {
            chars += Text.normalise(CELLS.get(i % CELLS.size())).length();
        }
        double repeated = (System.nanoTime() - start) / (double) n;
        // distinct texts each time (a project id, a name never seen before): no cache can help
        int m = 200_000;
        start = System.nanoTime();
        for (int i = 0; i < m; i++) {
            chars += Text.normalise("項目名稱" + i).length();
        }
        double distinct = (System.nanoTime() - start) / (double) m;
        start = System.nanoTime();
        for (int i = 0; i < m; i++) {
            chars += Text.normalise("南京市某某公司锅炉提标改造项目" + i).length();
        }
        double simplified = (System.nanoTime() - start) / (double) m;
        start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            chars += Text.normalise("NJ-" + (i % 1000)).length();
        }
        double ascii = (System.nanoTime() - start) / (double) n;
        System.out.printf("Text.normalise per cell: %.0f ns (the mixed cells above, repeated), %.0f ns (distinct"
                + " simplified Chinese texts), %.0f ns (distinct traditional texts, transliterated each time), %.0f ns"
                + " (ASCII)%n", repeated, simplified, distinct, ascii);
        assertThat(chars).isPositive();
    }
}
