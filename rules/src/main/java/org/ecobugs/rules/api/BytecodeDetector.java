package org.ecobugs.rules.api;

import java.util.Set;
import org.objectweb.asm.tree.ClassNode;

/**
 * The part of a rule that reads compiled classes. The engine reads each class once into an ASM tree and hands it to
 * every bytecode detector whose prescreen matches; what they share of a method (its frames, its loops) is computed
 * once, through the {@link BytecodeContext}.
 */
public interface BytecodeDetector extends Detector {

    /**
     * Strings of which at least one must appear in a class's constant pool (internal class names, member names or
     * string constants) for the class to be worth visiting; an empty set visits every class. Classes that match no
     * detector are never expanded into a tree.
     */
    Set<String> constantPoolPrescreen();

    /** Called once per class that passed the prescreen. */
    void visitClass(ClassNode classNode, BytecodeContext context);

    /**
     * Whether findings on a class whose source file the analysis parsed are kept. A rule whose source side sees all
     * that its bytecode side sees, and has guards the bytecode cannot apply (the condition around a call, how a
     * variable is used later), answers false: its bytecode side then only serves inputs without sources.
     */
    default boolean reportsWhereSourceWasAnalyzed() {
        return true;
    }
}
