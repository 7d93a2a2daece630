package org.ecobugs.rules.api;

import com.github.javaparser.ast.Node;
import java.util.Set;

/**
 * A rule that reads Java source. The engine parses each file once and walks it once, calling every source rule on the
 * node types it subscribed to (subtypes included).
 */
public interface SourceRule extends EnergyRule {

    /** The node types this rule wants to see. */
    Set<Class<? extends Node>> nodesToVisit();

    /** Called for each node of a subscribed type, in pre-order. */
    void visitNode(Node node, SourceContext context);
}
