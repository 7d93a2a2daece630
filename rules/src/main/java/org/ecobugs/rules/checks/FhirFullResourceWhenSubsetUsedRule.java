package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;

/**
 * A HAPI FHIR read or search whose resources are only read for a few top-level elements, without asking the server
 * for just those ({@code elementsSubset(…)}, {@code summaryMode(…)}). The resources are followed in the method that
 * gets them — the read's result, or the entries of the search's Bundle through an enhanced {@code for}, a stream or
 * {@code BundleUtil.toListOfResources…} — and every use must be an element getter ({@code getBirthDate()}, {@code
 * getNameFirstRep()}, {@code hasTelecom()}). A resource that goes anywhere else (an argument, a collection, a return,
 * a setter, {@code update()}) may need all its elements, and nothing is reported.
 */
@RuleKey("EB205")
public final class FhirFullResourceWhenSubsetUsedRule implements SourceRule {

    static final String PARAM_MAX_ELEMENTS = "maxElements";

    /** Getters that read what a subset always carries, or nothing of the resource's content. */
    private static final Set<String> FREE = Set.of(
            "getId", "getIdElement", "getIdPart", "getIdBase", "getMeta", "hasId", "getResourceType", "fhirType");

    /** Entry calls that read nothing of the resource. */
    private static final Set<String> ENTRY_METADATA = Set.of("getFullUrl", "getSearch", "hasResource", "getResponse");

    /** Choice elements ({@code value[x]}): their getters add the data type ({@code getValueQuantity}). */
    private static final Set<String> CHOICE_ELEMENTS = Set.of(
            "value",
            "effective",
            "onset",
            "abatement",
            "deceased",
            "multipleBirth",
            "medication",
            "occurrence",
            "timing",
            "asNeeded",
            "performed",
            "serviced",
            "born",
            "age",
            "product",
            "item",
            "answer",
            "dose",
            "rate",
            "collected",
            "reported",
            "allowed",
            "used",
            "defaultValue");

    private final long maxElements;

    public FhirFullResourceWhenSubsetUsedRule(RuleParameters parameters) {
        this.maxElements = parameters.integer(PARAM_MAX_ELEMENTS);
    }

    @Override
    public RequiredWords textPrescreen() {
        return FhirChains.EXECUTED_CHAIN;
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        Optional<FhirChains.Chain> found = FhirChains.startingAt((MethodCallExpr) node, context)
                .filter(c -> c.interaction() == FhirChains.Interaction.SEARCH
                        || c.interaction() == FhirChains.Interaction.READ);
        if (found.isEmpty() || found.get().execute().isEmpty()) {
            return;
        }
        FhirChains.Chain chain = found.get();
        if (chain.has("elementsSubset") || chain.has("summaryMode") || chain.has("byUrl")) {
            return;
        }
        Optional<Set<String>> elements = chain.interaction() == FhirChains.Interaction.READ
                ? elementsOfResource(chain.execute().get())
                : elementsOfBundle(chain.execute().get(), context);
        if (elements.isEmpty() || elements.get().isEmpty() || elements.get().size() > maxElements) {
            return;
        }
        String type = chain.resourceType().orElse("resource");
        String list = String.join(", ", elements.get());
        String quoted = elements.get().stream().map(e -> "\"" + e + "\"").collect(Collectors.joining(", "));
        String resources = chain.interaction() == FhirChains.Interaction.READ
                ? "the " + type + " is"
                : "the " + type + " resources are";
        // The same read made per element is also EB209's finding: say how the two fixes meet.
        boolean perElement = CallsInLoops.of(chain.start(), context, remote -> remote.kind() == RemoteCalls.Kind.FHIR)
                .isPresent();
        context.report(
                chain.start().getName(),
                "Only " + list + " of " + resources + " read; ask the server for just these elements with"
                        + " elementsSubset(" + quoted + ")."
                        + (perElement
                                ? " It is also made once per element of the loop (EB209): the one search that"
                                        + " replaces those calls can ask for the same elements."
                                : ""));
    }

    // ---- the resource: a value whose every use is an element getter ----

