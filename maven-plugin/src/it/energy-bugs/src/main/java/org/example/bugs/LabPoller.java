package org.example.bugs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

/** Polls the laboratory system the wasteful way. */
public class LabPoller {
    private final AtomicBoolean resultReady = new AtomicBoolean();

    public void awaitResult() {
        while (!resultReady.get()) {
            // spins a core until the result arrives
        }
    }

    public ResultSet results(Connection connection) throws SQLException {
        return connection.createStatement().executeQuery("SELECT * FROM lab_result");
    }
}
