package org.ecobugs.rules.checks;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecobugs.rules.api.DependencyContext;
import org.ecobugs.rules.api.DependencyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyUsage;

/**
 * EB404: a Spring Boot starter holds no code; what it brings in (its payload: the dependencies only it brings in) is
 * auto-configured at every start because it is on the classpath. The starter is reported when no class, import, class
 * name or resource of the project refers to its payload and no configuration key of its prefix is set. Starters that
 * are used through configuration alone (web, actuator, security, template engines…) are never reported.
 */
@RuleKey("EB404")
public final class UnusedSpringBootStarterRule implements DependencyRule {

    /** Starters whose whole point is what they do without code of the project referring to them. */
    private static final Set<String> CONFIGURATION_ONLY = Set.of(
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
    private static final Map<String, List<String>> PREFIXES = Map.ofEntries(
            Map.entry("data-jpa", List.of("spring.jpa", "spring.datasource")),
            Map.entry("jdbc", List.of("spring.datasource", "spring.sql")),
            Map.entry("data-jdbc", List.of("spring.datasource", "spring.sql")),
            Map.entry("data-r2dbc", List.of("spring.r2dbc")),
            Map.entry("data-redis", List.of("spring.data.redis", "spring.redis")),
            Map.entry("data-mongodb", List.of("spring.data.mongodb")),
            Map.entry("data-elasticsearch", List.of("spring.elasticsearch")),
            Map.entry("data-cassandra", List.of("spring.cassandra")),
            Map.entry("amqp", List.of("spring.rabbitmq")),
            Map.entry("artemis", List.of("spring.artemis")),
            Map.entry("activemq", List.of("spring.activemq")));

    @Override
    public void check(DependencyUsage usage, DependencyContext context) {
        for (Dependency starter : DependencyRules.shippedDirect(usage)) {
            if (!DependencyRules.isSpringBootStarter(starter)) {
                continue;
            }
            String name = DependencyRules.starterName(starter);
            if (CONFIGURATION_ONLY.contains(name)
                    || starter.coordinates().artifactId().equals("spring-boot-starter")) {
                continue;
            }
            Set<Dependency> gone = usage.shippedOnlyThrough(Set.of(starter), Set.of());
            if (!gone.contains(starter)) {
                continue;
            }
            Set<Dependency> payload = new LinkedHashSet<>(gone);
            payload.remove(starter);
            if (payload.isEmpty() || referenced(usage, gone) || configured(usage, name)) {
                continue;
            }
            context.report(
                    starter,
                    "Remove " + starter.coordinates() + ": no class or setting of the project uses what it brings in ("
                            + DependencyRules.names(DependencyRules.artifactIds(payload), 2) + ", "
                            + DependencyRules.size(usage.bytes(gone)) + "), yet Spring Boot auto-configures it at"
                            + " every start.");
        }
    }

    /** Only the project's own references count: auto-configuration refers to every starter's payload. */
    private static boolean referenced(DependencyUsage usage, Set<Dependency> dependencies) {
        for (Dependency dependency : dependencies) {
            DependencyUsage.Usage use = usage.of(dependency);
            if (use.main().isPresent() || use.test().isPresent()) {
                return true;
            }
        }
        return false;
    }

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
}
