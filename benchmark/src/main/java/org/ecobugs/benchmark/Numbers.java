package org.ecobugs.benchmark;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting shared by the benchmark's reports, the same on every platform. */
final class Numbers {

    private Numbers() {}

    /** A factor as written in its source: no exponent, no trailing zeros. */
    static String plain(double value) {
        // Sums of factors (0.059 + 0.055) carry binary noise in the last digits; no factor has 12 significant ones.
        return new BigDecimal(value)
                .round(new java.math.MathContext(12))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** Fixed decimals with a dot. */
    static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A count of bytes for people: B, kB, MB or GB (powers of 1000, like the per-GB factors). */
    static String bytes(double bytes) {
        double abs = Math.abs(bytes);
        if (abs < 1_000) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        if (abs < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1_000);
        }
        if (abs < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f MB", bytes / 1_000_000);
        }
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1_000_000_000);
    }

    /** Energy for people: mJ under one joule, J above, with three significant digits. */
    static String joules(double joules) {
        double abs = Math.abs(joules);
        if (abs == 0) {
            return "0 J";
        }
        if (abs < 1) {
            return significant(joules * 1000) + " mJ";
        }
        return significant(joules) + " J";
    }

    /** Mass of CO2e for people: µg, mg or g. */
    static String grams(double grams) {
        double abs = Math.abs(grams);
        if (abs == 0) {
            return "0 g";
        }
        if (abs < 0.001) {
            return significant(grams * 1_000_000) + " µg";
        }
        if (abs < 1) {
            return significant(grams * 1000) + " mg";
        }
        return significant(grams) + " g";
    }

    /** Milliseconds from nanoseconds, no decimals above 10 ms. */
    static String millis(double nanos) {
        double ms = nanos / 1_000_000;
        return Math.abs(ms) >= 10
                ? String.format(Locale.ROOT, "%.0f ms", ms)
                : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /** Three significant digits, without an exponent. */
    static String significant(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        return new BigDecimal(value)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** A signed percentage with one decimal, e.g. {@code +12.5 %}. */
    static String percentChange(double before, double after) {
        if (before == 0) {
            return after == 0 ? "±0 %" : "n/a";
        }
        double change = (after - before) / before * 100;
        return String.format(Locale.ROOT, "%+.1f %%", change);
    }
}
