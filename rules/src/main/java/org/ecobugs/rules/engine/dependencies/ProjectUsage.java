package org.ecobugs.rules.engine.dependencies;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.DependencyUsage;

/** The usage the dependency rules read: the evidence of each dependency, and what removing some would remove. */
final class ProjectUsage implements DependencyUsage {
    private final DependencyGraph graph;
    private final DependencyIndex index;
    private final UsageEvidence evidence;
    private final Set<String> configurationKeys;
    private final Map<String, List<Dependency>> children = new HashMap<>();
    private final List<Dependency> shippedDirect = new ArrayList<>();

    ProjectUsage(DependencyGraph graph, DependencyIndex index, UsageEvidence evidence, Set<String> configurationKeys) {
        this.graph = graph;
        this.index = index;
        this.evidence = evidence;
        this.configurationKeys = Collections.unmodifiableSet(new LinkedHashSet<>(configurationKeys));
        for (Dependency dependency : graph.dependencies()) {
            if (!dependency.shipped()) {
                continue;
            }
            if (dependency.direct()) {
                shippedDirect.add(dependency);
            }
            for (String parent : dependency.requiredBy()) {
                graph.find(parent)
                        .filter(Dependency::shipped)
                        .ifPresent(p -> children.computeIfAbsent(p.key(), k -> new ArrayList<>())
                                .add(dependency));
            }
        }
    }

    @Override
    public DependencyGraph graph() {
        return graph;
    }

    @Override
    public Usage of(Dependency dependency) {
        return evidence.of(dependency, index.of(dependency.key()));
    }

    @Override
    public Set<Dependency> shippedOnlyThrough(Set<Dependency> removed, Set<Dependency> kept) {
        Set<String> removedKeys = new HashSet<>();
        removed.forEach(d -> removedKeys.add(d.key()));
        Set<String> reached = new HashSet<>();
        Deque<Dependency> pending = new ArrayDeque<>();
        for (Dependency root : shippedDirect) {
            if (!removedKeys.contains(root.key())) {
                pending.add(root);
            }
        }
        pending.addAll(kept);
        while (!pending.isEmpty()) {
            Dependency next = pending.poll();
            if (!reached.add(next.key())) {
                continue;
            }
            for (Dependency child : children.getOrDefault(next.key(), List.of())) {
                // Removing a declaration keeps what others require; excluding a transitive one drops it.
                if (!(removedKeys.contains(child.key()) && !child.direct())) {
                    pending.add(child);
                }
            }
        }
        Set<Dependency> gone = new LinkedHashSet<>();
        for (Dependency dependency : graph.dependencies()) {
            if (dependency.shipped() && !reached.contains(dependency.key())) {
                gone.add(dependency);
            }
        }
        return gone;
    }

    @Override
    public long bytes(Set<Dependency> dependencies) {
        long total = 0;
        for (Dependency dependency : dependencies) {
            JarIndex jar = index.of(dependency.key());
            if (jar != null) {
                total += jar.bytes();
            }
        }
        return total;
    }

    @Override
    public List<Dependency> directAncestors(Dependency transitive) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(transitive.requiredBy());
        Set<String> ancestors = new HashSet<>();
        while (!pending.isEmpty()) {
            String key = pending.poll();
            if (!seen.add(key)) {
                continue;
            }
            Optional<Dependency> parent = graph.find(key).filter(Dependency::shipped);
            if (parent.isEmpty()) {
                continue;
            }
            if (parent.get().direct()) {
                ancestors.add(key);
            }
            pending.addAll(parent.get().requiredBy());
        }
        if (ancestors.isEmpty() && transitive.via() != null) {
            ancestors.add(transitive.via());
        }
        List<Dependency> ordered = new ArrayList<>();
        for (Dependency dependency : graph.dependencies()) {
            if (ancestors.contains(dependency.key())) {
                ordered.add(dependency);
            }
        }
        return ordered;
    }

    @Override
    public Set<String> configurationKeys() {
        return configurationKeys;
    }
}
