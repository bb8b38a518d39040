package cn.js.reduction.sample;

import java.util.List;

/** One submitted file: its name as the city sent it, its format and its sheets (a CSV has exactly one). */
record SampleFile(String name, Format format, List<SheetModel> sheets) {

    enum Format { XLSX, XLS, CSV_UTF8_BOM, CSV_GBK }

    SheetModel sheet() {
        return sheets.get(sheets.size() - 1);
    }
}
