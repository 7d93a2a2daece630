package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells whether code runs at every comparison of a sort: in {@code compare(a, b)} of a class that implements {@code
 * Comparator}, or in a lambda that compares two elements or extracts the key of one for {@code sort}, {@code sorted},
 * {@code Comparator.comparing}, {@code thenComparing}, {@code max}, {@code min} or a {@code TreeMap} or {@code TreeSet}.
 * A sort of n elements makes about n·log n comparisons, each extracting two keys; {@code max} and {@code min} make one
 * per element. The search stops at the enclosing method, class, or a lambda that is none of these.
 */
public final class Comparisons {

    private static final String COMPARATOR = "java.util.Comparator";

    /** Calls whose two-parameter lambda argument is a comparator. */
    private static final Set<String> TAKING_A_COMPARATOR =
            Set.of("sort", "parallelSort", "sorted", "max", "min", "thenComparing");

    /** Calls whose one-parameter lambda argument extracts the key that is compared. */
    private static final Set<String> TAKING_A_KEY = Set.of(
            "comparing",
            "comparingInt",
            "comparingLong",
            "comparingDouble",
            "thenComparing",
            "thenComparingInt",
            "thenComparingLong",
            "thenComparingDouble");

    /** Sorted collections whose constructor takes a comparator. */
    private static final Set<String> SORTED_COLLECTIONS = Set.of("TreeMap", "TreeSet");

    /** Words of which code that compares holds at least one, for text prescreens. */
    public static final Set<String> WORDS =
            WordSets.union(Set.of("Comparator", "compare"), TAKING_A_COMPARATOR, TAKING_A_KEY, SORTED_COLLECTIONS);

    /**
     * Where code runs at every comparison.
     *
     * @param at what makes it a comparison, for a secondary location: the name of {@code compare}, of the call taking
     *     the lambda, or the type of the sorted collection created
     * @param picking {@code max} or {@code min} when the comparator picks one element (one comparison per element),
     *     empty when it sorts (n·log n comparisons)
     */
    public record Comparing(Node at, Optional<String> picking) {}

    private Comparisons() {}

    /** The comparison that runs {@code node}, if any (see the class comment). */
    public static Optional<Comparing> comparingContext(Node node, JavaNames names) {
        Node child = node;
        for (Node parent = node.getParentNode().orElse(null);
                parent != null;
                child = parent, parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof MethodDeclaration method) {
                return isCompareOfAComparator(method, names)
                        ? Optional.of(new Comparing(method.getName(), Optional.empty()))
                        : Optional.empty();
            }
            if (parent instanceof CallableDeclaration<?> || parent instanceof TypeDeclaration<?>) {
                return Optional.empty();
            }
            if (parent instanceof LambdaExpr lambda) {
                return comparatorLambda(lambda, names);
            }
        }
        return Optional.empty();
    }

    private static Optional<Comparing> comparatorLambda(LambdaExpr lambda, JavaNames names) {
        int parameters = lambda.getParameters().size();
        Node parent = lambda.getParentNode().orElse(null);
        if (parent instanceof MethodCallExpr call && call.getArguments().contains(lambda)) {
            String name = call.getNameAsString();
            boolean comparator = parameters == 2 && TAKING_A_COMPARATOR.contains(name);
            boolean key = parameters == 1 && TAKING_A_KEY.contains(name);
            if (comparator || key) {
                Optional<String> picking =
                        name.equals("max") || name.equals("min") ? Optional.of(name) : usedToPick(call);
                return Optional.of(new Comparing(call.getName(), picking));
            }
        }
        if (parent instanceof ObjectCreationExpr creation
                && parameters == 2
                && creation.getArguments().contains(lambda)
                && SORTED_COLLECTIONS.contains(creation.getType().getNameAsString())
                && names.mayBe(
                        creation.getType().getNameWithScope(),
                        "java.util." + creation.getType().getNameAsString())) {
            return Optional.of(new Comparing(creation.getType(), Optional.empty()));
        }
        return Optional.empty();
    }

    /**
     * {@code max} or {@code min} when the comparator a {@code comparing} or {@code thenComparing} call builds, possibly
     * refined by more of them ({@code .thenComparing(…)}, {@code .reversed()}), is handed to one.
     */
    private static Optional<String> usedToPick(MethodCallExpr built) {
        Expression comparator = built;
        while (comparator.getParentNode().orElse(null) instanceof MethodCallExpr outer
                && outer.getScope().orElse(null) == comparator) {
            comparator = outer;
        }
        if (comparator.getParentNode().orElse(null) instanceof MethodCallExpr user
                && user.getArguments().contains(comparator)
                && (user.getNameAsString().equals("max")
                        || user.getNameAsString().equals("min"))) {
            return Optional.of(user.getNameAsString());
        }
        return Optional.empty();
    }

    /** {@code int compare(T a, T b)} in a class or enum that implements {@code Comparator}, named or anonymous. */
    private static boolean isCompareOfAComparator(MethodDeclaration method, JavaNames names) {
        if (!method.getNameAsString().equals("compare")
                || method.getParameters().size() != 2
                || !(method.getType() instanceof PrimitiveType returned
                        && returned.getType() == PrimitiveType.Primitive.INT)) {
            return false;
        }
        Node owner = method.getParentNode().orElse(null);
        List<ClassOrInterfaceType> supertypes = List.of();
        if (owner instanceof ObjectCreationExpr anonymous) {
            supertypes = List.of(anonymous.getType());
        } else if (owner instanceof ClassOrInterfaceDeclaration declaration) {
            supertypes = declaration.getImplementedTypes();
        } else if (owner instanceof EnumDeclaration declaration) {
            supertypes = declaration.getImplementedTypes();
        }
        return supertypes.stream().anyMatch(type -> names.mayBe(type.getNameWithScope(), COMPARATOR));
    }
}
