package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.Type;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.java.Scopes;

/**
 * A linear search of a {@code List} ({@code contains}, {@code indexOf}, {@code lastIndexOf}, {@code containsAll},
 * {@code remove(Object)}) at every iteration of a loop: n iterations over a list of m elements cost n×m comparisons,
 * where a {@code HashSet} or {@code HashMap} built once answers in constant time. Lists written out in the code
 * ({@code List.of(…)}, {@code Arrays.asList(…)}) and lists built inside the loop are left alone.
 */
@RuleKey("EB306")
public final class ListLookupInLoopRule extends RepeatedCalls {

    private static final Set<String> LOOKUPS = Set.of("contains", "indexOf", "lastIndexOf", "containsAll", "remove");

    private static final List<String> LIST_TYPES = List.of(
            "java.util.List",
            "java.util.ArrayList",
            "java.util.LinkedList",
            "java.util.Vector",
            "java.util.Stack",
            "java.util.concurrent.CopyOnWriteArrayList");

    /** Factories of lists whose elements are written in the call: their size does not grow with the input. */
    private static final Set<String> FIXED_LIST_FACTORIES =
            Set.of("of", "asList", "singletonList", "emptyList", "copyOf", "newArrayList");

    static String message(String method, String list) {
        return "List." + method + " scans " + list + " from the start at every iteration, which costs the size of the"
                + " list times the number of iterations; build a HashSet or HashMap from it once, before the loop.";
    }

    @Override
    boolean looksAt(MethodCallExpr call) {
        return LOOKUPS.contains(call.getNameAsString())
                && call.getArguments().size() == 1
                && call.getScope().isPresent();
    }

    @Override
    void visit(MethodCallExpr call, Node repeating, SourceContext context) {
        String method = call.getNameAsString();
        Optional<String> list = Scopes.variableName(call.getScope().get());
        if (list.isEmpty()) {
            return;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(call, list.get());
        if (declaration.isEmpty() || !isList(declaration.get().type(), context)) {
            return;
        }
        if (method.equals("remove") && !isObjectArgument(call.getArgument(0))) {
            // remove(int) removes by position: not a search.
            return;
        }
        if ((!declaration.get().field() && declaration.get().node().isDescendantOf(repeating))
                || isFixedList(declaration.get())
                || runsFewTimes(repeating, context)) {
            return;
        }
        context.report(call, message(method, list.get()), RepeatingContexts.secondary(repeating, "repeats the scan"));
    }

    private static boolean isList(Type type, SourceContext context) {
        if (!type.isClassOrInterfaceType()) {
            return false;
        }
        String name = type.asClassOrInterfaceType().getNameWithScope();
        return LIST_TYPES.stream().anyMatch(listType -> context.names().mayBe(name, listType));
    }

    /** An argument known to be an object: a variable declared with a class type, or a string literal. */
    private static boolean isObjectArgument(Expression argument) {
        if (argument.isStringLiteralExpr()) {
            return true;
        }
        return argument instanceof NameExpr name
                && Scopes.declarationOf(name)
                        .map(d -> d.type().isClassOrInterfaceType())
                        .orElse(false);
    }

    /** A list initialised from elements written in the code and never reassigned. */
    private static boolean isFixedList(Scopes.Declaration declaration) {
        boolean neverReassigned =
                declaration.field() ? declaration.isFinalField() : Scopes.isNeverReassigned(declaration, null);
        return neverReassigned
                && declaration
                        .initializer()
                        .filter(MethodCallExpr.class::isInstance)
                        .map(MethodCallExpr.class::cast)
                        .filter(init -> FIXED_LIST_FACTORIES.contains(init.getNameAsString())
                                && init.getArguments().stream().allMatch(ListLookupInLoopRule::isConstantElement))
                        .isPresent();
    }

    /** A literal, a constant ({@code MAX_SIZE}, {@code Kind.CODE}) or a class literal. */
    private static boolean isConstantElement(Expression element) {
        if (element.isLiteralExpr() || element.isClassExpr()) {
            return true;
        }
        String name = element instanceof NameExpr n
                ? n.getNameAsString()
                : element instanceof FieldAccessExpr access ? access.getNameAsString() : null;
        return name != null && name.equals(name.toUpperCase(java.util.Locale.ROOT));
    }
}
