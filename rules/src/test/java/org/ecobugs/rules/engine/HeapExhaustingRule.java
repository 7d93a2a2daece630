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

/**
 * Runs out of memory on one method name and one class, as a file too large for the heap does, to prove that it costs
 * only that file's findings.
 */
@RuleKey("EB699")
public final class HeapExhaustingRule implements EnergyRule, SourceDetector, BytecodeDetector {

    static final String METHOD = "exhaustTheHeap";
    static final String CLASS = "org/ecobugs/fixtures/eb303/UninterruptibleInfiniteLoopCompiled";

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodDeclaration.class, (method, context) -> {
            if (method.getNameAsString().equals(METHOD)) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
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
