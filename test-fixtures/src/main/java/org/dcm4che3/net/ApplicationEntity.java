package org.dcm4che3.net;

import java.util.ArrayList;
import java.util.List;

/** Stand-in for dcm4che's {@code ApplicationEntity}. */
public class ApplicationEntity {
    private final List<TransferCapability> capabilities = new ArrayList<>();

    public TransferCapability addTransferCapability(TransferCapability tc) {
        capabilities.add(tc);
        return tc;
    }
}
