package org.ecobugs.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * What a client may set in {@code initializationOptions}: {@code {"resolveClasspath": true}} lets the server ask Maven
 * for a project's compile classpath once, in the background ({@code mvn dependency:build-classpath});
 * {@code {"projectModel": true}} lets it read the method summaries of a project's files once, in the background, and
 * keep them between edits, so that findings that follow calls into other files show (both on by default).
 */
record Settings(boolean resolveClasspath, boolean projectModel) {

    static final Settings DEFAULTS = new Settings(true, true);

    static Settings from(Object initializationOptions) {
        if (initializationOptions instanceof JsonObject options) {
            return new Settings(isOn(options, "resolveClasspath"), isOn(options, "projectModel"));
        }
        return DEFAULTS;
    }

    private static boolean isOn(JsonObject options, String name) {
        JsonElement value = options.get(name);
        return value == null || value.getAsBoolean();
    }
}
