package cn.js.reduction.discover;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Function;

/** A raw xlsx of hostile rows for tests outside this package (see {@link RawXlsx}). */
public final class HostileXlsx {

    private HostileXlsx() {
    }

    /**
     * Rows 2 and 3 valid for the city; row 4 with a figure of 1E401 (K4) and a formula error holding a long text
     * as its city (B4); row 5 with a 40,000-character project name (D5); rows 6 to 6 + {@code randomRows} - 1
     * made of cells of every type the format has, holding hostile values ({@code hostile} gives one, by column
     * letter); then the last row number again, which stops the sheet with a finding.
     */
    public static void write(Path file, String city, Random random, int randomRows, Function<String, String> hostile)
            throws IOException {
        RawXlsx.write(file, xml -> {
            xml.write(RawXlsx.PROJECT_HEADER_ROW);
            xml.write(RawXlsx.projectRow(2, "X-2").replace("苏州", city));
            xml.write(RawXlsx.projectRow(3, "X-3").replace("苏州", city));
            xml.write(RawXlsx.projectRow(4, "X-4").replace("苏州", city)
                    .replace("<c r=\"K4\" t=\"inlineStr\"><is><t>10</t></is></c>", "<c r=\"K4\"><v>1E401</v></c>")
                    .replace("<c r=\"B4\" t=\"inlineStr\"><is><t>" + city + "</t></is></c>",
                            "<c r=\"B4\" t=\"e\"><v>" + "#REF!".repeat(10_000) + "</v></c>"));
            xml.write(RawXlsx.projectRow(5, "X-5").replace("苏州", city)
                    .replace("<t>项目X-5</t>", "<t>" + "名".repeat(40_000) + "</t>"));
            int last = 5;
            for (int r = 6; r < 6 + randomRows; r++) {
                xml.write("<row r=\"" + r + "\">");
                String[] valid = {"X-" + r, city, "姑苏区", "项目" + r, "某公司", null, "锅炉提标改造项目", "在建", "2020-06-30", null,
                    "10", "1", "1", "1", "1", null};
                for (int c = 0; c < valid.length; c++) {
                    String ref = RawCell.columnName(c) + r;
                    if (random.nextInt(4) == 0) {
                        xml.write(hostileCell(random, ref, hostile.apply(RawCell.columnName(c))));
                    } else if (valid[c] != null) {
                        xml.write(RawXlsx.inline(ref, valid[c]));
                    }
                }
                xml.write("</row>");
                last = r;
            }
            xml.write(RawXlsx.projectRow(last, "X-again").replace("苏州", city));
            xml.write(RawXlsx.projectRow(last + 1, "X-after").replace("苏州", city));
        });
    }

    /** An xlsx of one sheet whose &lt;sheetData&gt; is the given XML, as it is: rows no spreadsheet program saves. */
    public static void writeSheetXml(Path file, String sheetData) throws IOException {
        RawXlsx.write(file, xml -> xml.write(sheetData));
    }

    /** The project header as row 1 of a raw sheet. */
    public static final String PROJECT_HEADER_ROW = RawXlsx.PROJECT_HEADER_ROW;

    /** A row of inline strings from column A (null leaves a cell out). */
    public static String row(int number, String... texts) {
        return RawXlsx.row(number, texts);
    }

    /** The value in a cell of a random type: inline or formula text, number, boolean, error, ISO date. */
    private static String hostileCell(Random random, String ref, String value) {
        String v = xmlText(value);
        return switch (random.nextInt(6)) {
            case 0 -> "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
            case 1 -> "<c r=\"" + ref + "\" t=\"str\"><f>A1&amp;\"x\"</f><v>" + v + "</v></c>";
            case 2 -> "<c r=\"" + ref + "\" t=\"e\"><v>" + v + "</v></c>";
            case 3 -> "<c r=\"" + ref + "\" t=\"b\"><v>" + v + "</v></c>";
            case 4 -> "<c r=\"" + ref + "\" t=\"d\"><v>" + v + "</v></c>";
            default -> "<c r=\"" + ref + "\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\">" + v
                    + "</t></r><rPh><t>ふりがな</t></rPh></is></c>";
        };
    }

    /** Text as XML 1.0 can carry it: markup escaped, the characters it cannot hold at all left out. */
    private static String xmlText(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '&') {
                s.append("&amp;");
            } else if (cp == '<') {
                s.append("&lt;");
            } else if (cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000) {
                s.appendCodePoint(cp);
            }
        });
        return s.toString();
    }
}
