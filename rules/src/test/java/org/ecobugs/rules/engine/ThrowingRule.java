package org.ecobugs.rules.engine;

import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeDetector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.objectweb.asm.tree.ClassNode;

/** Fails on every method and class, to prove that a failing rule costs only its own findings. */
@RuleKey("EB699")
public final class ThrowingRule implements EnergyRule, SourceDetector, BytecodeDetector {

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodDeclaration.class, (method, context) -> {
            throw new IllegalStateException("source rule broke on " + method.getNameAsString());
        });
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
