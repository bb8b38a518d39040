package cn.js.reduction.discover;

import cn.js.reduction.core.InputLimits;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the items (&lt;si&gt;) of a shared strings part (xl/sharedStrings.xml) in index order, with the
 * same text POI's ReadOnlySharedStringsTable gives without phonetic runs. Our own pull parser rather than
 * that table, because a large table must stream to disk ({@link TempFileSharedStrings}) and POI's only
 * builds an in-memory list; one parser for both keeps a cell's text the same whichever table holds it.
 */
final class SharedStringItems {

    interface Sink {
        void accept(String text) throws IOException;
    }

    private SharedStringItems() {
    }

    static void read(InputStream sstXml, Sink sink) throws IOException, XMLStreamException {
        XMLStreamReader xml = XlsxRowCursor.newInputFactory().createXMLStreamReader(sstXml);
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "si".equals(xml.getLocalName())) {
                    sink.accept(richText(xml));
                }
            }
        } finally {
            xml.close();
        }
    }

    /**
     * The text of a rich-text string whose start tag was just read, up to its end tag: a shared item
     * (&lt;si&gt;) or a cell's inline string (&lt;is&gt;), both of the same schema type. Its &lt;t&gt;, or the
     * &lt;t&gt; of each rich-text run &lt;r&gt;, without phonetic guides (&lt;rPh&gt;), at most
     * {@link InputLimits#MAX_CELL_CHARS} + 1 characters kept.
     */
    static String richText(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        int phonetic = 0; // depth inside <rPh>: a reading aid, not content
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("t".equals(name)) {
                    // bounded: a crafted table may hold a text of any length; more than a cell holds is not kept
                    StringBuilder t = XlsxRowCursor.boundedText(xml, new StringBuilder());
                    if (phonetic == 0 && text.length() <= InputLimits.MAX_CELL_CHARS) {
                        text.append(t, 0, Math.min(t.length(), InputLimits.MAX_CELL_CHARS + 1 - text.length()));
                    }
                } else {
                    depth++;
                    if (phonetic > 0 || "rPh".equals(name)) {
                        phonetic++;
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (phonetic > 0) {
                    phonetic--;
                }
            }
        }
        return text.toString();
    }
}
