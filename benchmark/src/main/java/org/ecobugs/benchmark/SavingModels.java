package org.ecobugs.benchmark;

import java.util.Map;
import java.util.Optional;

/**
 * What fixing a finding would save, for the rules that have a model: each model says what the fix removes and where
 * its number comes from. Rules without a model get none; their findings are ranked by what they sit on.
 */
public final class SavingModels {

    /**
     * The share of the bytes of a JSON exchange (request and response, headers included) that indentation adds, as
     * measured on the payload pair of journeys (a FHIR searchset Bundle of 100 Observations fetched 20 times over
     * loopback HTTP, Jackson's default pretty printer against compact output: 1,254,260 against 807,820 bytes), see
     * docs/benchmark.md, "Journeys that differ by one energy bug".
     */
    public static final double INDENTATION_SHARE = 0.356;

    /**
     * The share of the process CPU time a shared HTTP client saves against a client per request: a client per request
     * cost 3.3 times the CPU of a shared one (docs/measurements.md, "HTTP client per request").
     */
    public static final double SHARED_CLIENT_CPU_SAVING = 1 - 1 / 3.3;

    /** A rule's model: what the fix saves, given what the finding sits on. */
    @FunctionalInterface
    interface Model {
        FindingImpact.Saving saving(double itEnergyJ, double bytes, double sleeps, int waits, ImpactModel impact);
    }

    private static final Map<String, Model> MODELS = Map.of(
            "EB101",
            (it, bytes, sleeps, waits, impact) -> new FindingImpact.Saving(
                    "a blocking wait uses no CPU while it waits: the spin's CPU energy is saved (a blocking take()"
                            + " used about 1/3,000 of a spin's CPU in docs/measurements.md, waiting styles)",
                    it,
                    0,
                    0,
                    0),
            "EB102",
            (it, bytes, sleeps, waits, impact) -> new FindingImpact.Saving(
                    "a blocking wait wakes once per wait instead of once per poll: the poll's wake-ups but one per"
                            + " wait, and its CPU energy, are saved (docs/measurements.md, waiting styles)",
                    it,
                    0,
                    0,
                    Math.max(0, sleeps - waits)),
            "EB201",
            (it, bytes, sleeps, waits, impact) -> new FindingImpact.Saving(
                    "compact JSON: indentation made up 35.6 % of the bytes of a FHIR JSON exchange in"
                            + " docs/benchmark.md (payload pair, pretty vs compact)",
                    0, bytes * INDENTATION_SHARE, impact.dataJoules(bytes * INDENTATION_SHARE), 0),
            "EB501",
            (it, bytes, sleeps, waits, impact) -> new FindingImpact.Saving(
                    "one shared client: a client per request cost 3.3 times the CPU of a shared one in"
                            + " docs/measurements.md (HTTP client per request)",
                    it * SHARED_CLIENT_CPU_SAVING,
                    0,
                    0,
                    0));

    private SavingModels() {}

    /** Whether the rule has a saving model. */
    public static boolean has(String ruleKey) {
        return MODELS.containsKey(ruleKey);
    }

    static Optional<FindingImpact.Saving> saving(
            String ruleKey, double itEnergyJ, double bytes, double sleeps, int waits, ImpactModel impact) {
        Model model = MODELS.get(ruleKey);
        return model == null ? Optional.empty() : Optional.of(model.saving(itEnergyJ, bytes, sleeps, waits, impact));
    }
}
