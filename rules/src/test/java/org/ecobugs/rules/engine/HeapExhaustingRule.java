package org.ecobugs.rules.engine;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.objectweb.asm.tree.ClassNode;

/**
 * Runs out of memory on one method name and one class, as a file too large for the heap does, to prove that it costs
 * only that file's findings.
 */
@RuleKey("EB699")
public final class HeapExhaustingRule implements SourceRule, BytecodeRule {

    static final String METHOD = "exhaustTheHeap";
    static final String CLASS = "org/ecobugs/fixtures/eb303/UninterruptibleInfiniteLoopCompiled";

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodDeclaration.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        if (((MethodDeclaration) node).getNameAsString().equals(METHOD)) {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of();
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        if (classNode.name.equals(CLASS)) {
            throw new OutOfMemoryError("Java heap space");
        }
    }
}
