package org.ecobugs.rules.engine.dependencies;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.Evidence;
import org.ecobugs.rules.java.KnownTypes;

/**
 * The library classes the walk is to read, each with the first reason it was reached; and the reasons that reach
 * classes without a reference to them: a service that code loads reaches its providers, the JDK loads the providers of
 * its own services, a plug-in is declared for whatever loads it, and a version of HAPI FHIR that code asks for by name
 * reaches its structures.
 */
final class ReachQueue {

    /** A class to visit, and why it is reached. */
    record Reach(String type, Evidence.Kind kind, String detail) {}

    private static final Set<String> LOGGING_SERVICES = Set.of(
            "org.slf4j.spi.SLF4JServiceProvider",
            "org.apache.logging.log4j.spi.Provider",
            "org.apache.commons.logging.LogFactory",
            "java.lang.System$LoggerFinder",
            "org.jboss.logging.LoggerProvider");
    private static final String JDBC_DRIVER = "java.sql.Driver";

    private final DependencyGraph graph;
    private final DependencyIndex index;
    private final Set<String> visited = new HashSet<>();
    private final Deque<Reach> queue = new ArrayDeque<>();

    ReachQueue(DependencyGraph graph, DependencyIndex index) {
        this.graph = graph;
        this.index = index;
    }

    /**
     * Queues a class of some dependency once: the first reason to reach it is the one kept. Returns whether it was
     * queued.
     */
    boolean enqueue(String type, Evidence.Kind kind, String detail) {
        if (index.holds(type) && visited.add(type)) {
            queue.add(new Reach(type, kind, detail));
            return true;
        }
        return false;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The classes queued so far, in queue order, which leave the queue. */
    List<Reach> takeAll() {
        List<Reach> level = new ArrayList<>(queue);
        queue.clear();
        return level;
    }

    /** How many classes were ever queued. */
    int reached() {
        return visited.size();
    }

    /** Providers of a service some reached or project code loads. */
    void loadServices(String serviceType, String prefix, Map<String, Evidence> evidence) {
        String service = serviceType.replace('/', '.');
        for (Map.Entry<String, JarIndex> entry : index.byKey().entrySet()) {
            List<String> providers = entry.getValue().services().get(service);
            if (providers == null) {
                continue;
            }
            Dependency provider = graph.find(entry.getKey()).orElseThrow();
            Evidence.Kind kind = serviceKind(service, Evidence.Kind.SERVICE_PROVIDER);
            UsageEvidence.note(evidence, provider, kind, prefix + service);
            for (String name : providers) {
                enqueue(ClassNames.internal(name), kind, prefix + service);
            }
        }
    }

    /** What providing the service (binary name) says of a dependency: a driver, a logging back-end, or {@code other}. */
    static Evidence.Kind serviceKind(String service, Evidence.Kind other) {
        if (service.equals(JDBC_DRIVER)) {
            return Evidence.Kind.JDBC_DRIVER;
        }
        return LOGGING_SERVICES.contains(service) ? Evidence.Kind.LOGGING_BACKEND : other;
    }

    /**
     * Libraries that load an artifact by a version name ({@link NameLoadedFamilies}): the calls and field reads in
     * {@code members} ask for a version, and the artifact of that version is used.
     */
    void nameLoaded(Set<String> members, Map<String, Evidence> evidence, String who) {
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
                    UsageEvidence.note(evidence, dependency, Evidence.Kind.NAME_LOADED, detail);
                    enqueue(family.entryClass(), Evidence.Kind.NAME_LOADED, detail);
                }
            }
        }
    }

    /** Providers of JDK services: the JDK loads them by itself (DriverManager, JAXP, ImageIO, charsets…). */
    void jdkServices(Map<String, Evidence> bindings) {
        KnownTypes jdk = KnownTypes.jdkOnly();
        for (Map.Entry<String, JarIndex> entry : index.byKey().entrySet()) {
            Dependency provider = graph.find(entry.getKey()).orElseThrow();
            for (Map.Entry<String, List<String>> service :
                    entry.getValue().services().entrySet()) {
                String name = service.getKey();
                if (index.holds(ClassNames.internal(name)) || !jdk.exists(name.replace('$', '.'))) {
                    continue;
                }
                Evidence.Kind kind = serviceKind(name, Evidence.Kind.JDK_SERVICE);
                String detail = "provides " + name + ", which the JDK loads";
                UsageEvidence.note(bindings, provider, kind, detail);
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
    void declaredPlugins(Map<String, Evidence> bindings) {
        for (Dependency dependency : graph.dependencies()) {
            JarIndex jar = index.of(dependency.key());
            if (jar == null || !dependency.direct() || !dependency.shipped()) {
                continue;
            }
            for (Map.Entry<String, List<String>> service : jar.services().entrySet()) {
                List<Dependency> owners = index.owners(ClassNames.internal(service.getKey()));
                if (owners.isEmpty() || owners.contains(dependency)) {
                    continue;
                }
                String detail = "plugs into " + owners.get(0).coordinates().artifactId() + " as a provider of "
                        + service.getKey() + ", declared for whatever loads it";
                UsageEvidence.note(bindings, dependency, Evidence.Kind.SERVICE_PROVIDER, detail);
                for (String provider : service.getValue()) {
                    enqueue(ClassNames.internal(provider), Evidence.Kind.SERVICE_PROVIDER, detail);
                }
            }
        }
    }
}
