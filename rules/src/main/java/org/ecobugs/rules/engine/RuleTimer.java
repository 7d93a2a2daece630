package org.ecobugs.rules.engine;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Time spent in each rule and in parsing, summed over all worker threads. */
final class RuleTimer {

    private final Map<String, LongAdder> nanosByRule = new ConcurrentHashMap<>();
    private final LongAdder parseNanos = new LongAdder();
    private final LongAdder prescreenNanos = new LongAdder();
    private final LongAdder unparsed = new LongAdder();
    private final LongAdder summaryNanos = new LongAdder();

    void add(String ruleKey, long nanos) {
        nanosByRule.computeIfAbsent(ruleKey, k -> new LongAdder()).add(nanos);
    }

    void addParse(long nanos) {
        parseNanos.add(nanos);
    }

    /** Time spent summarising parsed files' methods for the project model. */
    void addSummaries(long nanos) {
        summaryNanos.add(nanos);
    }

    Duration summaries() {
        return Duration.ofNanos(summaryNanos.sum());
    }

    void addPrescreen(long nanos) {
        prescreenNanos.add(nanos);
    }

    /** Counts a source file that no rule wanted, so that it was not parsed. */
    void skipParse() {
        unparsed.increment();
    }

    Duration prescreen() {
        return Duration.ofNanos(prescreenNanos.sum());
    }

    int unparsed() {
        return unparsed.intValue();
    }

    Duration parse() {
        return Duration.ofNanos(parseNanos.sum());
    }

    Map<String, Duration> byRule() {
        Map<String, Duration> result = new TreeMap<>();
        nanosByRule.forEach((key, nanos) -> result.put(key, Duration.ofNanos(nanos.sum())));
        return result;
    }
}
