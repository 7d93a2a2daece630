package org.ecobugs.rules.checks;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecobugs.rules.api.Detector;
import org.ecobugs.rules.api.EnergyRule;
import org.ecobugs.rules.api.RuleKey;
import org.ecobugs.rules.java.SqlText;

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
public final class SelectStarRule implements EnergyRule {

    /** Methods whose first string argument is SQL, on the query APIs below. */
    static final Set<String> SQL_METHODS = Set.of(
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

    /** Native query factories whose second argument may be the result class. */
    static final Set<String> NATIVE_QUERIES = Set.of("createNativeQuery", "createSQLQuery");

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

    /** The simple name of a result class that may be an entity; none for a scalar, a map or a tuple. */
    static Optional<String> entityName(String typeName) {
        String simple = typeName.substring(Math.max(typeName.lastIndexOf('.'), typeName.lastIndexOf('$')) + 1);
        if (simple.isEmpty() || simple.endsWith("[]") || NOT_ENTITIES.contains(simple)) {
            return Optional.empty();
        }
        return Optional.of(simple);
    }

    @Override
    public List<Detector> detectors() {
        return List.of(new SelectStarSource(), new SelectStarBytecode());
    }
}
