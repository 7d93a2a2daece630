package org.ecobugs.rules.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.SecondaryLocation;
import org.ecobugs.rules.project.DeferredFinding;
import org.ecobugs.rules.project.Effect;
import org.ecobugs.rules.project.FileSummary;
import org.ecobugs.rules.project.MethodSummary;
import org.ecobugs.rules.project.ProjectModel;

/**
 * The project-wide step of a source analysis: builds the {@link ProjectModel} from the files' summaries, summarises the
 * files no rule parsed that name a method on a chain to an effect, and turns the deferred findings whose calls reach a
 * wanted effect into findings.
 */
final class ProjectPass {

    /**
     * What the step yielded.
     *
     * @param findings the deferred findings that stand
     * @param types how many types the model holds
     * @param summarisedLate how many files were parsed only for the model
     */
    record Outcome(List<RawFinding> findings, int types, int summarisedLate) {}

    private ProjectPass() {}

    /**
     * @param summaries each source file's summary, or null for a file not summarised (no rule wanted it and it has no
     *     effect of its own)
     * @param summarise parses and summarises a file, in parallel with the others
     * @param namesAny whether a file's text names one of a set of method names
     */
    static Outcome run(
            Map<Path, FileSummary> summaries,
            List<DeferredFinding> deferred,
            Function<Path, Optional<FileSummary>> summarise,
            java.util.function.BiPredicate<Path, Set<String>> namesAny,
            Function<List<Callable<Optional<FileSummary>>>, List<Optional<FileSummary>>> runAll) {
        Map<Path, FileSummary> known = new LinkedHashMap<>();
        List<Path> unsummarised = new ArrayList<>();
        summaries.forEach((file, summary) -> {
            if (summary == null) {
                unsummarised.add(file);
            } else {
                known.put(file, summary);
            }
        });
        if (deferred.isEmpty()) {
            // Nothing to decide, as in most of an editor's analyses: the model, milliseconds on a large project, is not
            // built.
            Set<String> types = new HashSet<>();
            known.values().forEach(file -> file.types().forEach(type -> types.add(type.name())));
            return new Outcome(List.of(), types.size(), 0);
        }
        ProjectModel model = ProjectModel.of(known.values());
        int late = 0;
        if (!deferred.isEmpty()) {
            Set<Effect.Kind> wanted = EnumSet.noneOf(Effect.Kind.class);
            deferred.forEach(d -> wanted.addAll(d.wanted()));
            // A chain may pass through a file with no effect and nothing a rule looks for: such files are parsed when
            // they name a method on a chain, one layer further at each round.
            for (int round = 1; round < ProjectModel.MAX_DEPTH && !unsummarised.isEmpty(); round++) {
                Set<String> names = model.namesReaching(wanted);
                List<Path> naming = unsummarised.stream()
                        .filter(file -> namesAny.test(file, names))
                        .toList();
                if (naming.isEmpty()) {
                    break;
                }
                List<Callable<Optional<FileSummary>>> tasks = new ArrayList<>();
                naming.forEach(file -> tasks.add(() -> summarise.apply(file)));
                List<Optional<FileSummary>> added = runAll.apply(tasks);
                for (int i = 0; i < naming.size(); i++) {
                    known.put(naming.get(i), added.get(i).orElse(FileSummary.EMPTY));
                }
                unsummarised.removeAll(naming);
                late += naming.size();
                model = ProjectModel.of(known.values());
            }
        }
        // A rule may defer several calls for one place (each call a polling task makes): the first that reaches an
        // effect makes the finding.
        Map<String, RawFinding> findings = new LinkedHashMap<>();
        for (DeferredFinding pending : deferred) {
            String place = pending.ruleKey() + '\u0000' + pending.site();
            if (findings.containsKey(place)) {
                continue;
            }
            Optional<ProjectModel.Reach> reach = model.reach(pending.call(), pending.wanted(), pending.maxStatements());
            if (pending.unlessReached()) {
                if (reach.isEmpty()) {
                    findings.put(place, unreached(pending));
                }
            } else {
                reach.ifPresent(r -> findings.put(place, finding(pending, r)));
            }
        }
        return new Outcome(new ArrayList<>(findings.values()), model.typeCount(), late);
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
                .secondary(noun(reach.effect().kind()) + " "
                        + hops.get(hops.size() - 1).method().displayName() + " makes"));
        Finding finding = new Finding(
                pending.ruleKey(),
                pending.site().file(),
                pending.site().line(),
                pending.site().column(),
                pending.site().endLine(),
                pending.site().endColumn(),
                pending.message(reach.effect().kind(), through.toString()),
                Finding.Origin.SOURCE,
                List.of(),
                secondaries);
        return new RawFinding(finding, pending.coverFirstLine(), pending.coverLastLine());
    }

    private static RawFinding unreached(DeferredFinding pending) {
        Finding finding = new Finding(
                pending.ruleKey(),
                pending.site().file(),
                pending.site().line(),
                pending.site().column(),
                pending.site().endLine(),
                pending.site().endColumn(),
                pending.messages().get(0),
                Finding.Origin.SOURCE,
                List.of(),
                pending.secondaries());
        return new RawFinding(finding, pending.coverFirstLine(), pending.coverLastLine());
    }

    private static String noun(Effect.Kind kind) {
        return switch (kind) {
            case HTTP -> "the HTTP request";
            case FHIR_READ -> "the FHIR read";
            case FHIR_SEARCH -> "the FHIR search";
            case FHIR_WRITE -> "the FHIR write";
            case DIRECTORY_SCAN -> "the directory scan";
            case DATABASE_READ -> "the query";
            case DATABASE_WRITE -> "the database write";
        };
    }
}
