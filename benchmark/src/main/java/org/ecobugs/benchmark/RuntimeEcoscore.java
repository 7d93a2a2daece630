package org.ecobugs.benchmark;

import java.util.Collection;

/**
 * ecobugs' estimate on the same axes as the ANS écoscore, for a measured journey: each step is scored from 0 to 100
 * on the three axes of the ANS écoscore (time, energy, data exchanged), each axis of the journey is the mean of its
 * steps' scores, and the estimate is the mean of the three axes, equally weighted as in the ANS method. On each axis
 * a step scores {@code 100 × 2^(−value ÷ reference)}: 100 for nothing spent, 50 at the reference value, 25 at twice
 * the reference.
 *
 * <p>It is ecobugs' estimate on the same axes as the ANS écoscore, <em>not</em> the ANS écoscore, whose thresholds
 * are unpublished and which is measured on real devices. The model and its limits are in {@code
 * docs/adr/0009-journey-estimate.md}; the static écoscore (findings per thousand lines, ADR 0006) is a separate index.
 */
public final class RuntimeEcoscore {

    /** The name and version of this model, for reports that show where a score comes from. */
    public static final String MODEL = "ecobugs journey estimate v1";

    /** How every report labels the score. */
    public static final String LABEL = "ecobugs' estimate on the same axes as the ANS écoscore (time, energy, data"
            + " exchanged), not the ANS écoscore itself";

    /**
     * Wall time per step that halves the time score: one second, the limit for a user's flow of thought to stay
     * uninterrupted (J. Nielsen, "Response Times: The 3 Important Limits", Nielsen Norman Group, 1993).
     */
    public static final double TIME_REFERENCE_SECONDS = 1.0;

    /**
     * IT energy per step that halves the energy score: 3.5 J, one vCPU at full load for the time reference under the
     * default power model (Cloud Carbon Footprint, AWS average, 3.5 W per vCPU).
     */
    public static final double ENERGY_REFERENCE_JOULES = 3.5;

    /**
     * Bytes exchanged per step that halve the data score: 1 MB, the page weight RGESN 2024 criterion 6.1 gives as an
     * example target (a 2 MB page brought down to 1 MB; "for an API, the screen is the server's response").
     */
    public static final double DATA_REFERENCE_BYTES = 1_000_000;

    private RuntimeEcoscore() {}

    /**
     * Scores on the three axes, and their mean.
     *
     * @param time the time axis, 0 to 100
     * @param energy the energy axis, 0 to 100
     * @param data the data axis, 0 to 100
     */
    public record Axes(double time, double energy, double data) {
        /** The estimate: the mean of the three axes. */
        public double estimate() {
            return (time + energy + data) / 3;
        }
    }

    /** What one step spent, as the score reads it. */
    public record Spent(double wallSeconds, double itJoules, double bytesExchanged) {}

    /** The score of one axis for one step. */
    public static double axis(double value, double reference) {
        if (value < 0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("A measured value cannot be negative: " + value);
        }
        return 100 * Math.pow(2, -value / reference);
    }

    /** The three axis scores of one step. */
    public static Axes step(Spent spent) {
        return new Axes(
                axis(spent.wallSeconds(), TIME_REFERENCE_SECONDS),
                axis(spent.itJoules(), ENERGY_REFERENCE_JOULES),
                axis(spent.bytesExchanged(), DATA_REFERENCE_BYTES));
    }

    /** The journey's axes: each the mean of its steps' scores, so that the score does not grow with the step count. */
    public static Axes journey(Collection<Spent> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A journey has at least one step");
        }
        double time = 0;
        double energy = 0;
        double data = 0;
        for (Spent spent : steps) {
            Axes axes = step(spent);
            time += axes.time();
            energy += axes.energy();
            data += axes.data();
        }
        int n = steps.size();
        return new Axes(time / n, energy / n, data / n);
    }

    /** One decimal, as scores are shown. */
    public static double round(double score) {
        return Math.round(score * 10) / 10.0;
    }
}
