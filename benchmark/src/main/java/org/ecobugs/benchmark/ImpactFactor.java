package org.ecobugs.benchmark;

import java.util.Objects;

/**
 * One number of the impact model, with where it comes from: every report lists the factors it used in this form.
 *
 * @param key the factor's stable key in the shipped table, e.g. {@code grid.fr.ember_2024}
 * @param value the number
 * @param unit its unit, e.g. {@code gCO2e/kWh}
 * @param description what it is
 * @param source who publishes it
 * @param where where it was read: {@code repository@commit:path} or an address
 * @param licence the licence of the source
 */
public record ImpactFactor(
        String key, double value, String unit, String description, String source, String where, String licence) {

    public ImpactFactor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        description = Objects.requireNonNullElse(description, "");
        source = Objects.requireNonNullElse(source, "");
        where = Objects.requireNonNullElse(where, "");
        licence = Objects.requireNonNullElse(licence, "");
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("Factor " + key + " must be a finite number of 0 or more, not " + value);
        }
    }

    /** A factor the user gave instead of a shipped one; reports name it as such. */
    public static ImpactFactor userGiven(String key, double value, String unit, String description) {
        return new ImpactFactor(key, value, unit, description, "given by the user", "", "");
    }

    /** The factor in one line: value, unit, what it is and its source. */
    public String credit() {
        String origin = source.isEmpty() ? "" : "; " + source + (where.isEmpty() ? "" : " (" + where + ")");
        String terms = licence.isEmpty() ? "" : ", " + licence;
        return key + " = " + Numbers.plain(value) + " " + unit + " — " + description + origin + terms;
    }
}
