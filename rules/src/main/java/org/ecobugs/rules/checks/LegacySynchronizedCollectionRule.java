package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.type.Type;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.Scopes;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * Collections that lock on every operation where a lock-free or unsynchronized equivalent does the same job: a
 * {@code Hashtable} kept in a field, {@code Collections.synchronizedMap(new HashMap<>())} and
 * {@code synchronizedSet(new HashSet<>())} (a {@code ConcurrentHashMap} reads without locking), and a private
 * {@code Stack} field that the class never hands out (an {@code ArrayDeque} does not lock at all). Left out: a
 * {@code Hashtable} that an API requires (typed {@code Hashtable} and not private, or handed out), local collections
 * and {@code StringBuffer}s (the JIT removes the locks of objects that do not escape a method), and {@code Vector} and
 * synchronized lists (no equivalent is better whatever the access pattern).
 */
@RuleKey("EB308")
public final class LegacySynchronizedCollectionRule implements SourceRule, BytecodeRule {

    static final String HASHTABLE_MESSAGE = "Hashtable takes one lock for every read and write of the whole table; use"
            + " a ConcurrentHashMap (or a HashMap if a single thread uses it).";
    static final String SYNCHRONIZED_MAP_MESSAGE = "Collections.synchronizedMap takes one lock for every read and"
            + " write of the whole map; use a ConcurrentHashMap (or the HashMap alone if a single thread uses it).";
    static final String SYNCHRONIZED_SET_MESSAGE = "Collections.synchronizedSet takes one lock for every read and"
            + " write of the whole set; use ConcurrentHashMap.newKeySet() (or the HashSet alone if a single thread uses"
            + " it).";

    static final String STACK_MESSAGE = "Stack takes a lock for every push and pop although only this class uses it;"
            + " use an ArrayDeque (push, pop, peek).";

