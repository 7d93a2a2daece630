package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.fixes.LiteralReplaceFix;
import org.ecobugs.rules.checks.fixes.RegexConstantFix;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.checks.remote.CallsInLoops;
import org.ecobugs.rules.java.Comparisons;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Repetition;
import org.ecobugs.rules.java.Scopes;
import org.ecobugs.rules.java.WordSets;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;

/**
 * EB304 in source: a call that compiles a regex, in a loop, a per-element lambda or a comparator, with a constant regex
 * or a variable the repeated code does not change; with the fix that hoists it into a constant, or that calls {@code
 * String.replace} instead. A call made there to a method of the project that compiles a constant regex, directly or
 * through the project's methods (see {@link ProjectEffects}), is reported once the project is read: in a comparator,
 * or in a loop or per-element lambda that gives the call something of the element (see {@link
 * CallsInLoops#dependsOnTheElement}). A call given the same arguments at every iteration is left out, as the rules
 * following remote calls leave it out: on applications those are mostly calls in retry and reconnect loops.
 */
final class RegexRecompiledInLoopSource implements SourceDetector {

    /**
     * Beyond this many statements, a method of the chain is a unit of work of its own, whose regex is a small part of
     * what each call costs, rather than a helper around the regex (the bound the rules following remote calls use).
     */
    static final int MAX_HELPER_STATEMENTS = 15;

    private static final Set<String> EMPTINESS_TESTS =
            Set.of("isEmpty", "isBlank", "isNotEmpty", "isNotBlank", "hasText", "hasLength");

    /**
     * What runs code again and again.
     *
     * @param repeating the loop statement or per-element call (see {@link Repetition#repeatingContext}), or empty for a
     *     comparison
     * @param comparing the comparison, when no loop repeats the code
     */
    private record Repeated(Optional<Node> repeating, Optional<Comparisons.Comparing> comparing) {

        /** How often the regex is compiled again, for messages: "on every iteration", "at every comparison, …". */
        String where() {
            return comparing
                    .map(c -> RegexRecompiledInLoopRule.atEveryComparison(c.picking()))
                    .orElse(RegexRecompiledInLoopRule.ON_EVERY_ITERATION);
        }

        /** What makes a call, for messages: "This loop", "This map() lambda", "This comparator". */
        String subject() {
            if (comparing.isPresent()) {
                return "This comparator";
            }
            return repeating.get() instanceof MethodCallExpr perElement
                    ? "This " + perElement.getNameAsString() + "() lambda"
                    : "This loop";
        }

        SourceContext.Secondary secondary() {
            if (comparing.isPresent()) {
                return new SourceContext.Secondary(
                        comparing.get().at(),
                        comparing.get().picking().isPresent()
                                ? "compares once per element with it"
                                : "compares n·log n times with it");
            }
            return RepeatingContexts.secondary(repeating.get(), "runs it on every iteration");
        }
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(WordSets.union(Repetition.WORDS, Comparisons.WORDS));
    }

    private final boolean followProjectCalls;

    /** @param followProjectCalls whether a call made per element or per comparison is followed into the project */
    RegexRecompiledInLoopSource(boolean followProjectCalls) {
        this.followProjectCalls = followProjectCalls;
    }

