package org.ecobugs.rules.java;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.ecobugs.rules.config.ConfigParser;
import org.ecobugs.rules.config.Settings;
import org.ecobugs.rules.engine.JavaParsers;
import org.junit.jupiter.api.Test;

class ConstantFolderTest {

    /** A file and a folder for it; the expressions under test initialise variables named {@code probe…}. */
    private record Probes(ConstantFolder folder, Map<String, Expression> expressions) {

        Expression get(String name) {
            assertThat(expressions).containsKey(name);
            return expressions.get(name);
        }

        Optional<Object> value(String name) {
            return folder.value(get(name));
        }

        OptionalLong millis(String name) {
            return folder.durationMillis(get(name));
        }
    }

    private static Probes file(String code) {
        CompilationUnit unit = JavaParsers.create(17).parse(code).getResult().orElseThrow();
        Map<String, Expression> expressions = new LinkedHashMap<>();
        for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
            if (variable.getNameAsString().startsWith("probe")) {
                expressions.put(
                        variable.getNameAsString(), variable.getInitializer().orElseThrow());
            }
        }
        return new Probes(new ConstantFolder(new JavaNames(unit, KnownTypes.jdkOnly())), expressions);
    }

    /** The value of {@code expression} written in a method of a class with {@code members}. */
    private static Optional<Object> value(String members, String expression) {
        return file("class C {\n" + members + "\nvoid m(int param) { Object probe = " + expression + "; } }")
                .value("probe");
    }

    private static Optional<Object> value(String expression) {
        return value("", expression);
    }

    @Test
    void foldsLiteralsToLongDoubleStringBooleanAndChar() {
        assertThat(value("42")).contains(42L);
        assertThat(value("42L")).contains(42L);
        assertThat(value("1_000_000")).contains(1_000_000L);
        assertThat(value("0x1F")).contains(31L);
        assertThat(value("010")).contains(8L);
        assertThat(value("0b101")).contains(5L);
        assertThat(value("2.5")).contains(2.5);
        assertThat(value("1e3")).contains(1000.0);
        assertThat(value("\"text\"")).contains("text");
        assertThat(value("true")).contains(true);
        assertThat(value("'c'")).contains('c');
    }

    @Test
    void readsIntLiteralsAsJavaDoes() {
        // A hexadecimal int literal is a bit pattern: 0xFFFFFFFF is -1, not 4294967295.
        assertThat(value("0xFFFFFFFF")).contains(-1L);
        // 2147483648 is only legal after a minus sign, where it makes Integer.MIN_VALUE.
        assertThat(value("-2147483648")).contains((long) Integer.MIN_VALUE);
        assertThat(value("-9223372036854775808L")).contains(Long.MIN_VALUE);
    }

    @Test
    void foldsTextBlocksWithoutTheirIndentation() {
        assertThat(value("""
                        \"""
                            SELECT id
                              FROM patient
                            \"""\
                        """)).contains("SELECT id\n  FROM patient\n");
    }

    @Test
    void foldsIntegerArithmeticShiftsAndBitOperations() {
        assertThat(value("(2 + 3) * 4")).contains(20L);
        assertThat(value("2 + 3 * 4")).contains(14L);
        // Integer division and remainder round towards zero, as in Java.
        assertThat(value("-7 / 2")).contains(-3L);
        assertThat(value("-7 % 3")).contains(-1L);
        assertThat(value("1 << 10")).contains(1024L);
        assertThat(value("-16 >> 2")).contains(-4L);
        assertThat(value("-1L >>> 60")).contains(15L);
        assertThat(value("0xFF & 0x0F")).contains(15L);
        assertThat(value("5 | 2")).contains(7L);
        assertThat(value("5 ^ 1")).contains(4L);
        assertThat(value("~0")).contains(-1L);
        assertThat(value("-(3)")).contains(-3L);
        assertThat(value("+3")).contains(3L);
    }

    @Test
    void intArithmeticWrapsAsInJava() {
        // Operands of int type make an int: the product wraps before it could be widened.
        assertThat(value("1000 * 60 * 60 * 24 * 30")).contains(-1_702_967_296L);
        assertThat(value("2147483647 + 1")).contains((long) Integer.MIN_VALUE);
        assertThat(value("-2147483648 - 1")).contains((long) Integer.MAX_VALUE);
        // One long operand makes the operation long.
        assertThat(value("1000L * 60 * 60 * 24 * 30")).contains(2_592_000_000L);
        assertThat(value("2147483647 + 1L")).contains(2_147_483_648L);
        // A long constant is long whatever its initializer, and an int one wraps before it is stored in a long.
        String members = """
                static final long WIDE = 2147483647;
                static final int DAYS = 30;
                static final long MONTH_MILLIS = DAYS * 24 * 60 * 60 * 1000;
                """;
        assertThat(value(members, "WIDE + 1")).contains(2_147_483_648L);
        assertThat(value(members, "MONTH_MILLIS")).contains(-1_702_967_296L);
    }

    @Test
    void shiftsInTheTypeOfTheirLeftOperand() {
        // An int shift uses the low five bits of its distance, a long one the low six.
        assertThat(value("1 << 32")).contains(1L);
        assertThat(value("1 << 31")).contains((long) Integer.MIN_VALUE);
        assertThat(value("1L << 32")).contains(4_294_967_296L);
        assertThat(value("1L << 64")).contains(1L);
        // A long distance does not make the shift long.
        assertThat(value("1 << 33L")).contains(2L);
        assertThat(value("-1 >>> 28")).contains(15L);
        assertThat(value("-1 >>> 1")).contains((long) Integer.MAX_VALUE);
    }

    @Test
    void narrowingCastsKeepWhatJavaKeeps() {
        assertThat(value("(int) 3_000_000_000L")).contains(-1_294_967_296L);
        assertThat(value("(short) 70000")).contains(4_464L);
        assertThat(value("(byte) 200")).contains(-56L);
        // The cast binds tighter than the product, which then wraps as an int.
        assertThat(value("(int) 3_000_000_000L * 2")).contains(1_705_032_704L);
        // Floating values round towards zero and stop at the type's bounds; NaN becomes zero.
        assertThat(value("(int) 1e10")).contains((long) Integer.MAX_VALUE);
        assertThat(value("(long) 1e19")).contains(Long.MAX_VALUE);
        assertThat(value("(int) (0.0 / 0.0)")).contains(0L);
        assertThat(value("(float) 0.1")).contains((double) 0.1f);
        assertThat(value("(char) 65")).contains('A');
        assertThat(value("(int) 'A'")).contains(65L);
    }

    @Test
    void charsAndFloatsAreNumbersOfTheirOwnType() {
        // A char is promoted to int in arithmetic.
        assertThat(value("'a' + 1")).contains(98L);
        assertThat(value("'a' + 'b' + \"x\"")).contains("195x");
        // Float arithmetic rounds to float, and a float prints as one.
        assertThat(value("\"x\" + (0.1f + 0.2f)")).contains("x0.3");
        assertThat(value("\"x\" + 1.0f / 3")).contains("x0.33333334");
        assertThat(value("\"x\" + (byte) 200")).contains("x-56");
        assertThat(value("\"x\" + (char) 65")).contains("xA");
        // A double constant initialised with an int is a double.
        assertThat(value("static final double RATIO = 1;", "\"ratio \" + RATIO"))
                .contains("ratio 1.0");
    }

    @Test
    void aDurationIsAnObjectThatConcatenatesAsItsText() {
        Probes probes = file("""
                import java.time.Duration;
                class C {
                    static final Duration TIMEOUT = Duration.ofMillis(1500);
                    Object probeConcatenated = "every " + Duration.ofSeconds(5);
                    Object probeField = "timeout " + TIMEOUT;
                    Object probeDuration = Duration.ofSeconds(5);
                    Object probeMillis = "after " + TIMEOUT.toMillis() + " ms";
                }
                """);
        assertThat(probes.value("probeConcatenated")).contains("every PT5S");
        assertThat(probes.value("probeField")).contains("timeout PT1.5S");
        assertThat(probes.value("probeDuration")).contains(Duration.ofSeconds(5));
        assertThat(probes.folder().integer(probes.get("probeDuration"))).isEmpty();
        assertThat(probes.millis("probeDuration")).hasValue(5_000);
        assertThat(probes.value("probeMillis")).contains("after 1500 ms");
    }

    @Test
    void foldsFloatingArithmeticAndMixedOperands() {
        assertThat(value("1 / 2.0")).contains(0.5);
        assertThat(value("3 * 1.5")).contains(4.5);
        assertThat(value("-2.5")).contains(-2.5);
        assertThat(value("0.5 - 1")).contains(-0.5);
        assertThat(value("7.5 % 2")).contains(1.5);
    }

    @Test
    void foldsPrimitiveCasts() {
        assertThat(value("(int) 2.9")).contains(2L);
        assertThat(value("(long) -2.9")).contains(-2L);
        assertThat(value("(double) 3")).contains(3.0);
        assertThat(value("(String) \"s\"")).contains("s");
    }

    @Test
    void refusesWhatItCannotFoldExactly() {
        assertThat(value("10 / 0")).isEmpty();
        assertThat(value("10 % 0")).isEmpty();
        // Comparisons are not folded.
        assertThat(value("1 < 2")).isEmpty();
        assertThat(value("1 == 1")).isEmpty();
        assertThat(value("(Object) 5")).isEmpty();
        assertThat(value("null")).isEmpty();
        assertThat(value("param")).isEmpty();
        assertThat(value("param + 1")).isEmpty();
        assertThat(value("1 + param")).isEmpty();
        assertThat(value("Integer.MAX_VALUE")).isEmpty();
        assertThat(value("System.currentTimeMillis()")).isEmpty();
        assertThat(value("\"a\".length()")).isEmpty();
        assertThat(value("flag ? 1 : 2")).isEmpty();
        assertThat(value("-\"s\"")).isEmpty();
        assertThat(value("!5")).isEmpty();
        assertThat(value("~1.5")).isEmpty();
    }

    @Test
    void concatenatesStringsLeftToRightAsJavaDoes() {
        assertThat(value("\"a\" + 1 + 2")).contains("a12");
        assertThat(value("1 + 2 + \"a\"")).contains("3a");
        assertThat(value("\"a\" + (1 + 2)")).contains("a3");
        assertThat(value("\"x\" + 1.5")).contains("x1.5");
        assertThat(value("\"x\" + 10L")).contains("x10");
        assertThat(value("\"x\" + 'c'")).contains("xc");
        assertThat(value("\"x\" + 'a' + 'b'")).contains("xab");
        assertThat(value("\"is \" + true")).contains("is true");
        assertThat(value("\"SELECT * \" + \"FROM t\"")).contains("SELECT * FROM t");
        assertThat(value("\"a\" + null")).isEmpty();
        assertThat(value("\"a\" + param")).isEmpty();
    }

    @Test
    void stringsAreOnlyStrings() {
        Probes probes = file("""
                class C {
                    Object probeText = "x" + 1;
                    Object probeNumber = 1 + 1;
                    Object probeFlag = !false;
                }
                """);
        ConstantFolder folder = probes.folder();
        assertThat(folder.string(probes.get("probeText"))).contains("x1");
        assertThat(folder.string(probes.get("probeNumber"))).isEmpty();
        assertThat(folder.integer(probes.get("probeNumber"))).hasValue(2);
        assertThat(folder.integer(probes.get("probeText"))).isEmpty();
        assertThat(folder.bool(probes.get("probeFlag"))).contains(true);
        assertThat(folder.bool(probes.get("probeNumber"))).isEmpty();
    }

    @Test
    void templatesReplaceUnknownPartsWithQuestionMarks() {
        Probes probes = file("""
                class C {
                    static final int LIMIT = 10;
                    void m(String table, String where, int id) {
                        Object probeTable = "SELECT * FROM " + table;
                        Object probeMiddle = "SELECT * FROM " + table + " WHERE " + where + " LIMIT " + LIMIT;
                        Object probeKnown = "SELECT 1";
                        Object probeNothing = table + where;
                        Object probeNotAString = id + 1;
                    }
                }
                """);
        ConstantFolder folder = probes.folder();
        assertThat(folder.template(probes.get("probeTable"))).contains("SELECT * FROM ?");
        assertThat(folder.template(probes.get("probeMiddle"))).contains("SELECT * FROM ? WHERE ? LIMIT 10");
        assertThat(folder.template(probes.get("probeKnown"))).contains("SELECT 1");
        assertThat(folder.template(probes.get("probeNothing"))).isEmpty();
        assertThat(folder.template(probes.get("probeNotAString"))).isEmpty();
    }

    @Test
    void foldsFinalFieldsAndTheConstantsTheyAreBuiltFrom() {
        String members = """
                static final int SECONDS = 30;
                static final long MILLIS = SECONDS * 1000L;
                private final String table = "patient";
                static final String QUERY = "SELECT * FROM " + TABLE;
                static final String TABLE = "encounter";
                """;
        assertThat(value(members, "MILLIS")).contains(30_000L);
        assertThat(value(members, "table")).contains("patient");
        // A constant may use one declared further down.
        assertThat(value(members, "QUERY")).contains("SELECT * FROM encounter");
        assertThat(value(members, "(MILLIS)")).contains(30_000L);
    }

    @Test
    void refusesFieldsThatMayChange() {
        String members = """
                static int counter = 5;
                private String mutable = "x";
                private final int perInstance;
                C(int value) { perInstance = value; }
                """;
        assertThat(value(members, "counter")).isEmpty();
        assertThat(value(members, "mutable")).isEmpty();
        // Final, but set in the constructor: no value in the declaration.
        assertThat(value(members, "perInstance")).isEmpty();
    }

    @Test
    void foldsTypeQualifiedConstantsOfTypesInTheFile() {
        Probes probes = file("""
                class C {
                    static final class Limits {
                        static final int MAX = 25;
                        static int mutable = 3;
                    }
                    Object probeNested = Limits.MAX * 2;
                    Object probeQualified = C.Limits.MAX;
                    Object probeMutable = Limits.mutable;
                    Object probeElsewhere = Settings.MAX;
                    Object probeMissing = Limits.MIN;
                }
                """);
        assertThat(probes.value("probeNested")).contains(50L);
        assertThat(probes.value("probeQualified")).contains(25L);
        assertThat(probes.value("probeMutable")).isEmpty();
        // A type of another file may hold anything.
        assertThat(probes.value("probeElsewhere")).isEmpty();
        assertThat(probes.value("probeMissing")).isEmpty();
    }

    @Test
    void foldsConstantsOfInterfacesThatAreFinalWithoutSayingSo() {
        Probes probes = file("""
                interface Limits {
                    int MAX = 40;
                    String NAME = "limits";
                }
                class C {
                    Object probeMax = Limits.MAX + 2;
                    Object probeName = Limits.NAME;
                }
                """);
        assertThat(probes.value("probeMax")).contains(42L);
        assertThat(probes.value("probeName")).contains("limits");
    }

    @Test
    void foldsEffectivelyFinalLocalsOnly() {
        Probes probes = file("""
                class C {
                    void m(int param, boolean flag) {
                        int fixed = 60 * 1000;
                        Object probeFixed = fixed;
                        int changed = 1;
                        changed = 2;
                        Object probeChanged = changed;
                        int counted = 0;
                        counted++;
                        Object probeCounted = counted;
                        int added = 5;
                        added += 1;
                        Object probeAdded = added;
                        int later;
                        later = 3;
                        Object probeLater = later;
                        Object probeParam = param;
                        Runnable r = () -> { int inLambda = 7; Object probeInLambda = inLambda; };
                    }
                }
                """);
        assertThat(probes.value("probeFixed")).contains(60_000L);
        assertThat(probes.value("probeChanged")).isEmpty();
        assertThat(probes.value("probeCounted")).isEmpty();
        assertThat(probes.value("probeAdded")).isEmpty();
        assertThat(probes.value("probeLater")).isEmpty();
        assertThat(probes.value("probeParam")).isEmpty();
        assertThat(probes.value("probeInLambda")).contains(7L);
    }

    @Test
    void aLocalHidesTheFieldOfTheSameName() {
        Probes probes = file("""
                class C {
                    static final int LIMIT = 10;
                    void m(int param) {
                        int LIMIT = param;
                        Object probe = LIMIT;
                    }
                    void n() {
                        Object probeField = LIMIT;
                    }
                }
                """);
        assertThat(probes.value("probe")).isEmpty();
        assertThat(probes.value("probeField")).contains(10L);
    }

    @Test
    void stopsOnConstantsThatReferToEachOther() {
        // Not legal Java, but a file being edited may hold it: the folder must end, without a value.
        assertThat(value("""
                        static final int A = B + 1;
                        static final int B = A + 1;
                        """, "A")).isEmpty();
    }

    @Test
    void foldsLongConcatenationsOfManyLines() {
        StringBuilder sql = new StringBuilder("\"SELECT\"");
        for (int i = 0; i < 40; i++) {
            sql.append(" + \" c").append(i).append(",\"");
        }
        assertThat(value(sql.toString()).map(String.class::cast).orElseThrow())
                .startsWith("SELECT c0, c1,")
                .endsWith(" c39,");
    }

    @Test
    void foldsBooleans() {
        String members = """
                static final boolean RUNNING = true;
                static final boolean DEBUG = false;
                static boolean toggled = true;
                """;
        assertThat(value(members, "!RUNNING")).contains(false);
        assertThat(value(members, "RUNNING && !DEBUG")).contains(true);
        assertThat(value(members, "DEBUG || DEBUG")).contains(false);
        assertThat(value(members, "(RUNNING)")).contains(true);
        assertThat(value(members, "toggled")).isEmpty();
        // Java does not take true || x as a constant unless x is one: neither does the folder.
        assertThat(value(members, "RUNNING || toggled")).isEmpty();
        assertThat(value(members, "RUNNING & DEBUG")).isEmpty();
    }

    @Test
    void foldsDurationsToMilliseconds() {
        Probes probes = file("""
                import java.time.Duration;
                import java.time.temporal.ChronoUnit;
                import java.util.concurrent.TimeUnit;
                class C {
                    static final long PERIOD = 15;
                    void m() {
                        Object probeSeconds = Duration.ofSeconds(5);
                        Object probeMinutesToMillis = Duration.ofMinutes(2).toMillis();
                        Object probeHours = Duration.ofHours(1);
                        Object probeDays = Duration.ofDays(1);
                        Object probeMillis = Duration.ofMillis(1500);
                        Object probeNanos = Duration.ofNanos(2_500_000);
                        Object probeOf = Duration.of(3, ChronoUnit.MINUTES);
                        Object probeUnit = TimeUnit.SECONDS.toMillis(PERIOD);
                        Object probeQualified = java.util.concurrent.TimeUnit.MINUTES.toMillis(1);
                        Object probePlain = 250;
                        Duration timeout = Duration.ofSeconds(PERIOD * 2);
                        Object probeVariable = timeout;
                        Object probeVariableToMillis = timeout.toMillis();
                    }
                }
                """);
        assertThat(probes.millis("probeSeconds")).hasValue(5_000);
        assertThat(probes.millis("probeMinutesToMillis")).hasValue(120_000);
        assertThat(probes.millis("probeHours")).hasValue(3_600_000);
        assertThat(probes.millis("probeDays")).hasValue(86_400_000);
        assertThat(probes.millis("probeMillis")).hasValue(1_500);
        // Duration.toMillis() drops what is below a millisecond.
        assertThat(probes.millis("probeNanos")).hasValue(2);
        assertThat(probes.millis("probeOf")).hasValue(180_000);
        assertThat(probes.millis("probeUnit")).hasValue(15_000);
        assertThat(probes.millis("probeQualified")).hasValue(60_000);
        // A plain number is taken as milliseconds, as Thread.sleep and most scheduling APIs take it.
        assertThat(probes.millis("probePlain")).hasValue(250);
        assertThat(probes.millis("probeVariable")).hasValue(30_000);
        assertThat(probes.millis("probeVariableToMillis")).hasValue(30_000);
        // The millisecond values are values for the other readings too: a rule may ask for an integer.
        assertThat(probes.value("probeUnit")).contains(15_000L);
        assertThat(probes.value("probeMinutesToMillis")).contains(120_000L);
    }

    @Test
    void foldsDurationsWithStaticallyImportedUnits() {
        Probes probes = file("""
                import static java.util.concurrent.TimeUnit.MINUTES;
                class C {
                    Object probe = MINUTES.toMillis(3);
                }
                """);
        assertThat(probes.millis("probe")).hasValue(180_000);
        assertThat(probes.folder()
                        .timeUnit(probes.get("probe")
                                .asMethodCallExpr()
                                .getScope()
                                .orElseThrow()))
                .contains(TimeUnit.MINUTES);
    }

    @Test
    void refusesDurationLookAlikes() {
        Probes probes = file("""
                import java.time.Duration;
                import java.time.temporal.ChronoUnit;
                import java.util.concurrent.TimeUnit;
                class C {
                    void m(long amount, TimeUnit unit) {
                        Object probeUnknownAmount = Duration.ofSeconds(amount);
                        Object probeUnknownUnit = unit.toMillis(5);
                        Object probeOtherConversion = TimeUnit.MINUTES.toSeconds(5);
                        Object probeDerived = Duration.ofSeconds(5).plusMillis(3);
                        Object probeToSeconds = Duration.ofMinutes(5).toSeconds();
                        Object probeHalfDays = Duration.of(1, ChronoUnit.HALF_DAYS);
                        Object probeTwoArguments = Duration.ofSeconds(5, 0);
                        Object probeNotAUnit = TimeUnit.valueOf("SECONDS").toMillis(5);
                        Object probeText = "5";
                    }
                }
                """);
        for (String probe : probes.expressions().keySet()) {
            assertThat(probes.millis(probe)).as(probe).isEmpty();
        }
    }

    @Test
    void refusesDurationTypesOfOtherLibraries() {
        Probes probes = file("""
                import com.acme.time.Duration;
                import com.acme.time.TimeUnit;
                class C {
                    Object probeDuration = Duration.ofSeconds(5);
                    Object probeUnit = TimeUnit.SECONDS.toMillis(5);
                }
                """);
        assertThat(probes.millis("probeDuration")).isEmpty();
        assertThat(probes.millis("probeUnit")).isEmpty();
        // Without an import, Duration and TimeUnit are types of the file's own package.
        Probes unimported = file("""
                package org.example;
                class C {
                    Object probeDuration = Duration.ofSeconds(5);
                    Object probeUnit = TimeUnit.SECONDS.toMillis(5);
                }
                """);
        assertThat(unimported.millis("probeDuration")).isEmpty();
        assertThat(unimported.millis("probeUnit")).isEmpty();
    }

    @Test
    void readsTimeUnitConstants() {
        Probes probes = file("""
                import java.util.concurrent.*;
                import static java.util.concurrent.TimeUnit.HOURS;
                class C {
                    Object probeQualified = TimeUnit.SECONDS;
                    Object probeImported = HOURS;
                    Object probeNotImported = MINUTES;
                    Object probeNotAConstant = TimeUnit.HALF;
                    Object probeMethod = TimeUnit.values();
                }
                """);
        ConstantFolder folder = probes.folder();
        assertThat(folder.timeUnit(probes.get("probeQualified"))).contains(TimeUnit.SECONDS);
        assertThat(folder.timeUnit(probes.get("probeImported"))).contains(TimeUnit.HOURS);
        assertThat(folder.timeUnit(probes.get("probeNotImported"))).isEmpty();
        assertThat(folder.timeUnit(probes.get("probeNotAConstant"))).isEmpty();
        assertThat(folder.timeUnit(probes.get("probeMethod"))).isEmpty();
    }

    /** A folder over {@code code} that sees the settings of an {@code application.properties} holding {@code properties}. */
    private static Map<String, Object> injected(String properties, String code) throws Exception {
        Settings settings = Settings.of(
                new java.util.ArrayList<>(List.of(ConfigParser.parse(Path.of("application.properties"), properties))));
        ProjectConstants project =
                new ProjectConstantIndex(List.of(), file -> Optional.empty(), settings, KnownTypes.jdkOnly());
        CompilationUnit unit = JavaParsers.create(17).parse(code).getResult().orElseThrow();
        ConstantFolder folder = new ConstantFolder(new JavaNames(unit, KnownTypes.jdkOnly()), project);
        Map<String, Object> values = new LinkedHashMap<>();
        for (VariableDeclarator variable : unit.findAll(VariableDeclarator.class)) {
            if (variable.getNameAsString().startsWith("probe")) {
                Expression init = variable.getInitializer().orElseThrow();
                values.put(variable.getNameAsString(), folder.value(init).orElse(null));
                values.put(
                        variable.getNameAsString() + ".setBy",
                        folder.origins(init).stream().map(ValueOrigin::setBy).toList());
            }
        }
        return values;
    }

    @Test
    void readsWhatSpringInjectsFromTheConfigurationOrThePlaceholdersDefault() throws Exception {
        Map<String, Object> values = injected("lab.poll-ms=1500\nlab.enabled=true\n", """
                import java.time.Duration;
                import org.springframework.beans.factory.annotation.Value;
                class C {
                    @Value("${lab.poll-ms:5000}") private long pollMs;
                    @Value("${lab.retry-ms:250}") private long retryMs;
                    @Value("${lab.wait:PT0.5S}") private Duration wait;
                    @Value("${lab.enabled}") private boolean enabled;
                    @Value("${lab.missing}") private long missing;
                    @Value("#{${lab.poll-ms} * 2}") private long computed;
                    @Value("${lab.retry-ms:250}") private long reassigned;
                    private final long fromConstructor;
                    private final int unrelated;

                    C(@Value("${lab.poll-ms:1}") long fromConstructor, int unrelated) {
                        this.fromConstructor = fromConstructor;
                        this.unrelated = unrelated;
                    }

                    void reset() { reassigned = 0; }

                    void m() {
                        Object probePoll = pollMs;
                        Object probeRetry = this.retryMs;
                        Object probeWait = wait.toMillis();
                        Object probeEnabled = enabled;
                        Object probeMissing = missing;
                        Object probeComputed = computed;
                        Object probeReassigned = reassigned;
                        Object probeConstructor = fromConstructor;
                        Object probeUnrelated = unrelated;
                    }
                }
                """);

        assertThat(values.get("probePoll")).isEqualTo(1500L);
        assertThat(values.get("probePoll.setBy")).isEqualTo(List.of("lab.poll-ms in application.properties"));
        assertThat(values.get("probeRetry")).isEqualTo(250L);
        assertThat(values.get("probeRetry.setBy")).isEqualTo(List.of("the default of lab.retry-ms"));
        assertThat(values.get("probeWait")).isEqualTo(500L);
        assertThat(values.get("probeEnabled")).isEqualTo(true);
        assertThat(values.get("probeMissing")).isNull();
        assertThat(values.get("probeComputed")).isNull();
        assertThat(values.get("probeReassigned")).isNull();
        assertThat(values.get("probeConstructor")).isEqualTo(1500L);
        assertThat(values.get("probeUnrelated")).isNull();
    }

    @Test
    void withoutTheProjectNothingOutsideTheFileIsKnown() {
        Probes probes = file("""
                import org.springframework.beans.factory.annotation.Value;
                class C {
                    @Value("${lab.poll-ms:5000}") private long pollMs;
                    void m() {
                        Object probeInjected = pollMs;
                        Object probeOther = Other.CONSTANT;
                    }
                }
                """);

        // Without the project's configuration, a placeholder's default is all there is.
        assertThat(probes.value("probeInjected")).contains(5000L);
        assertThat(probes.value("probeOther")).isEmpty();
        assertThat(probes.folder().origins(probes.get("probeInjected")))
                .extracting(ValueOrigin::setBy)
                .containsExactly("the default of lab.poll-ms");
    }
}
