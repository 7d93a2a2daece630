package org.example.formats;

import java.util.ServiceLoader;

/** A generic service lookup, as jakarta.activation's FactoryFinder: it names no service of its own. */
final class Lookup {
    private Lookup() {}

    static <T> T first(Class<T> service) {
        return ServiceLoader.load(service).findFirst().orElseThrow();
    }
}
