package org.example.formats;

/** The service the registry looks up. */
public interface FormatProvider {
    String format(String value);
}
