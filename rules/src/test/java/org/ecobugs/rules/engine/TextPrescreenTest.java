package org.ecobugs.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.api.RequiredWords;
import org.ecobugs.rules.api.SourceDetector;
import org.ecobugs.rules.api.SourceVisits;
import org.ecobugs.rules.java.KnownTypes;
import org.ecobugs.rules.meta.RuleCatalog;
import org.ecobugs.rules.meta.RuleMetadata;
import org.ecobugs.rules.testing.Fixtures;
import org.junit.jupiter.api.Test;

class TextPrescreenTest {

    @Test
    void aRuleIsWantedWhenOneOfItsWordsAppearsAsAWholeWord() {
        TextPrescreen prescreen = new TextPrescreen(List.of(rule(Set.of("for", "while")), rule(Set.of("sleep"))));
        assertThat(prescreen.wanted("String format(String before) { return information; }"))
                .containsExactly(false, false);
        assertThat(prescreen.wanted("for(int i = 0;;) {}")).containsExactly(true, false);
        assertThat(prescreen.wanted("Thread.sleep(10)")).containsExactly(false, true);
        assertThat(prescreen.wanted("do { x(); } while(busy);")).containsExactly(true, false);
    }

    @Test
    void aWordWithAWildcardStandsForEveryIdentifierWithThatEndOrStart() {
        TextPrescreen prescreen = new TextPrescreen(
                List.of(rule(Set.of("*Repository", "JdbcTemplate")), rule(Set.of("*Dao", "findBy*"))));
        assertThat(prescreen.wanted("PatientRepository patients;")).containsExactly(true, false);
        assertThat(prescreen.wanted("IFhirResourceDao<Patient> dao;")).containsExactly(false, true);
        assertThat(prescreen.wanted("x.findByStatus(s);")).containsExactly(false, true);
        assertThat(prescreen.wanted("Repository r; Dao d;")).containsExactly(true, true);
        // The suffix must end the identifier, the prefix start it; comments and strings are not code.
        assertThat(prescreen.wanted(
                        "RepositoryFactory f; DaoConfig c; refindBy(); // PatientRepository\nString s = \"XDao\";"))
                .containsExactly(false, false);
        assertThatThrownBy(() -> new TextPrescreen(List.of(rule(Set.of("*")))))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new TextPrescreen(List.of(rule(Set.of("*.sleep")))))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRuleWithGroupsOfWordsIsWantedWhenEveryGroupHasOne() {
        TextPrescreen prescreen = new TextPrescreen(List.of(
                rule(RequiredWords.anyOf("*Repository", "EntityManager").andAnyOf("findAll", "getResultList")),
                rule(Set.of("sleep"))));
        assertThat(prescreen.wanted("List<P> all = patients.findAll();")).containsExactly(false, false);
        assertThat(prescreen.wanted("PatientRepository patients; patients.save(p);"))
                .containsExactly(false, false);
        assertThat(prescreen.wanted("PatientRepository patients; patients.findAll();"))
                .containsExactly(true, false);
        assertThat(prescreen.wanted("findAll(); sleep(1); EntityManager em;")).containsExactly(true, true);
        assertThatThrownBy(() -> RequiredWords.anyOf("sleep").andAnyOf(Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void commentsAndLiteralsAreNotCode() {
        TextPrescreen prescreen = new TextPrescreen(List.of(rule(Set.of("for", "while")), rule(Set.of("sleep"))));
        String license = "/*\n * See the License for the specific language governing permissions\n */\n";
        assertThat(prescreen.wanted(license + "class A { /** Waits for the lab. */ void m() {} }"))
                .containsExactly(false, false);
        assertThat(prescreen.wanted("// we sleep here\nint x;")).containsExactly(false, false);
        assertThat(prescreen.wanted("String s = \"while \\\" for\"; char q = '\"'; sleep();"))
                .containsExactly(false, true);
        assertThat(prescreen.wanted("String t = \"\"\"\n  for \"quoted\" while\n  \"\"\"; for (;;) {}"))
                .containsExactly(true, false);
        assertThat(prescreen.wanted("char c = '\\''; while (c > 0) {}")).containsExactly(true, false);
        // Code after a comment or a string on the same line still counts.
        assertThat(prescreen.wanted("/* a */ sleep(1); String u = \"x\"; for (;;) {}"))
                .containsExactly(true, true);
    }

    @Test
    void tellsWhetherTheCodeMayDeclareAVar() {
        TextPrescreen prescreen = new TextPrescreen(List.of(rule(Set.of())));
        assertThat(prescreen.screen("void m() { var x = 1; }", true).mentionsVar())
                .isTrue();
        assertThat(prescreen
                        .screen("int variable; // var\nString s = \"var\";", true)
                        .mentionsVar())
                .isFalse();
        assertThat(prescreen.screen("int variable;", false).mentionsVar()).isTrue();
    }

    @Test
    void aRuleWithoutWordsIsAlwaysWanted() {
        TextPrescreen prescreen = new TextPrescreen(List.of(rule(Set.of()), rule(Set.of("sleep"))));
        assertThat(prescreen.wanted("")).containsExactly(true, false);
    }

    @Test
    void somethingThatIsNotAWordIsADefectOfTheRule() {
        assertThatThrownBy(() -> new TextPrescreen(List.of(rule(Set.of("Thread.sleep")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Thread.sleep");
    }

    /**
     * Every rule, active by default or not, on every fixture: the prescreen costs no finding. The fixtures hold each
     * rule's flagged cases and their look-alikes, with the spellings the rules recognise.
     */
    @Test
    void theWordsOfEveryRuleAreANecessaryCondition() {
        RuleCatalog catalog = RuleCatalog.builtIn();
        AnalysisRequest request = AnalysisRequest.builder()
                .includeRules(
                        Set.copyOf(catalog.all().stream().map(RuleMetadata::key).toList()))
                .build();
        List<Keyed<SourceDetector>> rules = RuleSet.of(request, catalog).sourceDetectors();
        assertThat(rules).hasSizeGreaterThan(20);
        List<Keyed<SourceDetector>> unscreened =
                rules.stream().map(TextPrescreenTest::withoutWords).toList();
        // Rules without words read every file; the skipping is covered by the others.
        List<Keyed<SourceDetector>> withWords = rules.stream()
                .filter(rule -> !rule.detector().textPrescreen().isAnyFile())
                .toList();
        int skipped = 0;
        for (Path source : Fixtures.allSources()) {
            SourceFileAnalyzer.Outcome screened = analyzer(rules).analyze(source);
            SourceFileAnalyzer.Outcome all = analyzer(unscreened).analyze(source);
            assertThat(findings(screened)).as(source.toString()).isEqualTo(findings(all));
            if (!TextPrescreen.any(new TextPrescreen(withWords).wanted(read(source)))) {
                skipped++;
            }
        }
        // Some fixtures (stubs, look-alikes) hold nothing any rule looks for: the test must cover skipping too.
        assertThat(skipped).isPositive();
    }

    private static SourceFileAnalyzer analyzer(List<Keyed<SourceDetector>> rules) {
        return new SourceFileAnalyzer(rules, 25, StandardCharsets.UTF_8, KnownTypes.jdkOnly(), new RuleTimer());
    }

    private static List<Finding> findings(SourceFileAnalyzer.Outcome outcome) {
        return outcome.findings().stream().map(RawFinding::finding).sorted().toList();
    }

    private static String read(Path source) {
        try {
            return java.nio.file.Files.readString(source, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same detector, reading every file. */
    private static Keyed<SourceDetector> withoutWords(Keyed<SourceDetector> rule) {
        return new Keyed<>(rule.key(), visits -> rule.detector().subscribe(visits));
    }

    private static Keyed<SourceDetector> rule(Set<String> words) {
        return rule(words.isEmpty() ? RequiredWords.anyFile() : RequiredWords.anyOf(words));
    }

    private static Keyed<SourceDetector> rule(RequiredWords words) {
        return new Keyed<>("EB000", new SourceDetector() {
            @Override
            public void subscribe(SourceVisits visits) {}

            @Override
            public RequiredWords textPrescreen() {
                return words;
            }
        });
    }
}
