package org.ecobugs.rules.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectModelTest {

    private static final Path FILE = Path.of("App.java");
    private static final List<Effect.Kind> FHIR = List.of(Effect.Kind.FHIR_READ);
    private static final int WRAPPER = 15;

    private final List<TypeSummary> types = new ArrayList<>();
    private final List<MethodSummary> methods = new ArrayList<>();
    private int line = 1;

    @Test
    void followsACallIntoAnotherClassAndOnToTheEffect() {
        type("app.OrderService");
        type("app.Gateway");
        method(
                "app.OrderService",
                "patientName",
                1,
                List.of(),
                call("readPatient", 1, CallSite.Receiver.type("app.Gateway")));
        method("app.Gateway", "readPatient", 1, List.of(fhirRead()));

        Optional<ProjectModel.Reach> reach =
                model().reach(call("patientName", 1, CallSite.Receiver.type("app.OrderService")), FHIR, WRAPPER);

        assertThat(reach).hasValueSatisfying(r -> {
            assertThat(r.hops())
                    .extracting(hop -> hop.method().displayName())
                    .containsExactly("OrderService.patientName()", "Gateway.readPatient()");
            assertThat(r.effect().doing()).isEqualTo("reads a FHIR Patient");
        });
    }

    @Test
    void aCallThatReachesNoWantedEffectReachesNothing() {
        type("app.Gateway");
        method("app.Gateway", "readPatient", 1, List.of(fhirRead()));

        assertThat(model().reach(
                                call("readPatient", 1, CallSite.Receiver.type("app.Gateway")),
                                List.of(Effect.Kind.DATABASE_READ),
                                WRAPPER))
                .isEmpty();
    }

    @Test
    void matchesTheArityOfTheCall() {
        type("app.Gateway");
        method("app.Gateway", "read", 2, List.of(fhirRead()));
        method("app.Gateway", "read", 1, List.of());

        assertThat(model().reach(call("read", 1, CallSite.Receiver.type("app.Gateway")), FHIR, WRAPPER))
                .isEmpty();
        assertThat(model().reach(call("read", 2, CallSite.Receiver.type("app.Gateway")), FHIR, WRAPPER))
                .isPresent();
        assertThat(model().reach(
                                call("read", CallSite.ANY_ARITY, CallSite.Receiver.type("app.Gateway")), FHIR, WRAPPER))
                .as("a method reference may name either")
                .isPresent();
    }

    @Test
    void findsInheritedMethodsAndThoseOfOuterTypes() {
        types.add(new TypeSummary("app.Base", null, false, List.of()));
        types.add(new TypeSummary("app.Job", null, false, List.of("app.Base")));
        types.add(new TypeSummary("app.Job.Step", "app.Job", false, List.of()));
        method("app.Base", "load", 0, List.of(fhirRead()));

        assertThat(model().reach(call("load", 0, CallSite.Receiver.self("app.Job")), FHIR, WRAPPER))
                .isPresent();
        assertThat(model().reach(call("load", 0, CallSite.Receiver.self("app.Job.Step")), FHIR, WRAPPER))
                .as("an unqualified call in a nested class may run a method of the class around it")
                .isPresent();
    }

    @Test
    void anInterfaceMethodRunsTheOnlyImplementation() {
        types.add(new TypeSummary("app.Lookup", null, true, List.of()));
        types.add(new TypeSummary("app.FhirLookup", null, false, List.of("Lookup")));
        abstractMethod("app.Lookup", "find", 1);
        method("app.FhirLookup", "find", 1, List.of(fhirRead()));

        assertThat(model().reach(call("find", 1, CallSite.Receiver.type("app.Lookup")), FHIR, WRAPPER))
                .hasValueSatisfying(
                        r -> assertThat(r.hops().get(0).method().owner()).isEqualTo("app.FhirLookup"));
    }

    @Test
    void anInterfaceImplementedTwiceIsNotFollowed() {
        types.add(new TypeSummary("app.Source", null, true, List.of()));
        types.add(new TypeSummary("app.Remote", null, false, List.of("app.Source")));
        types.add(new TypeSummary("app.Cached", null, false, List.of("app.Source")));
        abstractMethod("app.Source", "latest", 1);
        method("app.Remote", "latest", 1, List.of(fhirRead()));
        method("app.Cached", "latest", 1, List.of());

        assertThat(model().reach(call("latest", 1, CallSite.Receiver.type("app.Source")), FHIR, WRAPPER))
                .isEmpty();
    }

    @Test
    void aGetterTellsTheReceiverByItsReturnType() {
        type("app.Controller");
        type("app.Dao");
        methods.add(new MethodSummary(
                "app.Controller",
                "getDao",
                0,
                "app.Dao",
                1,
                false,
                site(),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
        method("app.Dao", "load", 1, List.of(fhirRead()));

        assertThat(model().reach(call("load", 1, CallSite.Receiver.getter("app.Controller", "getDao")), FHIR, WRAPPER))
                .isPresent();
    }

    @Test
    void aSimpleNameTheFileCouldNotResolveIsTheOnlyProjectTypeOfThatName() {
        type("app.service.Gateway");
        method("app.service.Gateway", "read", 0, List.of(fhirRead()));

        assertThat(model().reach(call("read", 0, CallSite.Receiver.type("Gateway")), FHIR, WRAPPER))
                .isPresent();
        type("app.other.Gateway");
        assertThat(model().reach(call("read", 0, CallSite.Receiver.type("Gateway")), FHIR, WRAPPER))
                .as("two project types of that name: which one is meant is not known")
                .isEmpty();
        assertThat(model().reach(call("read", 0, CallSite.Receiver.type("lib.Gateway")), FHIR, WRAPPER))
                .as("a resolved name of another package is not the project's")
                .isEmpty();
    }

    @Test
    void stopsAtTheDepthBound() {
        type("app.Chain");
        for (int i = 1; i < ProjectModel.MAX_DEPTH + 1; i++) {
            method("app.Chain", "m" + i, 0, List.of(), call("m" + (i + 1), 0, CallSite.Receiver.self("app.Chain")));
        }
        method("app.Chain", "m" + (ProjectModel.MAX_DEPTH + 1), 0, List.of(fhirRead()));

        assertThat(model().reach(call("m2", 0, CallSite.Receiver.self("app.Chain")), FHIR, WRAPPER))
                .as("m2 .. m5: four methods")
                .hasValueSatisfying(r -> assertThat(r.hops()).hasSize(ProjectModel.MAX_DEPTH));
        assertThat(model().reach(call("m1", 0, CallSite.Receiver.self("app.Chain")), FHIR, WRAPPER))
                .as("m1 .. m5: five methods, one too many")
                .isEmpty();
    }

    @Test
    void aMethodBeyondTheWrapperSizeIsAUnitOfWorkNotFollowed() {
        type("app.Job");
        methods.add(new MethodSummary(
                "app.Job",
                "rebuild",
                0,
                null,
                WRAPPER + 1,
                false,
                site(),
                List.of(fhirRead()),
                List.of(),
                List.of(),
                List.of()));

        assertThat(model().reach(call("rebuild", 0, CallSite.Receiver.type("app.Job")), FHIR, WRAPPER))
                .isEmpty();
        assertThat(model().reach(call("rebuild", 0, CallSite.Receiver.type("app.Job")), FHIR, WRAPPER + 1))
                .isPresent();
    }

    @Test
    void recursionEnds() {
        type("app.Tree");
        method("app.Tree", "walk", 0, List.of(), call("walk", 0, CallSite.Receiver.self("app.Tree")));

        assertThat(model().reach(call("walk", 0, CallSite.Receiver.self("app.Tree")), FHIR, WRAPPER))
                .isEmpty();
    }

    @Test
    void prefersTheShortestChain() {
        type("app.A");
        method(
                "app.A",
                "entry",
                0,
                List.of(),
                call("long1", 0, CallSite.Receiver.self("app.A")),
                call("short", 0, CallSite.Receiver.self("app.A")));
        method("app.A", "long1", 0, List.of(), call("long2", 0, CallSite.Receiver.self("app.A")));
        method("app.A", "long2", 0, List.of(fhirRead()));
        method("app.A", "short", 0, List.of(fhirRead()));

        assertThat(model().reach(call("entry", 0, CallSite.Receiver.self("app.A")), FHIR, WRAPPER))
                .hasValueSatisfying(r -> assertThat(r.hops())
                        .extracting(hop -> hop.method().name())
                        .containsExactly("entry", "short"));
    }

    @Test
    void rowsAreFollowedOnlyThroughTheCallsWhoseResultIsReturned() {
        type("app.Service");
        type("app.Dao");
        Effect rows = new Effect(Effect.Kind.DATABASE_ROWS, "list()", "returns every row", site());
        CallSite returnedRead = call("all", 0, CallSite.Receiver.type("app.Dao"));
        CallSite otherRead = call("all", 0, CallSite.Receiver.type("app.Dao"));
        methods.add(new MethodSummary(
                "app.Service",
                "active",
                0,
                null,
                1,
                false,
                site(),
                List.of(),
                List.of(returnedRead),
                List.of(returnedRead),
                List.of()));
        methods.add(new MethodSummary(
                "app.Service",
                "summary",
                0,
                null,
                2,
                false,
                site(),
                List.of(),
                List.of(otherRead),
                List.of(),
                List.of()));
        method("app.Dao", "all", 0, List.of(rows));
        List<Effect.Kind> wanted = List.of(Effect.Kind.DATABASE_ROWS);

        assertThat(model().reach(call("active", 0, CallSite.Receiver.type("app.Service")), wanted, WRAPPER))
                .as("returns what Dao.all() returns")
                .hasValueSatisfying(r -> assertThat(r.hops())
                        .extracting(hop -> hop.method().displayName())
                        .containsExactly("Service.active()", "Dao.all()"));
        assertThat(model().reach(call("summary", 0, CallSite.Receiver.type("app.Service")), wanted, WRAPPER))
                .as("calls Dao.all() and returns something else")
                .isEmpty();
    }

    private ProjectModel model() {
        return ProjectModel.of(List.of(new FileSummary(types, methods)));
    }

    private void type(String name) {
        types.add(new TypeSummary(name, null, false, List.of()));
    }

    private void method(String owner, String name, int arity, List<Effect> effects, CallSite... calls) {
        methods.add(new MethodSummary(
                owner,
                name,
                arity,
                null,
                1 + calls.length,
                false,
                site(),
                effects,
                List.of(calls),
                List.of(),
                List.of()));
    }

    private void abstractMethod(String owner, String name, int arity) {
        methods.add(new MethodSummary(
                owner, name, arity, null, 0, true, site(), List.of(), List.of(), List.of(), List.of()));
    }

    private CallSite call(String name, int arity, CallSite.Receiver receiver) {
        return new CallSite(name, arity, receiver, site());
    }

    private Effect fhirRead() {
        return new Effect(Effect.Kind.FHIR_READ, "read()", "reads a FHIR Patient", site());
    }

    private Site site() {
        int at = line++;
        return new Site(FILE, at, 1, at, 5);
    }
}
