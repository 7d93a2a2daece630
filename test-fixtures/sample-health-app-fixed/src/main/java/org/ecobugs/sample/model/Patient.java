package org.ecobugs.sample.model;

import java.time.LocalDate;

/**
 * A patient as known to the master patient index.
 *
 * @param id the internal patient id, also the FHIR logical id
 * @param mrn the medical record number assigned by the hospital
 * @param familyName the family name
 * @param givenName the first given name
 * @param gender the administrative gender: {@code male}, {@code female}, {@code other} or {@code unknown}
 * @param birthDate the date of birth
 */
public record Patient(long id, String mrn, String familyName, String givenName, String gender, LocalDate birthDate) {}
