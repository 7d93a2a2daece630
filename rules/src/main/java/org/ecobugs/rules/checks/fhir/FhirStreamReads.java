package org.ecobugs.rules.checks.fhir;

import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ecobugs.rules.checks.remote.ResultUses;

/** The elements of FHIR resources read along a stream pipeline, or by a lambda, given Bundle entries or resources. */
final class FhirStreamReads {

    /** What flows through a stream: entries, then resources, then something read from them. */
    enum Flow {
        ENTRY,
        RESOURCE,
        READ
    }

    private FhirStreamReads() {}

    /**
     * The elements read along a stream pipeline that starts on entries or resources: {@code map(e -> (Patient)
     * e.getResource())}, {@code filter(Patient.class::isInstance)}, {@code map(Patient::getBirthDate)}, {@code
     * forEach(p -> …)}.
     */
    static Optional<Set<String>> elementsOfStream(List<MethodCallExpr> calls, Flow start) {
        Flow flow = start;
        Set<String> elements = new TreeSet<>();
        for (MethodCallExpr call : calls) {
            if (flow == Flow.READ) {
                return Optional.of(elements);
            }
            String name = call.getNameAsString();
            if (call.getArguments().size() != 1) {
                // collect(), toList(), count(): the entries or resources themselves end up there.
                return name.equals("count") ? Optional.of(elements) : Optional.empty();
            }
            Expression function = call.getArgument(0);
            if (isTypeTest(function)) {
                continue;
            }
            if (flow == Flow.ENTRY && isGetResource(function)) {
                flow = Flow.RESOURCE;
                continue;
            }
            if (flow == Flow.RESOURCE && function instanceof MethodReferenceExpr reference) {
                Optional<String> element = FhirElementReads.element(reference.getIdentifier());
                if (element.isEmpty()) {
                    return Optional.empty();
                }
                element.filter(e -> !e.isEmpty()).ifPresent(elements::add);
                if (name.equals("map") || name.equals("flatMap")) {
                    flow = Flow.READ;
                }
                continue;
            }
            Optional<Set<String>> read = elementsOfFunction(call, flow);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            elements.addAll(read.get());
            if (name.equals("map") || name.equals("flatMap") || name.equals("forEach")) {
                flow = Flow.READ;
            }
        }
        return flow == Flow.READ ? Optional.of(elements) : Optional.empty();
    }

    /** A one-parameter lambda given entries or resources: the elements it reads through its parameter. */
    static Optional<Set<String>> elementsOfFunction(MethodCallExpr call, Flow flow) {
        if (call.getArguments().size() != 1
                || !(call.getArgument(0) instanceof LambdaExpr lambda)
                || lambda.getParameters().size() != 1) {
            return Optional.empty();
        }
        Parameter parameter = lambda.getParameters().get(0);
        Optional<List<ResultUses.Use>> uses = ResultUses.ofVariable(parameter.getNameAsString(), lambda.getBody());
        if (uses.isEmpty()) {
            return Optional.empty();
        }
        if (flow == Flow.RESOURCE) {
            return FhirElementReads.elementsOf(uses.get());
        }
        return FhirElementReads.elementsOfEntryUses(uses.get());
    }

    private static boolean isTypeTest(Expression function) {
        return function instanceof MethodReferenceExpr reference
                && (reference.getIdentifier().equals("isInstance")
                        || reference.getIdentifier().equals("cast"));
    }

    /** {@code BundleEntryComponent::getResource}, {@code e -> e.getResource()}, {@code e -> (Patient) e.getResource()}. */
    private static boolean isGetResource(Expression function) {
        if (function instanceof MethodReferenceExpr reference) {
            return reference.getIdentifier().equals("getResource");
        }
        if (function instanceof LambdaExpr lambda && lambda.getExpressionBody().isPresent()) {
            Expression body = lambda.getExpressionBody().get();
            while (body instanceof CastExpr || body instanceof EnclosedExpr) {
                body = body instanceof CastExpr cast ? cast.getExpression() : ((EnclosedExpr) body).getInner();
            }
            return body instanceof MethodCallExpr call
                    && call.getNameAsString().equals("getResource")
                    && call.getScope().filter(NameExpr.class::isInstance).isPresent();
        }
        return false;
    }
}
