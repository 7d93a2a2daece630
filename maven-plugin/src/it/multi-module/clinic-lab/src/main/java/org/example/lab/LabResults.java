package org.example.lab;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.example.core.Patient;

/** Reads a patient's laboratory results. */
public class LabResults {
    public ResultSet of(Connection connection, Patient patient) throws SQLException {
        return connection.createStatement().executeQuery("SELECT * FROM lab_result WHERE patient = '" + patient.id() + "'");
    }
}
