package org.ecobugs.rules.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecobugs.rules.testing.RuleVerifier.Mode.SOURCE_AND_BYTECODE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ecobugs.rules.Analysis;
import org.ecobugs.rules.AnalysisRequest;
import org.ecobugs.rules.AnalysisResult;
import org.ecobugs.rules.Finding;
import org.ecobugs.rules.Fix;
import org.ecobugs.rules.testing.FixApplier;
import org.ecobugs.rules.testing.Fixtures;
import org.ecobugs.rules.testing.RuleVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PrettyPrintedPayloadRuleTest {

    private final RuleVerifier verifier = RuleVerifier.rule("EB201");

    @Test
    void sourceAndBytecodeTogether() {
        verifier.verify("eb201/PrettyPrintedPayload.java", SOURCE_AND_BYTECODE);
    }

    @Test
    void sourceAlone() {
        verifier.verify("eb201/PrettyPrintedPayload.java", RuleVerifier.Mode.SOURCE);
    }

    @Test
    void springBootProperties() {
        verifier.verify("eb201/config", RuleVerifier.Mode.SOURCE);
    }

    @ParameterizedTest
    @EnumSource
    void eachWalkerAloneFindsTheSameSettings(RuleVerifier.Mode mode) {
        verifier.verify("eb201/PrettyPrintedPayloadCompiled.java", mode);
    }

    @Test
    void quickFixesTurnTheSettingOffWithoutTouchingTheRest() throws IOException {
        Path source = Fixtures.source("eb201/PrettyPrintedPayload.java");
        List<String> lines = Files.readAllLines(source);
        AnalysisResult result = Analysis.run(AnalysisRequest.builder()
                .addSourceRoot(source)
                .includeRules(Set.of("EB201"))
                .build());

        Map<Integer, String> fixedLines = new TreeMap<>();
        for (Finding finding : result.findings()) {
            if (finding.fixes().isEmpty()) {
                continue;
            }
            assertThat(finding.fixes())
                    .singleElement()
                    .extracting(Fix::description)
                    .isEqualTo("Write compact output");
            List<String> fixed = FixApplier.apply(lines, finding.fixes().get(0));
            fixedLines.put(finding.line(), fixed.get(finding.line() - 1).strip());
        }
        assertThat(fixedLines)
                .containsEntry(
                        34,
                        "private static final ObjectMapper SHARED_MAPPER = new ObjectMapper(); // Noncompliant"
                                + " {{Jackson INDENT_OUTPUT pads every payload it writes with JSON indentation; serialize"
                                + " compactly and pretty-print only for human readers.}}")
                .containsEntry(
                        43,
                        "return new ObjectMapper().writer().writeValueAsString(resource); // Noncompliant"
                                + " {{writerWithDefaultPrettyPrinter() pads every payload it writes with JSON indentation;"
                                + " serialize compactly and pretty-print only for human readers.}}")
                .containsEntry(48, "mapper.configure(SerializationFeature.INDENT_OUTPUT, false); // Noncompliant")
                .containsEntry(
                        65,
                        "IParser parser = fhirContext.newJsonParser().setPrettyPrint(false); // Noncompliant"
                                + " {{HAPI FHIR setPrettyPrint(true) pads every resource it encodes with indentation (+50 to"
                                + " +75 % bytes, measured on a FHIR JSON Bundle); serialize compactly and pretty-print only for"
                                + " human readers.}}")
                .containsEntry(
                        70, "marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.FALSE); // Noncompliant")
                .containsEntry(
                        74,
                        "transformer.setOutputProperty(OutputKeys.INDENT, \"no\"); // Noncompliant {{OutputKeys.INDENT"
                                + " pads every payload it writes with XML indentation; serialize compactly and"
                                + " pretty-print only for human readers.}}");
        // Every reported setting with a mechanical fix got one; useDefaultPrettyPrinter() has none.
        assertThat(result.findings())
                .filteredOn(f -> f.fixes().isEmpty())
                .singleElement()
                .extracting(Finding::line)
                .isEqualTo(57);
    }
}
