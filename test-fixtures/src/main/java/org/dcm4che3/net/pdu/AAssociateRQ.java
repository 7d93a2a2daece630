package org.dcm4che3.net.pdu;

import java.util.ArrayList;
import java.util.List;

/** Stand-in for dcm4che's {@code AAssociateRQ}. */
public class AAssociateRQ {
    private final List<PresentationContext> contexts = new ArrayList<>();

    public void addPresentationContext(PresentationContext pc) {
        contexts.add(pc);
    }

    public int getNumberOfPresentationContexts() {
        return contexts.size();
    }
}
