package org.ecobugs.rules.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spring Boot configuration file ({@code application.properties}, {@code application-prod.yml}, …), parsed into
 * flattened entries with their lines.
 *
 * @param path the file
 * @param format how it is written
 * @param profile the profile its name gives ({@code prod} for {@code application-prod.yml}); empty for the base file
 * @param entries its settings in file order, every YAML document included
 */
public record ConfigFile(Path path, Format format, Optional<String> profile, List<ConfigEntry> entries) {

    /** How a configuration file is written. */
    public enum Format {
        PROPERTIES,
        YAML
    }

    private static final Pattern NAME =
            Pattern.compile("application(?:-(?<profile>[^.]+))?\\.(?<ext>properties|ya?ml)");

    public ConfigFile {
        entries = List.copyOf(entries);
    }

    /** Whether a file name is one Spring Boot reads as configuration. */
    public static boolean isConfigFileName(String fileName) {
        return NAME.matcher(fileName).matches();
    }

    /** The format a configuration file name implies. */
    static Format formatOf(String fileName) {
        return fileName.endsWith(".properties") ? Format.PROPERTIES : Format.YAML;
    }

    /** The profile a configuration file name gives, if any. */
    static Optional<String> profileOf(String fileName) {
        Matcher matcher = NAME.matcher(fileName);
        return matcher.matches() ? Optional.ofNullable(matcher.group("profile")) : Optional.empty();
    }

    /** Whether this is the base file of its directory, read for every profile. */
    public boolean isBase() {
        return profile.isEmpty();
    }

    /** The entries that set {@code key} (relaxed), in file order; YAML documents may set it more than once. */
    public List<ConfigEntry> findAll(String key) {
        return entries.stream().filter(e -> e.is(key)).toList();
    }

    /** The first entry that sets {@code key}, relaxed. */
    public Optional<ConfigEntry> find(String key) {
        return entries.stream().filter(e -> e.is(key)).findFirst();
    }

    /** The entries under {@code prefix} ({@code server} gives {@code server.port}, {@code server.servlet.…}). */
    public List<ConfigEntry> under(String prefix) {
        return entries.stream().filter(e -> e.isUnder(prefix)).toList();
    }
}
