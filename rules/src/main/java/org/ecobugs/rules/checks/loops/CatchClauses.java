package org.ecobugs.rules.checks.loops;

import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecobugs.rules.java.JavaNames;

/**
 * What a catch clause catches, told from the simple names of its exception types: the failure of a peer, any failure,
 * only a timeout, or an exception a {@code throw} raises.
 */
final class CatchClauses {

    /** Exceptions that mean "nothing arrived yet" on a blocking call with a timeout: waiting, not retrying. */
    private static final Set<String> TIMEOUTS =
            Set.of("SocketTimeoutException", "TimeoutException", "InterruptedIOException", "InterruptedException");

    /**
     * Words in the names of exceptions that signal a failing or unreachable peer (I/O, connections, SQL, messaging,
     * HTTP, HL7): what retry loops retry. Conflicts, cancellations and optimistic-lock failures are contention between
     * threads, resolved on the next attempt, and are not retries of an unavailable peer.
     */
    private static final Pattern PEER_FAILURE = Pattern.compile(
            "IO|Io|Connect|Socket|Remote|Http|Rest|Web|Sql|SQL|DataAccess|Jdbc|JDBC|Jms|JMS|Amqp|Kafka|Broker"
                    + "|Hl7|HL7|Llp|LLP|Transport|Communication|Unavailable|Unreachable|Network|Fhir|Client|Server"
                    + "|Timeout|Retry|Retryable");

    private static final Set<String> GENERIC_FAILURES = Set.of("Exception", "Throwable", "RuntimeException", "Error");

    /** JDK exceptions a {@code catch (RuntimeException e)} catches, for telling where a {@code throw} lands. */
    private static final Set<String> JDK_UNCHECKED = Set.of(
            "RuntimeException",
            "IllegalStateException",
            "IllegalArgumentException",
            "NullPointerException",
            "UnsupportedOperationException",
            "IndexOutOfBoundsException",
            "ArithmeticException",
            "ClassCastException",
            "NumberFormatException",
            "NoSuchElementException",
            "ConcurrentModificationException");

    private CatchClauses() {}

    static boolean isTimeoutOnly(CatchClause clause) {
        return exceptionNames(clause).stream().allMatch(TIMEOUTS::contains);
    }

    /** Whether a catch clause catches the failure of a peer (or any failure), rather than contention. */
    static boolean catchesPeerFailure(CatchClause clause) {
        return exceptionNames(clause).stream()
                .anyMatch(name -> GENERIC_FAILURES.contains(name)
                        || PEER_FAILURE.matcher(name).find());
    }

    /** Whether the clause catches only {@code Exception}, {@code Throwable} or the like, which says nothing of a peer. */
    static boolean catchesOnlyGenericFailures(CatchClause clause) {
        return exceptionNames(clause).stream().allMatch(GENERIC_FAILURES::contains);
    }

    /** Whether the clause catches {@code thrown} (a simple name, null when not known). */
    static boolean catches(CatchClause clause, String thrown) {
        return exceptionNames(clause).stream().anyMatch(caught -> catches(caught, thrown));
    }

    private static boolean catches(String caught, String thrown) {
        if (caught.equals("Throwable")) {
            return true;
        }
        if (thrown == null) {
            return false;
        }
        return caught.equals(thrown)
                || (caught.equals("Exception") && !thrown.endsWith("Error"))
                || (caught.equals("RuntimeException") && JDK_UNCHECKED.contains(thrown));
    }

    /** The simple names of the exception types a clause catches. */
    private static List<String> exceptionNames(CatchClause clause) {
        Type type = clause.getParameter().getType();
        List<String> names = new ArrayList<>();
        if (type.isUnionType()) {
            type.asUnionType().getElements().forEach(t -> names.add(JavaNames.simpleName(t.asString())));
        } else {
            names.add(JavaNames.simpleName(type.asString()));
        }
        return names;
    }
}
