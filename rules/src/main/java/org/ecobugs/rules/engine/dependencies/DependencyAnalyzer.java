package org.ecobugs.rules.engine.dependencies;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Phase;
import org.ecobugs.rules.ProcessingError;
import org.ecobugs.rules.api.DependencyContext;
import org.ecobugs.rules.api.DependencyDetector;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.DependencyUsage;
import org.ecobugs.rules.deps.Evidence;
import org.ecobugs.rules.deps.PomLocation;
import org.ecobugs.rules.engine.limits.InputLimits;
import org.ecobugs.rules.engine.limits.MemoryGate;
import org.ecobugs.rules.java.KnownTypes;

/**
 * The dependency phase: after the walkers have collected what the project's code refers to, decides for each
 * dependency whether the project uses it, and runs the dependency rules.
 *
 * <ol>
 *   <li>Indexes each dependency's file: classes, packages, services, annotation processors, Spring auto-configuration.
 *   <li>Maps the project's references (bytecode, source names, class-name strings, resources, name-loaded families,
 *       services it loads) to the dependencies that hold them: the project's own evidence.
 *   <li>Walks library bytecode from there, class by class (DepClean-style reachability at class level, which
 *       over-approximates member reachability and so never calls a reached jar unused), following services that
 *       reached code loads, Spring Boot auto-configuration once Spring's loader is reached, and class names in
 *       library string constants. Providers of JDK services (JDBC drivers, XML parsers, image codecs) are roots: the
 *       JDK loads them by itself. Main code is walked first, then test code.
 * </ol>
 */
final class DependencyAnalyzer {

    private static final Set<String> LOGGING_SERVICES = Set.of(
            "org.slf4j.spi.SLF4JServiceProvider",
            "org.apache.logging.log4j.spi.Provider",
            "org.apache.commons.logging.LogFactory",
            "java.lang.System$LoggerFinder",
            "org.jboss.logging.LoggerProvider");
    private static final String JDBC_DRIVER = "java.sql.Driver";
    private static final Set<Evidence.Kind> SELF_LOADED =
            Set.of(Evidence.Kind.JDK_SERVICE, Evidence.Kind.JDBC_DRIVER, Evidence.Kind.LOGGING_BACKEND);
    private static final String SLF4J_1_BINDER = "org/slf4j/impl/StaticLoggerBinder";

    private final DependencyGraph graph;
    private final UsageCollector collected;
    private final Map<String, DependencyDetector> rules;
    private final ExecutorService pool;

    private final List<ProcessingError> errors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, JarIndex> indexes = new LinkedHashMap<>();
    private final Map<String, List<Dependency>> classOwners = new HashMap<>();
    private final Map<String, List<Dependency>> packageOwners = new HashMap<>();
    /** Service interfaces (internal names) some dependency provides an implementation of. */
    private final Set<String> providedServices = new HashSet<>();

    private final Map<String, Evidence> mainEvidence = new HashMap<>();
    private final Map<String, Evidence> testEvidence = new HashMap<>();
    private final Map<String, Evidence> bindings = new HashMap<>();
    private final Set<String> runtimeMain = new HashSet<>();
    private final Map<String, SortedSet<String>> referencedClasses = new HashMap<>();

    private final Set<String> visited = new HashSet<>();
    private final Deque<Reach> queue = new ArrayDeque<>();
    /** The first reached class that reads Spring's factories, once one is: auto-configuration is walked after code. */
    private String springLoader;

    private boolean springRooted;
    /** The dependencies main code's walk reached before Spring Boot auto-configuration was followed. */
    private final Set<String> boundByCode = new HashSet<>();
    /** The packages of the library classes reached so far. */
    private final Set<String> reachedPackages = new HashSet<>();
    /** The framework lookup directories ({@link JarIndex#lookups()}) already followed, as {@code jar key|directory}. */
    private final Set<String> followedLookups = new HashSet<>();

    /** A class to visit, and why it is reached. */
    private record Reach(String type, Evidence.Kind kind, String detail) {}

