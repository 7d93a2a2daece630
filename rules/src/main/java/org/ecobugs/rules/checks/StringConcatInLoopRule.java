package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.bytecode.Instructions;
import org.ecobugs.rules.bytecode.StoredVariables;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * A string that a loop grows by concatenation ({@code s += x}, {@code s = s + x}, {@code s = x + s}): each iteration
 * copies everything appended so far, so building a text of n parts costs O(n²) characters copied. The variable must
 * be declared outside the loop and not reset inside it; a string rebuilt at each iteration is not reported.
 */
@RuleKey("EB305")
public final class StringConcatInLoopRule implements SourceRule, BytecodeRule {

    private static final String STRING = "java.lang.String";

    /** Counted loops of at most this many iterations do a fixed, small amount of work whatever the input. */
    static final long MAX_CONSTANT_ITERATIONS = 16;

    /** A loop that pads a string up to this length at most copies a few short strings. */
    static final long MAX_PADDED_LENGTH = 64;

    /** Calls that take the string to build with it, not to use it: appending it elsewhere, converting it. */
    private static final Set<String> NOT_A_USE = Set.of("append", "valueOf", "concat");

    static String message(String variable) {
        return "The string " + variable + " is copied whole at every iteration to append to it, which is quadratic in"
                + " the number of iterations; build it with a StringBuilder or Collectors.joining.";
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(AssignExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        AssignExpr assign = (AssignExpr) node;
        Optional<String> target = Scopes.variableName(assign.getTarget());
        if (target.isEmpty() || !isSelfConcatenation(assign, target.get()) || inStaticInitializer(assign)) {
            return;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(assign, target.get());
        if (declaration.isEmpty() || !isString(declaration.get(), context)) {
            return;
        }
        List<Node> carrying = carryingContexts(assign, declaration.get(), target.get());
        if (carrying.isEmpty()
                || carrying.stream()
                        .allMatch(c -> c instanceof Statement loop
                                && (Loops.isBoundedByConstant(loop, context.constants(), MAX_CONSTANT_ITERATIONS)
                                        || growsToAConstantLength(loop, target.get(), context)))
                || carrying.stream().anyMatch(c -> isPassedAsArgument(c, target.get()))) {
            return;
        }
        context.report(assign, message(target.get()));
    }

    /**
     * A loop that runs until the string reaches a fixed length, {@code while (hex.length() < 2) hex = "0" + hex}: it
     * pads a short value and stops after a few iterations, whatever the input.
     */
    private static boolean growsToAConstantLength(Statement loop, String name, SourceContext context) {
        Optional<Expression> condition = Loops.condition(loop);
        if (condition.isEmpty() || !(condition.get() instanceof BinaryExpr comparison)) {
            return false;
        }
        Expression length;
        Expression limit;
        switch (comparison.getOperator()) {
            case LESS, LESS_EQUALS, NOT_EQUALS -> {
                length = comparison.getLeft();
                limit = comparison.getRight();
            }
            case GREATER, GREATER_EQUALS -> {
                length = comparison.getRight();
                limit = comparison.getLeft();
            }
            default -> {
                return false;
            }
        }
        boolean ownLength = length instanceof MethodCallExpr call
                && call.getNameAsString().equals("length")
                && call.getArguments().isEmpty()
                && call.getScope()
                        .filter(scope -> scope instanceof NameExpr n
                                && n.getNameAsString().equals(name))
                        .isPresent();
        OptionalLong bound = context.constants().integer(limit);
        return ownLength && bound.isPresent() && bound.getAsLong() <= MAX_PADDED_LENGTH;
    }

    /**
     * The loops and per-element lambdas around the assignment that carry the string from one iteration to the next:
     * it is declared outside them and they do not reset it.
     */
    private static List<Node> carryingContexts(AssignExpr assign, Scopes.Declaration declaration, String name) {
        List<Node> carrying = new ArrayList<>();
        Optional<Node> context = Repetition.repeatingContext(assign);
        while (context.isPresent()) {
            Node repeating = context.get();
            boolean declaredOutside = declaration.field() || !declaration.node().isDescendantOf(repeating);
            if (declaredOutside && repeatedParts(repeating).stream().noneMatch(part -> isResetIn(part, name))) {
                carrying.add(repeating);
            }
            context = Repetition.repeatingContext(repeating);
        }
        return carrying;
    }

    private static List<Node> repeatedParts(Node repeating) {
        if (repeating instanceof Statement loop) {
            return Loops.repeatedParts(loop);
        }
        return List.of(repeating);
    }

    /** Code that runs once per class: a static initializer or the initializer of a static field. */
    private static boolean inStaticInitializer(Node node) {
        return node.findAncestor(InitializerDeclaration.class)
                        .map(InitializerDeclaration::isStatic)
                        .orElse(false)
                || node.findAncestor(FieldDeclaration.class)
                        .map(FieldDeclaration::isStatic)
                        .orElse(false);
    }

    /**
     * Whether the loop hands the string to a method at each iteration: then it is a value the loop works with (a key,
     * a prefix), not a text being built for later. Appending it to a builder does not count.
     */
    private static boolean isPassedAsArgument(Node repeating, String name) {
        for (Node part : repeatedParts(repeating)) {
            for (Expression use : part.findAll(
                    Expression.class,
                    e -> Scopes.variableName(e).filter(name::equals).isPresent())) {
                Node parent = use.getParentNode().orElse(null);
                if (parent instanceof MethodCallExpr call
                        && call.getArguments().contains(use)
                        && !NOT_A_USE.contains(call.getNameAsString())) {
                    return true;
                }
                if (parent instanceof ObjectCreationExpr creation
                        && creation.getArguments().contains(use)
                        && !creation.getType().getNameAsString().startsWith("StringBu")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The variable assigned: {@code s} or {@code this.s}. */
    /** {@code s += x}, or {@code s = … + s + …} with {@code s} as one of the top-level operands. */
    private static boolean isSelfConcatenation(AssignExpr assign, String name) {
        if (assign.getOperator() == AssignExpr.Operator.PLUS) {
            return true;
        }
        if (assign.getOperator() != AssignExpr.Operator.ASSIGN) {
            return false;
        }
        List<Expression> operands = Sums.operands(assign.getValue());
        return operands.size() > 1
                && operands.stream()
                        .anyMatch(
                                o -> Scopes.variableName(o).filter(name::equals).isPresent());
    }

    private static boolean isString(Scopes.Declaration declaration, SourceContext context) {
        Type type = declaration.type();
        if (type.isVarType()) {
            return declaration
                    .initializer()
                    .filter(StringLiteralExpr.class::isInstance)
                    .isPresent();
        }
        return type.isClassOrInterfaceType()
                && context.names().mayBe(type.asClassOrInterfaceType().getNameWithScope(), STRING);
    }

    /** Whether the loop assigns the variable a value that does not build on it: the text starts over. */
    private static boolean isResetIn(Node repeating, String name) {
        for (AssignExpr assign : repeating.findAll(AssignExpr.class)) {
            if (Scopes.variableName(assign.getTarget()).filter(name::equals).isPresent()
                    && !isSelfConcatenation(assign, name)) {
                return true;
            }
        }
        return false;
    }

    // ---- bytecode twin: a store of a concatenation that reads the same variable, inside a loop ----

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("makeConcatWithConstants", "java/lang/StringBuilder");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (method.name.equals("<clinit>")) {
                // Runs once per class.
                continue;
            }
            List<BytecodeLoops.Loop> loops = BytecodeLoops.of(method.instructions);
            if (loops.isEmpty() || !concatenatesInLoop(method.instructions, loops)) {
                continue;
            }
            Frame<SourceValue>[] frames;
            try {
                frames = new Analyzer<>(new SourceInterpreter()).analyze(classNode.name, method);
            } catch (AnalyzerException e) {
                // Code the verifier would reject: nothing reliable to say about it.
                continue;
            }
            new MethodScan(method, loops, frames).report(context);
        }
    }

    /** A cheap test before the data flow: a concatenation inside a loop (invokedynamic or a builder's toString). */
    private static boolean concatenatesInLoop(InsnList instructions, List<BytecodeLoops.Loop> loops) {
        for (int i = 0; i < instructions.size(); i++) {
            AbstractInsnNode insn = instructions.get(i);
            boolean concatenation =
                    (insn instanceof InvokeDynamicInsnNode indy && indy.name.equals("makeConcatWithConstants"))
                            || (insn instanceof MethodInsnNode call
                                    && call.name.equals("toString")
                                    && (call.owner.equals("java/lang/StringBuilder")
                                            || call.owner.equals("java/lang/StringBuffer")));
            if (concatenation && BytecodeLoops.innermost(loops, i).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The stores of one method, with the data flow needed to tell what they store. */
    private static final class MethodScan {
        private final MethodNode method;
        private final InsnList instructions;
        private final List<BytecodeLoops.Loop> loops;
        private final Frame<SourceValue>[] frames;

        MethodScan(MethodNode method, List<BytecodeLoops.Loop> loops, Frame<SourceValue>[] frames) {
            this.method = method;
            this.instructions = method.instructions;
            this.loops = loops;
            this.frames = frames;
        }

        void report(BytecodeContext context) {
            for (int i = 0; i < instructions.size(); i++) {
                AbstractInsnNode store = instructions.get(i);
                if (!isVariableStore(store) || frames[i] == null || !isSelfConcatenation(store)) {
                    continue;
                }
                List<BytecodeLoops.Loop> carrying = new ArrayList<>();
                for (BytecodeLoops.Loop loop : BytecodeLoops.enclosing(loops, i)) {
                    if (!StoredVariables.isResetIn(loop, store, instructions, frames, this::isSelfConcatenation)) {
                        carrying.add(loop);
                    }
                }
                if (carrying.isEmpty()
                        || carrying.stream()
                                .allMatch(loop -> BytecodeLoops.isBoundedByConstant(
                                                instructions, loop, frames, MAX_CONSTANT_ITERATIONS)
                                        || growsToAConstantLength(loop, store))
                        || carrying.stream().anyMatch(loop -> isPassedAsArgument(loop, store))) {
                    continue;
                }
                context.report(method, store, message(StoredVariables.name(method, store, i)));
            }
        }

        /** The bytecode counterpart of the source side's padding check: the loop leaves on {@code s.length() < n}. */
        private boolean growsToAConstantLength(BytecodeLoops.Loop loop, AbstractInsnNode store) {
            for (AbstractInsnNode exit : BytecodeLoops.exits(instructions, loop)) {
                Frame<SourceValue> frame = frames[instructions.indexOf(exit)];
                if (frame == null || exit.getOpcode() < Opcodes.IF_ICMPEQ || exit.getOpcode() > Opcodes.IF_ICMPLE) {
                    continue;
                }
                SourceValue left = frame.getStack(frame.getStackSize() - 2);
                SourceValue right = frame.getStack(frame.getStackSize() - 1);
                if ((isOwnLength(left, store) && isSmallConstant(right))
                        || (isOwnLength(right, store) && isSmallConstant(left))) {
                    return true;
                }
            }
            return false;
        }

        private boolean isOwnLength(SourceValue value, AbstractInsnNode store) {
            if (value.insns.size() != 1
                    || !(value.insns.iterator().next() instanceof MethodInsnNode call)
                    || !call.owner.equals("java/lang/String")
                    || !call.name.equals("length")) {
                return false;
            }
            Frame<SourceValue> atCall = frames[instructions.indexOf(call)];
            return atCall != null && StoredVariables.reads(atCall.getStack(atCall.getStackSize() - 1), store);
        }

        private static boolean isSmallConstant(SourceValue value) {
            if (value.insns.size() != 1) {
                return false;
            }
            OptionalLong constant =
                    Instructions.integerConstant(value.insns.iterator().next());
            return constant.isPresent() && constant.getAsLong() <= MAX_PADDED_LENGTH;
        }

        /** The bytecode counterpart of the source side's check: the variable is an argument of a call in the loop. */
        private boolean isPassedAsArgument(BytecodeLoops.Loop loop, AbstractInsnNode store) {
            for (int i = loop.head(); i <= loop.end(); i++) {
                AbstractInsnNode insn = instructions.get(i);
                Frame<SourceValue> frame = frames[i];
                String descriptor;
                if (insn instanceof MethodInsnNode call && !buildsWith(call)) {
                    descriptor = call.desc;
                } else if (insn instanceof InvokeDynamicInsnNode indy && !indy.name.startsWith("makeConcat")) {
                    descriptor = indy.desc;
                } else {
                    continue;
                }
                if (frame == null) {
                    continue;
                }
                int arguments = org.objectweb.asm.Type.getArgumentTypes(descriptor).length;
                for (int k = 0; k < arguments; k++) {
                    if (StoredVariables.reads(frame.getStack(frame.getStackSize() - 1 - k), store)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean buildsWith(MethodInsnNode call) {
            return (isBuilder(call.owner) && (call.name.equals("append") || call.name.equals("<init>")))
                    || (call.owner.equals("java/lang/String")
                            && (call.name.equals("valueOf") || call.name.equals("concat")));
        }

        private static boolean isVariableStore(AbstractInsnNode insn) {
            return insn.getOpcode() == Opcodes.ASTORE
                    || ((insn.getOpcode() == Opcodes.PUTFIELD || insn.getOpcode() == Opcodes.PUTSTATIC)
                            && ((FieldInsnNode) insn).desc.equals("Ljava/lang/String;"));
        }

        /** Whether the stored value is a concatenation with the variable's own value among its parts. */
        private boolean isSelfConcatenation(AbstractInsnNode store) {
            SourceValue stored = storedValue(store);
            if (stored.insns.size() != 1) {
                return false;
            }
            AbstractInsnNode producer = stored.insns.iterator().next();
            if (producer instanceof InvokeDynamicInsnNode indy && indy.name.equals("makeConcatWithConstants")) {
                Frame<SourceValue> frame = frames[instructions.indexOf(indy)];
                int arguments = org.objectweb.asm.Type.getArgumentTypes(indy.desc).length;
                for (int k = 0; k < arguments; k++) {
                    if (StoredVariables.reads(frame.getStack(frame.getStackSize() - 1 - k), store)) {
                        return true;
                    }
                }
                return false;
            }
            if (producer instanceof MethodInsnNode toString
                    && isBuilder(toString.owner)
                    && toString.name.equals("toString")) {
                return builderReads(frames[instructions.indexOf(toString)], store);
            }
            return false;
        }

        /** Follows {@code new StringBuilder(…).append(…)….toString()} back to its start, looking at every part. */
        private boolean builderReads(Frame<SourceValue> frame, AbstractInsnNode store) {
            SourceValue receiver = frame.getStack(frame.getStackSize() - 1);
            for (int depth = 0; depth < 64 && receiver.insns.size() == 1; depth++) {
                AbstractInsnNode producer = receiver.insns.iterator().next();
                if (producer instanceof MethodInsnNode append
                        && isBuilder(append.owner)
                        && append.name.equals("append")) {
                    Frame<SourceValue> atAppend = frames[instructions.indexOf(append)];
                    int arguments = org.objectweb.asm.Type.getArgumentTypes(append.desc).length;
                    if (arguments == 1
                            && StoredVariables.reads(atAppend.getStack(atAppend.getStackSize() - 1), store)) {
                        return true;
                    }
                    receiver = atAppend.getStack(atAppend.getStackSize() - 1 - arguments);
                } else if (producer.getOpcode() == Opcodes.DUP) {
                    // javac duplicates the new builder for its constructor; the copy is the same builder.
                    Frame<SourceValue> atDup = frames[instructions.indexOf(producer)];
                    receiver = atDup.getStack(atDup.getStackSize() - 1);
                } else if (producer instanceof TypeInsnNode created && created.getOpcode() == Opcodes.NEW) {
                    return initialValueReads(created, store);
                } else {
                    return false;
                }
            }
            return false;
        }

        /** {@code new StringBuilder(s)} or {@code new StringBuilder(String.valueOf(s))}. */
        private boolean initialValueReads(TypeInsnNode created, AbstractInsnNode store) {
            for (AbstractInsnNode insn = created.getNext(); insn != null; insn = insn.getNext()) {
                if (insn instanceof MethodInsnNode init && init.name.equals("<init>") && isBuilder(init.owner)) {
                    if (!init.desc.equals("(Ljava/lang/String;)V")) {
                        return false;
                    }
                    Frame<SourceValue> atInit = frames[instructions.indexOf(init)];
                    SourceValue argument = atInit.getStack(atInit.getStackSize() - 1);
                    if (argument.insns.size() == 1
                            && argument.insns.iterator().next() instanceof MethodInsnNode valueOf
                            && valueOf.owner.equals("java/lang/String")
                            && valueOf.name.equals("valueOf")) {
                        Frame<SourceValue> atValueOf = frames[instructions.indexOf(valueOf)];
                        argument = atValueOf.getStack(atValueOf.getStackSize() - 1);
                    }
                    return StoredVariables.reads(argument, store);
                }
            }
            return false;
        }

        private SourceValue storedValue(AbstractInsnNode store) {
            Frame<SourceValue> frame = frames[instructions.indexOf(store)];
            return frame.getStack(frame.getStackSize() - 1);
        }

        private static boolean isBuilder(String owner) {
            return owner.equals("java/lang/StringBuilder") || owner.equals("java/lang/StringBuffer");
        }
    }
}
