package cn.js.reduction.clerk;

import cn.js.reduction.core.Finding;
import cn.js.reduction.core.Rule;
import cn.js.reduction.intake.ReferenceFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** An xlsx too large to copy whole is still returned annotated, streamed, and the clerk is told why. */
public class AnnotatedReturnTest {

    @TempDir
    Path dir;

    @Test
    void anXlsxOverTheCopyLimitIsReturnedAsItsRowsAndSaysSo() throws Exception {
        Path source = dir.resolve("big.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(source)) {
            XSSFSheet s = wb.createSheet("项目");
            s.createRow(0).createCell(0).setCellValue("项目编号");
            s.createRow(1).createCell(0).setCellValue("X-1");
            s.getRow(1).createCell(2).setCellValue(42.5);
            wb.write(out);
        }
        Finding f = Finding.of(Rule.BAD_NUMBER, null, "big.xlsx", "项目", 2, "C2", "42.5", "第2行 示例（C2）不对 | wrong");
        Path out = dir.resolve("out.xlsx");
        AnnotatedReturn.Written written = AnnotatedReturn.write(source, true, List.of(f), ReferenceFixture.jiangsu2020().terms(), out, 100);
        assertThat(written.layoutKept()).isFalse();
        assertThat(written.note()).contains("超过 0.0 MB", "未保留原格式");
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            XSSFCell c = wb.getSheet("项目").getRow(1).getCell(2);
            assertThat(c.getNumericCellValue()).isEqualTo(42.5);
            assertThat(c.getCellComment().getString().getString()).isEqualTo("错误 BAD_NUMBER 数值格式错误：第2行 示例（C2）不对");
            assertThat(wb.getSheet(FindingListSheet.NAME).getRow(1).getCell(6).getHyperlink().getAddress())
                    .isEqualTo("'项目'!C2");
        }
        AnnotatedReturn.Written copy = AnnotatedReturn.write(source, true, List.of(f), ReferenceFixture.jiangsu2020().terms(),
                dir.resolve("copy.xlsx"));
        assertThat(copy.layoutKept()).isTrue();
        assertThat(copy.note()).isNull();
    }
}