    /** @param pool where library classes are read in parallel */
    DependencyAnalyzer(
            DependencyGraph graph,
            UsageCollector collected,
            Map<String, DependencyDetector> rules,
            ExecutorService pool) {
        this.graph = graph;
        this.collected = collected;
        this.rules = rules;
        this.pool = pool;
    }

    DependencyAnalysis.Outcome run() {
        List<Phase> steps = new ArrayList<>();
        long t = System.nanoTime();
        index();
        ResourceScan resources = ResourceScan.of(graph.resourceRoots());
        errors.addAll(resources.errors);
        steps.add(new Phase(Phase.Kind.INDEX_DEPENDENCIES, elapsed(t)));
        t = System.nanoTime();
        try (JarIndex.Opener opener = new JarIndex.Opener()) {
            project(collected.main(), true, resources);
            drain(true, opener);
            project(collected.test(), false, null);
            drain(false, opener);
        }
        steps.add(new Phase(Phase.Kind.WALK_LIBRARY_BYTECODE, elapsed(t), Map.of(Phase.Count.CLASSES, visited.size())));
        t = System.nanoTime();
        Usages usages = new Usages(resources.keys);
        List<Finding> findings = new ArrayList<>();
        List<Finding> suppressed = new ArrayList<>();
        Map<String, java.time.Duration> ruleTimes = new LinkedHashMap<>();
        for (Map.Entry<String, DependencyDetector> rule : rules.entrySet()) {
            long start = System.nanoTime();
            try {
                rule.getValue().check(usages, new Context(rule.getKey(), findings, suppressed));
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(new ProcessingError(
                        graph.pomFile().toString(),
                        rule.getKey(),
                        ProcessingError.Kind.RULE_FAILURE,
                        "Rule failed: " + ProcessingError.describe(e)));
            } finally {
                ruleTimes.put(rule.getKey(), elapsed(start));
            }
        }
        steps.add(new Phase(Phase.Kind.DEPENDENCY_RULES, elapsed(t)));
        return new DependencyAnalysis.Outcome(findings, suppressed, errors, steps, ruleTimes);
    }

