package org.ecobugs.rules.project;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The analysed project's own types and methods, and what its methods do through one another: built once per run from
 * the {@link FileSummary} of each file. A call is followed into the project's methods it may run — the method of that
 * name and arity in the receiver's type or its supertypes, or, when that one has no body, in the only project type that
 * implements it — and on through their calls, at most {@link #MAX_DEPTH} methods deep.
 */
public final class ProjectModel {

    /**
     * How many methods deep a chain may go from the call a rule looks at to the effect: four layers (a controller's
     * helper, a service, a repository wrapper, a client wrapper) cover the layering seen in applications, and a bound
     * keeps a long chain from tying a cost to code it barely relates to.
     */
    public static final int MAX_DEPTH = 4;

    private final Map<String, TypeSummary> types = new HashMap<>();
    private final Map<String, List<String>> typesBySimpleName = new HashMap<>();
    private final Map<String, Map<String, List<MethodSummary>>> methods = new HashMap<>();
    private final Map<String, List<String>> subtypes = new HashMap<>();

    private ProjectModel() {}

    public static ProjectModel of(Collection<FileSummary> files) {
        ProjectModel model = new ProjectModel();
        for (FileSummary file : files) {
            for (TypeSummary type : file.types()) {
                model.types.putIfAbsent(type.name(), type);
                model.typesBySimpleName
                        .computeIfAbsent(simpleName(type.name()), n -> new ArrayList<>())
                        .add(type.name());
            }
            for (MethodSummary method : file.methods()) {
                model.methods
                        .computeIfAbsent(method.owner(), o -> new HashMap<>())
                        .computeIfAbsent(method.name(), n -> new ArrayList<>())
                        .add(method);
            }
        }
        for (TypeSummary type : model.types.values()) {
            for (String supertype : type.supertypes()) {
                model.type(supertype)
                        .ifPresent(known -> model.subtypes
                                .computeIfAbsent(known.name(), n -> new ArrayList<>())
                                .add(type.name()));
            }
        }
        return model;
    }

    /** How many types the project declares. */
    public int typeCount() {
        return types.size();
    }

    /**
     * The project type a name denotes: the type of that fully qualified name, or, for a simple name the file could not
     * resolve (wildcard imports), the only project type of that simple name.
     */
    public Optional<TypeSummary> type(String name) {
        TypeSummary exact = types.get(name);
        if (exact != null || name.indexOf('.') >= 0) {
            return Optional.ofNullable(exact);
        }
        List<String> candidates = typesBySimpleName.getOrDefault(name, List.of());
        return candidates.size() == 1 ? Optional.of(types.get(candidates.get(0))) : Optional.empty();
    }

    /**
     * How a call reaches one of the wanted effects through the project's methods, by the shortest chain (the effect
     * earlier in {@code wanted} when a method has several): the first method is the one the call runs, the last the
     * one whose own code has the effect. Empty when no chain of at most {@link #MAX_DEPTH} methods, each with at most
     * {@code maxStatements} statements, reaches one. Effects that are results ({@link Effect.Kind#isResult()}) are
     * followed through the calls whose result each method returns as is.
     */
    public Optional<Reach> reach(CallSite call, List<Effect.Kind> wanted, int maxStatements) {
        record Step(MethodSummary method, Step previous, CallSite via, int depth) {}
        // What a method returns, its caller has only through the calls whose result it returns in turn.
        boolean results = wanted.stream().allMatch(Effect.Kind::isResult);
        ArrayDeque<Step> queue = new ArrayDeque<>();
        Set<MethodSummary> seen = new HashSet<>();
        for (MethodSummary target : targets(call)) {
            if (seen.add(target)) {
                queue.add(new Step(target, null, call, 1));
            }
        }
        while (!queue.isEmpty()) {
            Step step = queue.poll();
            MethodSummary method = step.method();
            if (method.statements() > maxStatements) {
                continue;
            }
            Optional<Effect> effect = wanted.stream()
                    .flatMap(kind -> method.effects().stream().filter(e -> e.kind() == kind))
                    .findFirst();
            if (effect.isPresent()) {
                List<Hop> hops = new ArrayList<>();
                for (Step s = step; s != null; s = s.previous()) {
                    hops.add(0, new Hop(s.via(), s.method()));
                }
                return Optional.of(new Reach(hops, effect.get()));
            }
            if (step.depth() == MAX_DEPTH) {
                continue;
            }
            for (CallSite next : results ? method.returned() : method.calls()) {
                for (MethodSummary target : targets(next)) {
                    if (seen.add(target)) {
                        queue.add(new Step(target, step, next, step.depth() + 1));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The project methods a call may run (see the class comment); none when its receiver is not the project's. */
    public List<MethodSummary> targets(CallSite call) {
        CallSite.Receiver receiver = call.receiver();
        return switch (receiver.kind()) {
            case SELF -> {
                for (Optional<TypeSummary> type = type(receiver.type());
                        type.isPresent();
                        type = Optional.ofNullable(type.get().outer()).flatMap(this::type)) {
                    List<MethodSummary> found = declaredOrInherited(type.get(), call, new HashSet<>());
                    if (!found.isEmpty()) {
                        yield found;
                    }
                }
                yield List.of();
            }
            case TYPE ->
                type(receiver.type())
                        .map(type -> declaredOrInherited(type, call, new HashSet<>()))
                        .orElse(List.of());
            case GETTER ->
                type(receiver.type())
                        .flatMap(type ->
                                declaredOrInherited(
                                                type,
                                                new CallSite(receiver.getter(), 0, receiver, call.site()),
                                                new HashSet<>())
                                        .stream()
                                        .map(MethodSummary::returnType)
                                        .filter(returned -> returned != null)
                                        .findFirst())
                        .flatMap(this::type)
                        .map(type -> declaredOrInherited(type, call, new HashSet<>()))
                        .orElse(List.of());
        };
    }

    /**
     * The method a call on {@code type} runs: declared there or in a supertype; one without a body stands for the
     * method of the only project type below that implements it.
     */
    private List<MethodSummary> declaredOrInherited(TypeSummary type, CallSite call, Set<String> visited) {
        if (!visited.add(type.name())) {
            return List.of();
        }
        List<MethodSummary> declared =
                methods.getOrDefault(type.name(), Map.of()).getOrDefault(call.name(), List.of()).stream()
                        .filter(m -> call.arity() == CallSite.ANY_ARITY || m.arity() == call.arity())
                        .toList();
        if (!declared.isEmpty()) {
            if (declared.size() == 1 && declared.get(0).abstractMethod()) {
                return onlyImplementation(type, call).map(List::of).orElse(List.of());
            }
            return declared.stream().filter(m -> !m.abstractMethod()).toList();
        }
        for (String supertype : type.supertypes()) {
            Optional<TypeSummary> known = type(supertype);
            if (known.isPresent()) {
                List<MethodSummary> inherited = declaredOrInherited(known.get(), call, visited);
                if (!inherited.isEmpty()) {
                    return inherited;
                }
            }
        }
        if (type.isInterface()) {
            return onlyImplementation(type, call).map(List::of).orElse(List.of());
        }
        return List.of();
    }

    /** The method of the only project type that implements {@code type}, when there is just one. */
    private Optional<MethodSummary> onlyImplementation(TypeSummary type, CallSite call) {
        List<String> below = subtypes.getOrDefault(type.name(), List.of());
        if (below.size() != 1) {
            return Optional.empty();
        }
        List<MethodSummary> found =
                methods.getOrDefault(below.get(0), Map.of()).getOrDefault(call.name(), List.of()).stream()
                        .filter(m -> !m.abstractMethod())
                        .filter(m -> call.arity() == CallSite.ANY_ARITY || m.arity() == call.arity())
                        .toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /** One call of a chain, and the method it runs. */
    public record Hop(CallSite call, MethodSummary method) {}

    /**
     * How a call reaches an effect.
     *
     * @param hops the calls from the one a rule looked at to the method that has the effect, in order
     */
    public record Reach(List<Hop> hops, Effect effect) {}
}
