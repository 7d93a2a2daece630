package org.ecobugs.benchmark;

import java.util.List;
import java.util.Objects;
import org.ecobugs.rules.Finding;

/**
 * What a finding sits on in a measured journey, per run of the journey: the IT energy of the CPU samples taken in its
 * code, the bytes of the steps it produces data in, and what fixing it would save where its rule has a model. A
 * finding whose code the recording never saw has no runtime trace and keeps its static weight.
 *
 * @param finding the finding
 * @param scope the code it sits in
 * @param measured whether the recording saw its code
 * @param steps the steps its code was seen in, in journey order
 * @param cpuSamples CPU samples in its code, per run (inclusive: its callees count)
 * @param itEnergyJ the share of the steps' IT energy those samples stand for
 * @param bytes bytes exchanged that it produces: socket traffic with its code on the stack, and for payload rules the
 *     traffic of the steps it runs in
 * @param dataEnergyJ energy allocated to those bytes
 * @param sleeps sleeps in its code, per run (each a wake-up)
 * @param staticWeight the finding's static weight (rule severity × family, as the static écoscore weighs it)
 * @param saving what fixing it would save, or null when its rule has no model
 */
public record FindingImpact(
        Finding finding,
        FindingScope scope,
        boolean measured,
        List<String> steps,
        double cpuSamples,
        double itEnergyJ,
        double bytes,
        double dataEnergyJ,
        double sleeps,
        double staticWeight,
        Saving saving) {

    public FindingImpact {
        Objects.requireNonNull(finding, "finding");
        steps = List.copyOf(steps);
    }

    /** The estimated energy the finding sits on: its IT energy and the energy allocated to its bytes. */
    public double energyJ() {
        return itEnergyJ + dataEnergyJ;
    }

    /**
     * What fixing a finding would save in one run of the journey, by its rule's model.
     *
     * @param model how the rule's saving is estimated, with its source
     * @param itEnergyJ IT energy saved
     * @param bytes bytes exchanged saved
     * @param dataEnergyJ energy allocated to those bytes
     * @param wakeUps wake-ups saved
     */
    public record Saving(String model, double itEnergyJ, double bytes, double dataEnergyJ, double wakeUps) {
        public double energyJ() {
            return itEnergyJ + dataEnergyJ;
        }
    }
}
