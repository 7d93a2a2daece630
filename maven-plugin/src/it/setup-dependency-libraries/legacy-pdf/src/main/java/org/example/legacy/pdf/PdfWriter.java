package org.example.legacy.pdf;

/** Writes the legacy export as PDF. */
public class PdfWriter {
    public byte[] write(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
