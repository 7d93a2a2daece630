package org.ecobugs.rules.checks.fhir;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ecobugs.rules.checks.remote.ResultUses;

/**
 * The top-level elements of a FHIR resource that its uses read: each use must be an element getter ({@code
 * getBirthDate()}, {@code getNameFirstRep()}, {@code hasTelecom()}), through a Bundle entry's {@code getResource()} or
 * not. A use of any other kind may need every element, and reads are then unknown.
 */
public final class FhirElementReads {

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

    private FhirElementReads() {}

    /** The top-level elements read from the resource an expression gives; empty when it is used otherwise. */
    public static Optional<Set<String>> elementsOfResource(Expression resource) {
        Optional<List<ResultUses.Use>> uses = ResultUses.of(resource);
        if (uses.isEmpty()) {
            return Optional.empty();
        }
        return elementsOf(uses.get());
    }

    static Optional<Set<String>> elementsOf(List<ResultUses.Use> uses) {
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

    /** After {@code getEntryFirstRep()}: {@code .getResource()}, cast or not, then element getters. */
    static Optional<Set<String>> elementsOfEntryCalls(List<MethodCallExpr> calls) {
        if (calls.isEmpty() || !calls.get(0).getNameAsString().equals("getResource")) {
            return calls.isEmpty() ? Optional.empty() : onlyEntryMetadata(calls.get(0));
        }
        return elementsOfResource(calls.get(0));
    }

    private static Optional<Set<String>> onlyEntryMetadata(MethodCallExpr call) {
        return ENTRY_METADATA.contains(call.getNameAsString()) ? Optional.of(Set.of()) : Optional.empty();
    }

    /** The elements read through each use of a Bundle entry; empty when one escapes or reads something else. */
    static Optional<Set<String>> elementsOfEntryUses(List<ResultUses.Use> uses) {
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
}
