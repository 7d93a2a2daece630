package org.ecobugs.sample.dao;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ecobugs.sample.model.Observation;

/** Stores and reads observations in the {@code observation} table of the clinical data repository. */
public class ObservationDao {

    /** Opens a connection to the clinical data repository, normally from the pool. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;

    public ObservationDao(ConnectionSource connections) {
        this.connections = connections;
    }

    /** All observations of a patient, newest first. */
    public List<Observation> findByPatient(long patientId) throws SQLException {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, patient_id, loinc_code, display, value_num, unit, status, effective_at"
                                + " FROM observation WHERE patient_id = ?")) {
            statement.setLong(1, patientId);
            List<Observation> observations = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    observations.add(map(rows));
                }
            }
            observations.sort((a, b) -> b.effectiveAt().compareTo(a.effectiveAt()));
            return observations;
        }
    }

    /** The most recent observation of one test for a patient. */
    public Optional<Observation> findLatest(long patientId, String loincCode) throws SQLException {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, patient_id, loinc_code, display, value_num, unit, status, effective_at"
                                + " FROM observation WHERE patient_id = ? AND loinc_code = ?"
                                + " ORDER BY effective_at DESC LIMIT 1")) {
            statement.setLong(1, patientId);
            statement.setString(2, loincCode);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    /** How many observations a patient has. */
    public int countByPatient(long patientId) throws SQLException {
        try (Connection connection = connections.open();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT COUNT(*) FROM observation WHERE patient_id = ?")) {
            statement.setLong(1, patientId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Inserts an observation and returns its generated id. */
    public long insert(Observation observation) throws SQLException {
        try (Connection connection = connections.open();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO observation (patient_id, loinc_code, display, value_num, unit, status, effective_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            statement.setLong(1, observation.patientId());
            statement.setString(2, observation.loincCode());
            statement.setString(3, observation.display());
            statement.setBigDecimal(4, observation.value());
            statement.setString(5, observation.unit());
            statement.setString(6, observation.status());
            statement.setTimestamp(7, Timestamp.from(observation.effectiveAt()));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static Observation map(ResultSet row) throws SQLException {
        return new Observation(
                row.getLong("id"),
                row.getLong("patient_id"),
                row.getString("loinc_code"),
                row.getString("display"),
                row.getBigDecimal("value_num"),
                row.getString("unit"),
                row.getString("status"),
                row.getTimestamp("effective_at").toInstant());
    }
}
