package org.ecobugs.rules.deps;

import java.util.Objects;

/**
 * The Maven coordinates of a dependency.
 *
 * @param groupId the group id
 * @param artifactId the artifact id
 * @param version the resolved version
 * @param type the type, {@code jar} unless told otherwise ({@code pom} for an aggregator, {@code test-jar}, …)
 * @param classifier the classifier, empty when there is none
 */
public record Coordinates(String groupId, String artifactId, String version, String type, String classifier) {

    public Coordinates {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(artifactId, "artifactId");
        version = version == null ? "" : version;
        type = type == null || type.isEmpty() ? "jar" : type;
        classifier = classifier == null ? "" : classifier;
    }

    /** A jar without classifier. */
    public static Coordinates of(String groupId, String artifactId, String version) {
        return new Coordinates(groupId, artifactId, version, "jar", "");
    }

    /**
     * {@code groupId:artifactId}, plus {@code :classifier} when there is one: what identifies the dependency whatever
     * version the build resolves, and what suppressions and exclusions name.
     */
    public String key() {
        return classifier.isEmpty() ? groupId + ':' + artifactId : groupId + ':' + artifactId + ':' + classifier;
    }

    /** {@code groupId:artifactId:version}, with the type and classifier when they are not a plain jar. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(groupId).append(':').append(artifactId);
        if (!type.equals("jar") || !classifier.isEmpty()) {
            text.append(':').append(type);
        }
        if (!classifier.isEmpty()) {
            text.append(':').append(classifier);
        }
        return text.append(':').append(version).toString();
    }
}
