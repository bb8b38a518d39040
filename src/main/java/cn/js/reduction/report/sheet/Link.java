package cn.js.reduction.report.sheet;

/**
 * Where a hyperlink of a workbook goes: a cell of the same workbook ('项目明细'!A12), or a cell of another
 * workbook of the run, named by its path relative to this one (cities/feedback_320100_南京.xlsx and
 * '原表标注'!E12), which Excel and LibreOffice follow from the run folder wherever it is copied.
 *
 * @param file     the other workbook's path relative to this one, with '/'; null for a cell of this workbook
 * @param location the sheet and cell, '工作表'!B12
 */
public record Link(String file, String location) {

    /** A cell of this workbook; null when there is none. */
    public static Link here(String location) {
        return location == null ? null : new Link(null, location);
    }

    /** The link as one address, as a reader shows it: cities/feedback_320100_南京.xlsx#'原表标注'!E12. */
    public String address() {
        return file == null ? location : file + "#" + location;
    }
}
