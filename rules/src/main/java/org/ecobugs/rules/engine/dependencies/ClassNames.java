package org.ecobugs.rules.engine.dependencies;

/** Recognises strings that may name a class, as reflection and configuration write them. */
final class ClassNames {

    private static final int MAX_LENGTH = 300;

    private ClassNames() {}

    /** {@code org.postgresql.Driver} or {@code a.b.Outer$Inner}: two or more dot-separated Java identifiers. */
    static boolean looksLikeClassName(String text) {
        int length = text.length();
        if (length < 3 || length > MAX_LENGTH || text.indexOf('.') < 0) {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (segmentStart) {
                    return false;
                }
                segmentStart = true;
            } else if (segmentStart) {
                if (!Character.isJavaIdentifierStart(c)) {
                    return false;
                }
                segmentStart = false;
            } else if (!Character.isJavaIdentifierPart(c)) {
                return false;
            }
        }
        return !segmentStart;
    }

    /** {@code a.b.C} → {@code a/b/C}. */
    static String internal(String dotted) {
        return dotted.replace('.', '/');
    }
}
