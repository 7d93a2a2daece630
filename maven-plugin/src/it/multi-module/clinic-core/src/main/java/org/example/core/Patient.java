package org.example.core;

/** A patient record. */
public record Patient(String id, String name) {}
