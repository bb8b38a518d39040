package cn.js.reduction.discover;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.usermodel.XSSFRelation;

/**
 * The totals rows of a sheet's Excel tables (插入 → 表格, with 汇总行 ticked): a table part whose totalsRowCount
 * is set has its last row(s) as totals, whatever they hold (a clerk may clear the 汇总 label). Such a row is not
 * data ({@link RowKind.Kind#TOTALS}).
 */
final class XlsxTables {

    private XlsxTables() {
    }

    /** The 1-based numbers of the totals rows of the sheet's tables; empty when it has none, or they cannot be read. */
    static Set<Integer> totalsRows(PackagePart sheetPart) {
        Set<Integer> rows = new TreeSet<>();
        try {
            for (PackageRelationship rel : sheetPart.getRelationshipsByType(XSSFRelation.TABLE.getRelation())) {
                PackagePart table = sheetPart.getRelatedPart(rel);
                try (InputStream in = table.getInputStream()) {
                    XMLStreamReader xml = XlsxRowCursor.newInputFactory().createXMLStreamReader(in);
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                            addTotals(xml, rows); // the root element, <table>, holds what is needed
                            break;
                        }
                    }
                    xml.close();
                }
            }
        } catch (Exception e) {
            return Set.of(); // a table part that cannot be read only loses this hint: labels still tell totals
        }
        return rows;
    }

    private static void addTotals(XMLStreamReader xml, Set<Integer> rows) {
        String ref = xml.getAttributeValue(null, "ref");
        String count = xml.getAttributeValue(null, "totalsRowCount");
        if (ref == null || count == null) {
            return;
        }
        int totals = Integer.parseInt(count.trim());
        AreaReference area = new AreaReference(ref, SpreadsheetVersion.EXCEL2007);
        CellReference last = area.getLastCell();
        for (int i = 0; i < Math.min(totals, 10); i++) {
            rows.add(last.getRow() + 1 - i);
        }
    }
}
