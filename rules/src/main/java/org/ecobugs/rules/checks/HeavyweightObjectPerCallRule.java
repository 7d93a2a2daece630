package org.ecobugs.rules.checks;

import static org.ecobugs.rules.checks.PerCallCreations.Factory.builder;
import static org.ecobugs.rules.checks.PerCallCreations.Factory.constructor;
import static org.ecobugs.rules.checks.PerCallCreations.Factory.instanceMethod;
import static org.ecobugs.rules.checks.PerCallCreations.Factory.staticMethod;
import static org.ecobugs.rules.checks.PerCallCreations.Scope.ANY_METHOD;
import static org.ecobugs.rules.checks.PerCallCreations.Scope.REPEATED_ONLY;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.project.Effect;

/**
 * Costly, reusable objects created for one call and dropped. Thread-safe ones — Jackson mappers, Gson, JAXB contexts,
 * compiled XML schemas, Bean Validation factories — are reported in any method that is not set-up code, since a field
 * shares them as is. JAXP and StAX factories ({@code DocumentBuilderFactory}, {@code TransformerFactory}, {@code
 * XPathFactory}…) are not thread-safe: they are only reported where they visibly repeat — in a loop or per-element
 * lambda, in a request handler, message listener or scheduled method, or in a method of the class called from one.
 */
@RuleKey("EB503")
public final class HeavyweightObjectPerCallRule implements EnergyRule {

    private static final List<PerCallCreations.Factory> OBJECTS = objects();

    /** Calls that return something holding on to the object: readers, writers, marshallers, builders, validators. */
    private static final Set<String> NOT_VIEWS = Set.of("createObjectNode", "createArrayNode");

    private static final Set<String> VIEWS = Set.of("getAdapter", "getDelegateAdapter", "getValidator", "usingContext");

    static final PerCallCreations CREATIONS = new PerCallCreations(
            OBJECTS,
            HeavyweightObjectPerCallRule::isView,
            HeavyweightObjectPerCallRule::message,
            Effect.Kind.NEW_REUSABLE_OBJECT);

    private static List<PerCallCreations.Factory> objects() {
        List<PerCallCreations.Factory> objects = new ArrayList<>();
        for (String jackson : List.of("com/fasterxml/jackson/databind/", "tools/jackson/databind/")) {
            objects.add(constructor("ObjectMapper", jackson + "ObjectMapper", ANY_METHOD));
            objects.add(constructor("JsonMapper", jackson + "json/JsonMapper", ANY_METHOD));
            objects.add(builder("JsonMapper", jackson + "json/JsonMapper", "builder", "build", ANY_METHOD));
        }
        objects.add(constructor("XmlMapper", "com/fasterxml/jackson/dataformat/xml/XmlMapper", ANY_METHOD));
        objects.add(constructor("YAMLMapper", "com/fasterxml/jackson/dataformat/yaml/YAMLMapper", ANY_METHOD));
        objects.add(constructor("Gson", "com/google/gson/Gson", ANY_METHOD));
        objects.add(builder("Gson", "com/google/gson/GsonBuilder", "<init>", "create", ANY_METHOD));
        for (String jaxb : List.of("javax/xml/bind/JAXBContext", "jakarta/xml/bind/JAXBContext")) {
            objects.add(staticMethod("JAXBContext", jaxb, "newInstance", ANY_METHOD));
        }
        objects.add(instanceMethod("Schema", "javax/xml/validation/SchemaFactory", "newSchema", ANY_METHOD));
        for (String validation : List.of("javax/validation/Validation", "jakarta/validation/Validation")) {
            objects.add(staticMethod("ValidatorFactory", validation, "buildDefaultValidatorFactory", ANY_METHOD));
        }
        addFactories(objects, "javax/xml/parsers/DocumentBuilderFactory", "DocumentBuilderFactory");
        addFactories(objects, "javax/xml/parsers/SAXParserFactory", "SAXParserFactory");
        addFactories(objects, "javax/xml/transform/TransformerFactory", "TransformerFactory");
        addFactories(objects, "javax/xml/xpath/XPathFactory", "XPathFactory");
        addFactories(objects, "javax/xml/validation/SchemaFactory", "SchemaFactory");
        addFactories(objects, "javax/xml/datatype/DatatypeFactory", "DatatypeFactory");
        addFactories(objects, "javax/xml/stream/XMLInputFactory", "XMLInputFactory");
        addFactories(objects, "javax/xml/stream/XMLOutputFactory", "XMLOutputFactory");
        return List.copyOf(objects);
    }

    /** JAXP and StAX factory lookups: {@code newInstance()}, {@code newDefaultInstance()}, {@code newFactory()}…. */
    private static void addFactories(List<PerCallCreations.Factory> objects, String owner, String display) {
        for (String method :
                List.of("newInstance", "newDefaultInstance", "newNSInstance", "newDefaultNSInstance", "newFactory")) {
            objects.add(staticMethod(display, owner, method, REPEATED_ONLY));
        }
        objects.add(staticMethod(display, owner, "newDefaultFactory", REPEATED_ONLY));
    }

    private static boolean isView(String method) {
        if (NOT_VIEWS.contains(method)) {
            return false;
        }
        return method.startsWith("new")
                || method.startsWith("create")
                || method.startsWith("reader")
                || method.startsWith("writer")
                || VIEWS.contains(method);
    }

    static String message(PerCallCreations.Factory object, String unit) {
        if (object.scope() == PerCallCreations.Scope.ANY_METHOD) {
            return "A new " + object.display() + " is created for each " + unit
                    + " and dropped, so its set-up and caches are rebuilt every time; create it once and share it"
                    + " (it is thread-safe once configured).";
        }
        String fix = switch (unit) {
            case PerCallCreations.ITERATION -> "create it once before the loop and reuse it";
            case PerCallCreations.ELEMENT -> "create it once, outside the lambda, and reuse it";
            default -> "reuse one instance per thread (it is not thread-safe)";
        };
        return "A new " + object.display() + " is looked up and configured for each " + unit + "; " + fix + ".";
    }

    @Override
    public List<Detector> detectors() {
        return CREATIONS.detectors();
    }
}
