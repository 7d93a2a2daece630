package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.bytecode.BytecodeLoops;
import org.ecobugs.rules.bytecode.StoredVariables;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Loops;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * An accumulator declared with a wrapper type ({@code Long total}, {@code Integer count}) and updated in a loop
 * ({@code total += x}, {@code count++}, {@code total = total + x}): each update unboxes the value, computes, and boxes
 * the result into a new object (the {@code valueOf} caches cover only -128 to 127, and no {@code Double} or
 * {@code Float}; {@code Byte} caches every value and is not reported). The variable must outlive the loop, and static
 * initializers and loops with a fixed small number of iterations are left out, as in {@code EB305}. So are the loops
 * where one object per iteration weighs nothing: loops that run a query or a remote call per iteration, loops that pass
 * the accumulator to a call (a page offset, a map or a logger takes the object anyway), counters bumped only when a new
 * key appears (one object per new map or set entry), and loops of user-interface code (a screen's worth of rows, once
 * per refresh).
 */
@RuleKey("EB309")
public final class BoxedAccumulatorInLoopRule implements SourceRule, BytecodeRule {

    /** Wrapper classes and their primitives; {@code Byte.valueOf} caches every byte and never allocates. */
    private static final Map<String, String> PRIMITIVES = Map.of(
            "java.lang.Integer", "int",
            "java.lang.Long", "long",
            "java.lang.Double", "double",
            "java.lang.Float", "float",
            "java.lang.Short", "short",
            "java.lang.Character", "char");

    /** Query executions, whatever their receiver: a loop that makes one per iteration does far more than boxing. */
    private static final Set<String> QUERY_EXECUTIONS = Set.of(
            "getSingleResult",
            "getSingleResultOrNull",
            "getResultList",
            "getResultStream",
            "uniqueResult",
            "uniqueResultOptional",
            "executeQuery",
            "executeUpdate");

    /** Calls whose answer tells whether a key or element is new to a map or set. */
    private static final Set<String> MEMBERSHIP_TESTS = Set.of("get", "containsKey", "contains", "add", "putIfAbsent");

    private static final Set<AssignExpr.Operator> ARITHMETIC_ASSIGNMENTS = Set.of(
            AssignExpr.Operator.PLUS,
            AssignExpr.Operator.MINUS,
            AssignExpr.Operator.MULTIPLY,
            AssignExpr.Operator.DIVIDE,
            AssignExpr.Operator.REMAINDER,
            AssignExpr.Operator.BINARY_AND,
            AssignExpr.Operator.BINARY_OR,
            AssignExpr.Operator.XOR,
            AssignExpr.Operator.LEFT_SHIFT,
            AssignExpr.Operator.SIGNED_RIGHT_SHIFT,
            AssignExpr.Operator.UNSIGNED_RIGHT_SHIFT);

    private static final Set<BinaryExpr.Operator> ARITHMETIC = Set.of(
            BinaryExpr.Operator.PLUS,
            BinaryExpr.Operator.MINUS,
            BinaryExpr.Operator.MULTIPLY,
            BinaryExpr.Operator.DIVIDE,
            BinaryExpr.Operator.REMAINDER,
            BinaryExpr.Operator.BINARY_AND,
            BinaryExpr.Operator.BINARY_OR,
            BinaryExpr.Operator.XOR,
            BinaryExpr.Operator.LEFT_SHIFT,
            BinaryExpr.Operator.SIGNED_RIGHT_SHIFT,
            BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT);

