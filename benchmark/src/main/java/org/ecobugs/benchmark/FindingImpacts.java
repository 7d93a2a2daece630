package org.ecobugs.benchmark;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.meta.Family;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;

/**
 * Joins findings to a measured journey and ranks them by the energy they sit on.
 *
 * <ul>
 *   <li>A finding's code ran in a step when the stacks of the step's CPU samples, allocation samples, or socket, file
 *       or sleep events hold a frame of it ({@link FindingScope}); each event counts once, however many of its frames
 *       the stack holds. Its IT energy is the step's IT energy times the share of the step's CPU samples taken in its
 *       code (callees included), summed over the steps.
 *   <li>Its bytes are the socket traffic with its code on the stack; a payload rule's finding (EB2xx) also produces the
 *       data of the steps its code runs in, so those steps' bytes are its own.
 *   <li>Findings the recording never saw keep their static weight and come after the measured ones.
 * </ul>
 */
public final class FindingImpacts {

    private FindingImpacts() {}

    /** The findings ranked: measured ones by estimated energy, then the others by static weight, then by position. */
    public static List<FindingImpact> rank(
            Collection<Finding> findings, BenchmarkResult benchmark, RuleCatalog catalog) {
        FindingScope.Resolver scopes = new FindingScope.Resolver();
        List<FindingImpact> impacts = new ArrayList<>();
        for (Finding finding : findings) {
            impacts.add(impact(finding, scopes.of(finding), benchmark, catalog.get(finding.ruleKey())));
        }
        impacts.sort(Comparator.comparing((FindingImpact i) -> !i.measured())
                .thenComparing(
                        Comparator.comparingDouble(FindingImpact::energyJ).reversed())
                .thenComparing(
                        Comparator.comparingDouble(FindingImpact::staticWeight).reversed())
                .thenComparing(FindingImpact::finding));
        return impacts;
    }

    /** Per rule, the sum of what fixing its findings would save; rules without a model are left out. */
    public static Map<String, FindingImpact.Saving> savingsByRule(List<FindingImpact> impacts) {
        return impacts.stream()
                .filter(i -> i.saving() != null)
                .collect(Collectors.toMap(
                        i -> i.finding().ruleKey(),
                        FindingImpact::saving,
                        (a, b) -> new FindingImpact.Saving(
                                a.model(),
                                a.itEnergyJ() + b.itEnergyJ(),
                                a.bytes() + b.bytes(),
                                a.dataEnergyJ() + b.dataEnergyJ(),
                                a.wakeUps() + b.wakeUps()),
                        java.util.TreeMap::new));
    }

    static FindingImpact impact(Finding finding, FindingScope scope, BenchmarkResult benchmark, RuleMetadata rule) {
        int runs = Math.max(1, benchmark.journey().runs());
        List<String> steps = new ArrayList<>();
        double samples = 0;
        double itEnergy = 0;
        double bytes = 0;
        double sleeps = 0;
        int waits = 0;
        for (StepResult step : benchmark.profiledSteps()) {
            FrameCounts seen = step.profile().seen(scope::contains);
            if (seen.isEmpty()) {
                continue;
            }
            steps.add(step.name());
            long stepSamples = step.profile().samples();
            double inScope = Math.min(seen.samples(), stepSamples);
            if (stepSamples > 0) {
                itEnergy += inScope / stepSamples * step.itEnergyJ().median();
            }
            samples += inScope / runs;
            sleeps += (double) seen.sleeps() / runs;
            waits += seen.sleeps() > 0 ? 1 : 0;
            double stepBytes = step.dataBytes().median();
            bytes += rule.family() == Family.PAYLOAD
                    ? stepBytes
                    : Math.min(stepBytes, (double) seen.socketBytes() / runs);
        }
        boolean measured = !steps.isEmpty();
        ImpactModel model = benchmark.model();
        double dataEnergy = model.dataJoules(bytes);
        FindingImpact.Saving saving = measured
                ? SavingModels.saving(finding.ruleKey(), itEnergy, bytes, sleeps, waits, model)
                        .orElse(null)
                : null;
        return new FindingImpact(
                finding,
                scope,
                measured,
                steps,
                samples,
                itEnergy,
                bytes,
                dataEnergy,
                sleeps,
                staticWeight(rule),
                saving);
    }

    /**
     * The static weight of a finding: its rule's severity weight (doubling at each level) times its family weight, the
     * weights of the static écoscore (docs/adr/0006-static-ecoscore.md), so that findings without a runtime trace rank
     * as the static estimate weighs them.
     */
    static double staticWeight(RuleMetadata rule) {
        double severity = switch (rule.defaultSeverity()) {
            case INFO -> 0.5;
            case MINOR -> 1;
            case MAJOR -> 2;
            case CRITICAL -> 4;
            case BLOCKER -> 8;
        };
        double family = switch (rule.family()) {
            case POLLING -> 1.5;
            case PAYLOAD, DATA_ACCESS -> 1.25;
            case LOOPS, RESOURCES -> 1.0;
            case DEPENDENCIES -> 0.5;
        };
        return severity * family;
    }
}