    /** The top-level elements read from the resource an expression gives; empty when it is used otherwise. */
    private static Optional<Set<String>> elementsOfResource(Expression resource) {
        Optional<List<ResultUses.Use>> uses = ResultUses.of(resource);
        if (uses.isEmpty()) {
            return Optional.empty();
        }
        return elementsOf(uses.get());
    }

    private static Optional<Set<String>> elementsOf(List<ResultUses.Use> uses) {
        Set<String> elements = new TreeSet<>();
        for (ResultUses.Use use : uses) {
            if (use.escapes()) {
                return Optional.empty();
            }
            Optional<String> element = element(use.names().get(0));
            if (element.isEmpty()) {
                return Optional.empty();
            }
            if (!element.get().isEmpty()) {
                elements.add(element.get());
            }
        }
        return Optional.of(elements);
    }

    /** The element a getter reads ({@code getNameFirstRep} gives {@code name}); "" for free ones; empty if not one. */
    static Optional<String> element(String method) {
        if (FREE.contains(method)) {
            return Optional.of("");
        }
        if (!(method.startsWith("get") || method.startsWith("has")) || method.length() < 4) {
            return Optional.empty();
        }
        String rest = method.substring(3);
        for (String suffix : List.of("FirstRep", "Element")) {
            if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
                rest = rest.substring(0, rest.length() - suffix.length());
            }
        }
        String name = Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
        for (String choice : CHOICE_ELEMENTS) {
            if (name.startsWith(choice)
                    && name.length() > choice.length()
                    && Character.isUpperCase(name.charAt(choice.length()))) {
                return Optional.of(choice);
            }
        }
        if (name.equals("extension") || name.equals("extensionByUrl") || name.equals("extensionsByUrl")) {
            return Optional.of("extension");
        }
        return Optional.of(name);
    }

    // ---- the Bundle: its entries, then their resources ----

    private static Optional<Set<String>> elementsOfBundle(MethodCallExpr execute, SourceContext context) {
        Optional<List<ResultUses.Use>> uses = ResultUses.of(execute);
        if (uses.isEmpty() || uses.get().isEmpty()) {
            return Optional.empty();
        }
        Set<String> elements = new TreeSet<>();
        boolean sawResources = false;
        for (ResultUses.Use use : uses.get()) {
            if (use.escapes()) {
                Optional<Set<String>> viaUtil = viaBundleUtil(use.end());
                if (viaUtil.isEmpty()) {
                    return Optional.empty();
                }
                elements.addAll(viaUtil.get());
                sawResources = true;
                continue;
            }
            List<String> names = use.names();
            if (BundleUsesCounts.isCountOrLink(names)) {
                continue;
            }
            Optional<Set<String>> read;
            if (names.get(0).equals("getEntryFirstRep")) {
                read = elementsOfEntryCalls(use.calls().subList(1, use.calls().size()));
            } else if (names.get(0).equals("getEntry") && names.size() == 1 && use.end() instanceof ForEachStmt loop) {
                read = elementsOfEntryVariable(loop);
            } else if (use.startsWith("getEntry", "stream")) {
                read = elementsOfStream(use.calls().subList(2, use.calls().size()), Flow.ENTRY);
            } else if (use.startsWith("getEntry", "forEach") && use.calls().size() == 2) {
                read = elementsOfFunction(use.calls().get(1), Flow.ENTRY);
            } else {
                return Optional.empty();
            }
            if (read.isEmpty()) {
                return Optional.empty();
            }
            elements.addAll(read.get());
            sawResources = true;
        }
        return sawResources ? Optional.of(elements) : Optional.empty();
    }

    /** {@code for (Patient p : BundleUtil.toListOfResourcesOfType(ctx, bundle, Patient.class))}. */
    private static Optional<Set<String>> viaBundleUtil(Node end) {
        if (!(end instanceof MethodCallExpr util)
                || !util.getNameAsString().startsWith("toListOfResources")
                || util.getScope()
                        .filter(s -> s.toString().equals("BundleUtil"))
                        .isEmpty()) {
            return Optional.empty();
        }
        Optional<List<ResultUses.Use>> uses = ResultUses.of(util);
        if (uses.isEmpty() || uses.get().isEmpty()) {
            return Optional.empty();
        }
        Set<String> elements = new TreeSet<>();
        for (ResultUses.Use use : uses.get()) {
            Optional<Set<String>> read;
            if (use.escapes() && use.end() instanceof ForEachStmt loop) {
                read = elementsOfVariable(loop);
            } else if (use.startsWith("stream")) {
                read = elementsOfStream(use.calls().subList(1, use.calls().size()), Flow.RESOURCE);
            } else if (use.startsWith("forEach") && use.calls().size() == 1) {
                read = elementsOfFunction(use.calls().get(0), Flow.RESOURCE);
            } else {
                return Optional.empty();
            }
            if (read.isEmpty()) {
                return Optional.empty();
            }
            elements.addAll(read.get());
        }
        return Optional.of(elements);
    }

    /** After {@code getEntryFirstRep()}: {@code .getResource()}, cast or not, then element getters. */
    private static Optional<Set<String>> elementsOfEntryCalls(List<MethodCallExpr> calls) {
        if (calls.isEmpty() || !calls.get(0).getNameAsString().equals("getResource")) {
            return calls.isEmpty() ? Optional.empty() : onlyEntryMetadata(calls.get(0));
        }
        return elementsOfResource(calls.get(0));
    }

    private static Optional<Set<String>> onlyEntryMetadata(MethodCallExpr call) {
        return ENTRY_METADATA.contains(call.getNameAsString()) ? Optional.of(Set.of()) : Optional.empty();
    }

    /** {@code for (BundleEntryComponent entry : bundle.getEntry())}: every use of {@code entry}. */
    private static Optional<Set<String>> elementsOfEntryVariable(ForEachStmt loop) {
        return usesOfLoopVariable(loop).flatMap(FhirFullResourceWhenSubsetUsedRule::elementsOfEntryUses);
    }

    /** The elements read through each use of a Bundle entry; empty when one escapes or reads something else. */
    private static Optional<Set<String>> elementsOfEntryUses(List<ResultUses.Use> uses) {
        Set<String> elements = new TreeSet<>();
        for (ResultUses.Use use : uses) {
            if (use.escapes()) {
                return Optional.empty();
            }
            Optional<Set<String>> read = elementsOfEntryCalls(use.calls());
            if (read.isEmpty()) {
                return Optional.empty();
            }
            elements.addAll(read.get());
        }
        return Optional.of(elements);
    }

    /** {@code for (Patient patient : resources)}: every use of {@code patient}. */
    private static Optional<Set<String>> elementsOfVariable(ForEachStmt loop) {
        return usesOfLoopVariable(loop).flatMap(FhirFullResourceWhenSubsetUsedRule::elementsOf);
    }

    private static Optional<List<ResultUses.Use>> usesOfLoopVariable(ForEachStmt loop) {
        if (loop.getVariable().getVariables().size() != 1) {
            return Optional.empty();
        }
        return ResultUses.ofVariable(loop.getVariable().getVariables().get(0).getNameAsString(), loop.getBody());
    }

    /** What flows through a stream: entries, then resources, then something read from them. */
    private enum Flow {
        ENTRY,
        RESOURCE,
        READ
    }

    /**
     * The elements read along a stream pipeline that starts on entries or resources: {@code map(e -> (Patient)
     * e.getResource())}, {@code filter(Patient.class::isInstance)}, {@code map(Patient::getBirthDate)}, {@code
     * forEach(p -> …)}.
     */
    private static Optional<Set<String>> elementsOfStream(List<MethodCallExpr> calls, Flow start) {
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
                Optional<String> element = element(reference.getIdentifier());
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
    private static Optional<Set<String>> elementsOfFunction(MethodCallExpr call, Flow flow) {
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
            return elementsOf(uses.get());
        }
        return elementsOfEntryUses(uses.get());
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

    /** Bundle calls that read no resource: counts and links. */
    private static final class BundleUsesCounts {
        private static final Set<String> NO_RESOURCE =
                Set.of("getTotal", "getTotalElement", "hasTotal", "getLink", "hasLink", "getType", "getIdElement");

        static boolean isCountOrLink(List<String> names) {
            return NO_RESOURCE.contains(names.get(0))
                    || (names.size() >= 2
                            && names.get(0).equals("getEntry")
                            && (names.get(1).equals("size") || names.get(1).equals("isEmpty")))
                    || names.get(0).equals("hasEntry");
        }
    }
}
