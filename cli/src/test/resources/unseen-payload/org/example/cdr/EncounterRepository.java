package org.example.cdr;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EncounterRepository extends JpaRepository<Encounter, Long> {

    List<Encounter> findByPatientId(long patientId);

    long countByPatientId(long patientId);

    Page<Encounter> findByWardAndOpenTrue(String ward, Pageable page);

    @Query(value = "SELECT * FROM encounter WHERE ward = ?1", nativeQuery = true)
    List<Encounter> wardRaw(String ward);

    @Query(value = "SELECT id, patient_id, ward, admitted_at FROM encounter WHERE ward = ?1", nativeQuery = true)
    List<Encounter> wardColumns(String ward);
}
