package org.ecobugs.rules.engine;

import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceVisits;

/**
 * The visits the source detectors subscribed for one file, and the one walk that makes them: each node is entered
 * before its children and left after them, in the order of its children; each detector's visits and hooks run in the
 * order it subscribed them. The walk keeps its own stack, so that a deeply nested file cannot overflow the thread's.
 */
final class FileVisits {

    /** Runs one visit or hook of a detector, timing it and keeping a failing detector from the rest of the file. */
    @FunctionalInterface
    interface Runner {
        /** @param node the node visited, or null for a file hook */
        void run(int detector, Node node, Consumer<SourceContext> action);
    }

    private record Subscription(
            int detector, boolean leaving, Class<? extends Node> type, SourceVisits.Visit<Node> visit) {}

    private record Hook(int detector, SourceVisits.FileHook hook) {}

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Hook> starts = new ArrayList<>();
    private final List<Hook> ends = new ArrayList<>();

    /** The visits of one detector, numbered in the analyser's order. */
    SourceVisits of(int detector) {
        return new SourceVisits() {
            @Override
            public <T extends Node> void enter(Class<T> type, Visit<? super T> visit) {
                subscriptions.add(new Subscription(detector, false, type, cast(type, visit)));
            }

            @Override
            public <T extends Node> void leave(Class<T> type, Visit<? super T> visit) {
                subscriptions.add(new Subscription(detector, true, type, cast(type, visit)));
            }

            @Override
            public void fileStart(FileHook hook) {
                starts.add(new Hook(detector, hook));
            }

            @Override
            public void fileEnd(FileHook hook) {
                ends.add(new Hook(detector, hook));
            }
        };
    }

    /** A visit of {@code T} called with nodes the dispatch has checked to be {@code T}s. */
    private static <T extends Node> SourceVisits.Visit<Node> cast(Class<T> type, SourceVisits.Visit<? super T> visit) {
        return (node, context) -> visit.visit(type.cast(node), context);
    }

    void walk(Node root, Dispatch dispatch, Runner runner) {
        for (Hook start : starts) {
            runner.run(start.detector(), null, start.hook()::run);
        }
        Map<Class<?>, int[][]> table = dispatch.tableFor(shape());
        visit(root, table, false, runner);
        Node[] nodes = new Node[64];
        List<?>[] children = new List<?>[64];
        int[] next = new int[64];
        nodes[0] = root;
        children[0] = root.getChildNodes();
        int depth = 1;
        while (depth > 0) {
            int top = depth - 1;
            if (next[top] < children[top].size()) {
                Node child = (Node) children[top].get(next[top]++);
                visit(child, table, false, runner);
                if (depth == nodes.length) {
                    nodes = Arrays.copyOf(nodes, depth * 2);
                    children = Arrays.copyOf(children, depth * 2);
                    next = Arrays.copyOf(next, depth * 2);
                }
                nodes[depth] = child;
                children[depth] = child.getChildNodes();
                next[depth] = 0;
                depth++;
            } else {
                visit(nodes[top], table, true, runner);
                nodes[top] = null;
                children[top] = null;
                depth--;
            }
        }
        for (Hook end : ends) {
            runner.run(end.detector(), null, end.hook()::run);
        }
    }

    private void visit(Node node, Map<Class<?>, int[][]> table, boolean leaving, Runner runner) {
        int[][] indexes = table.computeIfAbsent(node.getClass(), this::subscribers);
        for (int index : indexes[leaving ? 1 : 0]) {
            Subscription subscription = subscriptions.get(index);
            runner.run(
                    subscription.detector(),
                    node,
                    context -> subscription.visit().visit(node, context));
        }
    }

    /** For a node type, the subscriptions that take it on entering and on leaving, in subscription order. */
    private int[][] subscribers(Class<?> nodeType) {
        List<Integer> entering = new ArrayList<>();
        List<Integer> leaving = new ArrayList<>();
        for (int i = 0; i < subscriptions.size(); i++) {
            Subscription subscription = subscriptions.get(i);
            if (subscription.type().isAssignableFrom(nodeType)) {
                (subscription.leaving() ? leaving : entering).add(i);
            }
        }
        return new int[][] {
            entering.stream().mapToInt(Integer::intValue).toArray(),
            leaving.stream().mapToInt(Integer::intValue).toArray()
        };
    }

    /** What decides the dispatch table: the subscriptions' detectors, kinds and types, in order. */
    private Shape shape() {
        int size = subscriptions.size();
        int[] detectors = new int[size];
        boolean[] leaving = new boolean[size];
        Class<?>[] types = new Class<?>[size];
        for (int i = 0; i < size; i++) {
            Subscription subscription = subscriptions.get(i);
            detectors[i] = subscription.detector();
            leaving[i] = subscription.leaving();
            types[i] = subscription.type();
        }
        return new Shape(detectors, leaving, types);
    }

    private record Shape(int[] detectors, boolean[] leaving, Class<?>[] types) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Shape shape
                    && Arrays.equals(detectors, shape.detectors)
                    && Arrays.equals(leaving, shape.leaving)
                    && Arrays.equals(types, shape.types);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(detectors) + Arrays.hashCode(leaving)) + Arrays.hashCode(types);
        }
    }

    /**
     * Dispatch tables shared by the files of an analysis: files whose detectors subscribed the same visits (the same
     * detectors passed the prescreen) share one, so that which subscriptions take a node type is worked out once per
     * type rather than once per file. Bounded: past it, a file works its table out alone.
     */
    static final class Dispatch {
        private static final int MAX_SHAPES = 512;
        private final Map<Shape, Map<Class<?>, int[][]>> tables = new ConcurrentHashMap<>();

        Map<Class<?>, int[][]> tableFor(Shape shape) {
            Map<Class<?>, int[][]> table = tables.get(shape);
            if (table != null) {
                return table;
            }
            if (tables.size() >= MAX_SHAPES) {
                return new java.util.HashMap<>();
            }
            return tables.computeIfAbsent(shape, s -> new ConcurrentHashMap<>());
        }
    }
}
