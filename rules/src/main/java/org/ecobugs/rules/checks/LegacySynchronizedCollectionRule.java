package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashSet;
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
 * {@code Hashtable} that an API requires (typed {@code Hashtable} and not private, or handed out with its views), or
 * whose values the class casts to {@code Hashtable} (nested tables); local collections and {@code StringBuffer}s (the
 * JIT removes the locks of objects that do not escape a method); {@code Vector} and synchronized lists (no equivalent is
 * better whatever the access pattern); and, where the lock is never contended or never taken again, collections of
 * user-interface classes (touched on the UI thread only), of debugging tools (a {@code debug} or {@code debugger}
 * package), private fields that are never read, private synchronized sets that are never searched (registries of
 * running tasks or deploying channels, only added to, removed from and iterated), and private static tables that only
 * the class initialiser fills.
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

    /** The collections reported, each with the words of its messages. */
    enum Kind {
        HASHTABLE("Hashtable", HASHTABLE_MESSAGE, "a ConcurrentHashMap (computeIfAbsent, merge)", "a HashMap"),
        SYNCHRONIZED_MAP(
                "Collections.synchronizedMap",
                SYNCHRONIZED_MAP_MESSAGE,
                "a ConcurrentHashMap (computeIfAbsent, merge)",
                "the HashMap alone"),
        SYNCHRONIZED_SET(
                "Collections.synchronizedSet",
                SYNCHRONIZED_SET_MESSAGE,
                "ConcurrentHashMap.newKeySet() (whose add says whether the element was new)",
                "the HashSet alone"),
        STACK("Stack", null, null, "an ArrayDeque (whose peek() returns null when it is empty where Stack throws)");

        private final String type;
        private final String unnamed;
        private final String atomic;
        private final String plain;

        Kind(String type, String unnamed, String atomic, String plain) {
            this.type = type;
            this.unnamed = unnamed;
            this.atomic = atomic;
            this.plain = plain;
        }

        /** The message for a collection kept in the field {@code field}. */
        String message(String field) {
            if (this == STACK) {
                return "The Stack " + field + " takes a lock for every push and pop although only this class uses"
                        + " it; use an ArrayDeque (push, pop, peek), whose peek() returns null when it is empty where"
                        + " Stack throws.";
            }
            String after = unnamed.substring(unnamed.indexOf(" takes"));
            return "The " + type + " " + field + after;
        }

        /** The message for a collection whose every use is already inside {@code synchronized (field)} blocks. */
        String lockedMessage(String field) {
            String fix = atomic == null
                    ? "keep the blocks around " + plain + "."
                    : "make each compound update one call of " + atomic + " and drop the blocks, or keep the blocks"
                            + " around " + plain + ".";
            return "Every use of the " + type + " " + field + " is inside synchronized (" + field + ") blocks, which"
                    + " lock it a second time around its own lock; " + fix;
        }
    }

    private static final String HASHTABLE = "java.util.Hashtable";
    private static final String STACK = "java.util.Stack";
    private static final String COLLECTIONS = "java.util.Collections";
    /** The wrappers reported, with the collection they must wrap to have a concurrent equivalent. */
    private static final Map<String, String> WRAPPED =
            Map.of("synchronizedMap", "java.util.HashMap", "synchronizedSet", "java.util.HashSet");

    /** Calls that change a collection without reading it, when their result is dropped. */
    private static final Set<String> MUTATORS = Set.of(
            "put",
            "putAll",
            "putIfAbsent",
            "add",
            "addAll",
            "addElement",
            "remove",
            "removeAll",
            "removeElement",
            "retainAll",
            "clear",
            "push",
            "set");
    /** Calls that search a collection by key or element. */
    private static final Set<String> LOOKUPS = Set.of(
            "get",
            "getOrDefault",
            "containsKey",
            "containsValue",
            "contains",
            "containsAll",
            "computeIfAbsent",
            "computeIfPresent",
            "compute",
            "merge",
            "indexOf",
            "search");
    /** Calls that read a table without changing it or handing out a part of it. */
    private static final Set<String> READ_ONLY =
            Set.of("get", "getOrDefault", "containsKey", "containsValue", "contains", "size", "isEmpty");
    /** Calls that return a live view of the collection, through which a caller reads or changes it. */
    private static final Set<String> VIEWS = Set.of(
            "keySet",
            "values",
            "entrySet",
            "keys",
            "elements",
            "iterator",
            "listIterator",
            "subList",
            "stream",
            "spliterator");
    /** Collections whose constructor copies the collection it is given. */
    private static final Set<String> COPIES = Set.of(
            "ArrayList", "LinkedList", "HashSet", "LinkedHashSet", "TreeSet", "ArrayDeque", "HashMap", "LinkedHashMap");
    /** Package segments of debugging tools, which run only while someone debugs. */
    private static final Set<String> DEBUG_PACKAGES = Set.of("debug", "debugger");

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
        if (hashtable && !requiredByAnApi(field.get(), context) && !holdsNestedTables(field.get(), context)) {
            report(creation, Kind.HASHTABLE, field.get(), context);
        } else if (!hashtable && isPrivate(field.get()) && !escapes(field.get())) {
            report(creation, Kind.STACK, field.get(), context);
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
        if (!onCollections
                || call.getArguments().size() != 1
                || !(call.getArgument(0) instanceof ObjectCreationExpr inner)
                || !context.names().mayBe(inner.getType().getNameWithScope(), wrapped)
                || inner.getAnonymousClassBody().isPresent()) {
            return;
        }
        Kind kind = call.getNameAsString().equals("synchronizedMap") ? Kind.SYNCHRONIZED_MAP : Kind.SYNCHRONIZED_SET;
        Optional<Scopes.Declaration> field = storedInField(call);
        if (field.isPresent()) {
            report(call, kind, field.get(), context);
        } else if (!inUnmeasuredCode(call, context)) {
            context.report(call, kind.unnamed);
        }
    }

    /** Reports a collection kept in a field, unless its lock is never contended or never taken again. */
    private static void report(Expression created, Kind kind, Scopes.Declaration field, SourceContext context) {
        if (inUnmeasuredCode(created, context)) {
            return;
        }
        TypeDeclaration<?> owner =
                field.node().findAncestor(TypeDeclaration.class).orElse(null);
        if (owner == null) {
            return;
        }
        boolean locked = false;
        if (isPrivate(field)) {
            List<Expression> uses = uses(field, owner);
            if (neverRead(uses)
                    || (kind == Kind.SYNCHRONIZED_SET && neverSearched(uses))
                    || (kind != Kind.STACK && kind != Kind.SYNCHRONIZED_SET && onlyFilledByInitialiser(field, owner))) {
                return;
            }
            locked = allLocked(uses);
        }
        context.report(created, locked ? kind.lockedMessage(field.name()) : kind.message(field.name()));
    }

    /** Code of the user interface or of a debugging tool, where one lock per operation is never contended. */
    private static boolean inUnmeasuredCode(Node node, SourceContext context) {
        for (String segment : context.names().packageName().split("\\.")) {
            if (DEBUG_PACKAGES.contains(segment)) {
                return true;
            }
        }
        return node.findAncestor(TypeDeclaration.class)
                .map(type -> UserInterfaceCode.isUserInterface(type, context))
                .orElse(false);
    }

    /** The field a new object is stored in: the field's initializer, or an assignment to it. */
    private static Optional<Scopes.Declaration> storedInField(Expression created) {
        Node parent = created.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator variable
                && variable.getParentNode().orElse(null) instanceof FieldDeclaration) {
            return Scopes.declarationOf(created, variable.getNameAsString()).filter(Scopes.Declaration::field);
        }
        if (parent instanceof AssignExpr assign && assign.getValue() == created) {
            String name = assign.getTarget() instanceof NameExpr n
                    ? n.getNameAsString()
                    : assign.getTarget() instanceof FieldAccessExpr a && a.getScope() instanceof ThisExpr
                            ? a.getNameAsString()
                            : null;
            return name == null
                    ? Optional.empty()
                    : Scopes.declarationOf(created, name).filter(Scopes.Declaration::field);
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

    /**
     * Whether the table holds tables: the class stores into the field a value cast to {@code Hashtable}, or casts or
     * tests with {@code instanceof} what it reads from the field (directly or through a local variable). Their type is
     * then part of the data, and another map is not a drop-in change.
     */
    private static boolean holdsNestedTables(Scopes.Declaration field, SourceContext context) {
        TypeDeclaration<?> owner =
                field.node().findAncestor(TypeDeclaration.class).orElse(null);
        if (owner == null) {
            return false;
        }
        for (AssignExpr assign : owner.findAll(AssignExpr.class)) {
            if (isFieldRead(assign.getTarget(), field.name())
                    && assign.getValue() instanceof CastExpr cast
                    && isHashtable(cast.getType(), context)) {
                return true;
            }
        }
        List<Expression> tested = new ArrayList<>();
        owner.findAll(CastExpr.class).stream()
                .filter(cast -> isHashtable(cast.getType(), context))
                .forEach(cast -> tested.add(cast.getExpression()));
        owner.findAll(InstanceOfExpr.class).stream()
                .filter(test -> isHashtable(test.getType(), context))
                .forEach(test -> tested.add(test.getExpression()));
        for (Expression value : tested) {
            Expression source = value instanceof NameExpr local
                    ? Scopes.declarationOf(local)
                            .filter(d -> !d.field())
                            .flatMap(Scopes.Declaration::initializer)
                            .orElse(value)
                    : value;
            if (source instanceof MethodCallExpr read
                    && read.getScope()
                            .filter(scope -> isFieldRead(scope, field.name()))
                            .isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHashtable(Type type, SourceContext context) {
        return type.isClassOrInterfaceType()
                && context.names().mayBe(type.asClassOrInterfaceType().getNameWithScope(), HASHTABLE);
    }

    private static boolean isPrivate(Scopes.Declaration field) {
        return field.node()
                .findAncestor(FieldDeclaration.class)
                .map(FieldDeclaration::isPrivate)
                .orElse(false);
    }

    private static boolean isStatic(Scopes.Declaration field) {
        return field.node()
                .findAncestor(FieldDeclaration.class)
                .map(FieldDeclaration::isStatic)
                .orElse(false);
    }

    /**
     * Whether the class passes the field's object (or a live view of it: keySet(), keys(), iterator()…) to a method,
     * returns it, or stores it elsewhere.
     */
    private static boolean escapes(Scopes.Declaration field) {
        TypeDeclaration<?> owner =
                field.node().findAncestor(TypeDeclaration.class).orElse(null);
        if (owner == null) {
            return true;
        }
        for (Expression use : owner.findAll(Expression.class, e -> isFieldRead(e, field.name()))) {
            if (handedOut(use, false) || viewHandedOut(viewOf(use))) {
                return true;
            }
        }
        return false;
    }

    /** The call that makes a live view of the collection {@code use} reads, or null. */
    private static Expression viewOf(Expression use) {
        return use.getParentNode().orElse(null) instanceof MethodCallExpr call
                        && call.getScope().orElse(null) == use
                        && VIEWS.contains(call.getNameAsString())
                ? call
                : null;
    }

    /**
     * Whether a live view leaves the class's code: returned, passed on, or kept in a field. A view read through a local
     * variable ({@code Enumeration keys = table.keys()}) stays in the method.
     */
    private static boolean viewHandedOut(Expression view) {
        if (view == null) {
            return false;
        }
        Node parent = view.getParentNode().orElse(null);
        if (parent instanceof VariableDeclarator variable) {
            return variable.getParentNode().orElse(null) instanceof FieldDeclaration;
        }
        if (parent instanceof AssignExpr assign && assign.getValue() == view) {
            return Scopes.variableName(assign.getTarget())
                    .flatMap(name -> Scopes.declarationOf(assign, name))
                    .map(Scopes.Declaration::field)
                    .orElse(true);
        }
        return handedOut(view, false);
    }

    /**
     * Whether a value leaves the code that reads it: returned, passed to a method or constructor (unless
     * {@code copiesAllowed} and the callee only copies it), stored in a variable, or made the body of a lambda.
     */
    private static boolean handedOut(Expression value, boolean copiesAllowed) {
        if (value == null) {
            return false;
        }
        Node parent = value.getParentNode().orElse(null);
        if (parent instanceof EnclosedExpr || parent instanceof CastExpr || parent instanceof ConditionalExpr) {
            return handedOut((Expression) parent, copiesAllowed);
        }
        if (parent instanceof MethodCallExpr call && call.getArguments().contains(value)) {
            return !(copiesAllowed
                    && (call.getNameAsString().equals("addAll")
                            || call.getNameAsString().equals("removeAll")));
        }
        if (parent instanceof ObjectCreationExpr creation
                && creation.getArguments().contains(value)) {
            return !(copiesAllowed
                    && creation.getArguments().size() == 1
                    && COPIES.contains(creation.getType().getNameAsString()));
        }
        return parent instanceof ReturnStmt
                || (parent instanceof VariableDeclarator variable
                        && variable.getInitializer().orElse(null) == value)
                || (parent instanceof AssignExpr assign && assign.getValue() == value)
                || parent instanceof LambdaExpr;
    }

    private static boolean isFieldRead(Expression expression, String name) {
        return (expression instanceof NameExpr n && n.getNameAsString().equals(name))
                || (expression instanceof FieldAccessExpr access
                        && access.getScope() instanceof ThisExpr
                        && access.getNameAsString().equals(name));
    }

    /**
     * The expressions of the declaring class that read the field ({@code name}, {@code this.name},
     * {@code Owner.name}), assignments to it left out.
     */
    private static List<Expression> uses(Scopes.Declaration field, TypeDeclaration<?> owner) {
        List<Expression> uses = new ArrayList<>();
        for (NameExpr name :
                owner.findAll(NameExpr.class, n -> n.getNameAsString().equals(field.name()))) {
            if (Scopes.declarationOf(name).filter(d -> d.node() == field.node()).isPresent()) {
                uses.add(name);
            }
        }
        for (FieldAccessExpr access :
                owner.findAll(FieldAccessExpr.class, a -> a.getNameAsString().equals(field.name()))) {
            if (access.getScope() instanceof ThisExpr
                    || (access.getScope() instanceof NameExpr scope
                            && scope.getNameAsString().equals(owner.getNameAsString()))) {
                uses.add(access);
            }
        }
        uses.removeIf(
                use -> use.getParentNode().orElse(null) instanceof AssignExpr assign && assign.getTarget() == use);
        return uses;
    }

    /** The call made on the collection a use reads ({@code use.put(…)}), if that is what the use is. */
    private static Optional<MethodCallExpr> callOn(Expression use) {
        return use.getParentNode().orElse(null) instanceof MethodCallExpr call
                        && call.getScope().orElse(null) == use
                ? Optional.of(call)
                : Optional.empty();
    }

    private static boolean resultDropped(MethodCallExpr call) {
        return call.getParentNode().orElse(null) instanceof ExpressionStmt;
    }

    private static boolean isLockOf(Expression use) {
        return use.getParentNode().orElse(null) instanceof SynchronizedStmt block && block.getExpression() == use;
    }

    /** Whether the class only ever writes into the collection: filled, and never read. */
    private static boolean neverRead(List<Expression> uses) {
        return uses.stream()
                .allMatch(use -> isLockOf(use)
                        || callOn(use)
                                .filter(call -> MUTATORS.contains(call.getNameAsString()) && resultDropped(call))
                                .isPresent());
    }

    /**
     * Whether a set is a registry of members that come and go, never searched: added to and removed from (results
     * dropped), counted, copied or iterated. Such a set of running tasks or deploying channels is touched once when
     * each member comes and once when it goes. A set that is only filled is a lookup table, even when it is searched by
     * scanning it.
     */
    private static boolean neverSearched(List<Expression> uses) {
        boolean removes = uses.stream()
                .map(LegacySynchronizedCollectionRule::callOn)
                .flatMap(Optional::stream)
                .anyMatch(call -> call.getNameAsString().startsWith("remove")
                        || call.getNameAsString().equals("clear"));
        if (!removes) {
            return false;
        }
        for (Expression use : uses) {
            Optional<MethodCallExpr> call = callOn(use);
            if (call.isPresent()) {
                String name = call.get().getNameAsString();
                if (LOOKUPS.contains(name)
                        || (MUTATORS.contains(name) && !resultDropped(call.get()))
                        || (VIEWS.contains(name) && viewHandedOut(call.get()))) {
                    return false;
                }
            } else if (!isLockOf(use) && handedOut(use, true)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every use of the collection is inside a {@code synchronized} block on the collection itself. */
    private static boolean allLocked(List<Expression> uses) {
        List<Expression> locks = uses.stream().filter(use -> isLockOf(use)).toList();
        List<Expression> others = uses.stream().filter(use -> !isLockOf(use)).toList();
        if (locks.isEmpty() || others.isEmpty()) {
            return false;
        }
        return others.stream()
                .allMatch(use -> use.findAncestor(
                                SynchronizedStmt.class,
                                block -> locks.stream().anyMatch(lock -> block.getExpression() == lock))
                        .isPresent());
    }

    /**
     * Whether a private static table is a constant: every write happens while the class initialises (a static
     * initializer, the field's initializer, or private static methods only they call), and the rest of the class
     * only looks values up or iterates. A table that nothing writes after initialisation is never contended by a
     * writer, and a plain map would be safe to read.
     */
    private static boolean onlyFilledByInitialiser(Scopes.Declaration field, TypeDeclaration<?> owner) {
        if (!isStatic(field)) {
            return false;
        }
        Set<String> initialisers = initialiserMethods(owner);
        for (AssignExpr assign : owner.findAll(AssignExpr.class)) {
            if (isFieldRead(assign.getTarget(), field.name())
                    && Scopes.declarationOf(assign, field.name())
                            .filter(d -> d.node() == field.node())
                            .isPresent()
                    && !inInitialisation(assign, initialisers)) {
                return false;
            }
        }
        for (Expression use : uses(field, owner)) {
            if (inInitialisation(use, initialisers)) {
                continue;
            }
            Optional<MethodCallExpr> call = callOn(use);
            boolean reads = call.map(c -> READ_ONLY.contains(c.getNameAsString()))
                    .orElse(use.getParentNode().orElse(null) instanceof ForEachStmt);
            if (!reads) {
                return false;
            }
        }
        return true;
    }

    /** The private static methods of the class that only its initialisation calls, directly or through each other. */
    private static Set<String> initialiserMethods(TypeDeclaration<?> owner) {
        Set<String> found = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (MethodDeclaration method : owner.getMethods()) {
                String name = method.getNameAsString();
                if (found.contains(name)
                        || owner.getMethodsByName(name).stream().anyMatch(m -> !m.isPrivate() || !m.isStatic())) {
                    continue;
                }
                List<MethodCallExpr> calls = owner.findAll(
                        MethodCallExpr.class,
                        c -> c.getNameAsString().equals(name)
                                && c.getScope()
                                        .map(s -> s instanceof NameExpr scope
                                                && scope.getNameAsString().equals(owner.getNameAsString()))
                                        .orElse(true));
                if (!calls.isEmpty() && calls.stream().allMatch(c -> inInitialisation(c, found))) {
                    found.add(name);
                    changed = true;
                }
            }
        }
        return found;
    }

    /** Whether code runs only while the class initialises: a static initializer, or one of {@code initialisers}. */
    private static boolean inInitialisation(Node node, Set<String> initialisers) {
        Node current = node.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof LambdaExpr
                    || (current instanceof ObjectCreationExpr creation
                            && creation.getAnonymousClassBody().isPresent())) {
                return false;
            }
            if (current instanceof InitializerDeclaration initializer) {
                return initializer.isStatic();
            }
            if (current instanceof FieldDeclaration declaration) {
                return declaration.isStatic();
            }
            if (current instanceof MethodDeclaration method) {
                return initialisers.contains(method.getNameAsString());
            }
            if (current instanceof CallableDeclaration<?> || current instanceof TypeDeclaration<?>) {
                return false;
            }
            current = current.getParentNode().orElse(null);
        }
        return false;
    }

    // ---- bytecode twin: a new Hashtable stored into a Map field, a synchronized wrapper around a new HashMap ----

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.of("java/util/Hashtable", "synchronizedMap", "synchronizedSet");
    }

    /**
     * The source side sees every collection the bytecode side sees, and how the class uses it (reads, searches,
     * synchronized blocks) across its nested classes: bytecode serves classes without sources only.
     */
    @Override
    public boolean reportsWhereSourceWasAnalyzed() {
        return false;
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        if (UserInterfaceCode.isUserInterface(classNode) || inDebugPackage(classNode.name)) {
            return;
        }
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
            Set<AbstractInsnNode> stored = new HashSet<>();
            for (int i = 0; i < method.instructions.size(); i++) {
                AbstractInsnNode insn = method.instructions.get(i);
                Frame<SourceValue> frame = frames[i];
                if (frame == null
                        || !(insn instanceof FieldInsnNode store)
                        || (store.getOpcode() != Opcodes.PUTFIELD && store.getOpcode() != Opcodes.PUTSTATIC)) {
                    continue;
                }
                SourceValue value = frame.getStack(frame.getStackSize() - 1);
                if (store.desc.equals("Ljava/util/Map;")) {
                    createdBy(value, "java/util/Hashtable", method, frames)
                            .ifPresent(created -> context.report(method, created, Kind.HASHTABLE.message(store.name)));
                }
                wrapperCall(value, method, frames).ifPresent(call -> {
                    stored.add(call);
                    context.report(method, call, wrapperKind(call).message(store.name));
                });
            }
            for (int i = 0; i < method.instructions.size(); i++) {
                if (frames[i] != null
                        && method.instructions.get(i) instanceof MethodInsnNode call
                        && !stored.contains(call)
                        && wrapperCall(call, method, frames).isPresent()) {
                    context.report(method, call, wrapperKind(call).unnamed);
                }
            }
        }
    }

    private static boolean inDebugPackage(String internalName) {
        String[] segments = internalName.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            if (DEBUG_PACKAGES.contains(segments[i])) {
                return true;
            }
        }
        return false;
    }

    private static Kind wrapperKind(MethodInsnNode call) {
        return call.name.equals("synchronizedMap") ? Kind.SYNCHRONIZED_MAP : Kind.SYNCHRONIZED_SET;
    }

    /** The wrapper call a stored value comes from, when it wraps a new collection of the type it expects. */
    private static Optional<MethodInsnNode> wrapperCall(
            SourceValue value, MethodNode method, Frame<SourceValue>[] frames) {
        if (value.insns.size() != 1 || !(value.insns.iterator().next() instanceof MethodInsnNode call)) {
            return Optional.empty();
        }
        return wrapperCall(call, method, frames);
    }

    private static Optional<MethodInsnNode> wrapperCall(
            MethodInsnNode call, MethodNode method, Frame<SourceValue>[] frames) {
        if (call.getOpcode() != Opcodes.INVOKESTATIC
                || !call.owner.equals("java/util/Collections")
                || !WRAPPED.containsKey(call.name)) {
            return Optional.empty();
        }
        Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
        if (frame == null) {
            return Optional.empty();
        }
        String wrapped = WRAPPED.get(call.name).replace('.', '/');
        return createdBy(frame.getStack(frame.getStackSize() - 1), wrapped, method, frames)
                .map(created -> call);
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
