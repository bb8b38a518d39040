package cn.js.reduction.report;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/** Page set-up, so that an auditor who prints a sheet (or saves it as PDF) gets whole rows on a page. */
final class PrintLayout {

    private PrintLayout() {
    }

    /** Wide tables: A3 landscape, all columns on one page width, as many pages down as needed. */
    static void wide(Sheet sheet) {
        fit(sheet, true, PrintSetup.A3_PAPERSIZE);
    }

    /** Text to read: A4 portrait, one page width. */
    static void narrow(Sheet sheet) {
        fit(sheet, false, PrintSetup.A4_PAPERSIZE);
    }

    private static void fit(Sheet sheet, boolean landscape, short paper) {
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(landscape);
        print.setPaperSize(paper);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
    }
}
