package org.ecobugs.rules.project;

import java.util.List;
import org.ecobugs.rules.SecondaryLocation;

/**
 * A finding that waits for the whole project to be read: it stands when a method {@link #call} runs does, through the
 * project's own code, one of the {@link #wanted} effects (see {@link ProjectModel#reach}); or, for a finding {@link
 * #unlessReached}, when it reaches none of them (the code it runs is not the project's, or does none of them).
 *
 * @param site where the finding is reported
 * @param coverFirstLine the first line of the statement or declaration it sits in (for merging with bytecode findings)
 * @param wanted the effects it stands for, in the order they are preferred
 * @param messages the message for each wanted effect, where {@link #THROUGH} stands for how the call reaches it
 * @param secondaries the places the rule already pointed at; the chain's are added after them
 * @param unlessReached whether the finding stands when the call reaches none of the wanted effects, with the only
 *     message of {@link #messages}
 * @param maxStatements the largest body a method of the chain may have: beyond, it is a unit of work of its own rather
 *     than a wrapper of the effect
 */
public record DeferredFinding(
        String ruleKey,
        Site site,
        int coverFirstLine,
        int coverLastLine,
        List<SecondaryLocation> secondaries,
        CallSite call,
        List<Effect.Kind> wanted,
        List<String> messages,
        boolean unlessReached,
        int maxStatements) {

    public DeferredFinding {
        if (unlessReached ? messages.size() != 1 : wanted.size() != messages.size()) {
            throw new IllegalArgumentException("one message per wanted effect: " + wanted + ", " + messages);
        }
        if (wanted.stream().map(Effect.Kind::isResult).distinct().count() > 1) {
            throw new IllegalArgumentException("results and effects are followed apart: " + wanted);
        }
    }

    /** The message for an effect the call reaches, with how it reaches it. */
    public String message(Effect.Kind reached, String through) {
        return messages.get(wanted.indexOf(reached)).replace(THROUGH, through);
    }

    /** Where a deferred finding's message says how the call reaches the effect. */
    public static final String THROUGH = "{through}";
}
