package org.example.deps;

import javax.annotation.Generated;
import org.apache.commons.lang3.StringUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Admissions, logged through SLF4J (bound at run time to slf4j-simple) into a database reached over JDBC (H2). */
@Generated("admissions-generator")
public class Admissions {
    private static final Logger LOG = LoggerFactory.getLogger(Admissions.class);

    public String admit(String patientId) {
        LOG.info("admitting {}", patientId);
        return patientId == null ? StringUtils.EMPTY : patientId;
    }
}
