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

    /**
     * Words of which the file's code must hold some for this rule to find anything in it (see {@link RequiredWords}):
     * the method names it looks for, the simple names of the types or annotations, {@code for} and {@code while} for a
     * rule about loops. The default, {@link RequiredWords#anyFile()}, reads every file. The engine hands a file only to
     * the rules whose words it holds, and does not parse a file that no rule wants (as the bytecode walker skips
     * classes by their constant pool). A word that is missing here loses findings, so the condition must be a necessary
     * one, not a guess.
     */
    default RequiredWords textPrescreen() {
        return RequiredWords.anyFile();
    }
}
