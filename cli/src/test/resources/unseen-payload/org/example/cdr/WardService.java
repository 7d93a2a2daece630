package org.example.cdr;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/** The ward board: who is admitted where. */
@Service
public class WardService {

    private final EncounterRepository encounters;
    private final EntityManager em;

    public WardService(EncounterRepository encounters, EntityManager em) {
        this.encounters = encounters;
        this.em = em;
    }

    public List<Encounter> openOnWard(String ward) {
        return encounters.findAll().stream()
                .filter(e -> e.isOpen() && ward.equals(e.getWard()))
                .limit(40)
                .toList();
    }

    public List<Encounter> openOnWardPaged(String ward) {
        return encounters.findByWardAndOpenTrue(ward, PageRequest.of(0, 40)).getContent();
    }

    public int admissions(long patientId) {
        return encounters.findByPatientId(patientId).size();
    }

    public long admissionsCounted(long patientId) {
        return encounters.countByPatientId(patientId);
    }

    public List<Encounter> forPatients(List<Long> ids) {
        return ids.stream().map(id -> encounters.findById(id).orElseThrow()).toList();
    }

    public List<Encounter> forPatientsAtOnce(List<Long> ids) {
        return encounters.findAllById(ids);
    }

    public Encounter lastAdmission(long patientId) {
        return em.createQuery("select e from Encounter e where e.patientId = :p order by e.admittedAt desc", Encounter.class)
                .setParameter("p", patientId)
                .getResultList()
                .get(0);
    }

    public Encounter lastAdmissionLimited(long patientId) {
        return em.createQuery("select e from Encounter e where e.patientId = :p order by e.admittedAt desc", Encounter.class)
                .setParameter("p", patientId)
                .setMaxResults(1)
                .getSingleResult();
    }
}
