package org.ecobugs.rules.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.project.CallSite;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;
import org.ecobugs.rules.project.FileSummary;
import org.ecobugs.rules.project.MethodSummary;
import org.ecobugs.rules.project.ProjectModel;

/**
 * The project-wide step of a source analysis, which costs nothing when no finding waits for it: summarises the files a
 * deferred finding's call may lead to — the files of its receiver's type, then of the types those methods call, their
 * supertypes, the getters' results and an interface's implementations, one layer per round up to the model's depth —
 * builds the {@link ProjectModel} from them and turns the deferred findings whose calls reach a wanted effect (or, for
 * some, none) into findings. Types are found by their files' names, as Java lays out top-level types.
 */
final class ProjectPass {

    /**
     * What the step yielded.
     *
     * @param findings the deferred findings that stand
     * @param types how many types the model holds
     * @param summarisedLate how many files were summarised after the rules' pass
     */
    record Outcome(List<RawFinding> findings, int types, int summarisedLate) {}

    private ProjectPass() {}

    /**
     * @param summaries each source file of the analysis, with its summary when the rules' pass made one (the files
     *     with deferred findings, or every file when the host asked), else null; then the summaries the host gave of
     *     the project's other files
     * @param summarise summarises a file
     * @param typeNames the capitalised words of a file's text (to find an interface's implementations)
     * @param runAll runs tasks on the analysis's threads
     */
    static Outcome run(
            Map<Path, FileSummary> summaries,
            List<DeferredFinding> deferred,
            Function<Path, Optional<FileSummary>> summarise,
            Function<Path, Set<String>> typeNames,
            Function<List<Callable<Optional<FileSummary>>>, List<Optional<FileSummary>>> runAll) {
        if (deferred.isEmpty()) {
            return new Outcome(List.of(), 0, 0);
        }
        Map<String, List<Path>> filesByName = new HashMap<>();
        Map<Path, FileSummary> known = new LinkedHashMap<>();
        summaries.forEach((file, summary) -> {
            String name = file.getFileName().toString();
            filesByName
                    .computeIfAbsent(name.substring(0, name.length() - ".java".length()), n -> new ArrayList<>())
                    .add(file);
            if (summary != null) {
                known.put(file, summary);
            }
        });
        Loader loader = new Loader(summaries.keySet(), filesByName, known, summarise, typeNames, runAll);
        // Only the methods the deferred calls may run, and those they call in turn, are followed: a file is read when
        // one of them is in it, not because a file read before names its type.
        List<CallSite> frontier = new ArrayList<>();
        deferred.forEach(d -> frontier.add(d.call()));
        Set<MethodSummary> visited = new HashSet<>();
        for (int depth = 1; depth <= ProjectModel.MAX_DEPTH && !frontier.isEmpty(); depth++) {
            ProjectModel model = loader.modelFor(frontier);
            List<CallSite> next = new ArrayList<>();
            for (CallSite call : frontier) {
                for (MethodSummary target : model.targets(call)) {
                    if (visited.add(target)) {
                        next.addAll(target.calls());
                    }
                }
            }
            frontier.clear();
            frontier.addAll(next);
        }
        int late = loader.late;
        ProjectModel model = ProjectModel.of(known.values());
        // A rule may defer several calls for one place (each call a polling task makes): the first that decides makes
        // the finding.
        Map<String, RawFinding> findings = new LinkedHashMap<>();
        for (DeferredFinding pending : deferred) {
            String place = pending.ruleKey() + '\u0000' + pending.site();
            if (findings.containsKey(place)) {
                continue;
            }
            switch (pending.condition()) {
                case REACHES ->
                    model.reach(pending.call(), pending.wanted(), pending.maxStatements())
                            .ifPresent(r -> findings.put(place, finding(pending, r)));
                case REACHES_NONE -> {
                    if (model.reach(pending.call(), pending.wanted(), pending.maxStatements())
                            .isEmpty()) {
                        findings.put(place, unreached(pending));
                    }
                }
                case DROPS_ARGUMENT -> {
                    List<MethodSummary> helpers = model.targets(pending.call());
                    if (!helpers.isEmpty()
                            && helpers.stream()
                                    .allMatch(h -> h.droppedParameters().contains(pending.argument()))) {
                        findings.put(place, dropped(pending, helpers.get(0)));
                    }
                }
            }
        }
        return new Outcome(new ArrayList<>(findings.values()), model.typeCount(), late);
    }

