package org.example.deps;

import static org.assertj.core.api.Assertions.assertThat;

/** Test code (compiled, not run in this IT): the only user of AssertJ. */
public class AdmissionsCheck {
    void admitsByIdentifier() {
        assertThat(new Admissions().admit("p1")).isEqualTo("p1");
    }
}
