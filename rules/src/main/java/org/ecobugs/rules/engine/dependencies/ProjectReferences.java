package org.ecobugs.rules.engine.dependencies;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.Evidence;

/**
 * Maps what the project refers to (bytecode references, source names, class-name strings, names in its resources,
 * component scans, name-loaded families, services it loads) onto the dependencies that hold it: the project's own
 * evidence. Queues the classes the walk of library bytecode starts from.
 */
final class ProjectReferences {

    private final UsageCollector collected;
    private final DependencyIndex index;
    private final UsageEvidence evidence;
    private final ReachQueue queue;

    ProjectReferences(UsageCollector collected, DependencyIndex index, UsageEvidence evidence, ReachQueue queue) {
        this.collected = collected;
        this.index = index;
        this.evidence = evidence;
        this.queue = queue;
    }

    /**
     * Records what main code and its resources refer to, and the providers loaded without a reference (by the JDK, or
     * declared as plug-ins).
     */
    void recordMain(ResourceScan resources) {
        record(collected.main(), true, resources);
        queue.jdkServices(evidence.reached(true));
        queue.declaredPlugins(evidence.reached(true));
    }

    /** Records what test code refers to. */
    void recordTest() {
        record(collected.test(), false, null);
    }

    private void record(UsageCollector.Side side, boolean main, ResourceScan resources) {
        Map<String, Evidence> own = evidence.own(main);
        for (Map.Entry<String, String> ref : sorted(side.types)) {
            String type = ref.getKey();
            if (side.ownClasses.contains(type) || collected.main().ownClasses.contains(type)) {
                continue;
            }
            List<Dependency> owners = index.owners(type);
            for (Dependency owner : owners) {
                UsageEvidence.note(own, owner, Evidence.Kind.BYTECODE_REFERENCE, ref.getValue() + " refers to " + type);
                if (main) {
                    evidence.neededAtRunTime(owner);
                    evidence.referenced(owner, type);
                }
            }
            if (!owners.isEmpty()) {
                queue.enqueue(type, Evidence.Kind.LIBRARY_REFERENCE, ref.getValue());
            }
        }
        for (Map.Entry<String, String> ref : sorted(side.compileOnlyTypes)) {
            for (Dependency owner : index.owners(ref.getKey())) {
                UsageEvidence.note(
                        own,
                        owner,
                        Evidence.Kind.COMPILE_TIME_ANNOTATION,
                        ref.getValue() + " is annotated with " + ref.getKey());
            }
        }
        for (Map.Entry<String, String> ref : sorted(side.sourceNames)) {
            sourceName(ref.getKey(), ref.getValue(), own);
        }
        for (Map.Entry<String, String> ref : sorted(side.classNameStrings)) {
            named(ref.getKey(), Evidence.Kind.REFLECTIVE_NAME, ref.getValue() + " names", own, main);
        }
        if (resources != null) {
            for (Map.Entry<String, String> ref : resources.names.entrySet()) {
                named(ref.getKey(), Evidence.Kind.RESOURCE_NAME, ref.getValue() + " names", own, main);
            }
        }
        componentScans(side, own, main);
        Map<String, Evidence> bound = evidence.reached(main);
        queue.nameLoaded(side.members.keySet(), bound, "the project");
        for (Map.Entry<String, String> candidate : sorted(side.serviceCandidates)) {
            queue.loadServices(candidate.getKey(), candidate.getValue() + " loads service ", bound);
        }
    }

    /**
     * The classes of dependencies that a component scan of the project covers: Spring instantiates the components it
     * finds there (a controller of a shared module, say) without any reference in the project's code.
     */
    private void componentScans(UsageCollector.Side side, Map<String, Evidence> own, boolean main) {
        if (side.scannedPackages.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> scans = sorted(side.scannedPackages);
        List<String> covered = new ArrayList<>();
        for (String type : index.classes()) {
            for (Map.Entry<String, String> scan : scans) {
                String pkg = scan.getKey();
                if (pkg.isEmpty()
                        || (type.startsWith(pkg) && type.length() > pkg.length() && type.charAt(pkg.length()) == '/')) {
                    covered.add(type);
                    break;
                }
            }
        }
        covered.sort(null);
        for (String type : covered) {
            String detail = scanDetail(scans, type);
            for (Dependency owner : index.owners(type)) {
                UsageEvidence.note(own, owner, Evidence.Kind.COMPONENT_SCAN, detail);
                if (main) {
                    evidence.neededAtRunTime(owner);
                }
            }
            queue.enqueue(type, Evidence.Kind.COMPONENT_SCAN, detail);
        }
    }

    private static String scanDetail(List<Map.Entry<String, String>> scans, String type) {
        for (Map.Entry<String, String> scan : scans) {
            if (scan.getKey().isEmpty() || type.startsWith(scan.getKey() + "/")) {
                String pkg = scan.getKey().isEmpty()
                        ? "every package"
                        : scan.getKey().replace('/', '.');
                return "the component scan of " + pkg + " by " + scan.getValue() + " covers " + type;
            }
        }
        return "a component scan covers " + type;
    }

    private void sourceName(String name, String file, Map<String, Evidence> own) {
        String detail = file + " names " + name;
        if (name.endsWith(".*")) {
            String target = name.substring(0, name.length() - 2);
            String asClass = index.resolveClass(target);
            if (asClass != null) {
                index.owners(asClass).forEach(d -> UsageEvidence.note(own, d, Evidence.Kind.SOURCE_REFERENCE, detail));
                queue.enqueue(asClass, Evidence.Kind.LIBRARY_REFERENCE, file);
            } else {
                index.packageOwners(ClassNames.internal(target))
                        .forEach(d -> UsageEvidence.note(own, d, Evidence.Kind.SOURCE_REFERENCE, detail));
            }
            return;
        }
        String type = index.resolveClass(name);
        if (type != null) {
            index.owners(type).forEach(d -> UsageEvidence.note(own, d, Evidence.Kind.SOURCE_REFERENCE, detail));
            queue.enqueue(type, Evidence.Kind.LIBRARY_REFERENCE, file);
        }
    }

    /** A class named in a string or a resource: by its binary name, or as a nested class written with dots. */
    private void named(String dotted, Evidence.Kind kind, String prefix, Map<String, Evidence> own, boolean main) {
        String type = ClassNames.internal(dotted);
        if (!index.holds(type)) {
            String nested = index.resolveClass(dotted);
            if (nested == null || !nested.contains("$")) {
                return;
            }
            type = nested;
        }
        for (Dependency owner : index.owners(type)) {
            UsageEvidence.note(own, owner, kind, prefix + " " + dotted);
            if (main) {
                evidence.neededAtRunTime(owner);
            }
        }
        queue.enqueue(type, Evidence.Kind.LIBRARY_REFERENCE, prefix + " " + dotted);
    }

    private static List<Map.Entry<String, String>> sorted(Map<String, String> map) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }
}
