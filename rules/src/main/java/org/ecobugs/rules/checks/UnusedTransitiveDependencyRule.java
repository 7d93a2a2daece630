package org.ecobugs.rules.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.DependencyContext;
import org.ecobugs.rules.api.DependencyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyUsage;

/**
 * EB402: a transitive dependency that no class reached from the project refers to (the engine walks library bytecode
 * class by class from what the project uses, following loaded services, auto-configuration and class names in
 * strings) can be excluded. Reported at the direct dependencies it comes through that are in use; when one of them is
 * unused, EB401 reports that one instead.
 */
@RuleKey("EB402")
public final class UnusedTransitiveDependencyRule implements DependencyRule {

    @Override
    public void check(DependencyUsage usage, DependencyContext context) {
        for (Dependency dependency : usage.graph().dependencies()) {
            if (dependency.direct() || !dependency.shipped() || dependency.jar().isEmpty()) {
                continue;
            }
            DependencyUsage.Usage use = usage.of(dependency);
            if (DependencyRules.inUse(use) || use.classCount() == 0) {
                continue;
            }
            List<Dependency> ancestors = usage.directAncestors(dependency);
            List<Dependency> inUse = new ArrayList<>();
            for (Dependency ancestor : ancestors) {
                if (ancestor.sameBuild()
                        || !DependencyRules.inUse(usage, ancestor)
                        || DependencyRules.isUnusedStarter(usage, ancestor)) {
                    // A module of the build judges its own dependencies; removing an unused ancestor (EB401,
                    // EB404) removes this one too.
                    inUse.clear();
                    break;
                }
                inUse.add(ancestor);
            }
            if (inUse.isEmpty()) {
                continue;
            }
            Set<Dependency> gone = usage.shippedOnlyThrough(Set.of(dependency), Set.of());
            context.reportAt(
                    dependency,
                    inUse.get(0),
                    "Exclude " + dependency.coordinates() + " from "
                            + DependencyRules.names(DependencyRules.artifactIds(inUse), 3)
                            + ": no code the project uses reaches its classes, and it ships "
                            + UnusedDeclaredDependencyRule.size(usage, gone) + " for nothing"
                            + UnusedDeclaredDependencyRule.note(gone) + ".");
        }
    }
}
