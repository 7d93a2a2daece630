package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.checks.loops.RepeatingContexts;
import org.ecobugs.rules.checks.loops.Sums;
import org.ecobugs.rules.java.Loggers;
import org.ecobugs.rules.java.OneOffCode;
import org.ecobugs.rules.java.Repetition;

/**
 * A log call at a level that is usually off (debug, trace) whose message is built before the call although the logger
 * may discard it: a format call ({@code String.format}, {@code MessageFormat.format}, {@code formatted}), a conversion
 * or serialisation ({@code toString()}, {@code Arrays.toString}, {@code String.join}, JSON and FHIR encoders), or a
 * string concatenation at every iteration of a loop. A single concatenation outside loops costs too little to be
 * measured and is left out, as are calls guarded by a level check, calls in {@code catch} blocks (rare by nature) and
 * set-up code that runs once.
 */
@RuleKey("EB310")
public final class EagerLogMessageRule implements EnergyRule, SourceDetector {

    static final String PARAM_LEVELS = "levels";

    /** Calls that build a string from their arguments. */
    private static final Set<String> FORMATTERS = Set.of("format", "formatted");

    /** Calls that turn an object into text, often at a real cost: serialisers and explicit conversions. */
    private static final Set<String> SERIALISERS = Set.of(
            "toString",
            "deepToString",
            "encodeResourceToString",
            "encodeToString",
            "writeValueAsString",
            "toJson",
            "toJsonString",
            "toPrettyString",
            "toXml",
            "toXmlString",
            "join");

    /** Methods that set a component up once. */
    private static final Set<String> SET_UP_METHODS =
            Set.of("init", "initialize", "initialise", "setUp", "afterPropertiesSet", "start", "startup", "main");

    private final Set<String> levels;
    private final Set<String> words;

    public EagerLogMessageRule(RuleParameters parameters) {
        this.levels = Arrays.stream(parameters.string(PARAM_LEVELS).split(","))
                .map(level -> level.strip().toLowerCase(Locale.ROOT))
                .filter(level -> !level.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.words = Loggers.words(levels);
    }

    static String message(String level, String what) {
        return "This " + level + " message is built with " + what + " even when " + level + " logging is off; pass the"
                + " values as {} placeholders or a supplier, or check the level first.";
    }

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(words);
    }

    @Override
    public void subscribe(SourceVisits visits) {
        visits.enter(MethodCallExpr.class, this::visit);
    }

    private void visit(MethodCallExpr call, SourceContext context) {
        Optional<Loggers.LogCall> log = Loggers.of(call, context.names(), levels);
        if (log.isEmpty()
                || !levels.contains(log.get().level())
                || call.findAncestor(CatchClause.class).isPresent()) {
            return;
        }
        Optional<Node> loop = Repetition.repeatingContext(call);
        boolean repeated = loop.isPresent() && Repetition.runsAtEveryPass(call, loop.get());
        for (Expression argument : log.get().arguments()) {
            Work work = eagerWork(argument, context);
            if (work == null || (!work.costly() && !repeated)) {
                continue;
            }
            // The guards read the whole method: only for calls that build something.
            if (!Loggers.isGuarded(call) && !runsOnceAtSetUp(call) && !OneOffCode.runsOnce(call)) {
                if (work.costly()) {
                    context.report(call, message(log.get().method(), work.what()));
                } else {
                    context.report(
                            call,
                            message(log.get().method(), work.what() + " at every iteration"),
                            RepeatingContexts.secondary(loop.get(), "builds it at every iteration"));
                }
            }
            return;
        }
    }

    /**
     * What an argument computes before the call: a concatenation (cheap once, reported in loops), or a formatting,
     * conversion or serialisation whose cost is worth reporting wherever it runs.
     */
    private record Work(String what, boolean costly) {}

    private static Work eagerWork(Expression argument, SourceContext context) {
        Expression e = argument;
        while (e instanceof EnclosedExpr enclosed) {
            e = enclosed.getInner();
        }
        if (e instanceof BinaryExpr binary
                && binary.getOperator() == BinaryExpr.Operator.PLUS
                && isText(binary, context)
                && context.constants().string(binary).isEmpty()) {
            for (Expression operand : Sums.operands(binary)) {
                Work inner = eagerWork(operand, context);
                if (inner != null && inner.costly()) {
                    return inner;
                }
            }
            return new Work("string concatenation", false);
        }
        if (e instanceof MethodCallExpr call) {
            String name = call.getNameAsString();
            if (FORMATTERS.contains(name)) {
                return new Work(name.equals("formatted") ? "String.formatted" : "a format call", true);
            }
            String scope = call.getScope().map(Object::toString).orElse("");
            boolean conversion = !name.equals("toString") || call.getArguments().isEmpty() || scope.equals("Arrays");
            boolean stringJoin = !name.equals("join") || scope.equals("String");
            if (SERIALISERS.contains(name) && conversion && stringJoin) {
                String qualified =
                        scope.equals("Arrays") || scope.equals("String") ? scope + "." + name + "()" : name + "()";
                return new Work(qualified, true);
            }
        }
        return null;
    }

    /**
     * Code that runs once when the application or component starts: constructors, initializer blocks, and methods
     * named or annotated as set-up ({@code init}, {@code init…} such as {@code initFromCache}, {@code initialize}, {@code
     * setUp}, {@code configure…}, {@code register…}, {@code start}, {@code main}, {@code @PostConstruct}). What it logs
     * does not grow with the load.
     */
    private static boolean runsOnceAtSetUp(Node node) {
        Optional<CallableDeclaration> callable = node.findAncestor(CallableDeclaration.class);
        if (callable.isEmpty()
                || callable.get() instanceof ConstructorDeclaration
                || node.findAncestor(InitializerDeclaration.class).isPresent()) {
            return true;
        }
        String name = callable.get().getNameAsString();
        return SET_UP_METHODS.contains(name)
                || (name.startsWith("init") && name.length() > 4 && Character.isUpperCase(name.charAt(4)))
                || name.startsWith("configure")
                || name.startsWith("register")
                || callable.get().getAnnotations().stream()
                        .anyMatch(a -> ((AnnotationExpr) a).getNameAsString().endsWith("PostConstruct"));
    }

    /** A concatenation is text when one of its operands is a string: a literal, or one folded to a string. */
    private static boolean isText(BinaryExpr binary, SourceContext context) {
        for (Expression operand : List.of(binary.getLeft(), binary.getRight())) {
            Expression o = operand;
            while (o instanceof EnclosedExpr enclosed) {
                o = enclosed.getInner();
            }
            if (o.isStringLiteralExpr()
                    || o.isTextBlockLiteralExpr()
                    || context.constants().string(o).isPresent()) {
                return true;
            }
            if (o instanceof BinaryExpr inner
                    && inner.getOperator() == BinaryExpr.Operator.PLUS
                    && isText(inner, context)) {
                return true;
            }
        }
        return false;
    }
}
