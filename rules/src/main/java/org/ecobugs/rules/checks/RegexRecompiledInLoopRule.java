package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.RuleParameters;

/**
 * A regular expression compiled again at every iteration of a loop or every element of a stream: {@code String.matches},
 * {@code replaceAll}, {@code replaceFirst} and {@code split}, and {@code Pattern.compile} and {@code Pattern.matches},
 * with a constant regex or one that does not change in the loop. {@code String.split} with a one-character separator
 * that is not a metacharacter, or an escaped non-alphanumeric character ({@code ","}, {@code "\\|"}), takes the JDK's
 * fast path and compiles nothing; it is not reported.
 *
 * <p>The same in a comparator ({@code compare} of a {@code Comparator}, a lambda given to {@code sort}, {@code sorted},
 * {@code Comparator.comparing}, {@code thenComparing}, {@code max}, {@code min} or a {@code TreeMap} or {@code
 * TreeSet}), which a sort runs n·log n times: in source only, the bytecode detector looks at loops. With {@code
 * followProjectCalls}, also a call made there to a method of the project that compiles a constant regex at every call,
 * directly or through the project's methods.
 */
@RuleKey("EB304")
public final class RegexRecompiledInLoopRule implements EnergyRule {

    /** The metacharacters that keep a one-character {@code split} regex off the fast path. */
    private static final String SPLIT_METACHARACTERS = ".$|()[{^?*+\\";

    /** Characters that make a regex more than a literal text. */
    private static final String REGEX_METACHARACTERS = ".$|()[]{}^?*+\\";

    /** Regex escapes of single characters, and the characters they stand for, at the same positions. */
    private static final String SINGLE_CHARACTER_ESCAPES = "tnrfae";

    private static final String SINGLE_CHARACTERS = "\t\n\r\f\u0007\u001b";

    /** Where a loop compiles its regex again. */
    static final String ON_EVERY_ITERATION = "on every iteration";

    static final String FIX = "compile it once into a static final Pattern and reuse it.";

    static final String LITERAL_REPLACE_ALL = literalReplaceAll(ON_EVERY_ITERATION);

    static String literalReplaceAll(String where) {
        return "String.replaceAll compiles its literal text as a regular expression again " + where
                + "; use String.replace, which compiles nothing.";
    }

    static String message(String api) {
        return message(api, ON_EVERY_ITERATION);
    }

    /** @param where where the same regex is compiled again: {@link #ON_EVERY_ITERATION}, at every comparison */
    static String message(String api, String where) {
        return api + " compiles the same regular expression again " + where + "; " + FIX;
    }

    /**
     * Where a comparator compiles its regex again, and how often that is.
     *
     * @param picking {@code max} or {@code min} when the comparator picks one element, empty for a sort
     */
    static String atEveryComparison(Optional<String> picking) {
        return "at every comparison, which "
                + picking.map(p -> p + "() makes once per element").orElse("a sort makes n·log n times");
    }

    /**
     * The message for a call whose regex is known: {@code replaceAll("<", "&lt;")} replaces a literal text with a
     * literal text, which {@code String.replace} does without any regex.
     */
    static String message(String api, String regex, Optional<String> replacement) {
        return message(api, regex, replacement, ON_EVERY_ITERATION);
    }

    static String message(String api, String regex, Optional<String> replacement, String where) {
        boolean literalReplacement = replacement
                .filter(r -> r.indexOf('$') < 0 && r.indexOf('\\') < 0)
                .isPresent();
        if (api.equals("String.replaceAll") && literalText(regex).isPresent() && literalReplacement) {
            return literalReplaceAll(where);
        }
        return message(api, where);
    }

    /**
     * The text a regex matches when it is only literal text: no metacharacter, or only escaped ones ({@code \\?},
     * {@code \\.}) and escapes of single characters ({@code \\n}, {@code \\t}); empty when it is a real pattern.
     */
    static Optional<String> literalText(String regex) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c != '\\') {
                if (REGEX_METACHARACTERS.indexOf(c) >= 0) {
                    return Optional.empty();
                }
                text.append(c);
                continue;
            }
            if (i + 1 == regex.length()) {
                return Optional.empty();
            }
            char escaped = regex.charAt(++i);
            int control = SINGLE_CHARACTER_ESCAPES.indexOf(escaped);
            if (control >= 0) {
                text.append(SINGLE_CHARACTERS.charAt(control));
            } else if (Character.isLetterOrDigit(escaped)) {
                // \d, \s, \Q, back references: a class or a construct, not a character.
                return Optional.empty();
            } else {
                text.append(escaped);
            }
        }
        return Optional.of(text.toString());
    }

    /** Whether {@code String.split} splits on this regex without compiling a {@code Pattern} (JDK 8 and later). */
    static boolean isSplitFastPath(String regex) {
        char ch;
        if (regex.length() == 1) {
            ch = regex.charAt(0);
            if (SPLIT_METACHARACTERS.indexOf(ch) >= 0) {
                return false;
            }
        } else if (regex.length() == 2 && regex.charAt(0) == '\\') {
            ch = regex.charAt(1);
            if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) {
                return false;
            }
        } else {
            return false;
        }
        return !Character.isSurrogate(ch);
    }

    private final boolean followProjectCalls;

    public RegexRecompiledInLoopRule(RuleParameters parameters) {
        this.followProjectCalls = parameters.bool(RepeatedCalls.PARAM_FOLLOW_PROJECT_CALLS);
    }

    @Override
    public List<Detector> detectors() {
        return List.of(new RegexRecompiledInLoopSource(followProjectCalls), new RegexRecompiledInLoopBytecode());
    }
}
