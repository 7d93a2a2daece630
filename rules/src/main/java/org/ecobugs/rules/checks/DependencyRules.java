package org.ecobugs.rules.checks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyUsage;

/** What the dependency rules (EB401–EB405) share: how they read the usage, and how they word sizes and names. */
final class DependencyRules {

    private static final String STARTER_PREFIX = "spring-boot-starter-";
    private static final String STARTER_SUFFIX = "-spring-boot-starter";

    private DependencyRules() {}

    /** A direct dependency the build ships: the ones a POM change can remove or rescope. */
    static List<Dependency> shippedDirect(DependencyUsage usage) {
        return usage.graph().dependencies().stream()
                .filter(Dependency::direct)
                .filter(Dependency::shipped)
                .toList();
    }

    /** {@code spring-boot-starter-*} and third-party {@code *-spring-boot-starter}: EB404 judges them. */
    static boolean isSpringBootStarter(Dependency dependency) {
        String artifact = dependency.coordinates().artifactId();
        return artifact.startsWith(STARTER_PREFIX) || artifact.endsWith(STARTER_SUFFIX);
    }

    /** The part of a starter's name that says what it starts: {@code data-jpa}, or the third-party name. */
    static String starterName(Dependency dependency) {
        String artifact = dependency.coordinates().artifactId();
        if (artifact.startsWith(STARTER_PREFIX)) {
            return artifact.substring(STARTER_PREFIX.length());
        }
        return artifact.endsWith(STARTER_SUFFIX)
                ? artifact.substring(0, artifact.length() - STARTER_SUFFIX.length())
                : artifact;
    }

    /** A dependency without classes of its own (a {@code pom}, an empty jar) is judged through what it brings in. */
    static boolean isAggregator(Dependency dependency, DependencyUsage.Usage usage) {
        return dependency.coordinates().type().equals("pom") || dependency.jar().isEmpty() || usage.classCount() == 0;
    }

    /** Whether main or test code, or a runtime binding, needs the dependency. */
    static boolean inUse(DependencyUsage.Usage usage) {
        return usage.usedByMain() || usage.test().isPresent();
    }

    /** Whether a direct dependency is in use, itself or, for an aggregator, through what only it brings in. */
    static boolean inUse(DependencyUsage usage, Dependency dependency) {
        DependencyUsage.Usage own = usage.of(dependency);
        if (inUse(own)) {
            return true;
        }
        if (!isAggregator(dependency, own)) {
            return false;
        }
        for (Dependency part : payload(usage, dependency)) {
            if (inUse(usage.of(part))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a starter is one EB404 reports: not used through configuration alone, bringing in something of its own,
     * and neither that payload nor a setting of its prefix used by the project. The project's own references count,
     * and the library code they reach (removing the starter would break that library), but not auto-configuration,
     * which refers to every starter's payload.
     */
    static boolean isUnusedStarter(DependencyUsage usage, Dependency starter) {
        if (!isSpringBootStarter(starter) || !starter.direct() || !starter.shipped()) {
            return false;
        }
        String name = starterName(starter);
        if (CONFIGURATION_ONLY_STARTERS.contains(name)
                || starter.coordinates().artifactId().equals("spring-boot-starter")) {
            return false;
        }
        Set<Dependency> gone = usage.shippedOnlyThrough(Set.of(starter), Set.of());
        if (!gone.contains(starter) || gone.size() < 2) {
            return false;
        }
        for (Dependency dependency : gone) {
            DependencyUsage.Usage use = usage.of(dependency);
            if (use.main().isPresent() || use.test().isPresent() || use.boundByCode()) {
                return false;
            }
        }
        return !configured(usage, name);
    }

    /** Starters whose whole point is what they do without code of the project referring to them. */
    static final Set<String> CONFIGURATION_ONLY_STARTERS = Set.of(
            "actuator",
            "aop",
            "cache",
            "freemarker",
            "groovy-templates",
            "jersey",
            "jetty",
            "json",
            "log4j2",
            "logging",
            "mustache",
            "oauth2-authorization-server",
            "oauth2-client",
            "oauth2-resource-server",
            "reactor-netty",
            "security",
            "test",
            "thymeleaf",
            "tomcat",
            "undertow",
            "web",
            "web-services",
            "webflux",
            "websocket");

    /** Configuration prefixes of starters whose keys do not follow {@code spring.<name>}. */
    private static final java.util.Map<String, List<String>> PREFIXES = java.util.Map.ofEntries(
            java.util.Map.entry("data-jpa", List.of("spring.jpa", "spring.datasource")),
            java.util.Map.entry("jdbc", List.of("spring.datasource", "spring.sql")),
            java.util.Map.entry("data-jdbc", List.of("spring.datasource", "spring.sql")),
            java.util.Map.entry("data-r2dbc", List.of("spring.r2dbc")),
            java.util.Map.entry("data-redis", List.of("spring.data.redis", "spring.redis")),
            java.util.Map.entry("data-mongodb", List.of("spring.data.mongodb")),
            java.util.Map.entry("data-elasticsearch", List.of("spring.elasticsearch")),
            java.util.Map.entry("data-cassandra", List.of("spring.cassandra")),
            java.util.Map.entry("amqp", List.of("spring.rabbitmq")),
            java.util.Map.entry("artemis", List.of("spring.artemis")),
            java.util.Map.entry("activemq", List.of("spring.activemq")));

    private static boolean configured(DependencyUsage usage, String name) {
        List<String> prefixes = PREFIXES.getOrDefault(name, List.of("spring." + name.replace('-', '.'), name));
        for (String key : usage.configurationKeys()) {
            for (String prefix : prefixes) {
                if (key.equals(prefix) || key.startsWith(prefix + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What only {@code dependency} brings in, without itself. */
    static Set<Dependency> payload(DependencyUsage usage, Dependency dependency) {
        Set<Dependency> gone = new LinkedHashSet<>(usage.shippedOnlyThrough(Set.of(dependency), Set.of()));
        gone.remove(dependency);
        return gone;
    }

    /** {@code 1.2 MB}, {@code 640 KB} or {@code 900 bytes} (binary multiples). */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%d KB", Math.round(bytes / 1024.0));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** {@code a, b and c}, or {@code a, b and 3 more} beyond {@code max} names. */
    static String names(Collection<String> names, int max) {
        List<String> list = new ArrayList<>(names);
        if (list.size() == 1) {
            return list.get(0);
        }
        if (list.size() <= max) {
            return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
        }
        return String.join(", ", list.subList(0, max)) + " and " + (list.size() - max) + " more";
    }

    /** The artifact ids of dependencies, in their order. */
    static List<String> artifactIds(Collection<Dependency> dependencies) {
        return dependencies.stream().map(d -> d.coordinates().artifactId()).toList();
    }

    /** {@code " (with the 2 dependencies only it brings in)"}, or nothing; ends a sentence about its size. */
    static String payloadNote(int others) {
        if (others == 0) {
            return "";
        }
        return " (with the " + (others == 1 ? "dependency" : others + " dependencies") + " only it brings in)";
    }
}
