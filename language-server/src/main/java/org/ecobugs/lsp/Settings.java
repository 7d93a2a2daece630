package org.ecobugs.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What a client may set in {@code initializationOptions}: {@code {"resolveClasspath": true}} lets the server ask Maven
 * for a project's compile classpath once, in the background ({@code mvn dependency:build-classpath}).
 */
record Settings(boolean resolveClasspath) {

    static final Settings DEFAULTS = new Settings(true);

    static Settings from(Object initializationOptions) {
        if (initializationOptions instanceof JsonObject options) {
            JsonElement resolve = options.get("resolveClasspath");
            return new Settings(resolve == null || resolve.getAsBoolean());
        }
        return DEFAULTS;
    }
}
