package org.ecobugs.rules.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
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
            String name = JavaNames.simpleName(annotation.getNameAsString());
            if (HANDLER_ANNOTATIONS.contains(name)) {
                return true;
            }
            if (HAPI_FHIR_OPERATIONS.contains(name)
                    && names.resolve(annotation.getNameAsString())
                            .filter(n -> n.startsWith("ca.uhn.fhir.rest.annotation."))
                            .isPresent()) {
                return true;
            }
        }
        String name = method.getNameAsString();
        if (SERVLET_METHODS.contains(name) && extendsType(method, "HttpServlet")) {
            return true;
        }
        // HAPI HL7v2 ReceivingApplication.processMessage and JMS MessageListener.onMessage are called per message.
        return (name.equals("processMessage") && implementsType(method, "ReceivingApplication"))
                || (name.equals("onMessage") && implementsType(method, "MessageListener"));
    }

    private static boolean extendsType(MethodDeclaration method, String simpleName) {
        return method.findAncestor(ClassOrInterfaceDeclaration.class)
                .map(type -> type.getExtendedTypes().stream()
                        .anyMatch(t -> t.getNameAsString().equals(simpleName)))
                .orElse(false);
    }

    private static boolean implementsType(MethodDeclaration method, String simpleName) {
        return method.findAncestor(ClassOrInterfaceDeclaration.class)
                .map(type -> type.getImplementedTypes().stream()
                        .anyMatch(t -> t.getNameAsString().equals(simpleName)))
                .orElse(false);
    }
}
