package org.ecobugs.rules.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values the application's configuration files give its keys when no profile is active: what the code reads by
 * default through {@code @Value("${key}")}, {@code @Scheduled(fixedDelayString = "${key}")} and {@code
 * @ConfigurationProperties}. Keys compare as Spring Boot's relaxed binding does ({@code pretty-print}, {@code
 * prettyPrint} and {@code PRETTY_PRINT} are one key).
 *
 * <p>A value set for one profile only ({@code application-prod.yml}, a document activated on a profile) is not the
 * value: which profile runs is decided where the application is deployed. Of the base files, a later entry of a file
 * overrides an earlier one (a later YAML document, a key written twice), and in one directory {@code .properties}
 * overrides {@code .yml} and {@code .yaml}, as Spring Boot reads them. When the base files of several directories (the
 * modules of a build) give a key different values, it has no one value and is unknown; when they agree, the first
 * directory's entry stands for them. Environment variables and command-line arguments may override any of this at run
 * time, which no analysis of the sources can see.
 */
public final class Settings {

    /** No configuration files. */
    public static final Settings NONE = new Settings(Map.of());

    /** Deep enough for values that refer to other keys; a bound, since keys may refer to each other. */
    private static final int MAX_DEPTH = 8;

    /**
     * A key's value, and where it is set.
     *
     * @param key the key as the file writes it
     * @param value the value as written, placeholders not resolved
     * @param file the configuration file that sets it
     * @param line its 1-based line there
     */
    public record Setting(String key, String value, Path file, int line) {

        /** The name of the file that sets it, as messages name it ({@code application.properties}). */
        public String fileName() {
            return file.getFileName().toString();
        }
    }

    /**
     * A text whose placeholders were replaced.
     *
     * @param text the text with each {@code ${key:default}} replaced by the key's value, or by its default where no
     *     file sets it
     * @param set the settings that gave a value, in the text's order
     * @param defaulted the keys whose default was taken
     */
    public record Resolved(String text, List<Setting> set, List<Defaulted> defaulted) {

        public Resolved {
            set = List.copyOf(set);
            defaulted = List.copyOf(defaulted);
        }
    }

    /** A key no configuration file sets, whose default a placeholder gave: {@code ${lab.poll-ms:5000}}. */
    public record Defaulted(String key, String value) {}

    private final Map<String, Optional<Setting>> byCanonicalKey;

    private Settings(Map<String, Optional<Setting>> byCanonicalKey) {
        this.byCanonicalKey = byCanonicalKey;
    }

    /** The settings of these configuration files (as {@link ConfigParser} read them), by the rules above. */
    public static Settings of(List<ConfigFile> files) {
        Map<Path, List<ConfigFile>> byDirectory = new LinkedHashMap<>();
        files.stream()
                .filter(ConfigFile::isBase)
                .sorted(Comparator.comparing(ConfigFile::path))
                .forEach(file -> byDirectory
                        .computeIfAbsent(file.path().toAbsolutePath().getParent(), d -> new ArrayList<>())
                        .add(file));
        Map<String, Optional<Setting>> keys = new HashMap<>();
        for (List<ConfigFile> directory : byDirectory.values()) {
            Map<String, Setting> local = new HashMap<>();
            // YAML first, then properties: what is read later overrides.
            directory.sort(Comparator.comparing(f -> f.format() == ConfigFile.Format.PROPERTIES));
            for (ConfigFile file : directory) {
                for (ConfigEntry entry : file.entries()) {
                    if (entry.profile().isEmpty()) {
                        local.put(
                                ConfigEntry.canonical(entry.key()),
                                new Setting(entry.key(), entry.value(), file.path(), entry.line()));
                    }
                }
            }
            local.forEach((key, setting) -> keys.merge(
                    key,
                    Optional.of(setting),
                    (earlier, later) -> earlier.isPresent()
                                    && later.get().value().equals(earlier.get().value())
                            ? earlier
                            : Optional.empty()));
        }
        return new Settings(Map.copyOf(keys));
    }

    /** Whether no file sets anything. */
    public boolean isEmpty() {
        return byCanonicalKey.isEmpty();
    }

    /**
     * What the files set for {@code key}, when it is one value (see above). The value is as written: {@link #resolve}
     * replaces placeholders.
     */
    public Optional<Setting> get(String key) {
        return byCanonicalKey.getOrDefault(ConfigEntry.canonical(key), Optional.empty());
    }

    /**
     * Whether {@code key} is set differently in the base files of several directories, and so has no one value.
     */
    public boolean isAmbiguous(String key) {
        Optional<Setting> found = byCanonicalKey.get(ConfigEntry.canonical(key));
        return found != null && found.isEmpty();
    }

    /**
     * The text with its placeholders replaced, as Spring resolves {@code ${key}} and {@code ${key:default}}: by the
     * key's value (its own placeholders resolved in turn), else by the default. Empty when a key has neither, or a
     * placeholder is not closed. A text without placeholders is itself.
     */
    public Optional<Resolved> resolve(String text) {
        List<Setting> set = new ArrayList<>();
        List<Defaulted> defaulted = new ArrayList<>();
        String resolved = resolve(text, 0, set, defaulted);
        return resolved == null ? Optional.empty() : Optional.of(new Resolved(resolved, set, defaulted));
    }

    private String resolve(String text, int depth, List<Setting> set, List<Defaulted> defaulted) {
        int open = text.indexOf("${");
        if (open < 0) {
            return text;
        }
        if (depth > MAX_DEPTH) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (open >= 0) {
            int close = closing(text, open + 2);
            if (close < 0) {
                return null;
            }
            out.append(text, from, open);
            String placeholder = text.substring(open + 2, close);
            int colon = defaultSeparator(placeholder);
            String key = (colon < 0 ? placeholder : placeholder.substring(0, colon)).strip();
            Optional<Setting> setting = get(key);
            String value;
            if (setting.isPresent()) {
                set.add(setting.get());
                value = resolve(setting.get().value(), depth + 1, set, defaulted);
            } else if (colon >= 0 && !isAmbiguous(key)) {
                String fallback = resolve(placeholder.substring(colon + 1), depth + 1, set, defaulted);
                if (fallback != null) {
                    defaulted.add(new Defaulted(key, fallback));
                }
                value = fallback;
            } else {
                value = null;
            }
            if (value == null) {
                return null;
            }
            out.append(value);
            from = close + 1;
            open = text.indexOf("${", from);
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The index of the brace that closes a placeholder whose key starts at {@code from}, nested ones skipped. */
    private static int closing(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' && i > 0 && text.charAt(i - 1) == '$') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    /** The colon that starts a placeholder's default, outside nested placeholders; -1 without one. */
    private static int defaultSeparator(String placeholder) {
        int depth = 0;
        for (int i = 0; i < placeholder.length(); i++) {
            char c = placeholder.charAt(i);
            if (c == '{' && i > 0 && placeholder.charAt(i - 1) == '$') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ':' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
