package org.ecobugs.rules.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Readings of SQL text that the data-access rules share. */
public final class SqlText {

    /** Words that end a FROM clause, or start what follows a relation instead of its alias. */
    private static final Set<String> FROM_ENDS = Set.of(
            "where",
            "group",
            "order",
            "having",
            "limit",
            "offset",
            "fetch",
            "union",
            "intersect",
            "except",
            "for",
            "window",
            "returning",
            "into",
            "qualify",
            "connect",
            "start");

    private static final Set<String> JOIN_WORDS =
            Set.of("join", "inner", "left", "right", "full", "outer", "cross", "natural", "lateral", "straight_join");

    /** Words after a relation that are not its alias. */
    private static final Set<String> NOT_ALIASES = Set.of("on", "using", "tablesample", "with", "only");

    private SqlText() {}

    /**
     * A relation of a FROM clause.
     *
     * @param name the table as written ({@code referencedata.users}); empty for a subquery, a table function or a part
     *     of the text only known at run time
     * @param alias its alias, if it has one
     */
    public record Relation(Optional<String> name, Optional<String> alias) {

        boolean answersTo(String qualifier) {
            if (alias.isPresent()) {
                return alias.get().equalsIgnoreCase(qualifier);
            }
            return name.map(n -> n.equalsIgnoreCase(qualifier)
                            || n.toLowerCase(Locale.ROOT).endsWith("." + qualifier.toLowerCase(Locale.ROOT)))
                    .orElse(false);
        }

        /** The name that selects its columns as {@code name.*}: its alias, else its table. */
        public Optional<String> reference() {
            return alias.or(() -> name);
        }
    }

    /**
     * The first {@code SELECT *} or {@code SELECT t.*} of a statement.
     *
     * @param qualifier the table or alias before {@code .*}; empty for a bare {@code *}
     * @param onlyItem whether the star is the whole select list
     * @param from the relations of the FROM clause of that SELECT, in order (those of its subqueries left out)
     */
    public record Star(Optional<String> qualifier, boolean onlyItem, List<Relation> from) {

        /**
         * Whether the star reads the columns of one relation only: {@code t.*}, or {@code *} of a FROM clause with a
         * single relation.
         */
        public boolean oneRelation() {
            return qualifier.isPresent() || from.size() <= 1;
        }

        /** The relations whose columns the star reads; one made of the qualifier when it names no relation. */
        public List<Relation> read() {
            if (qualifier.isEmpty()) {
                return from;
            }
            for (Relation relation : from) {
                if (relation.answersTo(qualifier.get())) {
                    return List.of(relation);
                }
            }
            return List.of(new Relation(qualifier, Optional.empty()));
        }

        /** The tables read, in words ({@code patient}, {@code patient and encounter}); empty when none is known. */
        public String tablesRead() {
            return names(read());
        }

        /** The relations of the FROM clause after the first, in words; empty when none is known. */
        public String joined() {
            return names(from.subList(Math.min(1, from.size()), from.size()));
        }

        private static String names(List<Relation> relations) {
            List<String> names = new ArrayList<>();
            int derived = 0;
            for (Relation relation : relations) {
                if (relation.name().isEmpty()) {
                    derived++;
                } else if (!names.contains(relation.name().get())) {
                    names.add(relation.name().get());
                }
            }
            if (names.isEmpty()) {
                return "";
            }
            if (derived > 0) {
                names.add(derived == 1 ? "a derived table" : derived + " derived tables");
            }
            if (names.size() == 1) {
                return names.get(0);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }
    }

    /**
     * Whether the statement selects every column ({@code SELECT *}, {@code SELECT DISTINCT p.*}) other than inside
     * {@code EXISTS (SELECT * …)}, where the columns are never read.
     */
    public static boolean selectsEveryColumn(String sql) {
        return star(sql).isPresent();
    }

