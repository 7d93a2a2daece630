package org.ecobugs.rules.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {

    @Test
    void controlCharactersSeparatorsAndBidiOverridesAreEscaped() {
        assertThat(TerminalText.escape("A.java\nB.java:1:1: warning")).isEqualTo("A.java\\nB.java:1:1: warning");
        assertThat(TerminalText.escape("\r\t\u001b[2J\u007f\u0085")).isEqualTo("\\r\\t\\u001b[2J\\u007f\\u0085");
        assertThat(TerminalText.escape("a\u2028b\u202ec\u2066d")).isEqualTo("a\\u2028b\\u202ec\\u2066d");
    }

    @Test
    void ordinaryTextIsKeptAsItIs() {
        String text = "src/Überwachung/Poller.java:12:9: warning: [EB101] Block on the latch — not a spin ✓";
        assertThat(TerminalText.escape(text)).isSameAs(text);
        assertThat(TerminalText.escape(null)).isNull();
    }
}
