package org.ecobugs.benchmark;

/** Where the IT energy of a journey comes from. */
public enum EnergySource {
    /** Measured by RAPL, read from {@code /sys/class/powercap}, and shared by the process's part of the CPU time. */
    RAPL,
    /** Modelled from CPU time with a power model (no readable RAPL, as in containers, VMs and CI). */
    MODEL
}
