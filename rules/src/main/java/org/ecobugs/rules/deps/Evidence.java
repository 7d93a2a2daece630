package org.ecobugs.rules.deps;

import java.util.Objects;

/**
 * Why a dependency counts as used, or as impossible to prove unused.
 *
 * @param kind what was seen
 * @param detail where, for people: {@code org/x/Poller refers to com/google/gson/Gson}
 */
public record Evidence(Kind kind, String detail) {

    /** What was seen. */
    public enum Kind {
        /** A class of the project refers to one of its classes in bytecode. */
        BYTECODE_REFERENCE,
        /** A source file imports or names one of its classes or packages: inlined constants, source annotations. */
        SOURCE_REFERENCE,
        /** Only annotations of CLASS retention name its classes: bytecode keeps them, the JVM ignores them. */
        COMPILE_TIME_ANNOTATION,
        /** A string constant of the project's code names one of its classes (reflection). */
        REFLECTIVE_NAME,
        /** A resource of the project names one of its classes. */
        RESOURCE_NAME,
        /** The project calls a library that loads it by a version name (HAPI FHIR structures). */
        NAME_LOADED,
        /** Code the project uses loads a service it provides ({@code META-INF/services}). */
        SERVICE_PROVIDER,
        /** It provides a JDBC driver, which {@code DriverManager} loads by itself. */
        JDBC_DRIVER,
        /** It is a logging back-end, bound at run time by the logging API. */
        LOGGING_BACKEND,
        /** It provides a service of the JDK, which the JDK may load by itself. */
        JDK_SERVICE,
        /** Spring Boot auto-configuration of the project's classpath loads its classes. */
        SPRING_AUTO_CONFIGURATION,
        /** Library code the project uses refers to its classes. */
        LIBRARY_REFERENCE,
        /** A component scan of the project ({@code @SpringBootApplication}, {@code @ComponentScan}…) covers its classes. */
        COMPONENT_SCAN
    }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return kind + ": " + detail;
    }
}
