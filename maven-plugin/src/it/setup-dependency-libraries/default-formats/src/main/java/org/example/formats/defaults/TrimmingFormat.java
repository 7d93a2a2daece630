package org.example.formats.defaults;

import org.example.formats.FormatProvider;

/** The provider the registry finds at run time. */
public class TrimmingFormat implements FormatProvider {
    @Override
    public String format(String value) {
        return value.strip();
    }
}
