package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.bytecode.BytecodeLifetimes;
import org.ecobugs.rules.bytecode.BytecodeOneOffCode;
import org.ecobugs.rules.bytecode.BytecodeRepetition;
import org.ecobugs.rules.bytecode.ValueUses;
import org.ecobugs.rules.java.CallSites;
import org.ecobugs.rules.java.Handlers;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.Lifetimes;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Receivers;
import org.ecobugs.rules.java.Repetition;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Finds costly, reusable objects that a method creates for one call and drops (EB501–EB503): the creations listed in a
 * table, in source and in bytecode alike. A creation is reported when it is a throwaway (see {@link
 * Lifetimes#isThrowaway}) outside set-up code and one-off code (see {@link OneOffCode}), and, for objects that cannot simply be shared, only where it visibly
 * repeats: in a loop or per-element lambda, in a handler, or in a method of the class called from one.
 */
final class PerCallCreations {

    /** Where a throwaway creation is worth reporting. */
    enum Scope {
        /** In any method that is not set-up code: the object can be shared as is. */
        ANY_METHOD,
        /** Only where it visibly repeats: the object is not thread-safe, so sharing it needs more than a field. */
        REPEATED_ONLY
    }

    /**
     * One way of creating the object.
     *
     * @param display the name used in messages
     * @param owner the internal name of the class that is instantiated or whose method creates it
     * @param method {@code <init>} for a constructor, else the method (static, or an instance method when {@code
     *     instance})
     * @param terminal for a builder, the method that ends the chain and returns the object; null otherwise
     * @param instance whether {@code method} is an instance method of {@code owner}
     * @param scope where a throwaway is reported
     */
    record Factory(String display, String owner, String method, String terminal, boolean instance, Scope scope) {

        static Factory constructor(String display, String owner, Scope scope) {
            return new Factory(display, owner, "<init>", null, false, scope);
        }

        static Factory staticMethod(String display, String owner, String method, Scope scope) {
            return new Factory(display, owner, method, null, false, scope);
        }

        static Factory builder(String display, String owner, String method, String terminal, Scope scope) {
            return new Factory(display, owner, method, terminal, false, scope);
        }

        static Factory instanceMethod(String display, String owner, String method, Scope scope) {
            return new Factory(display, owner, method, null, true, scope);
        }

        String qualifiedName() {
            return owner.replace('/', '.').replace('$', '.');
        }

        boolean isConstructor() {
            return method.equals("<init>");
        }
    }

    /** Builds the message for a creation; {@code unit} is {@code iteration} in a loop, else {@code call}. */
    @FunctionalInterface
    interface Messages {
        String message(Factory factory, String unit);
    }

    private final List<Factory> factories;
    private final Predicate<String> view;
    private final Messages messages;

    /**
     * @param view method names whose result holds on to the object (see {@link Lifetimes#isThrowaway})
     */
    PerCallCreations(List<Factory> factories, Predicate<String> view, Messages messages) {
        this.factories = List.copyOf(factories);
        this.view = view;
        this.messages = messages;
    }

    // ---- source ----

    /** A creation names its type ({@code new ObjectMapper()}) or its factory method ({@code newInstance}). */
    Set<String> textPrescreen() {
        Set<String> words = new HashSet<>();
        for (Factory factory : factories) {
            if (factory.isConstructor()) {
                String name = factory.qualifiedName();
                words.add(name.substring(name.lastIndexOf('.') + 1));
            } else {
                words.add(factory.method());
            }
        }
        return Set.copyOf(words);
    }

    static Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class, ObjectCreationExpr.class);
    }

    void visitNode(Node node, SourceContext context) {
        for (Factory factory : factories) {
            if (!createdBy(node, factory, context.names())) {
                continue;
            }
            Optional<Expression> value = valueOf((Expression) node, factory);
            if (value.isEmpty()
                    || Lifetimes.isSetUpCode(value.get())
                    || OneOffCode.runsOnce(value.get())
                    || OneOffCode.opensASession(value.get())
                    || !Lifetimes.isThrowaway(value.get(), view)) {
                return;
            }
            boolean repeated = Repetition.isRepeated(value.get());
            if (factory.scope() == Scope.ANY_METHOD || repeated || runsPerRequest(value.get(), context.names())) {
                context.report(value.get(), messages.message(factory, repeated ? "iteration" : "call"));
            }
            return;
        }
    }

    private static boolean createdBy(Node node, Factory factory, JavaNames names) {
        if (node instanceof ObjectCreationExpr creation) {
            return factory.isConstructor()
                    && creation.getAnonymousClassBody().isEmpty()
                    && names.mayBe(creation.getType().getNameWithScope(), factory.qualifiedName());
        }
        MethodCallExpr call = (MethodCallExpr) node;
        if (factory.isConstructor() || !call.getNameAsString().equals(factory.method())) {
            return false;
        }
        if (factory.instance()) {
            return call.getScope()
                    .map(scope -> Receivers.isDeclaredAs(scope, factory.qualifiedName(), names)
                            || isStaticCallOn(scope, factory.qualifiedName(), names))
                    .orElse(false);
        }
        return call.getScope()
                .map(scope -> names.isTypeName(scope, factory.qualifiedName()))
                .orElseGet(() -> names.staticImportOwner(factory.method())
                        .filter(factory.qualifiedName()::equals)
                        .isPresent());
    }

    /** {@code SchemaFactory.newInstance(…)} as the receiver of {@code newSchema}: the factory's own type. */
    private static boolean isStaticCallOn(Expression scope, String type, JavaNames names) {
        return scope instanceof MethodCallExpr call
                && call.getScope().map(s -> names.isTypeName(s, type)).orElse(false);
    }

    /** The expression whose value is the created object: the creation, or the call ending its builder chain. */
    private static Optional<Expression> valueOf(Expression creation, Factory factory) {
        if (factory.terminal() == null) {
            return Optional.of(creation);
        }
        Expression current = creation;
        while (true) {
            Node parent = current.getParentNode().orElse(null);
            if (parent instanceof EnclosedExpr enclosed) {
                current = enclosed;
                continue;
            }
            if (!(parent instanceof MethodCallExpr call) || call.getScope().orElse(null) != current) {
                return Optional.empty();
            }
            if (call.getNameAsString().equals(factory.terminal())) {
                return Optional.of(call);
            }
            current = call;
        }
    }

    /** A handler, or a method of the class called from a loop or a handler (one level). */
    private static boolean runsPerRequest(Expression value, JavaNames names) {
        if (Handlers.enclosingHandler(value, names).isPresent()) {
            return true;
        }
        return value.findAncestor(MethodDeclaration.class)
                .flatMap(method -> CallSites.repeatedCallSite(method, names))
                .isPresent();
    }

    // ---- bytecode ----

    Set<String> constantPoolPrescreen() {
        Set<String> owners = new HashSet<>();
        factories.forEach(f -> owners.add(f.owner()));
        return owners;
    }

    void visitClass(ClassNode classNode, BytecodeContext context) {
        BytecodeRepetition repetition = null;
        for (MethodNode method : classNode.methods) {
            ValueUses flow = null;
            for (AbstractInsnNode insn : method.instructions) {
                Factory factory = factoryOf(insn);
                if (factory == null) {
                    continue;
                }
                if (repetition == null) {
                    repetition = BytecodeRepetition.of(classNode);
                }
                if (BytecodeLifetimes.isSetUpMethod(method, repetition)
                        || BytecodeOneOffCode.runsOnce(classNode, method, repetition)
                        || repetition.writtenIn(method).stream().anyMatch(m -> OneOffCode.opensASession(m.name))) {
                    break;
                }
                if (flow == null) {
                    Optional<ValueUses> analysed = ValueUses.of(classNode, method);
                    if (analysed.isEmpty()) {
                        break;
                    }
                    flow = analysed.get();
                }
                AbstractInsnNode value = valueOf(flow, insn, factory);
                if (value == null || !BytecodeLifetimes.isThrowaway(flow, value, view, repetition)) {
                    continue;
                }
                boolean repeated = repetition.isRepeated(method, insn);
                if (factory.scope() == Scope.ANY_METHOD || repeated || runsPerRequest(method, repetition)) {
                    context.report(method, insn, messages.message(factory, repeated ? "iteration" : "call"));
                }
            }
        }
    }

    private Factory factoryOf(AbstractInsnNode insn) {
        for (Factory factory : factories) {
            if (factory.isConstructor()) {
                if (insn instanceof TypeInsnNode type
                        && type.getOpcode() == Opcodes.NEW
                        && type.desc.equals(factory.owner())) {
                    return factory;
                }
            } else if (insn instanceof MethodInsnNode call
                    && call.owner.equals(factory.owner())
                    && call.name.equals(factory.method())
                    && (call.getOpcode() == Opcodes.INVOKESTATIC) != factory.instance()) {
                return factory;
            }
        }
        return null;
    }

    /** The instruction whose result is the created object: the creation, or the end of its builder chain. */
    private static AbstractInsnNode valueOf(ValueUses flow, AbstractInsnNode creation, Factory factory) {
        if (factory.terminal() == null) {
            return creation;
        }
        AbstractInsnNode current = creation;
        for (int steps = 0; steps < 64; steps++) {
            MethodInsnNode next = null;
            for (ValueUses.Use use : flow.usesOf(current)) {
                if (use.direct() && use.isReceiver()) {
                    next = (MethodInsnNode) use.insn();
                } else if (!use.isConstructorCall()) {
                    return null;
                }
            }
            if (next == null) {
                return null;
            }
            if (next.name.equals(factory.terminal())) {
                return next;
            }
            if (Type.getReturnType(next.desc).getSort() != Type.OBJECT) {
                return null;
            }
            current = next;
        }
        return null;
    }

    private static boolean runsPerRequest(MethodNode method, BytecodeRepetition repetition) {
        return repetition.isHandler(method)
                || repetition.writtenIn(method).stream().anyMatch(repetition::isCalledRepeatedly);
    }
}
