package org.ecobugs.rules.engine.dependencies;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.Evidence;

/**
 * The walk of library bytecode from what the project refers to, class by class (DepClean-style reachability at class
 * level, which over-approximates member reachability and so never calls a reached jar unused). It follows class
 * references and class names in string constants, the providers of services that reached code loads, the lookup files
 * of frameworks whose code is reached, and Spring Boot auto-configuration once Spring's loader is reached.
 */
final class LibraryWalk {

    private static final String SLF4J_1_BINDER = "org/slf4j/impl/StaticLoggerBinder";
    private static final int PARALLEL_BATCH = 256;

    private final DependencyGraph graph;
    private final DependencyIndex index;
    private final UsageEvidence evidence;
    private final ReachQueue queue;
    private final ExecutorService pool;

    /** The first reached class that reads Spring's factories, once one is: auto-configuration is walked after code. */
    private String springLoader;

    private boolean springRooted;
    /** The packages of the library classes reached so far. */
    private final Set<String> reachedPackages = new HashSet<>();
    /** The framework lookup directories ({@link JarIndex#lookups()}) already followed, as {@code jar key|directory}. */
    private final Set<String> followedLookups = new HashSet<>();

    /** @param pool where library classes are read in parallel */
    LibraryWalk(
            DependencyGraph graph,
            DependencyIndex index,
            UsageEvidence evidence,
            ReachQueue queue,
            ExecutorService pool) {
        this.graph = graph;
        this.index = index;
        this.evidence = evidence;
        this.queue = queue;
        this.pool = pool;
    }

    /**
     * Walks library classes from the queue, level by level: the classes of a level are read in parallel, then followed
     * in queue order, so that the evidence recorded does not depend on the number of threads. What is reached is bound
     * for main code, or used by tests.
     */
    void drain(boolean main, JarIndex.Opener opener) {
        Map<String, Evidence> reachedEvidence = evidence.reached(main);
        while (true) {
            while (!queue.isEmpty()) {
                List<ReachQueue.Reach> level = queue.takeAll();
                List<LibraryClass> read = readAll(level, opener);
                for (int i = 0; i < level.size(); i++) {
                    follow(level.get(i), read.get(i), main, reachedEvidence);
                }
            }
            if (main && followLookups(reachedEvidence)) {
                continue;
            }
            if (main && !springRooted) {
                evidence.bindingsSoFarAreCode();
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
    private boolean followLookups(Map<String, Evidence> reachedEvidence) {
        boolean queued = false;
        for (Map.Entry<String, JarIndex> entry : index.byKey().entrySet()) {
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
                UsageEvidence.note(reachedEvidence, provider, Evidence.Kind.SERVICE_PROVIDER, detail);
                for (String name : lookup.getValue()) {
                    queued |= queue.enqueue(ClassNames.internal(name), Evidence.Kind.SERVICE_PROVIDER, detail);
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

    private List<LibraryClass> readAll(List<ReachQueue.Reach> level, JarIndex.Opener opener) {
        if (level.size() < PARALLEL_BATCH) {
            List<LibraryClass> read = new ArrayList<>(level.size());
            level.forEach(reach -> read.add(index.references(reach.type(), opener)));
            return read;
        }
        List<Future<List<LibraryClass>>> batches = new ArrayList<>();
        for (int start = 0; start < level.size(); start += PARALLEL_BATCH) {
            List<ReachQueue.Reach> batch = level.subList(start, Math.min(level.size(), start + PARALLEL_BATCH));
            batches.add(pool.submit(() -> {
                List<LibraryClass> read = new ArrayList<>(batch.size());
                batch.forEach(reach -> read.add(index.references(reach.type(), opener)));
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

    private void follow(
            ReachQueue.Reach reach, LibraryClass references, boolean main, Map<String, Evidence> reachedEvidence) {
        String type = reach.type();
        int slash = type.lastIndexOf('/');
        reachedPackages.add(slash < 0 ? "" : type.substring(0, slash));
        List<Dependency> owners = index.owners(type);
        Evidence.Kind kind = type.equals(SLF4J_1_BINDER) ? Evidence.Kind.LOGGING_BACKEND : reach.kind();
        for (Dependency owner : owners) {
            // A class the project itself refers to does not make its own jar "bound": the project's evidence says how
            // it is used (an annotation processor seen only in sources stays compile-time only).
            if (!(main && evidence.own(true).containsKey(owner.key())) && !reachedEvidence.containsKey(owner.key())) {
                UsageEvidence.note(reachedEvidence, owner, kind, reach.detail() + " reaches " + type);
            }
        }
        if (references == null) {
            return;
        }
        String from = type + " (" + owners.get(0).key() + ")";
        for (String referenced : references.types()) {
            queue.enqueue(referenced, Evidence.Kind.LIBRARY_REFERENCE, from);
        }
        if (!NameLoadedFamilies.DISPATCHERS.contains(type)) {
            for (String name : references.classNameStrings()) {
                queue.enqueue(ClassNames.internal(name), Evidence.Kind.LIBRARY_REFERENCE, from);
            }
        }
        if (index.providesService(type)) {
            // Code that uses a service interface may load its providers through a helper that takes the interface as
            // an argument (jakarta.activation's FactoryFinder): reaching the interface reaches the providers.
            queue.loadServices(type, from + " uses service ", reachedEvidence);
        }
        if (references.loadsServices()) {
            for (String referenced : references.types()) {
                queue.loadServices(referenced, from + " loads service ", reachedEvidence);
            }
        }
        if (references.loadsSpringFactories() && springLoader == null) {
            springLoader = from;
        }
        queue.nameLoaded(references.dispatchMembers(), reachedEvidence, from);
    }

    private void springAutoConfiguration(String from, Map<String, Evidence> reachedEvidence) {
        for (Map.Entry<String, JarIndex> entry : index.byKey().entrySet()) {
            List<String> configurations = entry.getValue().autoConfigurations();
            if (configurations.isEmpty()) {
                continue;
            }
            Dependency dependency = graph.find(entry.getKey()).orElseThrow();
            String detail = "Spring Boot auto-configuration, loaded by " + from + ",";
            UsageEvidence.note(
                    reachedEvidence,
                    dependency,
                    Evidence.Kind.SPRING_AUTO_CONFIGURATION,
                    detail + " lists its classes");
            for (String name : configurations) {
                queue.enqueue(ClassNames.internal(name), Evidence.Kind.SPRING_AUTO_CONFIGURATION, detail);
            }
        }
    }
}
