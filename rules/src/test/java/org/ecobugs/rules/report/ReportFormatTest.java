package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void parsesTheNamesUsersType() {
        assertThat(ReportFormat.fromName("text")).isEqualTo(ReportFormat.TEXT);
        assertThat(ReportFormat.fromName("json")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.fromName("sarif")).isEqualTo(ReportFormat.SARIF);
        assertThat(ReportFormat.fromName("html")).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.fromName("SARIF")).isEqualTo(ReportFormat.SARIF);
    }

    @Test
    void namesTheAcceptedFormatsWhenTheNameIsUnknown() {
        assertThatThrownBy(() -> ReportFormat.fromName("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown report format 'xml'; use text, json, sarif or html");
        assertThatThrownBy(() -> ReportFormat.fromName("txt"))
                .hasMessage("Unknown report format 'txt'; use text, json, sarif or html");
    }

    @Test
    void knowsTheFileExtensionAndTheTypedName() {
        assertThat(ReportFormat.TEXT.extension()).isEqualTo("txt");
        assertThat(ReportFormat.JSON.extension()).isEqualTo("json");
        assertThat(ReportFormat.SARIF.extension()).isEqualTo("sarif");
        assertThat(ReportFormat.HTML.extension()).isEqualTo("html");
        assertThat(ReportFormat.TEXT.id()).isEqualTo("text");
    }
}
