package org.ecobugs.rules.checks;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
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
 * literal, the SQL must reach such a sink; {@code COUNT(*)} and {@code EXISTS (SELECT * …)} are fine. Rows mapped onto
 * an entity (a repository method returning its domain type, {@code createNativeQuery(sql, Patient.class)}, {@code
 * addEntity}, a {@code resultClass}) need every column of the entity's table: {@code SELECT p.*} or the {@code SELECT *}
 * of one table is left alone there, while {@code SELECT *} of a join, whose joined columns the mapping drops, is not.
 */
@RuleKey("EB604")
public final class SelectStarRule implements SourceRule, BytecodeRule {

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

    /** Native query factories whose second argument may be the result class. */
    private static final Set<String> NATIVE_QUERIES = Set.of("createNativeQuery", "createSQLQuery");

    private static final Set<String> RESULT_CONTAINERS = Set.of(
            "List", "Set", "Collection", "Iterable", "Page", "Slice", "Stream", "Optional", "Window", "Streamable");

    /** Result classes of native queries that are not entities. */
    private static final Set<String> NOT_ENTITIES = Set.of(
            "Object",
            "String",
            "Long",
            "Integer",
            "Short",
            "Byte",
            "Double",
            "Float",
            "Boolean",
            "Character",
            "Number",
            "BigDecimal",
            "BigInteger",
            "UUID",
            "Date",
            "Timestamp",
            "LocalDate",
            "LocalDateTime",
            "Instant",
            "Map",
            "HashMap",
            "Tuple");

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
                context.constants()
                        .template(sql)
                        .flatMap(SqlText::star)
                        .flatMap(star -> message(star, nativeQueryEntity(call)))
                        .ifPresent(message -> context.report(sql, message));
            }
            return;
        }
        AnnotationExpr annotation = (AnnotationExpr) node;
        sqlOf(annotation, context.names())
                .ifPresent(value -> sqlText(value, context)
                        .flatMap(SqlText::star)
                        .flatMap(star -> message(star, annotatedEntity(annotation, context)))
                        .ifPresent(message -> context.report(value, message)));
    }

    /**
     * What to say of a star whose rows are mapped onto {@code entity}, if they are: nothing when the star reads the
     * columns of one table only, which the entity mapping needs.
     */
    static Optional<String> message(SqlText.Star star, Optional<String> entity) {
        if (entity.isPresent() && star.onlyItem()) {
            if (star.oneRelation()) {
                return Optional.empty();
            }
            Optional<String> own = star.from().get(0).reference();
            String joined = star.joined();
            if (own.isPresent() && !joined.isEmpty()) {
                return Optional.of("This SELECT * also reads every column of " + joined + ", which mapping the rows"
                        + " onto " + entity.get() + " drops; select " + own.get() + ".* instead.");
            }
        }
        String tables = star.tablesRead();
        return Optional.of("SELECT * reads and transfers every column" + (tables.isEmpty() ? "" : " of " + tables)
                + ", whether the code uses them or not; list only the columns it needs.");
    }

    /**
     * The entity a native query maps its rows onto: {@code createNativeQuery(sql, Patient.class)}, or Hibernate's
     * {@code addEntity(Patient.class)} on the query.
     */
    private static Optional<String> nativeQueryEntity(MethodCallExpr call) {
        if (NATIVE_QUERIES.contains(call.getNameAsString())
                && call.getArguments().size() >= 2
                && call.getArgument(1) instanceof ClassExpr type) {
            return entityName(type.getType().asString());
        }
        return ResultUses.of(call).stream()
                .flatMap(List::stream)
                .filter(use -> use.startsWith("addEntity"))
                .flatMap(use -> use.calls().get(0).getArguments().stream())
                .filter(ClassExpr.class::isInstance)
                .map(argument -> ((ClassExpr) argument).getType().asString())
                .findFirst()
                .flatMap(SelectStarRule::entityName);
    }

    /**
     * The entity the rows of an annotated query are mapped onto: a Spring Data repository method that returns its
     * repository's domain type or an entity of the same file, or a {@code @NamedNativeQuery} with a {@code resultClass}.
     */
    private static Optional<String> annotatedEntity(AnnotationExpr annotation, SourceContext context) {
        String name = JavaNames.simpleName(annotation.getNameAsString());
        if (name.equals("NamedNativeQuery")) {
            return Annotations.member(annotation, "resultClass")
                    .filter(ClassExpr.class::isInstance)
                    .flatMap(type -> entityName(((ClassExpr) type).getType().asString()));
        }
        if (!name.equals("Query") || !(annotation.getParentNode().orElse(null) instanceof MethodDeclaration method)) {
            return Optional.empty();
        }
        String element = elementType(method.getType());
        boolean domainType = method.findAncestor(ClassOrInterfaceDeclaration.class).stream()
                .flatMap(repository -> repository.getExtendedTypes().stream())
                .filter(type -> type.getNameAsString().endsWith("Repository"))
                .flatMap(type -> type.getTypeArguments().stream())
                .anyMatch(arguments ->
                        !arguments.isEmpty() && elementType(arguments.get(0)).equals(element));
        boolean entityOfFile = context.compilationUnit().findAll(TypeDeclaration.class).stream()
                .map(type -> (TypeDeclaration<?>) type)
                .anyMatch(type -> type.getNameAsString().equals(element)
                        && type.getAnnotationByName("Entity").isPresent());
        return domainType || entityOfFile ? Optional.of(element) : Optional.empty();
    }

    /** The type of the elements of a repository method's result: {@code Patient} of {@code Page<Patient>}. */
    private static String elementType(com.github.javaparser.ast.type.Type type) {
        if (type instanceof ClassOrInterfaceType classType) {
            if (RESULT_CONTAINERS.contains(classType.getNameAsString())
                    && classType.getTypeArguments().filter(a -> a.size() == 1).isPresent()) {
                return elementType(classType.getTypeArguments().get().get(0));
            }
            return classType.getNameAsString();
        }
        return type.asString();
    }

    /** The simple name of a result class that may be an entity; none for a scalar, a map or a tuple. */
    private static Optional<String> entityName(String typeName) {
        String simple = typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
        if (simple.isEmpty() || simple.endsWith("[]") || NOT_ENTITIES.contains(simple)) {
            return Optional.empty();
        }
        return Optional.of(simple);
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
        int base = frame.getStackSize() - arguments.length;
        SourceValue sql = frame.getStack(base + sqlArgument);
        StringValues.of(sql, frames, method.instructions).stream()
                .map(SqlText::star)
                .flatMap(Optional::stream)
                .findFirst()
                .flatMap(star -> message(star, bytecodeEntity(method, call, frames)))
                .ifPresent(message -> context.report(method, call, message));
    }

    /**
     * The entity a native query maps its rows onto, as a class constant: {@code createNativeQuery(sql, Patient.class)},
     * or {@code addEntity(Patient.class)} called next on the query.
     */
    private static Optional<String> bytecodeEntity(
            MethodNode method, MethodInsnNode call, Frame<SourceValue>[] frames) {
        if (NATIVE_QUERIES.contains(call.name)) {
            Optional<String> entity = classArgument(method, call, frames);
            if (entity.isPresent()) {
                return entity;
            }
        }
        for (AbstractInsnNode next = call.getNext(); next != null; next = next.getNext()) {
            if (next instanceof MethodInsnNode following) {
                return following.name.equals("addEntity") && following.owner.startsWith("org/hibernate/")
                        ? classArgument(method, following, frames)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The simple name of the first class constant a call is given. */
    private static Optional<String> classArgument(MethodNode method, MethodInsnNode call, Frame<SourceValue>[] frames) {
        Frame<SourceValue> frame = frames[method.instructions.indexOf(call)];
        if (frame == null) {
            return Optional.empty();
        }
        Type[] arguments = Type.getArgumentTypes(call.desc);
        int base = frame.getStackSize() - arguments.length;
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].getDescriptor().equals("Ljava/lang/Class;")) {
                SourceValue value = frame.getStack(base + i);
                if (value.insns.size() == 1
                        && value.insns.iterator().next() instanceof LdcInsnNode ldc
                        && ldc.cst instanceof Type type) {
                    return entityName(type.getClassName());
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
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
