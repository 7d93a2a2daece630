package org.ecobugs.rules.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads Spring Boot configuration files into flattened entries with line numbers. Properties follow
 * {@link java.util.Properties}' syntax (comments, {@code =}, {@code :} or blanks between key and value, line
 * continuations, escapes) plus Spring Boot's {@code #---} document separators; YAML is read with Jackson's YAML parser,
 * every document of the file, with sequences as indexed keys ({@code allowed_origin[0]}). A document that activates
 * on a profile ({@code spring.config.activate.on-profile}, or the older {@code spring.profiles}) gives its entries that
 * profile.
 */
public final class ConfigParser {

    /** A file that is not valid YAML; the message names the line and column. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final YAMLFactory YAML = YAMLFactory.builder().build();
    private static final List<String> PROFILE_KEYS = List.of("spring.config.activate.on-profile", "spring.profiles");

    private ConfigParser() {}

    /** Parses a configuration file whose name {@link ConfigFile#isConfigFileName} accepted. */
    public static ConfigFile parse(Path path, String text) throws SyntaxException {
        String name = path.getFileName().toString();
        ConfigFile.Format format = ConfigFile.formatOf(name);
        Optional<String> fileProfile = ConfigFile.profileOf(name);
        List<List<RawEntry>> documents = format == ConfigFile.Format.PROPERTIES ? properties(text) : yaml(text);
        List<ConfigEntry> entries = new ArrayList<>();
        for (List<RawEntry> document : documents) {
            Optional<String> profile = fileProfile;
            for (RawEntry entry : document) {
                if (PROFILE_KEYS.stream()
                                .anyMatch(k -> ConfigEntry.canonical(k).equals(ConfigEntry.canonical(entry.key)))
                        && !entry.value.isBlank()) {
                    profile = Optional.of(entry.value.strip());
                }
            }
            for (RawEntry entry : document) {
                entries.add(new ConfigEntry(entry.key, entry.value, entry.line, profile));
            }
        }
        return new ConfigFile(path, format, fileProfile, entries);
    }

    private record RawEntry(String key, String value, int line) {}

    // ---- properties ----

    private static List<List<RawEntry>> properties(String text) {
        List<List<RawEntry>> documents = new ArrayList<>();
        List<RawEntry> current = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            int start = i;
            String line = stripLeading(lines[i]);
            i++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.charAt(0) == '#' || line.charAt(0) == '!') {
                if (line.equals("#---") || line.equals("!---")) {
                    documents.add(current);
                    current = new ArrayList<>();
                }
                continue;
            }
            StringBuilder logical = new StringBuilder(line);
            while (endsWithContinuation(logical) && i < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(stripLeading(lines[i]));
                i++;
            }
            if (endsWithContinuation(logical)) {
                logical.setLength(logical.length() - 1);
            }
            current.add(keyValue(logical.toString(), start + 1));
        }
        documents.add(current);
        return documents;
    }

    private static RawEntry keyValue(String line, int number) {
        int keyEnd = 0;
        boolean escaped = false;
        while (keyEnd < line.length()) {
            char c = line.charAt(keyEnd);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            }
            keyEnd++;
        }
        int valueStart = keyEnd;
        while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
            valueStart++;
        }
        if (valueStart < line.length() && (line.charAt(valueStart) == '=' || line.charAt(valueStart) == ':')) {
            valueStart++;
            while (valueStart < line.length() && isBlank(line.charAt(valueStart))) {
                valueStart++;
            }
        }
        return new RawEntry(unescape(line.substring(0, keyEnd)), unescape(line.substring(valueStart)), number);
    }

    private static boolean endsWithContinuation(CharSequence line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    if (i + 4 < text.length() && text.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        out.append('u');
                    }
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    private static String stripLeading(String line) {
        int i = 0;
        while (i < line.length() && isBlank(line.charAt(i))) {
            i++;
        }
        return line.substring(i);
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f';
    }

    // ---- YAML ----

    private static List<List<RawEntry>> yaml(String text) throws SyntaxException {
        List<List<RawEntry>> documents = new ArrayList<>();
        List<RawEntry> current = null;
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonStreamContext context = parser.getParsingContext();
                if (token.isStructStart()
                        && context.getParent() != null
                        && context.getParent().inRoot()) {
                    current = new ArrayList<>();
                    documents.add(current);
                }
                if (token.isScalarValue()) {
                    if (current == null || context.inRoot()) {
                        // A document that is a bare scalar holds no settings.
                        continue;
                    }
                    String value = token == JsonToken.VALUE_NULL ? "" : parser.getText();
                    current.add(new RawEntry(keyOf(context), value, lineOf(parser.currentTokenLocation())));
                }
            }
        } catch (JsonProcessingException e) {
            MarkedYAMLException marked = marked(e);
            if (marked != null && marked.getProblemMark() != null) {
                throw atProblem(marked, e);
            }
            JsonLocation where = e.getLocation();
            String position =
                    where == null ? "" : "line " + where.getLineNr() + ", column " + where.getColumnNr() + ": ";
            throw new SyntaxException(
                    "Cannot parse: " + position
                            + e.getOriginalMessage().strip().lines().findFirst().orElse(""),
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed input (bad indentation, tabs) as unchecked exceptions.
            MarkedYAMLException marked = marked(e);
            if (marked != null && marked.getProblemMark() != null) {
                throw atProblem(marked, e);
            }
            throw new SyntaxException("Cannot parse: " + firstLine(e), e);
        }
        return documents;
    }

    /**
     * The error at SnakeYAML's problem mark (0-based), where the problem is: the parser's own location is the end of
     * the last good token, often on the line before.
     */
    private static SyntaxException atProblem(MarkedYAMLException marked, Throwable e) {
        Mark problem = marked.getProblemMark();
        String what = marked.getProblem() == null ? marked.getMessage() : marked.getProblem();
        return new SyntaxException(
                "Cannot parse: line " + (problem.getLine() + 1) + ", column " + (problem.getColumn() + 1) + ": "
                        + firstLine(what),
                e);
    }

    private static MarkedYAMLException marked(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.strip().lines().findFirst().orElse("");
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.strip().lines().findFirst().orElse("");
    }

    private static int lineOf(JsonLocation location) {
        return Math.max(1, location.getLineNr());
    }

    /** The flattened key of the value the parser is on: object levels joined by dots, sequence items indexed. */
    private static String keyOf(JsonStreamContext leaf) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = leaf; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                parts.push("." + (c.getCurrentName() == null ? "" : c.getCurrentName()));
            } else if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            }
        }
        String key = String.join("", parts);
        return key.startsWith(".") ? key.substring(1) : key;
    }
}
