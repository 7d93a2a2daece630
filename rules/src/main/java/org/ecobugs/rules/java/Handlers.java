package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises methods that a framework calls once per request, message or tick: web handlers (Spring MVC, JAX-RS,
 * servlets, HAPI FHIR resource providers), message listeners (JMS, Kafka, RabbitMQ, HAPI HL7v2 receiving
 * applications) and scheduled methods. Work done in them is repeated as often as they are called.
 */
public final class Handlers {

    /** Annotations of request handlers and message listeners, by simple name. */
    private static final Set<String> HANDLER_ANNOTATIONS = Set.of(
            "RequestMapping",
            "GetMapping",
            "PostMapping",
            "PutMapping",
            "DeleteMapping",
            "PatchMapping",
            "GET",
            "POST",
            "PUT",
            "DELETE",
            "PATCH",
            "JmsListener",
            "KafkaListener",
            "RabbitListener",
            "SqsListener",
            "EventListener",
            "Scheduled");

    /** HAPI FHIR resource-provider annotations; simple names too common to trust without the import. */
    private static final Set<String> HAPI_FHIR_OPERATIONS =
            Set.of("Read", "Search", "Create", "Update", "Delete", "Operation", "History", "Patch", "Validate");

    private static final Set<String> SERVLET_METHODS = Set.of("doGet", "doPost", "doPut", "doDelete", "service");

    private Handlers() {}

    /** The handler method that {@code node} is in, if its enclosing method is one. */
    public static Optional<MethodDeclaration> enclosingHandler(Node node, JavaNames names) {
        return node.findAncestor(MethodDeclaration.class).filter(m -> isHandler(m, names));
    }

    /** Whether a framework calls this method once per request, message or tick. */
    public static boolean isHandler(MethodDeclaration method, JavaNames names) {
        for (AnnotationExpr annotation : method.getAnnotations()) {
            String name = annotation.getNameAsString();
            if (isHandlerAnnotation(names.resolve(name).orElse(name))) {
                return true;
            }
        }
        Optional<ClassOrInterfaceDeclaration> type = method.findAncestor(ClassOrInterfaceDeclaration.class);
        List<String> superclasses =
                type.map(t -> simpleNames(t.getExtendedTypes())).orElse(List.of());
        List<String> interfaces =
                type.map(t -> simpleNames(t.getImplementedTypes())).orElse(List.of());
        return isHandlerByType(method.getNameAsString(), superclasses, interfaces);
    }

    private static List<String> simpleNames(List<ClassOrInterfaceType> types) {
        return types.stream().map(ClassOrInterfaceType::getNameAsString).toList();
    }

    /**
     * Whether an annotation, by its qualified name when known (else its simple name), marks a handler. HAPI FHIR's
     * operation annotations ({@code @Read}, {@code @Search}…) only count when qualified: their simple names are too
     * common.
     */
    public static boolean isHandlerAnnotation(String name) {
        String simple = JavaNames.simpleName(name);
        return HANDLER_ANNOTATIONS.contains(simple)
                || (HAPI_FHIR_OPERATIONS.contains(simple) && name.startsWith("ca.uhn.fhir.rest.annotation."));
    }

    /**
     * Whether a method is a handler by the types its class extends and implements (simple names): a servlet's
     * {@code doGet}…, HAPI HL7v2's {@code ReceivingApplication.processMessage} and JMS's {@code
     * MessageListener.onMessage}, which are called per request or message.
     */
    public static boolean isHandlerByType(
            String methodName, Collection<String> superclasses, Collection<String> interfaces) {
        if (SERVLET_METHODS.contains(methodName) && superclasses.contains("HttpServlet")) {
            return true;
        }
        return (methodName.equals("processMessage") && interfaces.contains("ReceivingApplication"))
                || (methodName.equals("onMessage") && interfaces.contains("MessageListener"));
    }
}
