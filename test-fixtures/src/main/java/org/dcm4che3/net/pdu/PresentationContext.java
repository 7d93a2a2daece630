package org.dcm4che3.net.pdu;

/** Stand-in for dcm4che's {@code PresentationContext}. */
public class PresentationContext {
    private final String as;
    private final String[] tss;

    public PresentationContext(int pcid, int result, String as, String... tss) {
        this.as = as;
        this.tss = tss;
    }

    public PresentationContext(int pcid, String as, String... tss) {
        this(pcid, 0, as, tss);
    }

    public final String getAbstractSyntax() {
        return as;
    }

    public final String[] getTransferSyntaxes() {
        return tss;
    }
}
