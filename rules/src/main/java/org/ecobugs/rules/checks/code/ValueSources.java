package org.ecobugs.rules.checks.code;

import com.github.javaparser.Range;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.java.ValueOrigin;

/**
 * How a finding shows that a value it relies on (a period, a flag) was decided elsewhere: in its message, which
 * configuration setting or default set it; beside it, a secondary location at each constant, setting or default.
 */
public final class ValueSources {

    private ValueSources() {}

    /**
     * What a message says after the value ({@code every 1 s (set by lab.poll-ms in application.properties)}): the
     * first configuration origin, in parentheses with a leading space; empty when configuration did not decide it (a
     * constant of another class is shown as a secondary location only: the code names it).
     */
    public static String note(List<ValueOrigin> origins) {
        return origins.stream()
                .filter(ValueOrigin::isConfiguration)
                .findFirst()
                .map(origin -> " (set by " + origin.setBy() + ")")
                .orElse("");
    }

    /**
     * A secondary location at each place that decided the value, saying what it sets ({@code the period}).
     *
     * @param what the value as the finding sees it, for the words of each place
     */
    public static List<SourceContext.Secondary> secondaries(List<ValueOrigin> origins, String what) {
        List<SourceContext.Secondary> places = new ArrayList<>(origins.size());
        for (ValueOrigin origin : origins) {
            String words = switch (origin.kind()) {
                case CONSTANT -> "the constant that sets " + what;
                case SETTING -> "where " + origin.name() + " sets " + what;
                case PLACEHOLDER_DEFAULT, PROPERTY_DEFAULT ->
                    "the default of " + origin.name() + ", which no configuration file changes";
            };
            place(origin, words).ifPresent(places::add);
        }
        return places;
    }

    private static Optional<SourceContext.Secondary> place(ValueOrigin origin, String words) {
        if (origin.file().isEmpty()) {
            return origin.node().map(node -> new SourceContext.Secondary(node, words));
        }
        if (origin.node().isEmpty()) {
            return Optional.of(SourceContext.Secondary.elsewhere(
                    new SecondaryLocation(origin.file().get(), origin.line(), 0, 0, 0, words)));
        }
        Optional<Range> range = origin.node().get().getRange();
        return range.map(r -> SourceContext.Secondary.elsewhere(new SecondaryLocation(
                origin.file().get(), r.begin.line, r.begin.column, r.end.line, r.end.column, words)));
    }
}
