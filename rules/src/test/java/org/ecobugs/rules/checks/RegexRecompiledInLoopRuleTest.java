package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.testing.FixApplier;
import org.ecobugs.rules.testing.Fixtures;
import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegexRecompiledInLoopRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB304");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb304/RegexRecompiledInLoop.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb304/RegexRecompiledInLoop.java", SOURCE);
    }

    @Test
    void insideComparators() {
        verifier.verify("eb304/RegexInComparator.java", SOURCE);
    }

    @Test
    void throughTheProjectsHelpers() {
        RuleVerifier.rule("EB304").withParameter("followProjectCalls", "true").verify("eb304/project", SOURCE);
    }

    @Test
    void theProjectsHelpersAreNotFollowedByDefault() {
        Path root = Fixtures.source("eb304/project");
        assertThat(Analysis.run(AnalysisRequest.builder()
                                .addSourceRoot(root)
                                .includeRules(Set.of("EB304"))
                                .build())
                        .findings())
                .extracting(Finding::line)
                .containsExactly(69); // the loop in TextUtil.words() only
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameCalls(RuleVerifier.Mode mode) {
        verifier.verify("eb304/RegexRecompiledInLoopCompiled.java", mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\r", "\t", " ", "&", "~", "\\|", "\\^", "\\.", "\\$", "\\\\", "\\[", "é"})
    void splitFastPathSeparatorsCompileNothing(String separator) {
        assertThat(RegexRecompiledInLoopRule.isSplitFastPath(separator)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {".", "|", "^", "$", "*", "+", "?", "(", "[", "{", "\\", "\\d", "\\s", "\\1", ",;", "[|^]", ""})
    void otherSeparatorsCompileAPattern(String separator) {
        assertThat(RegexRecompiledInLoopRule.isSplitFastPath(separator)).isFalse();
    }

    @TempDir
    Path work;

    @Test
    void theQuickFixHoistsTheRegexIntoAConstantAndImportsPattern() throws IOException {
        Path source = Files.writeString(work.resolve("Segments.java"), """
                package demo;

                import java.util.List;

                class Segments {
                    /** Components of every segment. */
                    int count(List<String> segments) {
                        int n = 0;
                        for (String s : segments) {
                            n += s.split("[|^]", -1).length;
                        }
                        return n;
                    }
                }
                """);

        List<Finding> findings = findings(source);

        assertThat(findings)
                .singleElement()
                .satisfies(finding -> assertThat(finding.fixes())
                        .singleElement()
                        .satisfies(fix -> assertThat(
                                        String.join("\n", FixApplier.apply(Files.readAllLines(source), fix)) + "\n")
                                .isEqualTo("""
                                package demo;

                                import java.util.List;
                                import java.util.regex.Pattern;

                                class Segments {
                                    private static final Pattern PATTERN = Pattern.compile("[|^]");

                                    /** Components of every segment. */
                                    int count(List<String> segments) {
                                        int n = 0;
                                        for (String s : segments) {
                                            n += PATTERN.split(s, -1).length;
                                        }
                                        return n;
                                    }
                                }
                                """)));
    }

    @Test
    void anEscapedLiteralRegexIsReplacedByTheTextItMatches() throws IOException {
        Path source = Files.writeString(work.resolve("Escaped.java"), """
                import java.util.List;

                class Escaped {
                    int count(List<String> lines) {
                        int n = 0;
                        for (String line : lines) {
                            n += line.replaceAll("\\\\?", "").length();
                            n += line.replaceAll("\\\\t", " ").length();
                        }
                        return n;
                    }
                }
                """);

        List<String> fixed = Files.readAllLines(source);
        for (Finding finding : findings(source)) {
            fixed = FixApplier.apply(fixed, finding.fixes().get(0));
        }

        assertThat(fixed)
                .contains("            n += line.replace(\"?\", \"\").length();")
                .contains("            n += line.replace(\"\\t\", \" \").length();");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\?", "\\.", "a\\|b", "\\n", "\\t", "<br/>", "\\$", "\\\\"})
    void escapedMetacharactersAndControlEscapesAreLiteralText(String regex) {
        assertThat(RegexRecompiledInLoopRule.literalText(regex)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\s", "\\d", "a.b", "\\Q?\\E", "[ab]", "a+", "\\1", "x\\"})
    void classesConstructsAndMetacharactersAreNotLiteralText(String regex) {
        assertThat(RegexRecompiledInLoopRule.literalText(regex)).isEmpty();
    }

    @Test
    void regexesThatDependOnTheCallOrAnInnerClassGetNoQuickFix() throws IOException {
        Path source = Files.writeString(work.resolve("Local.java"), """
                import java.util.List;

                class Local {
                    int count(List<String> lines, int flags) {
                        String separator = "\\s*,\\s*";
                        int n = 0;
                        for (String line : lines) {
                            n += line.split(separator).length;
                            n += java.util.regex.Pattern.compile("a+b", flags).matcher(line).groupCount();
                        }
                        return n;
                    }

                    interface Parser {
                        default int parts(List<String> lines) {
                            int n = 0;
                            for (String line : lines) {
                                n += line.split("[;|]").length;
                            }
                            return n;
                        }
                    }
                }
                """);

        assertThat(findings(source))
                .hasSize(3)
                .allSatisfy(finding -> assertThat(finding.fixes()).isEmpty());
    }

    /** Every fix offered on the fixture leaves a file that compiles and that the rule no longer flags there. */
    @Test
    void everyQuickFixOfTheFixtureCompilesAndClearsItsFinding() throws IOException {
        Path fixture = Fixtures.source("eb304/RegexRecompiledInLoop.java");
        List<String> lines = Files.readAllLines(fixture);
        List<Finding> fixable =
                findings(fixture).stream().filter(f -> !f.fixes().isEmpty()).toList();
        assertThat(fixable).hasSizeGreaterThanOrEqualTo(8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (Finding finding : fixable) {
            Path dir = Files.createDirectories(work.resolve("fix-" + finding.line() + "-" + finding.column()));
            Path fixed = Files.write(
                    dir.resolve("RegexRecompiledInLoop.java"),
                    FixApplier.apply(lines, finding.fixes().get(0)));
            List<String> args =
                    new ArrayList<>(List.of("-d", dir.resolve("classes").toString(), "-proc:none"));
            args.add(fixed.toString());
            assertThat(javac.run(null, null, null, args.toArray(String[]::new)))
                    .as("javac on the fix of line %d", finding.line())
                    .isZero();
            int shift = Files.readAllLines(fixed).size() - lines.size();
            assertThat(findings(fixed))
                    .as("findings after the fix of line %d", finding.line())
                    .noneMatch(f -> f.line() == finding.line() + shift && f.column() == finding.column());
        }
    }

    private static List<Finding> findings(Path source) {
        return Analysis.run(AnalysisRequest.builder()
                        .addSourceRoot(source)
                        .includeRules(Set.of("EB304"))
                        .build())
                .findings();
    }
}
