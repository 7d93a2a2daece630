package org.ecobugs.rules.checks.payload;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ecobugs.rules.java.Scopes;

/**
 * What the code does with the object a pretty-print setting configures (a mapper, a parser, a transformer), found
 * through the variable or field that holds it: it only re-indents text already serialized, it only parses, or the
 * class keeps a compact twin of it.
 */
final class ConfiguredObjects {

    /** Calls that produce serialized output, and calls that only consume it. */
    private static final Pattern WRITES = Pattern.compile("encode|write|toJson|serialize|marshal|transform|print");

    private static final Pattern READS = Pattern.compile("parse|read|fromJson|deserialize|unmarshal");

    private ConfiguredObjects() {}

    /**
     * Whether the configured object only re-indents text that was already serialized: an identity {@code
     * Transformer} ({@code newTransformer()} without a stylesheet) applied to a {@code StreamSource}, or a Jackson
     * mapper that reads the text as a tree ({@code readTree}) in the same method. The compact form was in hand and the
     * code chose to lay it out, which is formatting for a reader, not the way a payload is produced.
     */
    static boolean reindentsText(MethodCallExpr call) {
        Optional<String> variable = configuredVariable(call);
        Optional<Node> scope =
                call.findAncestor(n -> n instanceof CallableDeclaration<?> || n instanceof LambdaExpr, Node.class);
        if (variable.isEmpty() || scope.isEmpty()) {
            return false;
        }
        List<MethodCallExpr> uses = scope.get().findAll(MethodCallExpr.class).stream()
                .filter(use -> use.getScope()
                        .map(ConfiguredObjects::nameOf)
                        .filter(variable.get()::equals)
                        .isPresent())
                .toList();
        if (call.getNameAsString().equals("setOutputProperty")) {
            return isIdentityTransformer(variable.get(), call)
                    && uses.stream()
                            .filter(use -> use.getNameAsString().equals("transform"))
                            .anyMatch(use -> !use.getArguments().isEmpty() && isStreamSource(use.getArgument(0)));
        }
        return uses.stream().anyMatch(use -> use.getNameAsString().equals("readTree"));
    }

    /** Whether the local {@code variable} is a transformer made without a stylesheet: it copies its input. */
    private static boolean isIdentityTransformer(String variable, MethodCallExpr from) {
        return Scopes.declarationOf(from, variable)
                .filter(declaration -> !declaration.field())
                .flatMap(Scopes.Declaration::initializer)
                .filter(init -> init instanceof MethodCallExpr created
                        && created.getNameAsString().equals("newTransformer")
                        && created.getArguments().isEmpty())
                .isPresent();
    }

    /** {@code new StreamSource(…)}, directly or through a local initialized with it. */
    private static boolean isStreamSource(Expression source) {
        if (source instanceof ObjectCreationExpr created) {
            return created.getType().getNameAsString().equals("StreamSource");
        }
        return source instanceof NameExpr name
                && Scopes.declarationOf(name)
                        .filter(declaration -> !declaration.field())
                        .flatMap(Scopes.Declaration::initializer)
                        .filter(ConfiguredObjects::isStreamSource)
                        .isPresent();
    }

    /** Whether the configured object is only ever used to parse, where indentation changes nothing. */
    static boolean isUsedOnlyToRead(MethodCallExpr call) {
        Optional<String> variable = configuredVariable(call);
        Optional<ClassOrInterfaceDeclaration> type = call.findAncestor(ClassOrInterfaceDeclaration.class);
        if (variable.isEmpty() || type.isEmpty()) {
            return false;
        }
        boolean reads = false;
        for (MethodCallExpr use : type.get().findAll(MethodCallExpr.class)) {
            String receiver = use.getScope().map(ConfiguredObjects::nameOf).orElse("");
            if (!receiver.equals(variable.get())) {
                continue;
            }
            String name = use.getNameAsString();
            if (WRITES.matcher(name).lookingAt()) {
                return false;
            }
            reads |= READS.matcher(name).lookingAt();
        }
        return reads;
    }

    /**
     * Whether the class keeps a compact twin of the configured object (a second field of the same type): the pretty
     * one is then an option its callers choose.
     */
    static boolean offersACompactVariant(MethodCallExpr call) {
        Optional<String> variable = configuredVariable(call);
        Optional<ClassOrInterfaceDeclaration> type = call.findAncestor(ClassOrInterfaceDeclaration.class);
        if (variable.isEmpty() || type.isEmpty()) {
            return false;
        }
        Optional<VariableDeclarator> field = type.get().getFields().stream()
                .flatMap(f -> f.getVariables().stream())
                .filter(v -> v.getNameAsString().equals(variable.get()))
                .findFirst();
        return field.isPresent()
                && type.get().getFields().stream()
                        .flatMap(f -> f.getVariables().stream())
                        .filter(v -> v != field.get())
                        .anyMatch(v -> v.getType().equals(field.get().getType()));
    }

    /**
     * The variable or field that holds the configured object: the receiver of {@code mapper.enable(…)}, or the target
     * the configured chain is assigned to ({@code parser = ctx.newJsonParser().setPrettyPrint(true)}).
     */
    private static Optional<String> configuredVariable(MethodCallExpr call) {
        Node top = call;
        while (top.getParentNode().orElse(null) instanceof MethodCallExpr parent
                && parent.getScope().orElse(null) == top) {
            top = parent;
        }
        Node holder = top.getParentNode().orElse(null);
        if (holder instanceof AssignExpr assign && assign.getValue() == top) {
            return Optional.of(nameOf(assign.getTarget()));
        }
        if (holder instanceof VariableDeclarator declarator) {
            return Optional.of(declarator.getNameAsString());
        }
        if (top == call && call.getScope().isPresent()) {
            String receiver = nameOf(call.getScope().get());
            return receiver.isEmpty() ? Optional.empty() : Optional.of(receiver);
        }
        return Optional.empty();
    }

    private static String nameOf(Expression expression) {
        if (expression instanceof NameExpr name) {
            return name.getNameAsString();
        }
        if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
            return access.getNameAsString();
        }
        return "";
    }
}
