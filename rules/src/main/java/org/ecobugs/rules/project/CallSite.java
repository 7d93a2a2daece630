package org.ecobugs.rules.project;

/**
 * A call from a method of the project, or a method reference, with what its receiver is known to be.
 *
 * @param name the method called
 * @param arity the number of arguments, or {@link #ANY_ARITY} for a method reference
 */
public record CallSite(String name, int arity, Receiver receiver, Site site) {

    public static final int ANY_ARITY = -1;

    /**
     * What a call is made on, as far as the file tells.
     *
     * @param kind how the receiver was found
     * @param type for {@link Kind#SELF}, the calling type; for {@link Kind#TYPE}, the receiver's declared type or the
     *     class of a static call; for {@link Kind#GETTER}, the type the getter is called on. Fully qualified when the
     *     file's imports tell, else in the file's package (see {@link ProjectModel} for how it is looked up).
     * @param getter for {@link Kind#GETTER}, the no-argument method of {@code type} that returns the receiver
     */
    public record Receiver(Kind kind, String type, String getter) {

        public enum Kind {
            /** An unqualified or {@code this.} call: the calling type, its outer types and their supertypes. */
            SELF,
            /** A variable, a field, a parameter of a known type, or the class of a static call. */
            TYPE,
            /** What a getter returns: {@code getDao().findAll()}, {@code service.getDao().findAll()}. */
            GETTER
        }

        public static Receiver self(String type) {
            return new Receiver(Kind.SELF, type, null);
        }

        public static Receiver type(String type) {
            return new Receiver(Kind.TYPE, type, null);
        }

        public static Receiver getter(String type, String getter) {
            return new Receiver(Kind.GETTER, type, getter);
        }
    }
}
