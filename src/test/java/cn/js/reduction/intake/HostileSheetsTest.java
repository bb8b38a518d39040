package cn.js.reduction.intake;

import cn.js.reduction.core.Disposition;
import cn.js.reduction.core.InputLimits;
import cn.js.reduction.discover.InputSet;
import cn.js.reduction.discover.RawCell;
import cn.js.reduction.discover.RawXlsx;
import cn.js.reduction.discover.SubmissionSniffer;
import cn.js.reduction.store.ProjectRecord;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import static org.assertj.core.api.Assertions.assertThat;

import cn.js.reduction.store.FindingStore;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Sheets no spreadsheet program saves, read through the intake reader: each limit of the input stops the
 * sheet (or rejects the row) with a finding that names where, keeps the rows before it, and never fails.
 */
class HostileSheetsTest {

    @TempDir
    Path dir;

    private final RowValidator validator = new RowValidator(ReferenceFixture.jiangsu2020(), 2020);

    /** What the intake reader gives for a file: the rows, validated, and the break that ended it, if any. */
    record Read(List<RowOutcome<ProjectRecord>> rows, Finding breakage) {
        List<Integer> rowNumbers() {
            return rows.stream().map(RowOutcome::rowNumber).toList();
        }
    }

    Read read(Path file) throws Exception {
        return read(file, null);
    }

