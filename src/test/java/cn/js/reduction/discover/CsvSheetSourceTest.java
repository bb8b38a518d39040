package cn.js.reduction.discover;

import static cn.js.reduction.discover.SheetFiles.concat;
import static cn.js.reduction.discover.SheetFiles.readAll;
import static cn.js.reduction.discover.SheetFiles.row;
import static cn.js.reduction.discover.SheetFiles.text;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSheetSourceTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final String EMISSIONS = "设区市,污染物,基准年排放量（吨）,核算年排放量（吨）\r\n"
            + "南京市,二氧化硫,\"1,234.5\",1000\r\n"
            + "苏州市, 氮氧化物 ,2000,1800\r\n";

    private static final List<RawRow> EMISSION_ROWS = List.of(
            row("排放量_20200630", 1, text(0, "设区市"), text(1, "污染物"), text(2, "基准年排放量（吨）"),
                    text(3, "核算年排放量（吨）")),
            row("排放量_20200630", 2, text(0, "南京市"), text(1, "二氧化硫"), text(2, "1,234.5"), text(3, "1000")),
            row("排放量_20200630", 3, text(0, "苏州市"), text(1, "氮氧化物"), text(2, "2000"), text(3, "1800")));

    @TempDir
    Path dir;

    @Test
    void readsGbkAsExcelOnAChineseWindowsSavesIt() throws Exception {
        Path file = Files.write(dir.resolve("排放量_20200630.csv"), EMISSIONS.getBytes(GBK));
        assertThat(readAll(file)).containsExactly(Map.entry("排放量_20200630", EMISSION_ROWS));
        assertThat(encodingOf(file)).isEqualTo("GB18030");
    }

    @Test
    void readsUtf8WithBomAndDropsTheBom() throws Exception {
        Path file = Files.write(dir.resolve("排放量_20200630.csv"), concat(UTF8_BOM, EMISSIONS.getBytes(UTF_8)));
        assertThat(readAll(file)).containsExactly(Map.entry("排放量_20200630", EMISSION_ROWS));
        assertThat(encodingOf(file)).isEqualTo("UTF-8");
    }

    @Test
    void readsUtf8WithoutBom() throws Exception {
        Path file = Files.write(dir.resolve("排放量_20200630.csv"), EMISSIONS.getBytes(UTF_8));
        assertThat(readAll(file)).containsExactly(Map.entry("排放量_20200630", EMISSION_ROWS));
        assertThat(encodingOf(file)).isEqualTo("UTF-8");
    }

    @Test
    void readsUtf16WithEitherByteOrderMark() throws Exception {
        Path le = Files.write(dir.resolve("排放量_20200630.csv"),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, EMISSIONS.getBytes(UTF_16LE)));
        assertThat(readAll(le)).containsExactly(Map.entry("排放量_20200630", EMISSION_ROWS));
        Path be = Files.write(Files.createDirectories(dir.resolve("be")).resolve("排放量_20200630.csv"),
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, EMISSIONS.getBytes(UTF_16BE)));
        assertThat(readAll(be)).containsExactly(Map.entry("排放量_20200630", EMISSION_ROWS));
    }

    @Test
    void aUtf8FileWhoseOnlyChineseComesLateIsStillUtf8() throws Exception {
        // the whole file decides, not its start: 100 KB of ASCII, then Chinese
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            csv.append("P").append(i).append(",1,2,3,4,5,6\n");
        }
        csv.append("P-last,南京市\n");
        Path file = Files.write(dir.resolve("late.csv"), csv.toString().getBytes(UTF_8));
        List<RawRow> rows = readAll(file).get("late");
        assertThat(rows).hasSize(5001);
        assertThat(rows.get(5000)).isEqualTo(row("late", 5001, text(0, "P-last"), text(1, "南京市")));
        assertThat(encodingOf(file)).isEqualTo("UTF-8");
    }

    @Test
    void aUtf8SequenceCutAtTheEndOfTheFileIsNotUtf8() throws Exception {
        byte[] bytes = "a,南".getBytes(UTF_8);
        Path file = Files.write(dir.resolve("cut.csv"), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(CsvEncoding.isStrictUtf8(file)).isFalse();
        Path whole = Files.write(dir.resolve("whole.csv"), bytes);
        assertThat(CsvEncoding.isStrictUtf8(whole)).isTrue();
    }

    @Test
    void aUtf8FileWithAFewBrokenBytesIsStillUtf8AndShowsThemReplaced() throws Exception {
        // a lone surrogate as a careless program writes it (ED A0 80), then a character cut in half: the whole
        // list was once read as GB18030, its header unrecognisable, and the city's submission lost
        byte[] broken = concat(EMISSIONS.getBytes(UTF_8), "无锡市,二氧化硫,10,9,备注".getBytes(UTF_8),
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\r\n扬州市,SO2,1,1,".getBytes(UTF_8),
                java.util.Arrays.copyOf("注".getBytes(UTF_8), 2), "\r\n".getBytes(UTF_8));
        Path file = Files.write(dir.resolve("排放量_20200630.csv"), broken);

        assertThat(encodingOf(file)).isEqualTo("UTF-8");
        List<RawRow> rows = readAll(file).get("排放量_20200630");
        assertThat(rows.subList(0, 3)).isEqualTo(EMISSION_ROWS);
        assertThat(rows.get(3).cell(0).text()).isEqualTo("无锡市");
        assertThat(rows.get(3).cell(4).text()).startsWith("备注\uFFFD");
        assertThat(rows.get(4).cell(4).text()).isEqualTo("\uFFFD");
        assertThat(CsvEncoding.isStrictUtf8(file)).isFalse();
    }

    @Test
    void aGbkFileBehindAUtf8BomIsGbk() throws Exception {
        // some tools prepend a BOM to whatever they are given
        Path file = Files.write(dir.resolve("排放量_20200630.csv"), concat(UTF8_BOM, EMISSIONS.getBytes(GBK)));
        assertThat(encodingOf(file)).isEqualTo("GB18030");
        assertThat(readAll(file)).containsExactly(Map.entry("排放量_20200630", EMISSION_ROWS));
    }

    @Test
    void rowNumbersCountRecordsSoAQuotedLineBreakStaysOneRow() throws Exception {
        String csv = "项目编号,项目名称,备注\n"
                + "P1,\"钢铁厂\n超低排放改造\",\"他说\"\"好\"\"\"\n"
                + "\n"
                + "P2,C:\\项目\\清单,  \u3000 \n"
                + ",,\n"
                + "P3";
        Path file = Files.write(dir.resolve("项目清单.v2.csv"), csv.getBytes(UTF_8));
        assertThat(readAll(file)).containsExactly(Map.entry("项目清单.v2", List.of(
                row("项目清单.v2", 1, text(0, "项目编号"), text(1, "项目名称"), text(2, "备注")),
                row("项目清单.v2", 2, text(0, "P1"), text(1, "钢铁厂\n超低排放改造"), text(2, "他说\"好\"")),
                row("项目清单.v2", 3),
                row("项目清单.v2", 4, text(0, "P2"), text(1, "C:\\项目\\清单")),
                row("项目清单.v2", 5),
                row("项目清单.v2", 6, text(0, "P3")))));
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsRecord() throws Exception {
        Path file = Files.write(dir.resolve("quote.csv"), "a,b\nc,\"d\ne,f\n".getBytes(UTF_8));
        try (SheetSource source = SheetSources.open(file);
             SheetSource.RowCursor cursor = source.rows(0)) {
            assertThat(cursor.next()).isEqualTo(row("quote", 1, text(0, "a"), text(1, "b")));
            assertThatThrownBy(cursor::next)
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessage("CSV 文件第 2 条记录起引号（\"）不配对，无法分列，请检查后重新报送");
        }
    }

    @Test
    void aStrayQuoteCannotSwallowTheRestOfTheFile() throws Exception {
        StringBuilder csv = new StringBuilder("a,\"b\n");
        for (int i = 0; i < CsvSheetSource.MAX_LINES_PER_RECORD + 10; i++) {
            csv.append("x,y\n");
        }
        csv.append("\"\n");
        Path file = Files.write(dir.resolve("stray.csv"), csv.toString().getBytes(UTF_8));
        assertThatThrownBy(() -> readAll(file))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("CSV 文件第 1 条记录起引号");
    }

    @Test
    void controlBytesMakeAFileBinaryNotText() {
        assertThat(CsvEncoding.looksBinary("a,b\r\n\tc,d\f".getBytes(UTF_8))).isFalse();
        assertThat(CsvEncoding.looksBinary("南京市,1".getBytes(GBK))).isFalse();
        assertThat(CsvEncoding.looksBinary(new byte[] {'a', ',', 0, 'b'})).isTrue();
        byte[] mostlyText = new byte[200];
        java.util.Arrays.fill(mostlyText, (byte) 'a');
        mostlyText[5] = 0x01;
        assertThat(CsvEncoding.looksBinary(mostlyText)).isFalse();
        mostlyText[6] = 0x02;
        mostlyText[7] = 0x1B;
        assertThat(CsvEncoding.looksBinary(mostlyText)).isTrue();
    }

    @Test
    void aSheetIsNamedAfterTheFileWithoutItsExtension() {
        assertThat(CsvSheetSource.sheetNameOf(Path.of("in", "苏州市_20200630.csv"))).isEqualTo("苏州市_20200630");
        assertThat(CsvSheetSource.sheetNameOf(Path.of("无扩展名"))).isEqualTo("无扩展名");
        assertThat(CsvSheetSource.sheetNameOf(Path.of(".hidden"))).isEqualTo(".hidden");
    }

    private static String encodingOf(Path file) throws Exception {
        try (SheetSource source = SheetSources.open(file)) {
            return ((CsvSheetSource) source).encodingName();
        }
    }
}
