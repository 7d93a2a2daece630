package org.ecobugs.measurements;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Stack;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * EB308: a parser's path stack held in a field ({@code Stack}, which locks on every push and pop, against
 * {@code ArrayDeque}), and a cache shared by two threads ({@code Hashtable} and {@code Collections.synchronizedMap},
 * one lock for every read, against {@code ConcurrentHashMap}). Run:
 * {@code java -jar measurements/target/measurements.jar jmh SynchronizedCollectionBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SynchronizedCollectionBenchmark {

    private static final int ELEMENTS = 1_000;
    private static final int KEYS = 64;

    /** One parser per thread: its stack lives in a field, as in a streaming JSON or XML parser. */
    @State(Scope.Thread)
    public static class Parser {
        final Stack<String> stack = new Stack<>();
        final Deque<String> deque = new ArrayDeque<>();
        final String[] elements = new String[ELEMENTS];

        @Setup
        public void elements() {
            for (int i = 0; i < ELEMENTS; i++) {
                elements[i] = "element" + i;
            }
        }
    }

    /** A cache read by every request thread. */
    @State(Scope.Benchmark)
    public static class Cache {
        final Map<String, String> hashtable = new Hashtable<>();
        final Map<String, String> synchronizedMap = Collections.synchronizedMap(new HashMap<>());
        final Map<String, String> concurrent = new ConcurrentHashMap<>();
        final String[] keys = new String[KEYS];

        @Setup
        public void fill() {
            for (int i = 0; i < KEYS; i++) {
                keys[i] = "http://loinc.org|" + (1000 + i);
                hashtable.put(keys[i], "display " + i);
                synchronizedMap.put(keys[i], "display " + i);
                concurrent.put(keys[i], "display " + i);
            }
        }
    }

    @Benchmark
    public int stackPushPop(Parser parser) {
        int depth = 0;
        for (String element : parser.elements) {
            parser.stack.push(element);
            if (parser.stack.size() > 8) {
                depth += parser.stack.pop().length();
                parser.stack.pop();
            }
        }
        while (!parser.stack.isEmpty()) {
            depth += parser.stack.pop().length();
        }
        return depth;
    }

    @Benchmark
    public int arrayDequePushPop(Parser parser) {
        int depth = 0;
        for (String element : parser.elements) {
            parser.deque.push(element);
            if (parser.deque.size() > 8) {
                depth += parser.deque.pop().length();
                parser.deque.pop();
            }
        }
        while (!parser.deque.isEmpty()) {
            depth += parser.deque.pop().length();
        }
        return depth;
    }

    @Benchmark
    @Threads(2)
    public int hashtableReads(Cache cache) {
        return reads(cache.hashtable, cache.keys);
    }

    @Benchmark
    @Threads(2)
    public int synchronizedMapReads(Cache cache) {
        return reads(cache.synchronizedMap, cache.keys);
    }

    @Benchmark
    @Threads(2)
    public int concurrentHashMapReads(Cache cache) {
        return reads(cache.concurrent, cache.keys);
    }

    private static int reads(Map<String, String> map, String[] keys) {
        int length = 0;
        for (String key : keys) {
            length += map.get(key).length();
        }
        return length;
    }
}
