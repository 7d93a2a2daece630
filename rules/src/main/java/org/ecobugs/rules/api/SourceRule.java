package org.ecobugs.rules.api;

import com.github.javaparser.ast.Node;
import java.util.Set;

/**
 * A rule that is its own source detector and visits nodes of some types on entering them. Rules with more to do (state
 * along the walk, visits on leaving, per-file hooks, several walkers) register {@link SourceDetector}s through {@link
 * EnergyRule#detectors()} instead.
 */
public interface SourceRule extends EnergyRule, SourceDetector {

    /** The node types this rule wants to see. */
    Set<Class<? extends Node>> nodesToVisit();

    /** Called for each node of a subscribed type, in pre-order. */
    void visitNode(Node node, SourceContext context);

    @Override
    default void subscribe(SourceVisits visits) {
        for (Class<? extends Node> type : nodesToVisit()) {
            visits.enter(type, this::visitNode);
        }
    }
}
