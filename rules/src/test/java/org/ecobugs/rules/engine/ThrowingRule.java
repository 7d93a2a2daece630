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

/** Fails on every method and class, to prove that a failing rule costs only its own findings. */
@RuleKey("EB699")
public final class ThrowingRule implements SourceRule, BytecodeRule {

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodDeclaration.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        throw new IllegalStateException("source rule broke on " + ((MethodDeclaration) node).getNameAsString());
    }

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of();
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        throw new IllegalStateException("bytecode rule broke on " + classNode.name);
    }
}
