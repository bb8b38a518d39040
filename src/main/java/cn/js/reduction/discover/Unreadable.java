package cn.js.reduction.discover;

import cn.js.reduction.core.InputLimits;

import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.openxml4j.exceptions.ODFNotOfficeXmlFileException;

/**
 * The reasons a submitted file cannot be read, worded for the city clerk who has to fix it: what is wrong
 * and what to send instead, in Chinese (the rule's code beside it, FILE_UNREADABLE, names it for the people who
 * support them). The technical cause, when there is one, stays attached for the log, never in the message.
 */
final class Unreadable {

    private static final String RESUBMIT = "请重新导出后报送";

    private Unreadable() {
    }

    static UnreadableFileException empty() {
        return new UnreadableFileException("文件为空（0 字节），" + RESUBMIT);
    }

    static UnreadableFileException tooLarge(long bytes, long limit) {
        return new UnreadableFileException(String.format(
                "文件过大（%,d 字节，上限 %,d 字节），不可能是正常的报送表格",
                bytes, limit));
    }

    static UnreadableFileException encrypted(Throwable cause) {
        return new UnreadableFileException("文件已加密，请去除密码后重新报送", cause);
    }

    static UnreadableFileException zipBomb(Throwable cause) {
        return new UnreadableFileException("文件解压后的内容远大于文件本身，疑似压缩炸弹，已拒绝读取；" + RESUBMIT, cause);
    }

    static UnreadableFileException corrupt(Throwable cause) {
        return new UnreadableFileException("文件已损坏或不完整，无法作为 Excel 工作簿读取，" + RESUBMIT, cause);
    }

    /** Damage found only while reading a sheet: say where, so the clerk knows how far the file was good. */
    static UnreadableFileException corruptSheet(String sheet, int nearRow, Throwable cause) {
        UnreadableFileException known = fromKnownCause(cause);
        if (known != null) {
            return known;
        }
        sheet = InputLimits.printable(sheet);
        return new UnreadableFileException(String.format(
                "工作表“%s”在第 %d 行附近已损坏或不完整，无法继续读取，%s",
                sheet, nearRow, RESUBMIT), cause);
    }

    static UnreadableFileException tooManyMergedCells(String sheet, int limit) {
        return new UnreadableFileException(String.format(
                "工作表“%s”的合并单元格超过 %,d 处，不像正常的报送表格；请取消数据区的合并单元格后重新报送", sheet, limit));
    }

    static UnreadableFileException notSpreadsheet(String whatChinese) {
        return new UnreadableFileException(String.format(
                "文件不是电子表格（%s），请报送 .xlsx、.xls 或 .csv 文件",
                whatChinese));
    }

    static UnreadableFileException binary() {
        return notSpreadsheet("含有二进制数据，既不是 Excel 工作簿也不是文本 CSV");
    }

    static UnreadableFileException xlsTooLarge(long bytes, long limit) {
        return new UnreadableFileException(String.format(
                "旧版 .xls 工作簿数据过大（%,d 字节，上限 %,d 字节），请用 Excel 另存为 .xlsx 后重新报送",
                bytes, limit));
    }

    static UnreadableFileException stylesTooLarge(long bytes, long limit) {
        return new UnreadableFileException(String.format(
                "工作簿的格式信息异常庞大（%,d 字节，上限 %,d 字节），请清除多余的单元格格式或复制数据到新工作簿后重新报送",
                bytes, limit));
    }

    static UnreadableFileException oldExcel(Throwable cause) {
        return new UnreadableFileException("文件是旧版 Excel（5.0/95 或更早）格式，请用 Excel 另存为 .xlsx 后重新报送", cause);
    }

    static UnreadableFileException binaryWorkbook() {
        return new UnreadableFileException("文件是 Excel 二进制工作簿（.xlsb），请用 Excel 另存为 .xlsx 后重新报送");
    }

    static UnreadableFileException strictOpenXml() {
        return new UnreadableFileException("文件是“Strict Open XML”格式，请用 Excel 另存为普通的 Excel 工作簿（.xlsx）后重新报送");
    }

    static UnreadableFileException openDocument(Throwable cause) {
        return new UnreadableFileException("文件是 OpenDocument 表格（.ods，如 WPS/LibreOffice 保存），请另存为 .xlsx 后重新报送", cause);
    }

    static UnreadableFileException htmlPage() {
        return new UnreadableFileException("文件实为网页（HTML），只是名称像表格；请用 Excel 打开后另存为 .xlsx 再报送");
    }

    static UnreadableFileException xmlFile() {
        return new UnreadableFileException("文件是 XML 格式（如 Excel 2003 XML 表格），请用 Excel 另存为 .xlsx 后重新报送");
    }

