package org.example.legacy.export;

import org.apache.commons.collections.map.LRUMap;
import org.example.legacy.pdf.PdfWriter;

/** A legacy export: it needs commons-collections and the PDF writer. */
public class Exporter {
    private final LRUMap recent = new LRUMap(16);

    public byte[] export(String text) {
        recent.put(text, text);
        return new PdfWriter().write(text);
    }
}
