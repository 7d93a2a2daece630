package org.dcm4che3.net;

/** Stand-in for dcm4che's {@code TransferCapability}. */
public class TransferCapability {
    public enum Role {
        SCU,
        SCP
    }

    private final String sopClass;
    private final String[] transferSyntaxes;

    public TransferCapability(String commonName, String sopClass, Role role, String... transferSyntaxes) {
        this.sopClass = sopClass;
        this.transferSyntaxes = transferSyntaxes;
    }

    public String getSopClass() {
        return sopClass;
    }

    public String[] getTransferSyntaxes() {
        return transferSyntaxes;
    }
}
