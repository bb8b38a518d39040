package cn.js.reduction.discover;

import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.core.FileKind;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the template's guide says is accepted is accepted: the status words and the date forms it lists. */
class AcceptedFormsTest {

    private static String line(String start) {
        return AcceptedForms.lines(FileKind.PROJECTS).stream().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void everyStatusWordTheGuideListsIsAStatus() {
        String words = line("· 进展状态").replaceFirst("^[^：]*：", "").replaceAll("。$", "");
        List<String> listed = Arrays.stream(words.split("[、；]")).map(String::strip).toList();
        assertThat(listed).hasSizeGreaterThan(10).allSatisfy(w -> assertThat(Values.status(w)).as(w).isPresent());
    }

    @Test
    void everyDateTheGuideListsIsADate() {
        for (String example : List.of("2020-06-30", "2020/6/30", "2020.6.30", "2020年6月30日", "20200630", "2020年6月",
                "2020年底", "2020年末", "2020年上半年", "2020年第三季度")) {
            assertThat(line("· 日期")).contains(example);
            assertThat(Values.date(example).isPresent()).as(example).isTrue();
        }
        assertThat(Values.date(new RawCell(0, RawCell.Type.TEXT, "年底"), 2020).value()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(Values.date("2020年上半年").value()).isEqualTo(LocalDate.of(2020, 6, 30));
    }
}
