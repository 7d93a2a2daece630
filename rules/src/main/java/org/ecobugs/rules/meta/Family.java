package org.ecobugs.rules.meta;

/** Rule families, one per hundred of the key (EB1xx … EB6xx). */
public enum Family {
    POLLING(1, "Polling and wake-ups"),
    PAYLOAD(2, "Payload and data transfer"),
    LOOPS(3, "Loops and repeated work"),
    DEPENDENCIES(4, "Dependencies and bloat"),
    RESOURCES(5, "Resources"),
    DATA_ACCESS(6, "Data access");

    private final int digit;
    private final String title;

    Family(int digit, String title) {
        this.digit = digit;
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Family ofKey(String key) {
        if (key.length() == 5 && key.startsWith("EB")) {
            int digit = key.charAt(2) - '0';
            for (Family family : values()) {
                if (family.digit == digit) {
                    return family;
                }
            }
        }
        throw new IllegalArgumentException("Not a rule key of a known family: " + key);
    }
}
