package org.ecobugs.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A readable RAPL package-energy counter in the Linux powercap tree. Since the PLATYPUS fixes (CVE-2020-8694) the
 * counters are readable by root only, containers are denied them, and virtual machines rarely have them: the
 * benchmark uses RAPL when it can read it and the power model otherwise, and says which.
 *
 * @param energyFile the {@code energy_uj} file of the package domain
 * @param maxRangeMicrojoules where the counter wraps ({@code max_energy_range_uj}), 0 when unknown
 */
public record Rapl(Path energyFile, long maxRangeMicrojoules) {

    /** The powercap tree; a system property of that name points elsewhere (tests). */
    static final String POWERCAP_PROPERTY = "ecobugs.benchmark.powercap";

    private static final List<String> PACKAGE_DOMAINS = List.of("intel-rapl:0", "intel-rapl/intel-rapl:0");

    /** The package domain's counter, when present and readable. */
    public static Optional<Rapl> find() {
        return find(Path.of(System.getProperty(POWERCAP_PROPERTY, "/sys/class/powercap")));
    }

    static Optional<Rapl> find(Path powercap) {
        for (String domain : PACKAGE_DOMAINS) {
            Path dir = powercap.resolve(domain);
            Path energy = dir.resolve("energy_uj");
            if (read(energy).isPresent()) {
                return Optional.of(new Rapl(
                        energy, read(dir.resolve("max_energy_range_uj")).orElse(0L)));
            }
        }
        return Optional.empty();
    }

    private static Optional<Long> read(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException | SecurityException e) {
            return Optional.empty();
        }
    }
}