    private static final String HASHTABLE = "java.util.Hashtable";
    private static final String STACK = "java.util.Stack";
    private static final String COLLECTIONS = "java.util.Collections";
    /** The wrappers reported, with the collection they must wrap to have a concurrent equivalent. */
    private static final Map<String, String> WRAPPED =
            Map.of("synchronizedMap", "java.util.HashMap", "synchronizedSet", "java.util.HashSet");

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("Hashtable", "Stack", "synchronizedMap", "synchronizedSet"));
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(ObjectCreationExpr.class, MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        if (node instanceof MethodCallExpr call) {
            visitWrapper(call, context);
            return;
        }
        ObjectCreationExpr creation = (ObjectCreationExpr) node;
        String simpleName = creation.getType().getNameAsString();
        if (!simpleName.equals("Hashtable") && !simpleName.equals("Stack")) {
            return;
        }
        String type = creation.getType().getNameWithScope();
        boolean hashtable = context.names().mayBe(type, HASHTABLE);
        if (!hashtable && !context.names().mayBe(type, STACK)) {
            return;
        }
        Optional<Scopes.Declaration> field = storedInField(creation);
        if (field.isEmpty()) {
            return;
        }
        if (hashtable && !requiredByAnApi(field.get(), context)) {
            context.report(creation, HASHTABLE_MESSAGE);
        } else if (!hashtable && isPrivate(field.get()) && !escapes(field.get())) {
            context.report(creation, STACK_MESSAGE);
        }
    }

    private static void visitWrapper(MethodCallExpr call, SourceContext context) {
        String wrapped = WRAPPED.get(call.getNameAsString());
        if (wrapped == null) {
            return;
        }
        boolean onCollections = call.getScope()
                .map(s -> context.names().isTypeName(s, COLLECTIONS))
                .orElseGet(() -> context.names()
                        .staticImportOwner(call.getNameAsString())
                        .filter(COLLECTIONS::equals)
                        .isPresent());
        if (wrapped == null
                || !onCollections
                || call.getArguments().size() != 1
                || !(call.getArgument(0) instanceof ObjectCreationExpr inner)
                || !context.names().mayBe(inner.getType().getNameWithScope(), wrapped)
                || inner.getAnonymousClassBody().isPresent()) {
            return;
        }
        context.report(
                call,
                call.getNameAsString().equals("synchronizedMap") ? SYNCHRONIZED_MAP_MESSAGE : SYNCHRONIZED_SET_MESSAGE);
    }

    /** The field a new object is stored in: the field's initializer, or an assignment to it. */
    private static Optional<Scopes.Declaration> storedInField(ObjectCreationExpr creation) {
        Node parent = creation.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator variable
                && variable.getParentNode().orElse(null) instanceof FieldDeclaration) {
            return Scopes.declarationOf(creation, variable.getNameAsString()).filter(Scopes.Declaration::field);
        }
        if (parent instanceof AssignExpr assign && assign.getValue() == creation) {
            String name = assign.getTarget() instanceof NameExpr n
                    ? n.getNameAsString()
                    : assign.getTarget() instanceof FieldAccessExpr a && a.getScope() instanceof ThisExpr
                            ? a.getNameAsString()
                            : null;
            return name == null
                    ? Optional.empty()
                    : Scopes.declarationOf(creation, name).filter(Scopes.Declaration::field);
        }
        return Optional.empty();
    }

    /**
     * A field declared as a {@code Hashtable} (not as a {@code Map}) is part of an API when it is not private, or when
     * the class hands it out: JNDI's {@code InitialContext}, for one, takes a {@code Hashtable}.
     */
    private static boolean requiredByAnApi(Scopes.Declaration field, SourceContext context) {
        Type type = field.type();
        boolean declaredAsMap = type.isClassOrInterfaceType()
                && context.names().mayBe(type.asClassOrInterfaceType().getNameWithScope(), "java.util.Map");
        return !declaredAsMap && (!isPrivate(field) || escapes(field));
    }

    private static boolean isPrivate(Scopes.Declaration field) {
        return field.node()
                .findAncestor(FieldDeclaration.class)
                .map(FieldDeclaration::isPrivate)
                .orElse(false);
    }

    /** Whether the class passes the field's object to a method, returns it, or stores it elsewhere. */
    private static boolean escapes(Scopes.Declaration field) {
        TypeDeclaration<?> owner =
                field.node().findAncestor(TypeDeclaration.class).orElse(null);
        if (owner == null) {
            return true;
        }
        for (Expression use : owner.findAll(Expression.class, e -> isFieldRead(e, field.name()))) {
            Node parent = use.getParentNode().orElse(null);
            if (parent instanceof ReturnStmt
                    || (parent instanceof MethodCallExpr call
                            && call.getArguments().contains(use))
                    || (parent instanceof ObjectCreationExpr creation
                            && creation.getArguments().contains(use))
                    || (parent instanceof VariableDeclarator variable
                            && variable.getInitializer().orElse(null) == use)
                    || (parent instanceof AssignExpr assign && assign.getValue() == use)
                    || parent instanceof LambdaExpr) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFieldRead(Expression expression, String name) {
        return (expression instanceof NameExpr n && n.getNameAsString().equals(name))
                || (expression instanceof FieldAccessExpr access
                        && access.getScope() instanceof ThisExpr
                        && access.getNameAsString().equals(name));
    }

    // ---- bytecode twin: a new Hashtable stored into a Map field, a synchronized wrapper around a new HashMap ----

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("java/util/Hashtable", "synchronizedMap", "synchronizedSet");
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (!mentionsCandidate(method)) {
                continue;
            }
            Frame<SourceValue>[] frames;
            try {
                frames = new Analyzer<>(new SourceInterpreter()).analyze(classNode.name, method);
            } catch (AnalyzerException e) {
                // Code the verifier would reject: nothing reliable to say about it.
                continue;
            }
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                Frame<SourceValue> frame = frames[i];
                if (frame == null) {
                    continue;
                }
                if (insn instanceof FieldInsnNode store
                        && (store.getOpcode() == Opcodes.PUTFIELD || store.getOpcode() == Opcodes.PUTSTATIC)
                        && store.desc.equals("Ljava/util/Map;")) {
                    createdBy(frame.getStack(frame.getStackSize() - 1), "java/util/Hashtable", method, frames)
                            .ifPresent(created -> context.report(method, created, HASHTABLE_MESSAGE));
                } else if (insn instanceof MethodInsnNode call
                        && call.getOpcode() == Opcodes.INVOKESTATIC
                        && call.owner.equals("java/util/Collections")
                        && WRAPPED.containsKey(call.name)) {
                    String wrapped = WRAPPED.get(call.name).replace('.', '/');
                    String message =
                            call.name.equals("synchronizedMap") ? SYNCHRONIZED_MAP_MESSAGE : SYNCHRONIZED_SET_MESSAGE;
                    createdBy(frame.getStack(frame.getStackSize() - 1), wrapped, method, frames)
                            .ifPresent(created -> context.report(method, call, message));
                }
            }
        }
    }

    private static boolean mentionsCandidate(MethodNode method) {
        for (AbstractInsnNode insn : method.instructions) {
            if ((insn instanceof TypeInsnNode type && type.desc.equals("java/util/Hashtable"))
                    || (insn instanceof MethodInsnNode call && WRAPPED.containsKey(call.name))) {
                return true;
            }
        }
        return false;
    }

    /** The {@code NEW} of exactly {@code internalName} that a value comes from, through the {@code DUP} javac adds. */
    private static Optional<AbstractInsnNode> createdBy(
            SourceValue value, String internalName, MethodNode method, Frame<SourceValue>[] frames) {
        SourceValue current = value;
        for (int depth = 0; depth < 4 && current.insns.size() == 1; depth++) {
            AbstractInsnNode producer = current.insns.iterator().next();
            if (producer instanceof TypeInsnNode created && created.getOpcode() == Opcodes.NEW) {
                return created.desc.equals(internalName) ? Optional.of(created) : Optional.empty();
            }
            if (producer.getOpcode() != Opcodes.DUP) {
                return Optional.empty();
            }
            Frame<SourceValue> atDup = frames[method.instructions.indexOf(producer)];
            if (atDup == null) {
                return Optional.empty();
            }
            current = atDup.getStack(atDup.getStackSize() - 1);
        }
        return Optional.empty();
    }
}
