package org.example.cdr;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads lab observations from the clinical data repository. */
public class ObservationDao {

    private static final String BY_PATIENT = "SELECT * FROM observation WHERE patient_id = ?";
    private static final String COLUMNS = "SELECT id, loinc_code, value_num, unit, effective_at FROM observation";

    private final DataSource dataSource;

    public ObservationDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Observation> byPatient(long patientId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(BY_PATIENT)) {
            ps.setLong(1, patientId);
            return read(ps);
        }
    }

    public List<Observation> byPatientColumns(long patientId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE patient_id = ?")) {
            ps.setLong(1, patientId);
            return read(ps);
        }
    }

    public List<Observation> forPatients(List<Long> patientIds) throws SQLException {
        List<Observation> all = new ArrayList<>();
        for (Long patientId : patientIds) {
            all.addAll(byPatientColumns(patientId));
        }
        return all;
    }

    public List<Observation> forPatientsAtOnce(List<Long> patientIds) throws SQLException {
        String placeholders = String.join(",", patientIds.stream().map(id -> "?").toList());
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(COLUMNS + " WHERE patient_id IN (" + placeholders + ")")) {
            for (int i = 0; i < patientIds.size(); i++) {
                ps.setLong(i + 1, patientIds.get(i));
            }
            return read(ps);
        }
    }

    private static List<Observation> read(PreparedStatement ps) throws SQLException {
        List<Observation> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Observation(rs.getLong("id"), rs.getString("loinc_code"), rs.getDouble("value_num")));
            }
        }
        return rows;
    }

    public record Observation(long id, String loincCode, double value) {}
}
