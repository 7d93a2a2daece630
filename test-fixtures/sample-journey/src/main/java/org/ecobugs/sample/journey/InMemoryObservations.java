package org.ecobugs.sample.journey;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ecobugs.sample.dao.ObservationDao;
import org.ecobugs.sample.model.Observation;

/**
 * The observation store of the journey: in memory, so that the journey runs offline without a database. It replaces
 * the JDBC code of {@link ObservationDao}, which the journey therefore does not measure.
 */
final class InMemoryObservations extends ObservationDao {

    private final List<Observation> rows = new ArrayList<>();

    InMemoryObservations() {
        super(() -> {
            throw new SQLException("the journey has no database");
        });
    }

    @Override
    public synchronized List<Observation> findByPatient(long patientId) {
        List<Observation> found = new ArrayList<>();
        for (Observation row : rows) {
            if (row.patientId() == patientId) {
                found.add(row);
            }
        }
        found.sort(Comparator.comparing(Observation::effectiveAt).reversed());
        return found;
    }

    @Override
    public synchronized Optional<Observation> findLatest(long patientId, String loincCode) {
        return findByPatient(patientId).stream()
                .filter(o -> o.loincCode().equals(loincCode))
                .findFirst();
    }

    @Override
    public synchronized int countByPatient(long patientId) {
        return findByPatient(patientId).size();
    }

    @Override
    public synchronized long insert(Observation observation) {
        long id = rows.size() + 1;
        rows.add(new Observation(
                id,
                observation.patientId(),
                observation.loincCode(),
                observation.display(),
                observation.value(),
                observation.unit(),
                observation.status(),
                observation.effectiveAt()));
        return id;
    }
}