    /** The first {@code SELECT *} of the statement that reads columns (not inside {@code EXISTS (…)}). */
    public static Optional<Star> star(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("select")) {
            return Optional.empty();
        }
        List<Token> tokens = Token.scan(sql);
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).isWord("select")) {
                continue;
            }
            int j = i + 1;
            if (j < tokens.size()
                    && (tokens.get(j).isWord("distinct") || tokens.get(j).isWord("all"))) {
                j++;
            }
            if (j >= tokens.size() || !tokens.get(j).isStar()) {
                continue;
            }
            if (i >= 2
                    && tokens.get(i - 1).kind() == Kind.OPEN
                    && tokens.get(i - 2).isWord("exists")) {
                continue;
            }
            Token star = tokens.get(j);
            Optional<String> qualifier =
                    star.kind() == Kind.QUALIFIED_STAR ? Optional.of(star.text()) : Optional.empty();
            boolean onlyItem = j + 1 >= tokens.size()
                    || tokens.get(j + 1).isWord("from")
                    || tokens.get(j + 1).kind() == Kind.CLOSE;
            return Optional.of(new Star(qualifier, onlyItem, fromClause(tokens, j + 1)));
        }
        return Optional.empty();
    }

    /** The relations of the FROM clause found at the depth of {@code start}. */
    private static List<Relation> fromClause(List<Token> tokens, int start) {
        int depth = 0;
        int i = start;
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.OPEN) {
                depth++;
            } else if (token.kind() == Kind.CLOSE) {
                if (--depth < 0) {
                    return List.of();
                }
            } else if (depth == 0 && token.isWord("from")) {
                break;
            }
        }
        List<Relation> relations = new ArrayList<>();
        boolean expectRelation = true;
        for (i++; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Kind.CLOSE) {
                break;
            }
            if (token.kind() == Kind.COMMA) {
                expectRelation = true;
                continue;
            }
            String word = token.kind() == Kind.WORD ? token.text().toLowerCase(Locale.ROOT) : "";
            if (FROM_ENDS.contains(word)) {
                break;
            }
            if (word.equals("join") || word.equals("straight_join")) {
                expectRelation = true;
                continue;
            }
            if (JOIN_WORDS.contains(word) || word.equals("only")) {
                continue;
            }
            if (token.kind() == Kind.OPEN) {
                // Skipped whole: an ON condition's parentheses, or a subquery in place of a relation.
                i = closing(tokens, i);
                if (expectRelation) {
                    relations.add(new Relation(Optional.empty(), alias(tokens, i + 1)));
                    expectRelation = false;
                }
                continue;
            }
            if (!expectRelation) {
                continue;
            }
            expectRelation = false;
            if (token.kind() != Kind.WORD) {
                relations.add(new Relation(Optional.empty(), Optional.empty()));
                continue;
            }
            if (i + 1 < tokens.size() && tokens.get(i + 1).kind() == Kind.OPEN) {
                // A table function: unnest(…), generate_series(…).
                i = closing(tokens, i + 1);
                relations.add(new Relation(Optional.empty(), alias(tokens, i + 1)));
                continue;
            }
            Optional<String> alias = alias(tokens, i + 1);
            relations.add(new Relation(Optional.of(token.text()), alias));
        }
        return relations;
    }

    /** The alias at {@code i}, after an optional {@code AS}. */
    private static Optional<String> alias(List<Token> tokens, int i) {
        if (i < tokens.size() && tokens.get(i).isWord("as")) {
            i++;
        }
        if (i >= tokens.size() || tokens.get(i).kind() != Kind.WORD) {
            return Optional.empty();
        }
        String word = tokens.get(i).text().toLowerCase(Locale.ROOT);
        if (FROM_ENDS.contains(word) || JOIN_WORDS.contains(word) || NOT_ALIASES.contains(word)) {
            return Optional.empty();
        }
        return Optional.of(tokens.get(i).text());
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).kind() == Kind.OPEN) {
                depth++;
            } else if (tokens.get(i).kind() == Kind.CLOSE && --depth == 0) {
                return i;
            }
        }
        return tokens.size();
    }

    private enum Kind {
        WORD,
        STAR,
        QUALIFIED_STAR,
        OPEN,
        CLOSE,
        COMMA,
        OTHER
    }

    /** A token of SQL text; the text of a qualified star is its qualifier. */
    private record Token(Kind kind, String text) {

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isStar() {
            return kind == Kind.STAR || kind == Kind.QUALIFIED_STAR;
        }

        /** Words, dotted names, stars and punctuation; comments and string literals left out. */
        static List<Token> scan(String sql) {
            List<Token> tokens = new ArrayList<>();
            int n = sql.length();
            int i = 0;
            while (i < n) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    i = end < 0 ? n : end + 1;
                } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                    int end = sql.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                } else if (c == '\'') {
                    int end = i + 1;
                    while (end < n && (sql.charAt(end) != '\'' || (end + 1 < n && sql.charAt(end + 1) == '\''))) {
                        end += sql.charAt(end) == '\'' ? 2 : 1;
                    }
                    tokens.add(new Token(Kind.OTHER, "'"));
                    i = end + 1;
                } else if (isNameStart(c) || c == '"' || c == '`') {
                    int start = i;
                    i = namePart(sql, i);
                    while (i + 1 < n && sql.charAt(i) == '.') {
                        char next = sql.charAt(i + 1);
                        if (next == '*') {
                            tokens.add(new Token(Kind.QUALIFIED_STAR, sql.substring(start, i)));
                            start = -1;
                            i += 2;
                            break;
                        }
                        if (!isNameStart(next) && next != '"' && next != '`') {
                            break;
                        }
                        i = namePart(sql, i + 1);
                    }
                    if (start >= 0) {
                        tokens.add(new Token(Kind.WORD, sql.substring(start, i)));
                    }
                } else {
                    tokens.add(new Token(
                            switch (c) {
                                case '*' -> Kind.STAR;
                                case '(' -> Kind.OPEN;
                                case ')' -> Kind.CLOSE;
                                case ',' -> Kind.COMMA;
                                default -> Kind.OTHER;
                            },
                            String.valueOf(c)));
                    i++;
                }
            }
            return tokens;
        }

        private static boolean isNameStart(char c) {
            return Character.isLetter(c) || c == '_';
        }

        /** The end of the name or quoted name that starts at {@code i}. */
        private static int namePart(String sql, int i) {
            char c = sql.charAt(i);
            if (c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                return end < 0 ? sql.length() : end + 1;
            }
            int end = i + 1;
            while (end < sql.length()
                    && (Character.isLetterOrDigit(sql.charAt(end))
                            || sql.charAt(end) == '_'
                            || sql.charAt(end) == '$')) {
                end++;
            }
            return end;
        }
    }
}