    Read read(Path file, String sha256) throws Exception {
        SubmissionRowReader reader = new SubmissionRowReader(file, ReferenceFixture.jiangsu2020(), sha256);
        List<RowOutcome<ProjectRecord>> rows = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            for (SourcedRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(validator.validateProject(row.row(), row.header(), row.file()));
            }
        } finally {
            reader.close();
        }
        return new Read(rows, reader.breakage());
    }

    @Test
    void aRowNumberRepeatedStopsTheSheetThereAndKeepsTheRowsBefore() throws Exception {
        // two <row r="2">: once a primary-key violation that failed the run
        Path file = RawXlsx.write(dir.resolve("repeated.xlsx"), xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW);
            xml.write(RawXlsx.projectRow(2, "SZ-1"));
            xml.write(RawXlsx.projectRow(3, "SZ-2"));
            xml.write(RawXlsx.projectRow(2, "SZ-3"));
            xml.write(RawXlsx.projectRow(4, "SZ-4"));
        });
        Read read = read(file);

        assertThat(read.rowNumbers()).containsExactly(2, 3);
        assertThat(read.rows()).allMatch(RowOutcome::isAccepted);
        assertThat(read.breakage().rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(read.breakage().file()).isEqualTo("repeated.xlsx");
        assertThat(read.breakage().sheet()).isEqualTo("项目清单");
        assertThat(read.breakage().message()).contains("第 2 行出现在第 3 行之后").contains("从此处起的行未读取");
    }

    @Test
    void aRowNumberGoingBackIsReportedNotDropped() throws Exception {
        Path file = RawXlsx.write(dir.resolve("backwards.xlsx"), xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW);
            xml.write(RawXlsx.projectRow(5, "SZ-5"));
            xml.write(RawXlsx.projectRow(4, "SZ-4"));
        });
        Read read = read(file);

        assertThat(read.rowNumbers()).containsExactly(5);
        assertThat(read.breakage().message()).contains("第 4 行出现在第 5 行之后");
    }

    @Test
    void aRowOfMoreCellsThanExcelHasStopsTheSheet() throws Exception {
        Path file = RawXlsx.write(dir.resolve("wide.xlsx"), xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW);
            xml.write(RawXlsx.projectRow(2, "SZ-1"));
            xml.write("<row r=\"3\">");
            for (int i = 0; i <= InputLimits.MAX_COLUMNS; i++) {
                xml.write("<c><v>" + i + "</v></c>");
            }
            xml.write("</row>");
            xml.write(RawXlsx.projectRow(4, "SZ-4"));
        });
        Read read = read(file);

        assertThat(read.rowNumbers()).containsExactly(2);
        assertThat(read.breakage().message()).contains("第 3 行的单元格超过 Excel 的上限 16,384 列");

        Path beyondXfd = RawXlsx.write(dir.resolve("xfe.xlsx"), xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW);
            xml.write("<row r=\"2\"><c r=\"XFE2\"><v>1</v></c></row>");
        });
        assertThat(read(beyondXfd).breakage().message()).contains("第 2 行的单元格超过");
    }

    @Test
    void aRowOfMoreTextThanAnyRealOneStopsTheSheet() throws Exception {
        // 40 cells of 32,767 characters: each within Excel's limit, together 1.3 million characters in one row
        Path file = RawXlsx.write(dir.resolve("heavy-row.xlsx"), xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW);
            xml.write(RawXlsx.projectRow(2, "SZ-1"));
            xml.write("<row r=\"3\">");
            java.util.Random random = new java.util.Random(3); // random letters: the zip-bomb guard lets them through
            for (int i = 0; i < 40; i++) {
                StringBuilder text = new StringBuilder(32_767);
                while (text.length() < 32_767) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
                xml.write(RawXlsx.inline(RawCell.columnName(i) + 3, text.toString()));
            }
            xml.write("</row>");
        });
        Read read = read(file);

        assertThat(read.rowNumbers()).containsExactly(2);
        assertThat(read.breakage().message()).contains("第 3 行的文字总量超过 1,048,576 个字符");
    }

    @Test
    void aCellPastExcelsLimitRejectsItsRowAndTheFileGoesOn() throws Exception {
        Path file = RawXlsx.write(dir.resolve("long-cell.xlsx"), xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW);
            xml.write(RawXlsx.projectRow(2, "SZ-1").replace("</row>", RawXlsx.inline("P2", "备".repeat(40_000)) + "</row>"));
            xml.write(RawXlsx.projectRow(3, "SZ-2"));
        });
        Read read = read(file);

        assertThat(read.breakage()).isNull();
        assertThat(read.rowNumbers()).containsExactly(2, 3);
        assertThat(read.rows().get(0).disposition()).isEqualTo(Disposition.REJECTED);
        Finding f = read.rows().get(0).findings().get(0);
        assertThat(f.rule()).isEqualTo(Rule.TEXT_TOO_LONG);
        assertThat(f.cell()).isEqualTo("P2");
        assertThat((String) FindingStore.parameters(1, "INTAKE", 0, f).getValue("cell_value")).hasSize(InputLimits.FINDING_VALUE_CHARS);
        assertThat(read.rows().get(1).isAccepted()).isTrue();
    }

    @Test
    void elementsNestedMillionsDeepStopTheSheetInsteadOfFillingTheHeap() throws Exception {
        Path file = RawXlsx.write(dir.resolve("deep.xlsx"), xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW);
            xml.write(RawXlsx.projectRow(2, "SZ-1"));
            xml.write("<row r=\"3\"><c r=\"A3\">");
            for (int i = 0; i < 200_000; i++) {
                xml.write("<e" + i + ">"); // names vary, so that the zip-bomb guard lets it through
            }
            for (int i = 200_000 - 1; i >= 0; i--) {
                xml.write("</e" + i + ">"); // well-formed: only the depth is wrong
            }
            xml.write("</c></row>");
        });
        Read read = read(file);

        assertThat(read.rowNumbers()).containsExactly(2);
        assertThat(read.breakage().message()).contains("第 3 行附近已损坏");
    }

    static final String CSV_HEADER = "项目编号,设区市,县（市、区）,项目名称,责任单位,统一社会信用代码,项目类别,进展状态,计划完成时间,"
            + "实际完成时间,总投资（万元）,VOCs减排量（吨/年）,二氧化硫减排量（吨/年）,氮氧化物减排量（吨/年）,颗粒物减排量（吨/年）,备注\n";

    static String csvRow(String id, String remarks) {
        return id + ",苏州,姑苏区,项目" + id + ",某公司,,锅炉提标改造项目,在建,2020-06-30,,10,1,1,1,1," + remarks + "\n";
    }

    @Test
    void aCsvRecordLongerThanTheLimitStopsTheFileAndKeepsTheRowsBefore() throws Exception {
        Path file = dir.resolve("endless.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER);
            w.write(csvRow("SZ-1", ""));
            w.write(csvRow("SZ-2", ""));
            for (int i = 0; i < InputLimits.MAX_CSV_RECORD_CHARS / 1000 + 10; i++) {
                w.write("x".repeat(1000));
            }
            w.write("\n" + csvRow("SZ-4", ""));
        }
        Read read = read(file);

        assertThat(read.rowNumbers()).containsExactly(2, 3);
        assertThat(read.breakage().message()).contains("CSV 文件第 4 条记录超过 1,048,576 个字符");
    }

    @Test
    void oldMacLineEndsAreLinesNotOneEndlessRecord() throws Exception {
        Path file = dir.resolve("mac.csv");
        StringBuilder csv = new StringBuilder(CSV_HEADER.replace("\n", "\r"));
        for (int i = 0; i < 12_000; i++) {
            csv.append(csvRow("SZ-" + i, "备注".repeat(40)).replace("\n", "\r")); // 1.5 million characters in all
        }
        Files.writeString(file, csv);
        Read read = read(file);

        assertThat(read.breakage()).isNull();
        assertThat(read.rows()).hasSize(12_000).allMatch(RowOutcome::isAccepted);
    }

    @Test
    void aCsvRecordOfTooManyFieldsStopsTheFile() throws Exception {
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, CSV_HEADER + csvRow("SZ-1", "") + ",".repeat(20_000) + "\n" + csvRow("SZ-3", ""));
        Read read = read(file);

        assertThat(read.rowNumbers()).containsExactly(2);
        assertThat(read.breakage().message()).contains("第 3 条记录有 20,001 列");
    }

    @Test
    void aCsvFieldPastExcelsLimitRejectsItsRow() throws Exception {
        Path file = dir.resolve("long-field.csv");
        Files.writeString(file, CSV_HEADER + csvRow("SZ-1", "\"" + "备,".repeat(20_000) + "\"") + csvRow("SZ-2", "ok"));
        Read read = read(file);

        assertThat(read.breakage()).isNull();
        assertThat(read.rowNumbers()).containsExactly(2, 3);
        assertThat(read.rows().get(0).findings()).extracting(Finding::rule, Finding::cell)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.TEXT_TOO_LONG, "P2"));
        assertThat(read.rows().get(1).isAccepted()).isTrue();
    }

    @Test
    void theFileReadIsTheFileHashedAtDiscovery() throws Exception {
        Path file = dir.resolve("suzhou.csv");
        Files.writeString(file, CSV_HEADER + csvRow("SZ-1", "") + csvRow("SZ-2", ""));
        String hashed = InputSet.sha256(file);

        // changed after discovery and before intake: not read at all, and the finding says why
        Files.writeString(file, CSV_HEADER + csvRow("SZ-9", ""));
        Read changed = read(file, hashed);
        assertThat(changed.rows()).isEmpty();
        assertThat(changed.breakage().rule()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(changed.breakage().file()).isEqualTo("suzhou.csv");
        assertThat(changed.breakage().message()).contains("被修改").contains(hashed).contains(InputSet.sha256(file));

        // changed while being read: the rows are those of the version hashed, never the new one
        Files.writeString(file, CSV_HEADER + csvRow("SZ-1", "") + csvRow("SZ-2", ""));
        SubmissionRowReader reader = new SubmissionRowReader(file, ReferenceFixture.jiangsu2020(), hashed);
        reader.open(new ExecutionContext());
        List<String> ids = new ArrayList<>();
        try {
            ids.add(reader.read().row().text(0));
            Files.writeString(file, CSV_HEADER + csvRow("SZ-1", "") + csvRow("CHANGED", "") + csvRow("MORE", ""));
            for (SourcedRow row = reader.read(); row != null; row = reader.read()) {
                ids.add(row.row().text(0));
            }
        } finally {
            reader.close();
        }
        assertThat(ids).containsExactly("SZ-1", "SZ-2");
        assertThat(reader.breakage()).isNull();
    }

    @Test
    void aFileNamedAsAWorkbookThatIsNotOneCannotBeOpened() throws Exception {
        Path text = dir.resolve("garbled.xlsx");
        Files.writeString(text, "this is not a workbook at all\n");
        SubmissionSniffer.Result sniff = new SubmissionSniffer(ReferenceFixture.jiangsu2020()).sniff(text);
        assertThat(sniff.problem()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(sniff.message()).contains("无法打开").contains("已损坏或不是 Excel 工作簿");

        Path badZip = dir.resolve("truncated.xlsx");
        byte[] good = Files.readAllBytes(RawXlsx.write(dir.resolve("good.xlsx"), xml -> xml.write(RawXlsx.PROJECT_HEADER_ROW)));
        Files.write(badZip, java.util.Arrays.copyOf(good, good.length / 2));
        SubmissionSniffer.Result zip = new SubmissionSniffer(ReferenceFixture.jiangsu2020()).sniff(badZip);
        assertThat(zip.problem()).isEqualTo(Rule.FILE_UNREADABLE);
        assertThat(zip.message()).contains("已损坏").doesNotContain("表头");
    }
}
