package org.ecobugs.rules.checks;

import java.util.List;
import java.util.regex.Pattern;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;

/**
 * Android background work that transfers data and is built without any constraint: a WorkManager {@code
 * PeriodicWorkRequest} or {@code OneTimeWorkRequest} with no {@code setConstraints(…)}, or a JobScheduler {@code
 * JobInfo} with no network, charging, idle, battery or storage requirement. The work transfers data when its worker
 * (or job service) class, given as a class literal, is declared in the same file and uses a network API, or when its
 * name says so ({@code networkWorkerPattern}). Builders handed to other methods are not followed.
 */
@RuleKey("EB108")
public final class BackgroundWorkWithoutConstraintsRule implements EnergyRule {

    private final Pattern networkWorkerName;

    public BackgroundWorkWithoutConstraintsRule(RuleParameters parameters) {
        this.networkWorkerName = Pattern.compile(parameters.string("networkWorkerPattern"));
    }

    static String message(String kind, String worker) {
        return "This " + kind + " runs " + worker + ", which transfers data, without any constraint, so it also runs on"
                + " cellular data and low battery; add constraints (network type, battery not low or charging).";
    }

    @Override
    public List<Detector> detectors() {
        return List.of(new BackgroundWorkWithoutConstraintsSource(networkWorkerName));
    }
}
