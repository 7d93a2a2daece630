package org.ecobugs.rules.checks;

import java.util.LinkedHashSet;
import java.util.Set;
import org.ecobugs.rules.api.DependencyContext;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyUsage;

/**
 * EB404: a Spring Boot starter holds no code; what it brings in (its payload: the dependencies only it brings in) is
 * auto-configured at every start because it is on the classpath. The starter is reported when no class, import, class
 * name or resource of the project refers to its payload and no configuration key of its prefix is set. Starters that
 * are used through configuration alone (web, actuator, security, template engines…) are never reported. See {@link
 * DependencyRules#isUnusedStarter}.
 */
@RuleKey("EB404")
public final class UnusedSpringBootStarterRule implements EnergyRule, DependencyDetector {

    @Override
    public void check(DependencyUsage usage, DependencyContext context) {
        for (Dependency starter : DependencyRules.shippedDirect(usage)) {
            if (!DependencyRules.isUnusedStarter(usage, starter)) {
                continue;
            }
            Set<Dependency> gone = usage.shippedOnlyThrough(Set.of(starter), Set.of());
            Set<Dependency> payload = new LinkedHashSet<>(gone);
            payload.remove(starter);
            context.report(
                    starter,
                    "Remove " + starter.coordinates() + ": no class or setting of the project uses what it brings in ("
                            + DependencyRules.names(DependencyRules.artifactIds(payload), 2) + ", "
                            + DependencyRules.size(usage.bytes(gone)) + "), yet Spring Boot auto-configures it at"
                            + " every start.");
        }
    }
}
