package org.ecobugs.rules.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.DependencyContext;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyUsage;

/**
 * EB402: a transitive dependency that no class reached from the project refers to (the engine walks library bytecode
 * class by class from what the project uses, following loaded services, auto-configuration, component scans and class
 * names in strings) can be excluded. Reported at the direct dependencies it comes through that main code uses; when
 * one of them is unused or used only by tests, EB401 or EB403 reports that one instead.
 *
 * <p>An exclusion removes the dependency and every jar only it brings in, so one is suggested only when none of those
 * jars is used: otherwise the unused jars below it are suggested instead. The suggestions do not overlap (a jar inside
 * a suggested exclusion is not suggested again), and following all of them together removes no used jar either.
 */
@RuleKey("EB402")
public final class UnusedTransitiveDependencyRule implements EnergyRule, DependencyDetector {

    /** A transitive dependency the exclusion would remove, the direct ones to exclude it from, and what goes. */
    private record Exclusion(Dependency dependency, List<Dependency> from, Set<Dependency> removed, long bytes) {}

    @Override
    public void check(DependencyUsage usage, DependencyContext context) {
        List<Exclusion> safe = new ArrayList<>();
        for (Dependency dependency : usage.graph().dependencies()) {
            if (dependency.direct() || !dependency.shipped() || dependency.jar().isEmpty()) {
                continue;
            }
            DependencyUsage.Usage use = usage.of(dependency);
            if (DependencyRules.inUse(use) || use.classCount() == 0) {
                continue;
            }
            List<Dependency> from = excludableFrom(usage, dependency);
            if (from.isEmpty()) {
                continue;
            }
            Set<Dependency> removed = usage.shippedOnlyThrough(Set.of(dependency), Set.of());
            if (removesNothingUsed(usage, removed)) {
                safe.add(new Exclusion(dependency, from, removed, usage.bytes(removed)));
            }
        }
        Set<Dependency> insideAnother = new HashSet<>();
        for (Exclusion exclusion : safe) {
            for (Dependency member : exclusion.removed()) {
                if (!member.equals(exclusion.dependency())) {
                    insideAnother.add(member);
                }
            }
        }
        List<Exclusion> outermost = new ArrayList<>();
        for (Exclusion exclusion : safe) {
            if (!insideAnother.contains(exclusion.dependency())) {
                outermost.add(exclusion);
            }
        }
        // A jar that two suggested exclusions both bring in goes only when both are followed: keep the larger savings
        // first, and a suggestion only if following it with those already kept still removes nothing used.
        outermost.sort(Comparator.comparingLong(Exclusion::bytes)
                .reversed()
                .thenComparing(e -> e.dependency().key()));
        Set<Dependency> kept = new LinkedHashSet<>();
        List<Exclusion> suggested = new ArrayList<>();
        for (Exclusion exclusion : outermost) {
            Set<Dependency> together = new LinkedHashSet<>(kept);
            together.add(exclusion.dependency());
            if (removesNothingUsed(usage, usage.shippedOnlyThrough(together, Set.of()))) {
                kept.add(exclusion.dependency());
                suggested.add(exclusion);
            }
        }
        suggested.sort(Comparator.comparingInt(e -> usage.graph().dependencies().indexOf(e.dependency())));
        for (Exclusion exclusion : suggested) {
            Dependency dependency = exclusion.dependency();
            context.reportAt(
                    dependency,
                    exclusion.from().get(0),
                    "Exclude " + dependency.coordinates() + " from "
                            + DependencyRules.names(DependencyRules.artifactIds(exclusion.from()), 3)
                            + ": no code the project uses reaches its classes, and it ships "
                            + DependencyRules.size(exclusion.bytes()) + " for nothing"
                            + UnusedDeclaredDependencyRule.note(exclusion.removed()) + ".");
        }
    }

    /**
     * The direct dependencies to exclude it from: those it comes through, when main code uses each of them; none when
     * one of them is a module of the build (its own analysis judges what it brings in) or has a fix of its own that
     * removes this one too (unused: EB401; an unused starter: EB404; used only by tests: EB403).
     */
    private static List<Dependency> excludableFrom(DependencyUsage usage, Dependency dependency) {
        List<Dependency> from = new ArrayList<>();
        for (Dependency ancestor : usage.directAncestors(dependency)) {
            if (ancestor.sameBuild()
                    || !DependencyRules.inUse(usage, ancestor)
                    || DependencyRules.isUnusedStarter(usage, ancestor)
                    || usedOnlyByTests(usage, ancestor)) {
                return List.of();
            }
            from.add(ancestor);
        }
        return from;
    }

    private static boolean usedOnlyByTests(DependencyUsage usage, Dependency ancestor) {
        DependencyUsage.Usage use = usage.of(ancestor);
        return !use.usedByMain() && use.test().isPresent();
    }

    /** Whether none of the jars an exclusion removes is used by the project, its tests or a library it uses. */
    private static boolean removesNothingUsed(DependencyUsage usage, Set<Dependency> removed) {
        for (Dependency member : removed) {
            if (member.sameBuild() || DependencyRules.inUse(usage.of(member))) {
                return false;
            }
        }
        return true;
    }
}
