package cn.js.reduction.intake;

import java.io.IOException;
import java.nio.file.Path;

/** A raw xlsx of hostile rows for tests outside this package (see {@link RawXlsx}). */
public final class HostileXlsx {

    private HostileXlsx() {
    }

    /**
     * Rows 2 and 3 valid for the city; row 4 with a figure of 1E401 (K4) and a formula error holding a long text
     * as its city (B4); row 5 with a 40,000-character project name (D5); then row 5 again, which stops the sheet
     * with a finding (rows 2 to 5 are read: 2 accepted, 2 rejected).
     */
    public static void write(Path file, String city) throws IOException {
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
            xml.write(RawXlsx.projectRow(5, "X-6").replace("苏州", city));
            xml.write(RawXlsx.projectRow(6, "X-7").replace("苏州", city));
        });
    }
}
