package org.ecobugs.rules.engine.dependencies;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;

/**
 * What one class of a dependency refers to, read from its constant pool alone (no full parse: the reachability walk
 * reads many library classes): class entries, class names in descriptors and signatures, string constants shaped
 * like class names, calls on name dispatchers, and whether it loads services or Spring factories.
 *
 * @param types internal names of the classes it refers to
 * @param classNameStrings string constants that look like class names, dotted
 * @param dispatchMembers {@code owner.member} references to the dispatchers of {@link NameLoadedFamilies}
 * @param loadsServices whether it uses {@code ServiceLoader} or reads {@code META-INF/services}
 * @param loadsSpringFactories whether it reads Spring Boot's auto-configuration lists
 */
record LibraryClass(
        Set<String> types,
        Set<String> classNameStrings,
        Set<String> dispatchMembers,
        boolean loadsServices,
        boolean loadsSpringFactories) {

    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int STRING = 8;
    private static final int FIELD_REF = 9;
    private static final int METHOD_REF = 10;
    private static final int INTERFACE_METHOD_REF = 11;

    static LibraryClass read(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Set<String> types = new LinkedHashSet<>();
        Set<String> strings = new LinkedHashSet<>();
        Set<String> members = new LinkedHashSet<>();
        boolean services = false;
        boolean spring = false;
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset == 0) {
                continue;
            }
            switch (bytes[offset - 1]) {
                case CLASS -> {
                    String name = reader.readUTF8(offset, buffer);
                    if (name.startsWith("[")) {
                        descriptorTypes(name, types);
                    } else {
                        types.add(name);
                    }
                }
                case UTF8 -> descriptorTypes(bytes, offset + 2, readLength(bytes, offset), types);
                case STRING -> {
                    String text = reader.readUTF8(offset, buffer);
                    if (ClassNames.looksLikeClassName(text)) {
                        strings.add(text);
                    } else if (text.startsWith(JarIndex.SERVICES)) {
                        services = true;
                    } else if (text.contains("META-INF/spring.factories") || text.contains("META-INF/spring/")) {
                        spring = true;
                    }
                }
                case FIELD_REF, METHOD_REF, INTERFACE_METHOD_REF -> {
                    int classOffset = reader.getItem(reader.readUnsignedShort(offset));
                    String owner = reader.readUTF8(classOffset, buffer);
                    if (NameLoadedFamilies.DISPATCHERS.contains(owner)) {
                        int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
                        members.add(owner + '.' + reader.readUTF8(nameAndType, buffer));
                    }
                }
                default -> {}
            }
        }
        services |= types.contains(UsageCollector.SERVICE_LOADER);
        return new LibraryClass(Set.copyOf(types), Set.copyOf(strings), Set.copyOf(members), services, spring);
    }

    private static int readLength(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
    }

    /**
     * The {@code Lname;} class types inside a constant-pool UTF-8 entry, read from its bytes: most entries hold none,
     * and reading them as strings first would cost an allocation each. Class names are ASCII; a multi-byte character
     * ends a candidate name, which is then ignored.
     */
    static void descriptorTypes(byte[] bytes, int start, int length, Set<String> sink) {
        int end = start + length;
        int i = start;
        while (i < end) {
            if (bytes[i] == 'L') {
                int nameEnd = i + 1;
                boolean slash = false;
                while (nameEnd < end && isNameByte(bytes[nameEnd])) {
                    slash |= bytes[nameEnd] == '/';
                    nameEnd++;
                }
                if (nameEnd < end && slash && (bytes[nameEnd] == ';' || bytes[nameEnd] == '<')) {
                    sink.add(new String(bytes, i + 1, nameEnd - i - 1, StandardCharsets.ISO_8859_1));
                    i = nameEnd;
                    continue;
                }
            }
            i++;
        }
    }

    private static boolean isNameByte(byte b) {
        return (b >= 'a' && b <= 'z')
                || (b >= 'A' && b <= 'Z')
                || (b >= '0' && b <= '9')
                || b == '/'
                || b == '$'
                || b == '_';
    }

    /** The {@code Lname;} class types inside a descriptor or signature. */
    static void descriptorTypes(String text, Set<String> sink) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        descriptorTypes(bytes, 0, bytes.length, sink);
    }
}