    static UnreadableFileException unbalancedQuotes(long record, Throwable cause) {
        return new UnreadableFileException(String.format(
                "CSV 文件第 %d 条记录起引号（\"）不配对，无法分列，请检查后重新报送",
                record), cause);
    }

    // ---- limits of the input: what no workbook Excel saved can hold (README, "Limits of the input") ----

    static UnreadableFileException rowOutOfOrder(String sheet, int row, int previous) {
        String s = InputLimits.printable(sheet);
        return new UnreadableFileException(String.format(
                "工作表“%s”中第 %d 行出现在第 %d 行之后（行号重复或倒退），文件结构已损坏，从此处起的行未读取；"
                        + "请用 Excel 打开并另存后重新报送", s, row, previous));
    }

    static UnreadableFileException rowBeyondLimit(String sheet, int row) {
        String s = InputLimits.printable(sheet);
        return new UnreadableFileException(String.format(
                "工作表“%s”中的行号 %d 超出 Excel 的范围（1 至 1,048,576），文件结构已损坏，从此处起的行未读取；%s",
                s, row, RESUBMIT));
    }

    static UnreadableFileException tooManyCells(String sheet, int row) {
        String s = InputLimits.printable(sheet);
        return new UnreadableFileException(String.format(
                "工作表“%s”第 %d 行的单元格超过 Excel 的上限 16,384 列（最后一列为 XFD），文件不是 Excel 正常保存的，"
                        + "从此行起未读取；%s",
                s, row, RESUBMIT));
    }

    static UnreadableFileException rowTooLarge(String sheet, int row) {
        String s = InputLimits.printable(sheet);
        return new UnreadableFileException(String.format(
                "工作表“%s”第 %d 行的文字总量超过 %,d 个字符，不是正常的报送数据，从此行起未读取；%s",
                s, row, InputLimits.MAX_ROW_CHARS, RESUBMIT));
    }

    static UnreadableFileException tooManySharedStrings(int limit) {
        return new UnreadableFileException(String.format(
                "工作簿的共享文本表超过 %,d 条，不是正常的报送表格；%s",
                limit, RESUBMIT));
    }

    static UnreadableFileException csvRecordTooLong(long record, int limit) {
        return new UnreadableFileException(String.format(
                "CSV 文件第 %d 条记录超过 %,d 个字符（可能是缺少换行或引号不配对），从此处起未读取；请检查后重新报送",
                record, limit));
    }

    static UnreadableFileException csvTooManyFields(long record, int fields) {
        return new UnreadableFileException(String.format(
                "CSV 文件第 %d 条记录有 %,d 列，超过 Excel 的上限 16,384 列，从此处起未读取；请检查后重新报送",
                record, fields));
    }

    static UnreadableFileException sheetNameTooLong(int length) {
        return new UnreadableFileException(String.format(
                "工作簿中有一个工作表名称长达 %,d 个字符（Excel 最多 31 个），文件不是 Excel 正常保存的；%s", length, RESUBMIT));
    }

    static UnreadableFileException notAWorkbookDespiteName(String extension) {
        return new UnreadableFileException(String.format(
                "文件名为 .%s，但文件已损坏或不是 Excel 工作簿，无法打开；%s", extension, RESUBMIT));
    }

    /**
     * Any failure of POI or the XML parser while opening a file: encrypted, a zip bomb and a pre-97 workbook
     * get their own message, everything else is a damaged file.
     */
    static UnreadableFileException from(Throwable failure) {
        UnreadableFileException known = fromKnownCause(failure);
        return known != null ? known : corrupt(failure);
    }

    private static UnreadableFileException fromKnownCause(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = causeOf(t)) {
            if (t instanceof UnreadableFileException u) {
                return u;
            }
            if (t instanceof EncryptedDocumentException) {
                return encrypted(failure);
            }
            if (t instanceof OldExcelFormatException) {
                return oldExcel(failure);
            }
            if (t instanceof ODFNotOfficeXmlFileException) {
                return openDocument(failure);
            }
            if (isZipBombMessage(t.getMessage())) {
                return zipBomb(failure);
            }
        }
        return null;
    }

    /** POI's ZipSecureFile limits (inflate ratio, entry size, entry count, extracted text size). */
    private static boolean isZipBombMessage(String message) {
        return message != null && (message.contains("Zip bomb") || message.contains("ZipSecureFile")
                || message.contains("would exceed the max"));
    }

    private static Throwable causeOf(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        // the JDK's StAX parser keeps the IOException of the underlying stream here, not as the cause
        return t instanceof XMLStreamException x ? x.getNestedException() : null;
    }
}