    static String message(String wrapper, String variable) {
        String primitive = PRIMITIVES.get("java.lang." + wrapper);
        String declare = "; declare it as " + (primitive.equals("int") ? "an " : "a ") + primitive + ".";
        return switch (primitive) {
            case "double", "float" ->
                "The " + wrapper + " " + variable + " is unboxed and boxed into a new object"
                        + " each time the loop updates it" + declare;
            default ->
                "The " + wrapper + " " + variable + " is unboxed and boxed again each time the loop updates"
                        + " it, a new object for every value outside " + (primitive.equals("char") ? "0" : "-128")
                        + " to 127" + declare;
        };
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(AssignExpr.class, UnaryExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        Optional<String> target = updatedVariable(node);
        if (target.isEmpty()
                || inStaticInitializer(node)
                || node.findAncestor(TypeDeclaration.class)
                        .map(type -> UserInterfaceCode.isUserInterface(type, context))
                        .orElse(false)) {
            return;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(node, target.get());
        Optional<String> wrapper = declaration.flatMap(d -> wrapperOf(d.type(), context));
        if (wrapper.isEmpty()) {
            return;
        }
        List<Node> carrying = new ArrayList<>();
        Optional<Node> repeating = Repetition.repeatingContext(node);
        while (repeating.isPresent()) {
            Node current = repeating.get();
            boolean declaredOutside =
                    declaration.get().field() || !declaration.get().node().isDescendantOf(current);
            if (declaredOutside
                    && !isResetIn(current, target.get())
                    && !outweighed(node, current, target.get(), context)) {
                carrying.add(current);
            }
            repeating = Repetition.repeatingContext(current);
        }
        if (carrying.isEmpty()
                || carrying.stream()
                        .allMatch(c -> c instanceof Statement loop
                                && Loops.isBoundedByConstant(
                                        loop, context.constants(), StringConcatInLoopRule.MAX_CONSTANT_ITERATIONS))) {
            return;
        }
        context.report(node, message(JavaNames.simpleName(wrapper.get()), target.get()));
    }

    /**
     * Whether one boxed object per iteration of {@code repeating} weighs nothing next to what the iteration does
     * anyway: it runs a query or a remote call, it hands the accumulator to a call (which takes the object, or does
     * far more than allocating one), or the update only counts keys that are new to a map or set.
     */
    private static boolean outweighed(Node update, Node repeating, String name, SourceContext context) {
        List<Node> parts = repeating instanceof Statement loop ? Loops.repeatedParts(loop) : List.of(repeating);
        for (Node part : parts) {
            for (MethodCallExpr call : part.findAll(MethodCallExpr.class)) {
                if ((QUERY_EXECUTIONS.contains(call.getNameAsString())
                                && call.getArguments().isEmpty())
                        || RemoteCalls.classify(call, context).isPresent()
                        || (passes(call.getArguments(), name) && !isMath(call))) {
                    return true;
                }
            }
            for (ObjectCreationExpr creation : part.findAll(ObjectCreationExpr.class)) {
                if (passes(creation.getArguments(), name)) {
                    return true;
                }
            }
        }
        return countsNewKeys(update, repeating);
    }

    /** Whether one of the arguments is the variable, or its increment ({@code new Label(index++, …)}). */
    private static boolean passes(List<Expression> arguments, String name) {
        for (Expression argument : arguments) {
            Expression e = argument;
            if (e instanceof UnaryExpr unary && Scopes.isIncrementOrDecrement(unary)) {
                e = unary.getExpression();
            }
            if (variableName(e).filter(name::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** {@code Math.max(total, x)} and the like take primitives: the boxed variable is unboxed for them. */
    private static boolean isMath(MethodCallExpr call) {
        return call.getScope()
                .filter(scope ->
                        scope instanceof NameExpr type && type.getNameAsString().equals("Math"))
                .isPresent();
    }

    /**
     * Whether an increment by one runs only under a test of whether a key is new to a map or set ({@code if
     * (labels.get(date) == null) labels.put(date, new Label(index++))}): it counts distinct keys, one object per new
     * entry of the collection.
     */
    private static boolean countsNewKeys(Node update, Node repeating) {
        if (!isIncrementByOne(update)) {
            return false;
        }
        Node current = update.getParentNode().orElse(null);
        while (current != null && current != repeating) {
            if (current instanceof IfStmt test
                    && test.getCondition().findAll(MethodCallExpr.class).stream()
                            .anyMatch(call -> MEMBERSHIP_TESTS.contains(call.getNameAsString())
                                    && call.getScope().isPresent()
                                    && !call.getArguments().isEmpty()
                                    && call.getArguments().size() <= 2)) {
                return true;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    private static boolean isIncrementByOne(Node update) {
        if (update instanceof UnaryExpr unary) {
            return Scopes.isIncrementOrDecrement(unary);
        }
        return update instanceof AssignExpr assign
                && (assign.getOperator() == AssignExpr.Operator.PLUS
                        || assign.getOperator() == AssignExpr.Operator.MINUS)
                && assign.getValue() instanceof IntegerLiteralExpr one
                && one.getValue().equals("1");
    }

    /** The variable an arithmetic update writes: {@code x += …}, {@code x = x op …}, {@code x++}. */
    private static Optional<String> updatedVariable(Node node) {
        if (node instanceof UnaryExpr unary) {
            return Scopes.isIncrementOrDecrement(unary) ? variableName(unary.getExpression()) : Optional.empty();
        }
        AssignExpr assign = (AssignExpr) node;
        Optional<String> target = variableName(assign.getTarget());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        if (ARITHMETIC_ASSIGNMENTS.contains(assign.getOperator())) {
            return target;
        }
        return assign.getOperator() == AssignExpr.Operator.ASSIGN && usesItself(assign.getValue(), target.get())
                ? target
                : Optional.empty();
    }

    /** {@code x + y} or {@code y * x}: an arithmetic operation with the variable as a direct operand. */
    private static boolean usesItself(Expression value, String name) {
        Expression e = value;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return e instanceof BinaryExpr binary
                && ARITHMETIC.contains(binary.getOperator())
                && (variableName(binary.getLeft()).filter(name::equals).isPresent()
                        || variableName(binary.getRight()).filter(name::equals).isPresent()
                        || usesItself(binary.getLeft(), name));
    }

    private static Optional<String> variableName(Expression expression) {
        Expression e = expression;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        return Scopes.variableName(e);
    }

    private static Optional<String> wrapperOf(Type type, SourceContext context) {
        if (!type.isClassOrInterfaceType()) {
            return Optional.empty();
        }
        String name = type.asClassOrInterfaceType().getNameWithScope();
        return PRIMITIVES.keySet().stream()
                .filter(wrapper -> context.names().mayBe(name, wrapper))
                .findFirst();
    }

    /** Whether the loop stores into the variable a value that is not computed from it: it starts over. */
    private static boolean isResetIn(Node repeating, String name) {
        for (AssignExpr assign : repeating.findAll(AssignExpr.class)) {
            if (variableName(assign.getTarget()).filter(name::equals).isPresent()
                    && updatedVariable(assign).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static boolean inStaticInitializer(Node node) {
        return node.findAncestor(InitializerDeclaration.class)
                        .map(InitializerDeclaration::isStatic)
                        .orElse(false)
                || node.findAncestor(FieldDeclaration.class)
                        .map(FieldDeclaration::isStatic)
                        .orElse(false);
    }

    // ---- bytecode twin: Wrapper.valueOf(x.xxxValue() op …) stored back into x, inside a loop ----

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("valueOf");
    }

    /**
     * The source side sees every update of a variable the file declares, and what its loop does besides (queries,
     * calls, membership tests) that the bytecode cannot tell: bytecode serves classes without sources only.
     */
    @Override
    public boolean reportsWhereSourceWasAnalyzed() {
        return false;
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        if (UserInterfaceCode.isUserInterface(classNode)) {
            return;
        }
        for (MethodNode method : classNode.methods) {
            if (method.name.equals("<clinit>")) {
                continue;
            }
            List<BytecodeLoops.Loop> loops = BytecodeLoops.of(method.instructions);
            if (loops.isEmpty() || !boxesInLoop(method.instructions, loops)) {
                continue;
            }
            Frame<SourceValue>[] frames;
            try {
                frames = new Analyzer<>(new SourceInterpreter()).analyze(classNode.name, method);
            } catch (AnalyzerException e) {
                // Code the verifier would reject: nothing reliable to say about it.
                continue;
            }
            InsnList instructions = method.instructions;
            for (int i = 0; i < instructions.size(); i++) {
                AbstractInsnNode store = instructions.get(i);
                String wrapper = frames[i] == null ? null : selfUpdateWrapper(store, instructions, frames);
                if (wrapper == null) {
                    continue;
                }
                List<BytecodeLoops.Loop> carrying = new ArrayList<>();
                for (BytecodeLoops.Loop loop : BytecodeLoops.enclosing(loops, i)) {
                    if (!StoredVariables.isResetIn(
                            loop,
                            store,
                            instructions,
                            frames,
                            other -> selfUpdateWrapper(other, instructions, frames) != null)) {
                        carrying.add(loop);
                    }
                }
                if (carrying.isEmpty()
                        || carrying.stream()
                                .allMatch(loop -> BytecodeLoops.isBoundedByConstant(
                                        instructions, loop, frames, StringConcatInLoopRule.MAX_CONSTANT_ITERATIONS))) {
                    continue;
                }
                context.report(method, store, message(wrapper, StoredVariables.name(method, store, i)));
            }
        }
    }

    /** A cheap test before the data flow: a wrapper's valueOf inside a loop. */
    private static boolean boxesInLoop(InsnList instructions, List<BytecodeLoops.Loop> loops) {
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i) instanceof MethodInsnNode call
                    && isValueOf(call) != null
                    && BytecodeLoops.innermost(loops, i).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** The wrapper's simple name when {@code call} is {@code Wrapper.valueOf(primitive)}, else null. */
    private static String isValueOf(MethodInsnNode call) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC || !call.name.equals("valueOf")) {
            return null;
        }
        String wrapper = call.owner.replace('/', '.');
        String primitive = PRIMITIVES.get(wrapper);
        if (primitive == null || !call.desc.equals("(" + descriptor(primitive) + ")L" + call.owner + ";")) {
            return null;
        }
        return JavaNames.simpleName(wrapper);
    }

    private static String descriptor(String primitive) {
        return switch (primitive) {
            case "int" -> "I";
            case "long" -> "J";
            case "double" -> "D";
            case "float" -> "F";
            case "short" -> "S";
            default -> "C";
        };
    }

    /**
     * The wrapper's name when the instruction stores {@code Wrapper.valueOf(v.xxxValue() op …)} into the same variable
     * {@code v} (a local or a field), else null.
     */
    private static String selfUpdateWrapper(
            AbstractInsnNode store, InsnList instructions, Frame<SourceValue>[] frames) {
        boolean local = store.getOpcode() == Opcodes.ASTORE;
        boolean field = store.getOpcode() == Opcodes.PUTFIELD || store.getOpcode() == Opcodes.PUTSTATIC;
        if (!local && !field) {
            return null;
        }
        Frame<SourceValue> frame = frames[instructions.indexOf(store)];
        SourceValue stored = frame.getStack(frame.getStackSize() - 1);
        if (stored.insns.size() != 1 || !(stored.insns.iterator().next() instanceof MethodInsnNode valueOf)) {
            return null;
        }
        String wrapper = isValueOf(valueOf);
        if (wrapper == null) {
            return null;
        }
        AbstractInsnNode arithmetic = producer(frames, instructions, valueOf, 0);
        for (int depth = 0; arithmetic != null && isConversion(arithmetic) && depth < 2; depth++) {
            arithmetic = producer(frames, instructions, arithmetic, 0);
        }
        if (arithmetic == null || !isArithmetic(arithmetic)) {
            return null;
        }
        Frame<SourceValue> atArithmetic = frames[instructions.indexOf(arithmetic)];
        for (int k = 0; k < 2; k++) {
            SourceValue operand = atArithmetic.getStack(atArithmetic.getStackSize() - 1 - k);
            for (AbstractInsnNode insn : operand.insns) {
                if (insn instanceof MethodInsnNode unbox
                        && unbox.getOpcode() == Opcodes.INVOKEVIRTUAL
                        && unbox.owner.equals(valueOf.owner)
                        && unbox.name.endsWith("Value")
                        && StoredVariables.reads(producerValue(frames, instructions, unbox), store)) {
                    return wrapper;
                }
            }
        }
        return null;
    }

    /** The single instruction that produced the {@code index}-th value from the top of the stack before {@code insn}. */
    private static AbstractInsnNode producer(
            Frame<SourceValue>[] frames, InsnList instructions, AbstractInsnNode insn, int index) {
        Frame<SourceValue> frame = frames[instructions.indexOf(insn)];
        if (frame == null) {
            return null;
        }
        SourceValue value = frame.getStack(frame.getStackSize() - 1 - index);
        return value.insns.size() == 1 ? value.insns.iterator().next() : null;
    }

    /** The receiver of an instance call without arguments. */
    private static SourceValue producerValue(
            Frame<SourceValue>[] frames, InsnList instructions, AbstractInsnNode call) {
        Frame<SourceValue> frame = frames[instructions.indexOf(call)];
        return frame.getStack(frame.getStackSize() - 1);
    }

    private static boolean isArithmetic(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return opcode >= Opcodes.IADD && opcode <= Opcodes.LXOR && !(opcode >= Opcodes.INEG && opcode <= Opcodes.DNEG);
    }

    private static boolean isConversion(AbstractInsnNode insn) {
        int opcode = insn.getOpcode();
        return opcode >= Opcodes.I2L && opcode <= Opcodes.I2S;
    }
}
