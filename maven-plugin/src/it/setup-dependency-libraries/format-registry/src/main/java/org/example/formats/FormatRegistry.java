package org.example.formats;

/** Formats through whichever provider is on the class path, found by a lookup that takes the service as an argument. */
public final class FormatRegistry {
    private FormatRegistry() {}

    public static String format(String value) {
        return first(FormatProvider.class).format(value);
    }

    private static <T> T first(Class<T> service) {
        return Lookup.first(service);
    }
}
