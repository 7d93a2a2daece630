package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.BytecodeContext;
import org.ecobugs.rules.api.BytecodeRule;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.api.SourceContext;
import org.ecobugs.rules.api.SourceRule;
import org.ecobugs.rules.bytecode.StringValues;
import org.ecobugs.rules.java.Annotations;
import org.ecobugs.rules.java.JavaNames;
import org.ecobugs.rules.java.SqlText;
import org.ecobugs.rules.java.WordSets;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.InsnList;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.SourceInterpreter;
import org.objectweb.asm.tree.analysis.SourceValue;

/**
 * {@code SELECT *} in SQL that reaches a query API: JDBC, Spring's {@code JdbcTemplate} and {@code JdbcClient}, JPA
 * and Hibernate native queries, Jdbi, and the SQL annotations of Spring Data ({@code @Query} when native), JPA
 * ({@code @NamedNativeQuery}), Jdbi ({@code @SqlQuery}) and MyBatis ({@code @Select}). Unlike a search of every string
 * literal, the SQL must reach such a sink; {@code COUNT(*)} and {@code EXISTS (SELECT * …)} are fine.
 */
@RuleKey("EB604")
public final class SelectStarRule implements SourceRule, BytecodeRule {

    static final String MESSAGE = "SELECT * reads and transfers every column, including the ones the code never"
            + " uses; list only the columns it needs.";

    /** Methods whose first string argument is SQL, on the query APIs below. */
    private static final Set<String> SQL_METHODS = Set.of(
            "prepareStatement",
            "prepareCall",
            "executeQuery",
            "execute",
            "executeUpdate",
            "executeLargeUpdate",
            "addBatch",
            "createNativeQuery",
            "createSQLQuery",
            "query",
            "queryForList",
            "queryForObject",
            "queryForMap",
            "queryForRowSet",
            "queryForStream",
            "batchUpdate",
            "update",
            "sql",
            "select");

    private static final List<String> SQL_OWNERS = List.of(
            "java/sql/",
            "javax/sql/",
            "org/springframework/jdbc/",
            "javax/persistence/EntityManager",
            "jakarta/persistence/EntityManager",
            "org/hibernate/",
            "org/jdbi/");

    private static final String SPRING_DATA_JDBC_QUERY = "org.springframework.data.jdbc.repository.query.Query";

    /** The SQL calls, and the simple names of the annotations {@link #sqlOf} reads. */
    private static final Set<String> SQL_WORDS =
            WordSets.union(SQL_METHODS, Set.of("Query", "NamedNativeQuery", "SqlQuery", "Select"));

    @Override
    public RequiredWords textPrescreen() {
        return RequiredWords.anyOf(SQL_WORDS);
    }

    @Override
    public Set<Class<? extends Node>> nodesToVisit() {
        return Set.of(MethodCallExpr.class, AnnotationExpr.class);
    }

    @Override
    public void visitNode(Node node, SourceContext context) {
        if (node instanceof MethodCallExpr call) {
            if (SQL_METHODS.contains(call.getNameAsString())
                    && !call.getArguments().isEmpty()) {
                Expression sql = call.getArgument(0);
                if (context.constants()
                        .template(sql)
                        .filter(SqlText::selectsEveryColumn)
                        .isPresent()) {
                    context.report(sql, MESSAGE);
                }
            }
            return;
        }
        AnnotationExpr annotation = (AnnotationExpr) node;
        sqlOf(annotation, context.names())
                .filter(value -> sqlText(value, context)
                        .filter(SqlText::selectsEveryColumn)
                        .isPresent())
                .ifPresent(value -> context.report(value, MESSAGE));
    }

    /** The SQL member of an annotation that holds native SQL. */
    private static Optional<Expression> sqlOf(AnnotationExpr annotation, JavaNames names) {
        String name = JavaNames.simpleName(annotation.getNameAsString());
        switch (name) {
            case "Query":
                boolean alwaysSql = names.resolve(annotation.getNameAsString())
                        .filter(SPRING_DATA_JDBC_QUERY::equals)
                        .isPresent();
                boolean nativeQuery = Annotations.member(annotation, "nativeQuery")
                        .filter(v -> v.isBooleanLiteralExpr()
                                && v.asBooleanLiteralExpr().getValue())
                        .isPresent();
                return alwaysSql || nativeQuery ? Annotations.member(annotation, "value") : Optional.empty();
            case "NamedNativeQuery":
                return Annotations.member(annotation, "query");
            case "SqlQuery", "Select":
                return Annotations.member(annotation, "value");
            default:
                return Optional.empty();
        }
    }

    /** The text of an annotation value; MyBatis joins the lines of an array. */
    private static Optional<String> sqlText(Expression value, SourceContext context) {
        if (value instanceof ArrayInitializerExpr array) {
            StringBuilder joined = new StringBuilder();
            for (Expression line : array.getValues()) {
                joined.append(context.constants().template(line).orElse("?")).append(' ');
            }
            return Optional.of(joined.toString());
        }
        return context.constants().template(value);
    }

    // ---- bytecode: string constants that reach a query method, traced through locals ----

    @Override
    public Set<String> constantPoolPrescreen() {
        return Set.copyOf(SQL_OWNERS);
    }

    @Override
    public void visitClass(ClassNode classNode, BytecodeContext context) {
        for (MethodNode method : classNode.methods) {
            if (!hasSelectStarConstant(method.instructions)) {
                continue;
            }
            Frame<SourceValue>[] frames;
            try {
                frames = new Analyzer<>(new SourceInterpreter()).analyze(classNode.name, method);
            } catch (AnalyzerException e) {
                // Code the verifier would reject: nothing reliable to say about it.
                continue;
            }
            for (AbstractInsnNode insn : method.instructions) {
                if (insn instanceof MethodInsnNode call && isSqlSink(call)) {
                    checkSink(method, call, frames, context);
                }
            }
        }
    }

    private static void checkSink(
            MethodNode method, MethodInsnNode call, Frame<SourceValue>[] frames, BytecodeContext context) {
        Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
        Type[] arguments = Type.getArgumentTypes(call.desc);
        int sqlArgument = firstStringArgument(arguments);
        if (frame == null || sqlArgument < 0) {
            return;
        }
        SourceValue sql = frame.getStack(frame.getStackSize() - arguments.length + sqlArgument);
        if (StringValues.of(sql, frames, method.instructions).stream().anyMatch(SqlText::selectsEveryColumn)) {
            context.report(method, call, MESSAGE);
        }
    }

    private static int firstStringArgument(Type[] arguments) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].getDescriptor().equals("Ljava/lang/String;")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSqlSink(MethodInsnNode call) {
        return SQL_METHODS.contains(call.name) && SQL_OWNERS.stream().anyMatch(call.owner::startsWith);
    }

    private static boolean hasSelectStarConstant(InsnList instructions) {
        for (AbstractInsnNode insn : instructions) {
            if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text && SqlText.selectsEveryColumn(text)) {
                return true;
            }
            if (insn instanceof InvokeDynamicInsnNode indy
                    && indy.bsmArgs.length > 0
                    && indy.bsmArgs[0] instanceof String recipe
                    && SqlText.selectsEveryColumn(recipe)) {
                return true;
            }
        }
        return false;
    }
}
