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
 * EB401: a direct dependency that nothing in the project uses (no class reference, import, class name in code or
 * resources, loaded service, JDBC driver, logging back-end, auto-configuration, or use by another library) ships for
 * nothing. Variants: only a dependency it brings in is used (declare that one instead); it is an annotation processor
 * (needed to compile, not to run); it is an aggregator none of whose payload is used. A dependency that another shipped
 * dependency requires stays shipped when the project drops it, so it is not reported; nor are Spring Boot starters
 * (EB404) and dependencies used only by tests (EB403).
 */
@RuleKey("EB401")
public final class UnusedDeclaredDependencyRule implements EnergyRule, DependencyDetector {

    @Override
    public void check(DependencyUsage usage, DependencyContext context) {
        for (Dependency dependency : DependencyRules.shippedDirect(usage)) {
            if (DependencyRules.isSpringBootStarter(dependency)) {
                continue;
            }
            DependencyUsage.Usage use = usage.of(dependency);
            Set<Dependency> gone = usage.shippedOnlyThrough(Set.of(dependency), Set.of());
            if (!gone.contains(dependency)) {
                continue;
            }
            if (use.annotationProcessor() && dependency.optional()) {
                // Optional is how Spring Boot documents its configuration processor: its packaging leaves it out.
                continue;
            }
            if (use.annotationProcessor()
                    && !use.mainReferencesAtRuntime()
                    && use.binding().isEmpty()) {
                context.report(
                        dependency,
                        "Scope the annotation processor " + dependency.coordinates()
                                + " as provided or move it to the compiler's annotationProcessorPaths: it is needed"
                                + " only to compile, yet it ships " + size(usage, gone) + " with the product"
                                + note(gone) + ".");
                continue;
            }
            if (DependencyRules.inUse(use)) {
                continue;
            }
            if (DependencyRules.isAggregator(dependency, use)) {
                aggregator(usage, context, dependency, gone);
                continue;
            }
            Set<Dependency> usedBelow = new LinkedHashSet<>();
            for (Dependency part : gone) {
                if (!part.equals(dependency) && DependencyRules.inUse(usage.of(part))) {
                    usedBelow.add(part);
                }
            }
            if (!usedBelow.isEmpty()) {
                Set<Dependency> stillGone = usage.shippedOnlyThrough(Set.of(dependency), usedBelow);
                context.report(
                        dependency,
                        "Declare " + DependencyRules.names(keys(usedBelow), 3) + ", the only part of "
                                + dependency.coordinates() + " the project uses, and remove "
                                + dependency.coordinates().artifactId() + ": it ships " + size(usage, stillGone)
                                + " for nothing" + note(stillGone) + ".");
            } else if (dependency.origin() == Dependency.Origin.INHERITED) {
                context.report(
                        dependency,
                        "Move " + dependency.coordinates() + ", inherited from the parent POM, to the modules that use"
                                + " it: nothing in this module uses it, and it ships " + size(usage, gone)
                                + " here for nothing" + note(gone) + ".");
            } else {
                context.report(
                        dependency,
                        "Remove the unused dependency " + dependency.coordinates() + ": no code, resource or"
                                + " runtime binding of the project uses it, and it ships " + size(usage, gone)
                                + " for nothing" + note(gone) + ".");
            }
        }
    }

    private static void aggregator(
            DependencyUsage usage, DependencyContext context, Dependency dependency, Set<Dependency> gone) {
        Set<Dependency> payload = new LinkedHashSet<>(gone);
        payload.remove(dependency);
        if (payload.isEmpty()) {
            return;
        }
        for (Dependency part : payload) {
            if (DependencyRules.inUse(usage.of(part))) {
                return;
            }
        }
        context.report(
                dependency,
                "Remove " + dependency.coordinates() + ": none of what it brings in ("
                        + DependencyRules.names(DependencyRules.artifactIds(payload), 3) + ") is used, and it ships "
                        + DependencyRules.size(usage.bytes(gone)) + " for nothing.");
    }

    /** The bytes a fix removes from the product: the dependency and what only it brings in. */
    static String size(DependencyUsage usage, Set<Dependency> gone) {
        return DependencyRules.size(usage.bytes(gone));
    }

    /** Says that the size counts what only the dependency brings in, when it brings in something. */
    static String note(Set<Dependency> gone) {
        return DependencyRules.payloadNote(gone.size() - 1);
    }

    private static Set<String> keys(Set<Dependency> dependencies) {
        Set<String> keys = new LinkedHashSet<>();
        dependencies.forEach(d -> keys.add(d.key()));
        return keys;
    }
}
