package org.ecobugs.rules.java;

import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.config.Settings;

/**
 * What the analysed project's other files and configuration say of a value, for the {@link ConstantFolder}: constants
 * of its classes, the {@code @ConfigurationProperties} its configuration files bind, and the values of configuration
 * keys. See {@link ProjectConstantIndex}.
 */
public interface ProjectConstants {

    /** Nothing beyond the file itself. */
    ProjectConstants NONE = new ProjectConstants() {
        @Override
        public Optional<Folded> constant(String qualifiedType, String field, int depth) {
            return Optional.empty();
        }

        @Override
        public Optional<Folded> property(String qualifiedType, List<String> getters, int depth) {
            return Optional.empty();
        }

        @Override
        public Optional<Settings.Resolved> resolve(String text) {
            return Settings.NONE.resolve(text);
        }
    };

    /**
     * A value, as a {@link ConstantFolder} holds it (in its Java type), and what outside the asking code decided it.
     */
    record Folded(Object value, List<ValueOrigin> origins) {

        public Folded {
            origins = List.copyOf(origins);
        }
    }

    /**
     * The value of the constant {@code field} of the project's type {@code qualifiedType}, declared there or inherited
     * from its supertypes.
     *
     * @param depth how deep the folding that asks is, which bounds constants that refer to each other
     */
    Optional<Folded> constant(String qualifiedType, String field, int depth);

    /**
     * The value a chain of getters reads from a {@code @ConfigurationProperties} type of the project: {@code
     * [isPrettyPrint]} on {@code FhirProperties} bound to {@code fhir} is {@code fhir.pretty-print}'s value, or the
     * field's initial value when no configuration file sets it; {@code [getCors, isEnabled]} reads {@code
     * fhir.cors.enabled} through a nested properties object.
     */
    Optional<Folded> property(String qualifiedType, List<String> getters, int depth);

    /** A text's placeholders replaced by the configuration's values or their defaults (see {@link Settings}). */
    Optional<Settings.Resolved> resolve(String text);
}
