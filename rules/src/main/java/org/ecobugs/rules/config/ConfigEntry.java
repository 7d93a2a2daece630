package org.ecobugs.rules.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One setting of a configuration file, flattened the way Spring Boot binds it: {@code server.compression.enabled},
 * {@code hapi.fhir.cors.allowed_origin[0]}.
 *
 * @param key the key as written, with YAML levels joined by dots
 * @param value the value as text; empty for a YAML null
 * @param line the 1-based line of the value (of the key for properties)
 * @param profile the Spring profile the setting applies to: the file's ({@code application-prod.yml}) or its
 *     document's ({@code spring.config.activate.on-profile}); empty for every profile
 */
public record ConfigEntry(String key, String value, int line, Optional<String> profile) {

    /** Profiles whose settings are meant for developers' machines and test runs, not for production traffic. */
    private static final Set<String> DEVELOPER_PROFILES =
            Set.of("dev", "development", "local", "debug", "test", "testing");

    /** Whether this entry sets {@code key}, compared the way Spring Boot's relaxed binding does. */
    public boolean is(String key) {
        return canonical(this.key).equals(canonical(key));
    }

    /** Whether the key starts with {@code prefix} followed by a dot or an index, relaxed. */
    public boolean isUnder(String prefix) {
        String mine = canonical(key);
        String theirs = canonical(prefix);
        return mine.startsWith(theirs)
                && mine.length() > theirs.length()
                && (mine.charAt(theirs.length()) == '.' || mine.charAt(theirs.length()) == '[');
    }

    /** Whether the value is {@code true}, as Spring converts it. */
    public boolean isTrue() {
        return value.strip().equalsIgnoreCase("true");
    }

    public boolean isFalse() {
        return value.strip().equalsIgnoreCase("false");
    }

    /** Whether the entry applies only to a developer or test profile ({@code dev}, {@code local}, {@code test}, …). */
    public boolean isForDevelopers() {
        return profile.map(p -> {
                    for (String name : p.split("[,|&!\\s()]+")) {
                        if (DEVELOPER_PROFILES.contains(name.toLowerCase(Locale.ROOT))) {
                            return true;
                        }
                    }
                    return false;
                })
                .orElse(false);
    }

    /**
     * The canonical form of a key under relaxed binding: lower case, without dashes and underscores
     * ({@code spring.jackson.serialization.INDENT_OUTPUT} and {@code …indent-output} are the same key).
     */
    public static String canonical(String key) {
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '-' && c != '_') {
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }
}