    @Override
    public boolean readsProjectFacts() {
        return followProjectCalls;
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, this::visit);
    }

    /**
     * Whether a regex compilation is an effect of the method that makes it, for the calls to that method: it runs at
     * every call with a value (see {@link #runsAtEveryCall}), and EB304 does not report it where it is already, repeated
     * in its own method, with a fix that would clear the callers' findings too.
     */
    static boolean isEffectOfItsMethod(MethodCallExpr call, SourceContext context) {
        return runsAtEveryCall(call) && repeated(call, context).isEmpty();
    }

    /**
     * Whether code runs at every call of its method that has a value to work on: no {@code if}, {@code switch},
     * conditional, {@code catch} or right-hand side of {@code &&} or {@code ||} stands between them, but for tests of
     * a value against {@code null} or emptiness ({@code if (text == null) return null; else …}). A regex in a branch
     * taken for one kind of node, one column or one error runs on that branch only, which a caller cannot count on.
     */
    private static boolean runsAtEveryCall(Node code) {
        Node child = code;
        for (Node parent = code.getParentNode().orElse(null);
                parent != null;
                child = parent, parent = parent.getParentNode().orElse(null)) {
            if (parent instanceof CallableDeclaration<?>) {
                return parent instanceof MethodDeclaration;
            }
            if ((parent instanceof IfStmt ifStmt
                            && ifStmt.getCondition() != child
                            && !testsForNothing(ifStmt.getCondition()))
                    || (parent instanceof ConditionalExpr conditional
                            && conditional.getCondition() != child
                            && !testsForNothing(conditional.getCondition()))
                    || (parent instanceof BinaryExpr binary
                            && binary.getRight() == child
                            && (binary.getOperator() == BinaryExpr.Operator.AND
                                    || binary.getOperator() == BinaryExpr.Operator.OR)
                            && !testsForNothing(binary.getLeft()))
                    || parent instanceof SwitchEntry
                    || parent instanceof CatchClause
                    || parent instanceof LambdaExpr
                    || parent instanceof TypeDeclaration<?>) {
                return false;
            }
        }
        return false;
    }

    /** {@code x == null}, {@code x != null}, {@code x.isEmpty()}, {@code StringUtils.isNotBlank(x)}, negated or not. */
    private static boolean testsForNothing(Expression condition) {
        Expression test = condition;
        while ((test instanceof UnaryExpr not && not.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT)
                || test instanceof EnclosedExpr) {
            test = test instanceof UnaryExpr unary ? unary.getExpression() : ((EnclosedExpr) test).getInner();
        }
        if (test instanceof BinaryExpr binary
                && (binary.getOperator() == BinaryExpr.Operator.EQUALS
                        || binary.getOperator() == BinaryExpr.Operator.NOT_EQUALS)) {
            return binary.getLeft().isNullLiteralExpr() || binary.getRight().isNullLiteralExpr();
        }
        return test instanceof MethodCallExpr call && EMPTINESS_TESTS.contains(call.getNameAsString());
    }

    private static Optional<Repeated> repeated(MethodCallExpr call, SourceContext context) {
        Optional<Node> repeating = Repetition.repeatingContext(call);
        if (repeating.isPresent()) {
            return Optional.of(new Repeated(repeating, Optional.empty()));
        }
        return Comparisons.comparingContext(call, context.names())
                .map(comparing -> new Repeated(Optional.empty(), Optional.of(comparing)));
    }

    private void visit(MethodCallExpr call, SourceContext context) {
        Optional<RegexCompilations.RegexCall> regexCall = RegexCompilations.of(call, context);
        Optional<Repeated> repeated = repeated(call, context);
        if (repeated.isEmpty() || OneOffCode.runsOnce(call)) {
            return;
        }
        if (regexCall.isPresent()) {
            visitRegexCall(regexCall.get(), repeated.get(), context);
        } else if (followProjectCalls
                && (repeated.get().comparing().isPresent()
                        || CallsInLoops.dependsOnTheElement(
                                call, repeated.get().repeating().get()))) {
            context.reportThrough(
                    call.getName(),
                    call,
                    Map.of(
                            Effect.Kind.CONSTANT_REGEX_COMPILED,
                            repeated.get().subject() + " " + DeferredFinding.THROUGH + ", "
                                    + repeated.get().where() + "; " + RegexRecompiledInLoopRule.FIX),
                    MAX_HELPER_STATEMENTS,
                    List.of(repeated.get().secondary()));
        }
    }

    private static void visitRegexCall(
            RegexCompilations.RegexCall regexCall, Repeated repeated, SourceContext context) {
        MethodCallExpr call = regexCall.call();
        Optional<String> constant = context.constants().string(regexCall.regex());
        if (constant.isPresent()) {
            if (regexCall.compiledConstant(context).isEmpty()) {
                return; // a split that takes the fast path
            }
            Optional<String> replacement =
                    regexCall.replacement().flatMap(r -> context.constants().string(r));
            String message =
                    RegexRecompiledInLoopRule.message(regexCall.api(), constant.get(), replacement, repeated.where());
            context.report(
                    call,
                    message,
                    message.equals(RegexRecompiledInLoopRule.literalReplaceAll(repeated.where()))
                            ? LiteralReplaceFix.of(
                                    call,
                                    constant.get(),
                                    RegexRecompiledInLoopRule.literalText(constant.get())
                                            .get())
                            : RegexConstantFix.hoist(call, regexCall.api()));
            return;
        }
        // An unknown split separator may well be a fast-path one; the others always compile.
        if (!regexCall.api().equals("String.split") && isInvariant(regexCall, repeated)) {
            context.report(
                    call,
                    RegexRecompiledInLoopRule.message(regexCall.api(), repeated.where()),
                    RegexConstantFix.hoist(call, regexCall.api()));
        }
    }

    /**
     * A variable declared outside the repeated code and never assigned in it: the same regex every time. In a
     * comparator, a final field only: its locals are those of one comparison.
     */
    private static boolean isInvariant(RegexCompilations.RegexCall regexCall, Repeated repeated) {
        if (!(regexCall.regex() instanceof NameExpr name)) {
            return false;
        }
        Optional<Scopes.Declaration> declaration = Scopes.declarationOf(name);
        if (declaration.isEmpty()) {
            return false;
        }
        if (declaration.get().field()) {
            return declaration.get().isFinalField();
        }
        if (repeated.repeating().isEmpty()) {
            return false;
        }
        Node repeating = repeated.repeating().get();
        return !declaration.get().node().isDescendantOf(repeating)
                && !Scopes.isAssignedIn(repeating, name.getNameAsString());
    }
}