    /**
     * Reads the files a set of calls needs, and no more: those of the receivers' types, of their supertypes (for
     * inherited methods), of a getter's result, and of an interface's implementations (the files that name it).
     */
    private static final class Loader {
        private final Set<Path> sources;
        private final Map<String, List<Path>> filesByName;
        private final Map<Path, FileSummary> known;
        private final Function<Path, Optional<FileSummary>> summarise;
        private final Function<Path, Set<String>> typeNames;
        /** The files that name each capitalised word, read once when an interface's implementations are first looked for. */
        private Map<String, List<Path>> filesNaming;

        private final Function<List<Callable<Optional<FileSummary>>>, List<Optional<FileSummary>>> runAll;
        private final Set<String> typesTried = new HashSet<>();
        private final Set<String> interfacesTried = new HashSet<>();
        int late;

        Loader(
                Set<Path> sources,
                Map<String, List<Path>> filesByName,
                Map<Path, FileSummary> known,
                Function<Path, Optional<FileSummary>> summarise,
                Function<Path, Set<String>> typeNames,
                Function<List<Callable<Optional<FileSummary>>>, List<Optional<FileSummary>>> runAll) {
            this.sources = sources;
            this.filesByName = filesByName;
            this.known = known;
            this.summarise = summarise;
            this.typeNames = typeNames;
            this.runAll = runAll;
        }

        /** The model with everything the calls need read, as far as the project has it. */
        ProjectModel modelFor(List<CallSite> calls) {
            Set<String> types = new HashSet<>();
            calls.forEach(call -> types.add(call.receiver().type()));
            Set<Path> files = new LinkedHashSet<>();
            ProjectModel model = ProjectModel.of(known.values());
            // Each round reads what the previous one showed is needed: supertypes, getters' results, implementations.
            for (int round = 0; round <= ProjectModel.MAX_DEPTH; round++) {
                for (String type : types) {
                    if (typesTried.add(type)) {
                        filesByName.getOrDefault(topLevelName(type), List.of()).stream()
                                .filter(file -> !known.containsKey(file))
                                .forEach(files::add);
                    }
                }
                if (!files.isEmpty()) {
                    read(files);
                    files.clear();
                    model = ProjectModel.of(known.values());
                }
                Set<String> more = new HashSet<>();
                Set<String> interfaces = new HashSet<>();
                for (String type : types) {
                    model.type(type).ifPresent(found -> {
                        more.addAll(found.supertypes());
                        if (found.isInterface() && interfacesTried.add(found.name())) {
                            interfaces.add(JavaNames.simpleName(found.name()));
                        }
                    });
                }
                for (CallSite call : calls) {
                    if (call.receiver().kind() == CallSite.Receiver.Kind.GETTER) {
                        model
                                .targets(new CallSite(
                                        call.receiver().getter(),
                                        0,
                                        CallSite.Receiver.type(call.receiver().type()),
                                        call.site()))
                                .stream()
                                .map(MethodSummary::returnType)
                                .filter(returned -> returned != null)
                                .forEach(more::add);
                    }
                }
                if (!interfaces.isEmpty()) {
                    // The implementations of an interface name it: a call on the interface runs one of them.
                    if (filesNaming == null) {
                        filesNaming = new HashMap<>();
                        for (Path file : sources) {
                            typeNames
                                    .apply(file)
                                    .forEach(word -> filesNaming
                                            .computeIfAbsent(word, w -> new ArrayList<>())
                                            .add(file));
                        }
                    }
                    interfaces.forEach(name -> filesNaming.getOrDefault(name, List.of()).stream()
                            .filter(file -> !known.containsKey(file))
                            .forEach(files::add));
                }
                more.removeAll(typesTried);
                if (more.isEmpty() && files.isEmpty()) {
                    break;
                }
                types.clear();
                types.addAll(more);
            }
            if (!files.isEmpty()) {
                read(files);
                model = ProjectModel.of(known.values());
            }
            return model;
        }

        private void read(Set<Path> files) {
            if (files.isEmpty()) {
                return;
            }
            List<Path> batch = List.copyOf(files);
            List<Callable<Optional<FileSummary>>> tasks = new ArrayList<>();
            batch.forEach(file -> tasks.add(() -> summarise.apply(file)));
            List<Optional<FileSummary>> added = runAll.apply(tasks);
            for (int i = 0; i < batch.size(); i++) {
                known.put(batch.get(i), added.get(i).orElse(FileSummary.EMPTY));
            }
            late += batch.size();
        }
    }

