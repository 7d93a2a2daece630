package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.LegacySynchronizedCollectionRule.Kind;
import org.ecobugs.rules.checks.code.UserInterfaceCode;
import org.ecobugs.rules.checks.fields.ClassInitialisation;
import org.ecobugs.rules.checks.fields.CollectionFieldUses;
import org.ecobugs.rules.checks.fields.FieldEscapes;
import org.ecobugs.rules.java.Scopes;

/**
 * EB308 in source: a {@code Hashtable}, {@code Stack} or synchronized wrapper created into a field, with what the
 * class does with the field to tell whether its lock is ever contended.
 */
final class LegacySynchronizedCollectionSource implements SourceDetector {

    private static final String HASHTABLE = "java.util.Hashtable";
    private static final String STACK = "java.util.Stack";
    private static final String COLLECTIONS = "java.util.Collections";

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Set.of("Hashtable", "Stack", "synchronizedMap", "synchronizedSet"));
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(ObjectCreationExpr.class, LegacySynchronizedCollectionSource::visitCreation);
        visits.enter(MethodCallExpr.class, LegacySynchronizedCollectionSource::visitWrapper);
    }

    private static void visitCreation(ObjectCreationExpr creation, SourceContext context) {
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
        } else if (!hashtable && CollectionFieldUses.isPrivate(field.get()) && !FieldEscapes.escapes(field.get())) {
            report(creation, Kind.STACK, field.get(), context);
        }
    }

    private static void visitWrapper(MethodCallExpr call, SourceContext context) {
        String wrapped = LegacySynchronizedCollectionRule.WRAPPED.get(call.getNameAsString());
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
            context.report(call, kind.unnamedMessage());
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
        if (CollectionFieldUses.isPrivate(field)) {
            List<Expression> uses = CollectionFieldUses.uses(field, owner);
            if (CollectionFieldUses.neverRead(uses)
                    || (kind == Kind.SYNCHRONIZED_SET && CollectionFieldUses.neverSearched(uses))
                    || (kind != Kind.STACK
                            && kind != Kind.SYNCHRONIZED_SET
                            && ClassInitialisation.onlyFilledByInitialiser(field, owner))) {
                return;
            }
            locked = CollectionFieldUses.allLocked(uses);
        }
        context.report(created, locked ? kind.lockedMessage(field.name()) : kind.message(field.name()));
    }

    /** Code of the user interface or of a debugging tool, where one lock per operation is never contended. */
    private static boolean inUnmeasuredCode(Node node, SourceContext context) {
        for (String segment : context.names().packageName().split("\\.")) {
            if (LegacySynchronizedCollectionRule.DEBUG_PACKAGES.contains(segment)) {
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
        return !declaredAsMap && (!CollectionFieldUses.isPrivate(field) || FieldEscapes.escapes(field));
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
            if (CollectionFieldUses.isFieldRead(assign.getTarget(), field.name())
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
                            .filter(scope -> CollectionFieldUses.isFieldRead(scope, field.name()))
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
}
