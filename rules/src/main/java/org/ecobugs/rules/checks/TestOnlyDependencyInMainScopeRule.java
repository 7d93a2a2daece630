package org.ecobugs.rules.checks;

import java.util.Set;
import org.ecobugs.rules.api.DependencyContext;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyUsage;

/**
 * EB403: a direct dependency that only test code uses, declared in a scope that ships it (compile, runtime), ends up
 * in the product. Not reported when another shipped dependency requires it (test scope would then break that one at
 * run time), nor when main code needs something only it brings in.
 */
@RuleKey("EB403")
public final class TestOnlyDependencyInMainScopeRule implements EnergyRule, DependencyDetector {

    @Override
    public void check(DependencyUsage usage, DependencyContext context) {
        for (Dependency dependency : DependencyRules.shippedDirect(usage)) {
            DependencyUsage.Usage use = usage.of(dependency);
            if (use.usedByMain() || use.test().isEmpty() || DependencyRules.isAggregator(dependency, use)) {
                continue;
            }
            Set<Dependency> gone = usage.shippedOnlyThrough(Set.of(dependency), Set.of());
            if (!gone.contains(dependency)
                    || gone.stream().anyMatch(part -> usage.of(part).usedByMain())) {
                continue;
            }
            context.report(
                    dependency,
                    "Declare " + dependency.coordinates() + " with <scope>test</scope>: only test code uses it, yet"
                            + " its " + dependency.scope() + " scope ships "
                            + UnusedDeclaredDependencyRule.size(usage, gone)
                            + " with the product" + UnusedDeclaredDependencyRule.note(gone) + ".");
        }
    }
}