    private static java.time.Duration elapsed(long startNanos) {
        return java.time.Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private void index() {
        for (Dependency dependency : graph.dependencies()) {
            Optional<Path> file = dependency.jar();
            if (file.isEmpty()) {
                continue;
            }
            try {
                JarIndex index = JarIndex.of(file.get());
                errors.addAll(index.problems());
                indexes.put(dependency.key(), index);
                for (String type : index.classes()) {
                    classOwners.computeIfAbsent(type, k -> new ArrayList<>(1)).add(dependency);
                }
                for (String pkg : index.packages()) {
                    packageOwners.computeIfAbsent(pkg, k -> new ArrayList<>(1)).add(dependency);
                }
                index.services().keySet().forEach(service -> providedServices.add(ClassNames.internal(service)));
            } catch (IOException | RuntimeException e) {
                errors.add(new ProcessingError(
                        file.get().toString(),
                        null,
                        ProcessingError.Kind.CORRUPT_CLASS,
                        "Cannot read the dependency " + dependency.coordinates() + ": " + ProcessingError.describe(e)));
            }
        }
    }

    /** Records what one side of the project refers to, and queues the classes to walk from. */
    private void project(UsageCollector.Side side, boolean main, ResourceScan resources) {
        Map<String, Evidence> evidence = main ? mainEvidence : testEvidence;
        for (Map.Entry<String, String> ref : sorted(side.types)) {
            String type = ref.getKey();
            if (side.ownClasses.contains(type) || collected.main().ownClasses.contains(type)) {
                continue;
            }
            List<Dependency> owners = classOwners.getOrDefault(type, List.of());
            for (Dependency owner : owners) {
                note(evidence, owner, Evidence.Kind.BYTECODE_REFERENCE, ref.getValue() + " refers to " + type);
                if (main) {
                    runtimeMain.add(owner.key());
                    referencedClasses
                            .computeIfAbsent(owner.key(), k -> new TreeSet<>())
                            .add(topLevel(type));
                }
            }
            if (!owners.isEmpty()) {
                enqueue(type, Evidence.Kind.LIBRARY_REFERENCE, ref.getValue());
            }
        }
        for (Map.Entry<String, String> ref : sorted(side.compileOnlyTypes)) {
            for (Dependency owner : classOwners.getOrDefault(ref.getKey(), List.of())) {
                note(
                        evidence,
                        owner,
                        Evidence.Kind.COMPILE_TIME_ANNOTATION,
                        ref.getValue() + " is annotated with " + ref.getKey());
            }
        }
        for (Map.Entry<String, String> ref : sorted(side.sourceNames)) {
            sourceName(ref.getKey(), ref.getValue(), evidence);
        }
        for (Map.Entry<String, String> ref : sorted(side.classNameStrings)) {
            named(ref.getKey(), Evidence.Kind.REFLECTIVE_NAME, ref.getValue() + " names", evidence, main);
        }
        if (resources != null) {
            for (Map.Entry<String, String> ref : resources.names.entrySet()) {
                named(ref.getKey(), Evidence.Kind.RESOURCE_NAME, ref.getValue() + " names", evidence, main);
            }
        }
        componentScans(side, evidence, main);
        nameLoaded(side.members.keySet(), main ? bindings : testEvidence, "the project");
        Map<String, Evidence> bound = main ? bindings : testEvidence;
        for (Map.Entry<String, String> candidate : sorted(side.serviceCandidates)) {
            loadServices(candidate.getKey(), candidate.getValue() + " loads service ", bound);
        }
        if (main) {
            jdkServices();
            declaredPlugins();
        }
    }

    /**
     * The classes of dependencies that a component scan of the project covers: Spring instantiates the components it
     * finds there (a controller of a shared module, say) without any reference in the project's code.
     */
    private void componentScans(UsageCollector.Side side, Map<String, Evidence> evidence, boolean main) {
        if (side.scannedPackages.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> scans = sorted(side.scannedPackages);
        List<String> covered = new ArrayList<>();
        for (String type : classOwners.keySet()) {
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
            for (Dependency owner : classOwners.get(type)) {
                note(evidence, owner, Evidence.Kind.COMPONENT_SCAN, detail);
                if (main) {
                    runtimeMain.add(owner.key());
                }
            }
            enqueue(type, Evidence.Kind.COMPONENT_SCAN, detail);
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

    private void sourceName(String name, String file, Map<String, Evidence> evidence) {
        String detail = file + " names " + name;
        if (name.endsWith(".*")) {
            String target = name.substring(0, name.length() - 2);
            String asClass = resolveClass(target);
            if (asClass != null) {
                classOwners.get(asClass).forEach(d -> note(evidence, d, Evidence.Kind.SOURCE_REFERENCE, detail));
                enqueue(asClass, Evidence.Kind.LIBRARY_REFERENCE, file);
            } else {
                packageOwners
                        .getOrDefault(ClassNames.internal(target), List.of())
                        .forEach(d -> note(evidence, d, Evidence.Kind.SOURCE_REFERENCE, detail));
            }
            return;
        }
        String type = resolveClass(name);
        if (type != null) {
            classOwners.get(type).forEach(d -> note(evidence, d, Evidence.Kind.SOURCE_REFERENCE, detail));
            enqueue(type, Evidence.Kind.LIBRARY_REFERENCE, file);
        }
    }

    /**
     * The indexed class a dotted name denotes: {@code a.b.C}, a nested class {@code a.b.C.D} ({@code a/b/C$D}), or a
     * member {@code a.b.C.MEMBER} of one; {@code null} when no dependency holds it.
     */
    private String resolveClass(String dotted) {
        String[] segments = dotted.split("\\.");
        for (int end = segments.length; end >= 2; end--) {
            for (int classStart = end - 1; classStart >= 1; classStart--) {
                StringBuilder name = new StringBuilder();
                for (int i = 0; i < classStart; i++) {
                    name.append(segments[i]).append('/');
                }
                for (int i = classStart; i < end; i++) {
                    name.append(segments[i]);
                    if (i < end - 1) {
                        name.append('$');
                    }
                }
                if (classOwners.containsKey(name.toString())) {
                    return name.toString();
                }
            }
        }
        return null;
    }

    private void named(String dotted, Evidence.Kind kind, String prefix, Map<String, Evidence> evidence, boolean main) {
        String type = ClassNames.internal(dotted);
        List<Dependency> owners = classOwners.get(type);
        if (owners == null) {
            String nested = resolveClass(dotted);
            if (nested == null || !nested.contains("$")) {
                return;
            }
            type = nested;
            owners = classOwners.get(type);
        }
        for (Dependency owner : owners) {
            note(evidence, owner, kind, prefix + " " + dotted);
            if (main) {
                runtimeMain.add(owner.key());
            }
        }
        enqueue(type, Evidence.Kind.LIBRARY_REFERENCE, prefix + " " + dotted);
    }

    /** Libraries that load an artifact by a version name: the project asks for a version, the artifact is used. */
    private void nameLoaded(Set<String> members, Map<String, Evidence> evidence, String who) {
        if (members.isEmpty()) {
            return;
        }
        boolean anyVersion = members.stream().anyMatch(NameLoadedFamilies.ANY_VERSION::contains);
        boolean someVersion = false;
        List<NameLoadedFamilies.Family> asked = new ArrayList<>();
        for (NameLoadedFamilies.Family family : NameLoadedFamilies.FAMILIES) {
            Optional<String> trigger =
                    family.triggers().stream().filter(members::contains).findFirst();
            if (trigger.isPresent()) {
                someVersion = true;
                asked.add(family);
            }
        }
        List<NameLoadedFamilies.Family> loaded = anyVersion && !someVersion ? NameLoadedFamilies.FAMILIES : asked;
        for (NameLoadedFamilies.Family family : loaded) {
            for (Dependency dependency : graph.dependencies()) {
                if (family.matches(
                        dependency.coordinates().groupId(),
                        dependency.coordinates().artifactId())) {
                    String detail = who + " asks HAPI FHIR for " + family.artifactId()
                            + (anyVersion && !someVersion ? " (version chosen at run time)" : "");
                    note(evidence, dependency, Evidence.Kind.NAME_LOADED, detail);
                    enqueue(family.entryClass(), Evidence.Kind.NAME_LOADED, detail);
                }
            }
        }
    }

    /** Providers of a service some reached or project code loads. */
    private void loadServices(String serviceType, String prefix, Map<String, Evidence> evidence) {
        String service = serviceType.replace('/', '.');
        for (Map.Entry<String, JarIndex> entry : indexes.entrySet()) {
            List<String> providers = entry.getValue().services().get(service);
            if (providers == null) {
                continue;
            }
            Dependency provider = graph.find(entry.getKey()).orElseThrow();
            Evidence.Kind kind = serviceKind(service);
            note(evidence, provider, kind, prefix + service);
            for (String name : providers) {
                enqueue(ClassNames.internal(name), kind, prefix + service);
            }
        }
    }

    private static Evidence.Kind serviceKind(String service) {
        if (service.equals(JDBC_DRIVER)) {
            return Evidence.Kind.JDBC_DRIVER;
        }
        return LOGGING_SERVICES.contains(service) ? Evidence.Kind.LOGGING_BACKEND : Evidence.Kind.SERVICE_PROVIDER;
    }

    /** Providers of JDK services: the JDK loads them by itself (DriverManager, JAXP, ImageIO, charsets…). */
    private void jdkServices() {
        KnownTypes jdk = KnownTypes.jdkOnly();
        for (Map.Entry<String, JarIndex> entry : indexes.entrySet()) {
            Dependency provider = graph.find(entry.getKey()).orElseThrow();
            for (Map.Entry<String, List<String>> service :
                    entry.getValue().services().entrySet()) {
                String name = service.getKey();
                if (classOwners.containsKey(ClassNames.internal(name)) || !jdk.exists(name.replace('$', '.'))) {
                    continue;
                }
                Evidence.Kind kind = name.equals(JDBC_DRIVER)
                        ? Evidence.Kind.JDBC_DRIVER
                        : LOGGING_SERVICES.contains(name) ? Evidence.Kind.LOGGING_BACKEND : Evidence.Kind.JDK_SERVICE;
                String detail = "provides " + name + ", which the JDK loads";
                note(bindings, provider, kind, detail);
                for (String providerClass : service.getValue()) {
                    enqueue(ClassNames.internal(providerClass), kind, detail);
                }
            }
        }
    }

    /**
     * Providers that the project declares for a service of another of its libraries (a database plug-in of a migration
     * tool, say): a plug-in is declared for whatever loads the service, which may be the application this module is
     * part of rather than its own code, as a JDBC driver is.
     */
    private void declaredPlugins() {
        for (Dependency dependency : graph.dependencies()) {
            JarIndex index = indexes.get(dependency.key());
            if (index == null || !dependency.direct() || !dependency.shipped()) {
                continue;
            }
            for (Map.Entry<String, List<String>> service : index.services().entrySet()) {
                List<Dependency> owners = classOwners.getOrDefault(ClassNames.internal(service.getKey()), List.of());
                if (owners.isEmpty() || owners.contains(dependency)) {
                    continue;
                }
                String detail = "plugs into " + owners.get(0).coordinates().artifactId() + " as a provider of "
                        + service.getKey() + ", declared for whatever loads it";
                note(bindings, dependency, Evidence.Kind.SERVICE_PROVIDER, detail);
                for (String provider : service.getValue()) {
                    enqueue(ClassNames.internal(provider), Evidence.Kind.SERVICE_PROVIDER, detail);
                }
            }
        }
    }

    /**
     * Walks library classes from the queue, level by level: the classes of a level are read in parallel, then followed
     * in queue order, so that the evidence recorded does not depend on the number of threads. What is reached is bound
     * for main code, or used by tests.
     */
    private void drain(boolean main, JarIndex.Opener opener) {
        Map<String, Evidence> reachedEvidence = main ? bindings : testEvidence;
        while (true) {
            while (!queue.isEmpty()) {
                List<Reach> level = new ArrayList<>(queue);
                queue.clear();
                List<LibraryClass> read = readAll(level, opener);
                for (int i = 0; i < level.size(); i++) {
                    follow(level.get(i), read.get(i), main, reachedEvidence);
                }
            }
            if (main && followLookups(reachedEvidence)) {
                continue;
            }
            if (main && !springRooted) {
                // What code reaches without auto-configuration, which refers to every starter's payload; providers the
                // JDK or a logging API would pick up by themselves are not code's doing.
                bindings.forEach((key, evidence) -> {
                    if (!SELF_LOADED.contains(evidence.kind())) {
                        boundByCode.add(key);
                    }
                });
            }
            if (main && springLoader == null && !springRooted && shipsSpringBootAutoConfiguration()) {
                // A module of a Spring Boot application, such as a shared library module whose own code never starts
                // Spring: the application it is part of runs the auto-configuration, which picks its beans by the
                // classes present.
                springLoader = "the application this module runs in (it ships spring-boot-autoconfigure)";
            }
            if (springLoader == null || springRooted) {
                return;
            }
            springRooted = true;
            springAutoConfiguration(springLoader, reachedEvidence);
        }
    }

    private boolean shipsSpringBootAutoConfiguration() {
        return graph.dependencies().stream()
                .anyMatch(d -> d.shipped() && d.key().equals("org.springframework.boot:spring-boot-autoconfigure"));
    }

    /**
     * Follows the lookup files of frameworks that find their components by name ({@link JarIndex#lookups()}) once
     * reached code belongs to the framework: a directory {@code org/apache/camel/component} counts when a class of
     * {@code org.apache.camel} (or a deeper package of the directory) was reached. Returns whether classes were queued.
     */
    private boolean followLookups(Map<String, Evidence> evidence) {
        boolean queued = false;
        for (Map.Entry<String, JarIndex> entry : indexes.entrySet()) {
            for (Map.Entry<String, List<String>> lookup :
                    entry.getValue().lookups().entrySet()) {
                String directory = lookup.getKey();
                String owner = frameworkPackage(directory);
                if (owner == null || !followedLookups.add(entry.getKey() + "|" + directory)) {
                    continue;
                }
                Dependency provider = graph.find(entry.getKey()).orElseThrow();
                String detail = "reached " + owner.replace('/', '.') + " code looks up what it registers in META-INF/"
                        + "services/" + directory;
                note(evidence, provider, Evidence.Kind.SERVICE_PROVIDER, detail);
                for (String name : lookup.getValue()) {
                    int before = queue.size();
                    enqueue(ClassNames.internal(name), Evidence.Kind.SERVICE_PROVIDER, detail);
                    queued |= queue.size() > before;
                }
            }
        }
        return queued;
    }

    /** The reached package that a lookup directory belongs to: the directory or an ancestor of two segments or more. */
    private String frameworkPackage(String directory) {
        for (String candidate = directory; candidate.indexOf('/') > 0; ) {
            if (reachedPackages.contains(candidate)) {
                return candidate;
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return null;
    }

    /** Queues a class of some dependency once: the first reason to reach it is the one kept. */
    private void enqueue(String type, Evidence.Kind kind, String detail) {
        if (classOwners.containsKey(type) && visited.add(type)) {
            queue.add(new Reach(type, kind, detail));
        }
    }

    private static final int PARALLEL_BATCH = 256;

    private List<LibraryClass> readAll(List<Reach> level, JarIndex.Opener opener) {
        if (level.size() < PARALLEL_BATCH) {
            List<LibraryClass> read = new ArrayList<>(level.size());
            level.forEach(reach -> read.add(references(reach.type(), classOwners.get(reach.type()), opener)));
            return read;
        }
        List<Future<List<LibraryClass>>> batches = new ArrayList<>();
        for (int start = 0; start < level.size(); start += PARALLEL_BATCH) {
            List<Reach> batch = level.subList(start, Math.min(level.size(), start + PARALLEL_BATCH));
            batches.add(pool.submit(() -> {
                List<LibraryClass> read = new ArrayList<>(batch.size());
                batch.forEach(reach -> read.add(references(reach.type(), classOwners.get(reach.type()), opener)));
                return read;
            }));
        }
        List<LibraryClass> read = new ArrayList<>(level.size());
        for (Future<List<LibraryClass>> batch : batches) {
            try {
                read.addAll(batch.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Analysis interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Reading library classes failed: " + e.getCause(), e.getCause());
            }
        }
        return read;
    }

    private void follow(Reach reach, LibraryClass references, boolean main, Map<String, Evidence> reachedEvidence) {
        String type = reach.type();
        int slash = type.lastIndexOf('/');
        reachedPackages.add(slash < 0 ? "" : type.substring(0, slash));
        List<Dependency> owners = classOwners.get(type);
        Evidence.Kind kind = type.equals(SLF4J_1_BINDER) ? Evidence.Kind.LOGGING_BACKEND : reach.kind();
        for (Dependency owner : owners) {
            // A class the project itself refers to does not make its own jar "bound": the project's evidence says how
            // it is used (an annotation processor seen only in sources stays compile-time only).
            if (!(main && mainEvidence.containsKey(owner.key())) && !reachedEvidence.containsKey(owner.key())) {
                note(reachedEvidence, owner, kind, reach.detail() + " reaches " + type);
            }
        }
        if (references == null) {
            return;
        }
        String from = type + " (" + owners.get(0).key() + ")";
        for (String referenced : references.types()) {
            enqueue(referenced, Evidence.Kind.LIBRARY_REFERENCE, from);
        }
        if (!NameLoadedFamilies.DISPATCHERS.contains(type)) {
            for (String name : references.classNameStrings()) {
                enqueue(ClassNames.internal(name), Evidence.Kind.LIBRARY_REFERENCE, from);
            }
        }
        if (providedServices.contains(type)) {
            // Code that uses a service interface may load its providers through a helper that takes the interface as
            // an argument (jakarta.activation's FactoryFinder): reaching the interface reaches the providers.
            loadServices(type, from + " uses service ", reachedEvidence);
        }
        if (references.loadsServices()) {
            for (String referenced : references.types()) {
                loadServices(referenced, from + " loads service ", reachedEvidence);
            }
        }
        if (references.loadsSpringFactories() && springLoader == null) {
            springLoader = from;
        }
        nameLoaded(references.dispatchMembers(), reachedEvidence, from);
    }

    private void springAutoConfiguration(String from, Map<String, Evidence> evidence) {
        for (Map.Entry<String, JarIndex> entry : indexes.entrySet()) {
            List<String> configurations = entry.getValue().autoConfigurations();
            if (configurations.isEmpty()) {
                continue;
            }
            Dependency dependency = graph.find(entry.getKey()).orElseThrow();
            String detail = "Spring Boot auto-configuration, loaded by " + from + ",";
            note(evidence, dependency, Evidence.Kind.SPRING_AUTO_CONFIGURATION, detail + " lists its classes");
            for (String name : configurations) {
                enqueue(ClassNames.internal(name), Evidence.Kind.SPRING_AUTO_CONFIGURATION, detail);
            }
        }
    }

    private LibraryClass references(String type, List<Dependency> owners, JarIndex.Opener opener) {
        for (Dependency owner : owners) {
            JarIndex index = indexes.get(owner.key());
            String input = index.file() + "!/" + type + ".class";
            try {
                return index.references(type, opener);
            } catch (InputLimits.TooLarge e) {
                errors.add(new ProcessingError(
                        input,
                        null,
                        ProcessingError.Kind.CORRUPT_CLASS,
                        "Not read: " + e.getMessage() + "; the rest of the dependency was read"));
            } catch (IOException | RuntimeException e) {
                errors.add(new ProcessingError(
                        input,
                        null,
                        ProcessingError.Kind.CORRUPT_CLASS,
                        "Not a readable class file: " + ProcessingError.describe(e)));
            } catch (OutOfMemoryError e) {
                // Its bytes went with the frames just left; the walk goes on without what it refers to.
                errors.add(MemoryGate.outOfMemory(input, ProcessingError.Kind.CORRUPT_CLASS));
            }
        }
        return null;
    }

    private static void note(Map<String, Evidence> evidence, Dependency dependency, Evidence.Kind kind, String detail) {
        evidence.putIfAbsent(dependency.key(), new Evidence(kind, detail));
    }

    private static String topLevel(String type) {
        int dollar = type.indexOf('$');
        return dollar < 0 ? type : type.substring(0, dollar);
    }

    private static List<Map.Entry<String, String>> sorted(Map<String, String> map) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(map.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        return entries;
    }

    /** The usage the rules read. */
    private final class Usages implements DependencyUsage {
        private final Set<String> configurationKeys;
        private final Map<String, List<Dependency>> children = new HashMap<>();
        private final List<Dependency> shippedDirect = new ArrayList<>();

        Usages(Set<String> configurationKeys) {
            this.configurationKeys = Collections.unmodifiableSet(new LinkedHashSet<>(configurationKeys));
            for (Dependency dependency : graph.dependencies()) {
                if (!dependency.shipped()) {
                    continue;
                }
                if (dependency.direct()) {
                    shippedDirect.add(dependency);
                }
                for (String parent : dependency.requiredBy()) {
                    graph.find(parent)
                            .filter(Dependency::shipped)
                            .ifPresent(p -> children.computeIfAbsent(p.key(), k -> new ArrayList<>())
                                    .add(dependency));
                }
            }
        }

        @Override
        public DependencyGraph graph() {
            return graph;
        }

        @Override
        public Usage of(Dependency dependency) {
            String key = dependency.key();
            JarIndex index = indexes.get(key);
            return new Usage(
                    Optional.ofNullable(mainEvidence.get(key)),
                    Optional.ofNullable(testEvidence.get(key)),
                    Optional.ofNullable(bindings.get(key)),
                    runtimeMain.contains(key),
                    Collections.unmodifiableSortedSet(referencedClasses.getOrDefault(key, new TreeSet<>())),
                    index == null ? 0 : index.classes().size(),
                    index != null && index.processor(),
                    index != null && !index.autoConfigurations().isEmpty(),
                    boundByCode.contains(key));
        }

        @Override
        public Set<Dependency> shippedOnlyThrough(Set<Dependency> removed, Set<Dependency> kept) {
            Set<String> removedKeys = new HashSet<>();
            removed.forEach(d -> removedKeys.add(d.key()));
            Set<String> reached = new HashSet<>();
            Deque<Dependency> pending = new ArrayDeque<>();
            for (Dependency root : shippedDirect) {
                if (!removedKeys.contains(root.key())) {
                    pending.add(root);
                }
            }
            pending.addAll(kept);
            while (!pending.isEmpty()) {
                Dependency next = pending.poll();
                if (!reached.add(next.key())) {
                    continue;
                }
                for (Dependency child : children.getOrDefault(next.key(), List.of())) {
                    // Removing a declaration keeps what others require; excluding a transitive one drops it.
                    if (!(removedKeys.contains(child.key()) && !child.direct())) {
                        pending.add(child);
                    }
                }
            }
            Set<Dependency> gone = new LinkedHashSet<>();
            for (Dependency dependency : graph.dependencies()) {
                if (dependency.shipped() && !reached.contains(dependency.key())) {
                    gone.add(dependency);
                }
            }
            return gone;
        }

        @Override
        public long bytes(Set<Dependency> dependencies) {
            long total = 0;
            for (Dependency dependency : dependencies) {
                JarIndex index = indexes.get(dependency.key());
                if (index != null) {
                    total += index.bytes();
                }
            }
            return total;
        }

        @Override
        public List<Dependency> directAncestors(Dependency transitive) {
            Set<String> seen = new HashSet<>();
            Deque<String> pending = new ArrayDeque<>(transitive.requiredBy());
            Set<String> ancestors = new HashSet<>();
            while (!pending.isEmpty()) {
                String key = pending.poll();
                if (!seen.add(key)) {
                    continue;
                }
                Optional<Dependency> parent = graph.find(key).filter(Dependency::shipped);
                if (parent.isEmpty()) {
                    continue;
                }
                if (parent.get().direct()) {
                    ancestors.add(key);
                }
                pending.addAll(parent.get().requiredBy());
            }
            if (ancestors.isEmpty() && transitive.via() != null) {
                ancestors.add(transitive.via());
            }
            List<Dependency> ordered = new ArrayList<>();
            for (Dependency dependency : graph.dependencies()) {
                if (ancestors.contains(dependency.key())) {
                    ordered.add(dependency);
                }
            }
            return ordered;
        }

        @Override
        public Set<String> configurationKeys() {
            return configurationKeys;
        }
    }

    /** Reports at the POM location of a dependency, or of the direct dependency it comes through. */
    private final class Context implements DependencyContext {
        private final String ruleKey;
        private final List<Finding> findings;
        private final List<Finding> suppressed;

        Context(String ruleKey, List<Finding> findings, List<Finding> suppressed) {
            this.ruleKey = ruleKey;
            this.findings = findings;
            this.suppressed = suppressed;
        }

        @Override
        public void report(Dependency dependency, String message) {
            reportAt(dependency, dependency, message);
        }

        @Override
        public void reportAt(Dependency dependency, Dependency declaredAt, String message) {
            PomLocation location = declaredAt
                    .location()
                    .or(() -> Optional.ofNullable(declaredAt.via())
                            .flatMap(graph::find)
                            .flatMap(Dependency::location))
                    .orElse(new PomLocation(graph.pomFile(), 1, 0));
            Finding finding = new Finding(
                    ruleKey,
                    location.file(),
                    location.line(),
                    location.column(),
                    0,
                    0,
                    message,
                    Finding.Origin.DEPENDENCIES);
            (graph.assumedUsed(dependency) ? suppressed : findings).add(finding);
        }
    }
}
