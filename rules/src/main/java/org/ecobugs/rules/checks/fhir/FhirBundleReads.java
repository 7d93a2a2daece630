package org.ecobugs.rules.checks.fhir;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ecobugs.rules.checks.fhir.FhirStreamReads.Flow;
import org.ecobugs.rules.checks.remote.ResultUses;

/**
 * The elements of the resources of a FHIR search's Bundle that the code reads: through its entries (a loop, a stream,
 * {@code getEntryFirstRep()}) or {@code BundleUtil.toListOfResources…}. Counts and links read no resource.
 */
public final class FhirBundleReads {

    private FhirBundleReads() {}

    /** The elements read from the resources of the Bundle a search returns; empty when one is used otherwise. */
    public static Optional<Set<String>> elementsOfBundle(MethodCallExpr execute) {
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
                read = FhirElementReads.elementsOfEntryCalls(
                        use.calls().subList(1, use.calls().size()));
            } else if (names.get(0).equals("getEntry") && names.size() == 1 && use.end() instanceof ForEachStmt loop) {
                read = elementsOfEntryVariable(loop);
            } else if (use.startsWith("getEntry", "stream")) {
                read = FhirStreamReads.elementsOfStream(
                        use.calls().subList(2, use.calls().size()), Flow.ENTRY);
            } else if (use.startsWith("getEntry", "forEach") && use.calls().size() == 2) {
                read = FhirStreamReads.elementsOfFunction(use.calls().get(1), Flow.ENTRY);
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
                read = FhirStreamReads.elementsOfStream(
                        use.calls().subList(1, use.calls().size()), Flow.RESOURCE);
            } else if (use.startsWith("forEach") && use.calls().size() == 1) {
                read = FhirStreamReads.elementsOfFunction(use.calls().get(0), Flow.RESOURCE);
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

    /** {@code for (BundleEntryComponent entry : bundle.getEntry())}: every use of {@code entry}. */
    private static Optional<Set<String>> elementsOfEntryVariable(ForEachStmt loop) {
        return usesOfLoopVariable(loop).flatMap(FhirElementReads::elementsOfEntryUses);
    }

    /** {@code for (Patient patient : resources)}: every use of {@code patient}. */
    private static Optional<Set<String>> elementsOfVariable(ForEachStmt loop) {
        return usesOfLoopVariable(loop).flatMap(FhirElementReads::elementsOf);
    }

    private static Optional<List<ResultUses.Use>> usesOfLoopVariable(ForEachStmt loop) {
        if (loop.getVariable().getVariables().size() != 1) {
            return Optional.empty();
        }
        return ResultUses.ofVariable(loop.getVariable().getVariables().get(0).getNameAsString(), loop.getBody());
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
