package org.ecobugs.rules.meta;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The metadata of one rule, read from {@code EBnnn.json} beside the rule; field names follow SonarQube's rule
 * metadata, plus an {@code energy} block. The HTML description comes from {@code EBnnn.html}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record RuleMetadata(
        @JsonProperty(required = true) String key,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String title,
        @JsonProperty(required = true) String type,
        @JsonProperty(required = true) Severity defaultSeverity,
        @JsonProperty(required = true) List<String> tags,
        @JsonProperty(required = true) Remediation remediation,
        List<Param> params,
        @JsonProperty(required = true) Detection detection,
        List<Peer> peers,
        @JsonProperty(required = true) Energy energy,
        String descriptionHtml) {

    public RuleMetadata {
        tags = List.copyOf(tags);
        params = params == null ? List.of() : List.copyOf(params);
        peers = peers == null ? List.of() : List.copyOf(peers);
    }

    RuleMetadata withDescription(String html) {
        return new RuleMetadata(
                key, name, title, type, defaultSeverity, tags, remediation, params, detection, peers, energy, html);
    }

    RuleMetadata withSeverity(Severity severity) {
        return new RuleMetadata(
                key, name, title, type, severity, tags, remediation, params, detection, peers, energy, descriptionHtml);
    }

    /** The family named by the key's hundreds digit (EB1xx polling … EB6xx data access). */
    public Family family() {
        return Family.ofKey(key);
    }

    /** SonarQube severities, in increasing order. */
    public enum Severity {
        INFO,
        MINOR,
        MAJOR,
        CRITICAL,
        BLOCKER
    }

    /** @param constantCost the time to fix one finding, in SonarQube's duration syntax ({@code 10min}) */
    public record Remediation(@JsonProperty(required = true) String constantCost) {}

    /**
     * A rule parameter.
     *
     * @param type {@code INTEGER}, {@code BOOLEAN} or {@code STRING}
     * @param min for an {@code INTEGER}, the smallest value that means something; absent means 0 (durations, sizes and
     *     counts are never negative)
     */
    public record Param(
            @JsonProperty(required = true) String key,
            @JsonProperty(required = true) String description,
            @JsonProperty(required = true) String type,
            @JsonProperty(required = true) String defaultValue,
            Long min) {

        /** The smallest value an {@code INTEGER} parameter accepts. */
        public long minimum() {
            return min == null ? 0 : min;
        }
    }

    /**
     * How the rule finds its bugs.
     *
     * @param source whether it reads Java source
     * @param bytecode whether it reads class files
     * @param uses what it needs and what a classpath adds, for the docs
     * @param dependencies whether it judges the build's dependencies, from the dependency facts a build host gives
     *     (then {@code source} and {@code bytecode} say which walks its evidence comes from); absent means false
     * @param resources whether it reads configuration files ({@code application*.properties|yml}); false when absent
     */
    public record Detection(
            @JsonProperty(required = true) boolean source,
            @JsonProperty(required = true) boolean bytecode,
            @JsonProperty(required = true) String uses,
            Boolean dependencies,
            Boolean resources) {

        public Detection {
            dependencies = Boolean.TRUE.equals(dependencies);
            resources = Boolean.TRUE.equals(resources);
        }

        /** A source or bytecode rule's detection. */
        public Detection(boolean source, boolean bytecode, String uses) {
            this(source, bytecode, uses, false, false);
        }

        public boolean judgesDependencies() {
            return dependencies;
        }
    }

    /** A rule of another tool that overlaps this one. */
    public record Peer(
            @JsonProperty(required = true) String tool,
            @JsonProperty(required = true) String key) {}

    /**
     * Why the bug costs energy.
     *
     * @param rgesn RGESN criteria, as {@code RGESN-2024:2.6}
     * @param why one or two sentences on what is wasted
     * @param proxy what a runtime measurement can observe to confirm the waste
     * @param sources the measurements and references behind the claim
     * @param defaultActive whether the rule runs when no selection is given
     */
    public record Energy(
            @JsonProperty(required = true) List<String> rgesn,
            @JsonProperty(required = true) String why,
            @JsonProperty(required = true) String proxy,
            @JsonProperty(required = true) List<String> sources,
            @JsonProperty(required = true) boolean defaultActive) {
        public Energy {
            rgesn = List.copyOf(rgesn);
            sources = List.copyOf(sources);
        }
    }
}
