package org.ecobugs.rules;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Files left out of an analysis, as globs matched against each file's path relative to a base directory (the directory
 * of the configuration file that lists them), with {@code /} between names whatever the platform:
 *
 * <ul>
 *   <li>{@code *} matches within one name, {@code **} across directories, {@code ?} one character, {@code {a,b}}
 *       either;
 *   <li>a glob that starts with {@code **}{@code /} also matches at the top: {@code **}{@code /generated/**} leaves
 *       out {@code generated/A.java} as well as {@code src/generated/A.java};
 *   <li>a glob without {@code /} matches a file name in any directory ({@code *_pb.java}), as in {@code .gitignore};
 *   <li>a glob that ends with {@code /} is a directory and leaves out everything under it ({@code generated/} in any
 *       directory, {@code src/legacy/} only there).
 * </ul>
 *
 * A file outside the base directory is matched by its path as given, so that patterns starting with {@code **}{@code /}
 * still apply to it.
 *
 * @param baseDirectory the directory the globs are relative to
 * @param globs the patterns as written
 */
public record PathExclusions(Path baseDirectory, List<String> globs) {

    /** Leaves nothing out. */
    public static final PathExclusions NONE = new PathExclusions(Path.of(""), List.of());

    public PathExclusions {
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        globs = List.copyOf(globs);
        baseDirectory = baseDirectory.toAbsolutePath().normalize();
    }

    /** The compiled patterns; kept out of the record's state so that two equal lists give equal values. */
    private List<Pattern> patterns() {
        List<Pattern> compiled = new ArrayList<>(globs.size());
        for (String glob : globs) {
            compiled.add(compile(glob));
        }
        return compiled;
    }

    public boolean isEmpty() {
        return globs.isEmpty();
    }

    /** A matcher for many files: compiles the globs once. */
    public Matcher matcher() {
        return new Matcher(baseDirectory, isEmpty() ? List.of() : patterns());
    }

    /**
     * Whether a glob is well formed, with the reason when it is not: an empty glob, or braces that do not close.
     *
     * @return null when the glob is valid
     */
    public static String problem(String glob) {
        if (glob == null || glob.isBlank()) {
            return "an empty pattern would match nothing";
        }
        int depth = 0;
        for (char c : glob.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth > 1) {
                    return "braces do not nest in '" + glob + "'";
                }
            } else if (c == '}') {
                if (depth == 0) {
                    return "'}' without '{' in '" + glob + "'";
                }
                depth--;
            }
        }
        return depth == 0 ? null : "'{' without '}' in '" + glob + "'";
    }

    static Pattern compile(String glob) {
        String problem = problem(glob);
        if (problem != null) {
            throw new IllegalArgumentException("path exclusion: " + problem);
        }
        String normalized = glob.strip().replace('\\', '/');
        if (normalized.startsWith("./")) {
            normalized = normalized.substring(2);
        }
        if (normalized.startsWith("/")) {
            normalized = normalized.substring(1);
        }
        boolean directory = normalized.endsWith("/");
        if (directory) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        if (!normalized.contains("/")) {
            normalized = "**/" + normalized;
        }
        if (directory) {
            // A directory: everything under it.
            normalized = normalized + "/**";
        }
        StringBuilder regex = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '*') {
                boolean twice = i + 1 < normalized.length() && normalized.charAt(i + 1) == '*';
                if (twice) {
                    boolean followedBySlash = i + 2 < normalized.length() && normalized.charAt(i + 2) == '/';
                    boolean atNameStart = i == 0 || normalized.charAt(i - 1) == '/';
                    if (followedBySlash && atNameStart) {
                        regex.append("(?:.*/)?");
                        i += 2;
                    } else {
                        regex.append(".*");
                        i++;
                    }
                } else {
                    regex.append("[^/]*");
                }
            } else if (c == '?') {
                regex.append("[^/]");
            } else if (c == '{') {
                inBraces = true;
                regex.append("(?:");
            } else if (c == '}') {
                inBraces = false;
                regex.append(')');
            } else if (c == ',' && inBraces) {
                regex.append('|');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Matches files against compiled globs. */
    public static final class Matcher {
        private final Path baseDirectory;
        private final List<Pattern> patterns;

        private Matcher(Path baseDirectory, List<Pattern> patterns) {
            this.baseDirectory = baseDirectory;
            this.patterns = patterns;
        }

        public boolean isEmpty() {
            return patterns.isEmpty();
        }

        /** Whether the file is left out. */
        public boolean excludes(Path file) {
            if (patterns.isEmpty()) {
                return false;
            }
            Path shown = file;
            if (file.isAbsolute()) {
                Path normalized = file.normalize();
                if (normalized.startsWith(baseDirectory)) {
                    shown = baseDirectory.relativize(normalized);
                }
            }
            String path = shown.toString().replace('\\', '/');
            if (path.startsWith("/")) {
                path = path.substring(1);
            }
            for (Pattern pattern : patterns) {
                if (pattern.matcher(path).matches()) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the input a processing error names ({@code a.jar!/B.class} names the archive) is left out. */
        public boolean excludesInput(String input) {
            if (patterns.isEmpty() || input == null) {
                return false;
            }
            int entry = input.indexOf("!/");
            String file = entry < 0 ? input : input.substring(0, entry);
            try {
                return excludes(Path.of(file));
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        }
    }
}
