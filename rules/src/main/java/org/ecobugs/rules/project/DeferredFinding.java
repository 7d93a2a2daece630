package org.ecobugs.rules.project;

import java.util.List;
import org.ecobugs.rules.SecondaryLocation;

/**
 * A finding that waits for the whole project to be read, decided by what the methods {@link #call} may run do (see
 * {@link Condition}).
 *
 * @param site where the finding is reported
 * @param coverFirstLine the first line of the statement or declaration it sits in (for merging with bytecode findings)
 * @param wanted the effects it stands for, in the order they are preferred (none for {@link Condition#DROPS_ARGUMENT})
 * @param messages the message for each wanted effect, where {@link #THROUGH} stands for how the call reaches it; for
 *     the other conditions, the one message
 * @param secondaries the places the rule already pointed at; the chain's are added after them
 * @param maxStatements the largest body a method of the chain may have: beyond, it is a unit of work of its own rather
 *     than a wrapper of the effect
 * @param argument for {@link Condition#DROPS_ARGUMENT}, the 0-based position of the argument; else -1
 */
public record DeferredFinding(
        String ruleKey,
        Site site,
        int coverFirstLine,
        int coverLastLine,
        List<SecondaryLocation> secondaries,
        CallSite call,
        Condition condition,
        List<Effect.Kind> wanted,
        List<String> messages,
        int maxStatements,
        int argument) {

    /** When a deferred finding stands. */
    public enum Condition {
        /** The call reaches one of the wanted effects through the project's own code (see {@link ProjectModel#reach}). */
        REACHES,
        /** The call reaches none of them: the code it runs is not the project's, or does none of them. */
        REACHES_NONE,
        /**
         * The call runs project code, and each method it may run only uses the object given at {@link #argument} and
         * drops it (see {@link MethodSummary#droppedParameters}).
         */
        DROPS_ARGUMENT
    }

    public DeferredFinding {
        if (condition == Condition.REACHES ? wanted.size() != messages.size() : messages.size() != 1) {
            throw new IllegalArgumentException("one message per wanted effect: " + wanted + ", " + messages);
        }
        if (wanted.stream().map(Effect.Kind::isResult).distinct().count() > 1) {
            throw new IllegalArgumentException("results and effects are followed apart: " + wanted);
        }
        if ((condition == Condition.DROPS_ARGUMENT) != (argument >= 0)) {
            throw new IllegalArgumentException("an argument is given for DROPS_ARGUMENT only: " + argument);
        }
    }

    /** The message for an effect the call reaches, with how it reaches it. */
    public String message(Effect.Kind reached, String through) {
        return messages.get(wanted.indexOf(reached)).replace(THROUGH, through);
    }

    /** Where a deferred finding's message says how the call reaches the effect. */
    public static final String THROUGH = "{through}";
}
