package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;

/**
 * Collections that lock on every operation where a lock-free or unsynchronized equivalent does the same job: a
 * {@code Hashtable} kept in a field, {@code Collections.synchronizedMap(new HashMap<>())} and
 * {@code synchronizedSet(new HashSet<>())} (a {@code ConcurrentHashMap} reads without locking), and a private
 * {@code Stack} field that the class never hands out (an {@code ArrayDeque} does not lock at all). Left out: a
 * {@code Hashtable} that an API requires (typed {@code Hashtable} and not private, or handed out with its views), or
 * whose values the class casts to {@code Hashtable} (nested tables); local collections and {@code StringBuffer}s (the
 * JIT removes the locks of objects that do not escape a method); {@code Vector} and synchronized lists (no equivalent is
 * better whatever the access pattern); and, where the lock is never contended or never taken again, collections of
 * user-interface classes (touched on the UI thread only), of debugging tools (a {@code debug} or {@code debugger}
 * package), private fields that are never read, private synchronized sets that are never searched (registries of
 * running tasks or deploying channels, only added to, removed from and iterated), and private static tables that only
 * the class initialiser fills.
 */
@RuleKey("EB308")
public final class LegacySynchronizedCollectionRule implements EnergyRule {

    static final String HASHTABLE_MESSAGE = "Hashtable takes one lock for every read and write of the whole table; use"
            + " a ConcurrentHashMap (or a HashMap if a single thread uses it).";
    static final String SYNCHRONIZED_MAP_MESSAGE = "Collections.synchronizedMap takes one lock for every read and"
            + " write of the whole map; use a ConcurrentHashMap (or the HashMap alone if a single thread uses it).";
    static final String SYNCHRONIZED_SET_MESSAGE = "Collections.synchronizedSet takes one lock for every read and"
            + " write of the whole set; use ConcurrentHashMap.newKeySet() (or the HashSet alone if a single thread uses"
            + " it).";

    /** The collections reported, each with the words of its messages. */
    enum Kind {
        HASHTABLE("Hashtable", HASHTABLE_MESSAGE, "a ConcurrentHashMap (computeIfAbsent, merge)", "a HashMap"),
        SYNCHRONIZED_MAP(
                "Collections.synchronizedMap",
                SYNCHRONIZED_MAP_MESSAGE,
                "a ConcurrentHashMap (computeIfAbsent, merge)",
                "the HashMap alone"),
        SYNCHRONIZED_SET(
                "Collections.synchronizedSet",
                SYNCHRONIZED_SET_MESSAGE,
                "ConcurrentHashMap.newKeySet() (whose add says whether the element was new)",
                "the HashSet alone"),
        STACK("Stack", null, null, "an ArrayDeque (whose peek() returns null when it is empty where Stack throws)");

        private final String type;
        private final String unnamed;
        private final String atomic;
        private final String plain;

        Kind(String type, String unnamed, String atomic, String plain) {
            this.type = type;
            this.unnamed = unnamed;
            this.atomic = atomic;
            this.plain = plain;
        }

        /** The message for a collection not kept in a field; null for a {@code Stack}, reported in fields only. */
        String unnamedMessage() {
            return unnamed;
        }

        /** The message for a collection kept in the field {@code field}. */
        String message(String field) {
            if (this == STACK) {
                return "The Stack " + field + " takes a lock for every push and pop although only this class uses"
                        + " it; use an ArrayDeque (push, pop, peek), whose peek() returns null when it is empty where"
                        + " Stack throws.";
            }
            String after = unnamed.substring(unnamed.indexOf(" takes"));
            return "The " + type + " " + field + after;
        }

        /** The message for a collection whose every use is already inside {@code synchronized (field)} blocks. */
        String lockedMessage(String field) {
            String fix = atomic == null
                    ? "keep the blocks around " + plain + "."
                    : "make each compound update one call of " + atomic + " and drop the blocks, or keep the blocks"
                            + " around " + plain + ".";
            return "Every use of the " + type + " " + field + " is inside synchronized (" + field + ") blocks, which"
                    + " lock it a second time around its own lock; " + fix;
        }
    }

    /** The wrappers reported, with the collection they must wrap to have a concurrent equivalent. */
    static final Map<String, String> WRAPPED =
            Map.of("synchronizedMap", "java.util.HashMap", "synchronizedSet", "java.util.HashSet");

    /** Package segments of debugging tools, which run only while someone debugs. */
    static final Set<String> DEBUG_PACKAGES = Set.of("debug", "debugger");

    @Override
    public List<Detector> detectors() {
        return List.of(new LegacySynchronizedCollectionSource(), new LegacySynchronizedCollectionBytecode());
    }
}
