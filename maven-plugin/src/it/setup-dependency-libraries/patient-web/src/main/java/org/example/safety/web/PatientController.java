package org.example.safety.web;

/** A component of a shared module: the application's component scan covers its package. */
public class PatientController {
    public String patients() {
        return "[]";
    }
}
