package cn.js.reduction.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What of a year's folder is a submission, and what is reported as skipped, without ever opening it. */
class InputSetTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // a FIFO opened would block for ever
    void onlyRegularSpreadsheetFilesOfTheFolderAreSubmissionsAndTheRestIsSkippedWithAReason() throws Exception {
        Path year = Files.createDirectories(dir.resolve("2020"));
        Path outside = Files.writeString(dir.resolve("outside.csv"), "a,b\n");
        Files.writeString(year.resolve("suzhou.csv"), "a,b\n");
        Files.createSymbolicLink(year.resolve("link-inside.csv"), year.resolve("suzhou.csv"));
        Files.createSymbolicLink(year.resolve("link-outside.csv"), outside);
        Files.createSymbolicLink(year.resolve("dangling.csv"), dir.resolve("nothing-here.csv"));
        Files.writeString(year.resolve("readme.txt"), "说明");
        Files.writeString(year.resolve(".DS_Store"), "x");
        Files.writeString(year.resolve("~$suzhou.xlsx"), "x");
        Files.createDirectories(year.resolve("more"));
        Process mkfifo = new ProcessBuilder("mkfifo", year.resolve("pipe.xlsx").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();

        InputSet set = InputSet.scan(year);

        assertThat(set.files()).extracting(InputSet.InputFile::name).containsExactly("link-inside.csv", "suzhou.csv");
        assertThat(set.files().get(0).sha256()).isEqualTo(InputSet.sha256(year.resolve("suzhou.csv")));
        assertThat(set.skipped()).extracting(s -> s.name() + " " + s.rule()).containsExactly(
                ".DS_Store NOT_A_SUBMISSION",
                "dangling.csv ENTRY_NOT_READ",
                "link-outside.csv ENTRY_NOT_READ",
                "more ENTRY_NOT_READ",
                "pipe.xlsx ENTRY_NOT_READ",
                "readme.txt NOT_A_SUBMISSION",
                "~$suzhou.xlsx NOT_A_SUBMISSION");
        assertThat(set.skipped()).filteredOn(s -> s.name().equals("link-outside.csv")).singleElement()
                .extracting(InputSet.Skipped::reason).asString().contains("指向输入文件夹以外的位置，出于安全考虑未读取");

        // what is skipped is no part of the run's identity
        String fingerprint = set.fingerprint();
        Files.writeString(year.resolve("notes.docx"), "x");
        assertThat(InputSet.scan(year).fingerprint()).isEqualTo(fingerprint);
    }

    @Test
    void aTableSavedAsTextIsASubmissionAndANoteIsNot() throws Exception {
        // Excel's "Unicode text" save: UTF-16LE with a BOM, tab-separated, named .txt
        Path year = Files.createDirectories(dir.resolve("2020"));
        byte[] table = "项目编号\t设区市\t项目名称\r\nNJ-1\t南京\t项目1\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        Files.write(year.resolve("南京_项目清单.txt"), SheetFiles.concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, table));
        Files.writeString(year.resolve("readme.txt"), "说明：设区市请于月底前报送\n");

        InputSet set = InputSet.scan(year);

        assertThat(set.files()).extracting(InputSet.InputFile::name).containsExactly("南京_项目清单.txt");
        assertThat(set.skipped()).extracting(s -> s.name() + " " + s.rule()).containsExactly("readme.txt NOT_A_SUBMISSION");
    }
}
