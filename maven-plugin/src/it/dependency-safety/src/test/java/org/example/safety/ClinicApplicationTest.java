package org.example.safety;

import org.springframework.test.util.ReflectionTestUtils;

/** Reads the application's state the way Spring's test utilities do. */
public class ClinicApplicationTest {
    public Object recent() {
        return ReflectionTestUtils.getField(new ClinicApplication(), "recent");
    }
}
