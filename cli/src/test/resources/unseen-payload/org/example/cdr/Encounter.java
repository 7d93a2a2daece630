package org.example.cdr;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class Encounter {
    @Id
    Long id;

    long patientId;
    String ward;
    boolean open;
    Instant admittedAt;

    public boolean isOpen() {
        return open;
    }

    public String getWard() {
        return ward;
    }
}
