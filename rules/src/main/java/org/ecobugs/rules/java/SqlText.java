package org.ecobugs.rules.java;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readings of SQL text that the data-access rules share. */
public final class SqlText {

    private static final Pattern SELECT_STAR = Pattern.compile(
            "\\bselect\\s+(?:distinct\\s+|all\\s+)?(?:[a-z_][a-z0-9_$]*\\.)?\\*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENDS_WITH_EXISTS = Pattern.compile("\\bexists\\s*\\(\\s*$", Pattern.CASE_INSENSITIVE);

    private SqlText() {}

    /**
     * Whether the statement selects every column ({@code SELECT *}, {@code SELECT DISTINCT p.*}) other than inside
     * {@code EXISTS (SELECT * …)}, where the columns are never read.
     */
    public static boolean selectsEveryColumn(String sql) {
        if (!sql.toLowerCase(Locale.ROOT).contains("select")) {
            return false;
        }
        Matcher matcher = SELECT_STAR.matcher(sql);
        while (matcher.find()) {
            if (!ENDS_WITH_EXISTS.matcher(sql.substring(0, matcher.start())).find()) {
                return true;
            }
        }
        return false;
    }
}