    /**
     * The name of the file that declares a type: its top-level type, the first segment that starts with a capital
     * ({@code Outer} of {@code org.x.Outer.Inner}); the name itself when it is simple.
     */
    static String topLevelName(String type) {
        for (String segment : type.split("\\.")) {
            if (!segment.isEmpty() && Character.isUpperCase(segment.charAt(0))) {
                return segment;
            }
        }
        return JavaNames.simpleName(type);
    }

    private static RawFinding finding(DeferredFinding pending, ProjectModel.Reach reach) {
        List<ProjectModel.Hop> hops = reach.hops();
        StringBuilder through = new StringBuilder("calls ")
                .append(hops.get(0).method().displayName())
                .append(", which ")
                .append(reach.effect().doing());
        List<SecondaryLocation> secondaries = new ArrayList<>(pending.secondaries());
        for (int i = 1; i < hops.size(); i++) {
            MethodSummary method = hops.get(i).method();
            through.append(i == 1 ? " through " : i == hops.size() - 1 ? " and " : ", ")
                    .append(method.displayName());
            secondaries.add(hops.get(i)
                    .call()
                    .site()
                    .secondary(hops.get(i - 1).method().displayName() + " calls " + method.displayName()));
        }
        secondaries.add(reach.effect()
                .site()
                .secondary(effectWords(
                        reach.effect().kind(),
                        hops.get(hops.size() - 1).method().displayName())));
        return standing(pending, pending.message(reach.effect().kind(), through.toString()), secondaries);
    }

    /** A finding whose object the helper it is handed to uses and drops: pointed at in the helper. */
    private static RawFinding dropped(DeferredFinding pending, MethodSummary helper) {
        List<SecondaryLocation> secondaries = new ArrayList<>(pending.secondaries());
        secondaries.add(pending.call().site().secondary("handed to " + helper.displayName()));
        secondaries.add(helper.site().secondary(helper.displayName() + " uses it and drops it"));
        return standing(pending, pending.messages().get(0), secondaries);
    }

    private static RawFinding unreached(DeferredFinding pending) {
        return standing(pending, pending.messages().get(0), pending.secondaries());
    }

    /** The deferred finding, now that it stands, with its message and secondary locations. */
    private static RawFinding standing(DeferredFinding pending, String message, List<SecondaryLocation> secondaries) {
        Finding finding = new Finding(
                pending.ruleKey(),
                pending.site().file(),
                pending.site().line(),
                pending.site().column(),
                pending.site().endLine(),
                pending.site().endColumn(),
                message,
                Finding.Origin.SOURCE,
                List.of(),
                secondaries);
        return new RawFinding(finding, pending.coverFirstLine(), pending.coverLastLine());
    }

    /** What the effect is to the method of the chain that has it, for its secondary location. */
    private static String effectWords(Effect.Kind kind, String method) {
        return switch (kind) {
            case DATABASE_ROWS -> "the query whose rows " + method + " returns";
            case UNTIMED_CONNECTION -> "the connection " + method + " opens and returns";
            case NEW_HTTP_CLIENT, NEW_FHIR_CONTEXT, NEW_REUSABLE_OBJECT ->
                noun(kind) + " " + method + " creates and returns";
            default -> noun(kind) + " " + method + " makes";
        };
    }

    private static String noun(Effect.Kind kind) {
        return switch (kind) {
            case HTTP -> "the HTTP request";
            case FHIR_READ -> "the FHIR read";
            case FHIR_SEARCH -> "the FHIR search";
            case FHIR_WRITE -> "the FHIR write";
            case DIRECTORY_SCAN -> "the directory scan";
            case CONSTANT_REGEX_COMPILED -> "the regex compilation";
            case DATABASE_READ -> "the query";
            case DATABASE_WRITE -> "the database write";
            case DATABASE_ROWS -> "the query";
            case NEW_HTTP_CLIENT -> "the HTTP client";
            case NEW_FHIR_CONTEXT -> "the context";
            case NEW_REUSABLE_OBJECT -> "the object";
            case UNTIMED_CONNECTION -> "the connection";
        };
    }
}
