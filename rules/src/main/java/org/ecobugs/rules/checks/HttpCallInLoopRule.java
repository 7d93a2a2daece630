package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.Set;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.java.Repetition;

/**
 * An HTTP request sent once per element of a collection: the JDK {@code HttpClient}, {@code HttpURLConnection},
 * Spring's {@code RestTemplate}, {@code RestClient} and {@code WebClient}, OkHttp and Apache HttpClient, in a loop or a
 * per-element lambda, directly or through a method of the same file. FHIR clients are EB209's.
 */
@RuleKey("EB208")
public final class HttpCallInLoopRule implements SourceRule {

    static final String FIX =
            "use a bulk or batch endpoint of the service, or one request for all the elements," + " instead.";

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(Repetition.WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        CallsInLoops.of((MethodCallExpr) node, context, remote -> remote.kind() == RemoteCalls.Kind.HTTP)
                .ifPresent(looped -> context.report(looped.anchor().getName(), message(looped)));
    }

    static String message(CallsInLoops.LoopedCall looped) {
        String what = looped.remote().what();
        if (looped.helper().isPresent()) {
            return looped.subject() + " " + looped.via("sends an HTTP request (" + what + ")") + " once per element; "
                    + FIX;
        }
        return looped.subject() + " sends one HTTP request (" + what + ") per element; " + FIX;
    }
}
