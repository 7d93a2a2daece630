package org.ecobugs.rules.engine.dependencies;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * What one class refers to, as its visitor meets the names: the types of internal names, descriptors and generic
 * signatures, constants and method handles; the types named only by annotations the JVM does not keep; the string
 * constants shaped like class names; and the calls to the classes some libraries dispatch on by name.
 */
final class ClassReferences {

    private static final int API = Opcodes.ASM9;
    private static final int CONSTANT_CLASS = 7;

    private final Set<String> types = new HashSet<>();
    /** Types named only by annotations the JVM does not keep at run time (CLASS retention). */
    private final Set<String> invisibleTypes = new HashSet<>();

    private final Set<String> strings = new HashSet<>();
    private final Set<String> members = new HashSet<>();

    /** Adds the class entries of the constant pool: they name every class the code refers to. */
    void constantPoolClasses(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS) {
                internalName(reader.readUTF8(offset, buffer));
            }
        }
    }

    /** Records what the class {@code className} refers to in the side it belongs to; each name keeps its first place. */
    void recordInto(UsageCollector.Side side, String className) {
        for (String type : types) {
            if (!type.equals(className)) {
                side.types.putIfAbsent(type, className);
            }
        }
        for (String type : invisibleTypes) {
            if (!types.contains(type)) {
                side.compileOnlyTypes.putIfAbsent(type, className);
            }
        }
        for (String string : strings) {
            side.classNameStrings.putIfAbsent(string, className);
        }
        for (String member : members) {
            side.members.putIfAbsent(member, className);
        }
        if (types.contains(UsageCollector.SERVICE_LOADER)) {
            for (String type : types) {
                side.serviceCandidates.putIfAbsent(type, className);
            }
        }
    }

    /** A type named only by an annotation the JVM does not keep at run time. */
    void invisible(String internalName) {
        invisibleTypes.add(internalName);
    }

    void member(String owner, String name) {
        if (NameLoadedFamilies.DISPATCHERS.contains(owner)) {
            members.add(owner + '.' + name);
        }
    }

    void constant(Object value) {
        if (value instanceof Type type) {
            type(type);
        } else if (value instanceof Handle handle) {
            handle(handle);
        } else if (value instanceof ConstantDynamic dynamic) {
            descriptor(dynamic.getDescriptor());
            handle(dynamic.getBootstrapMethod());
            for (int i = 0; i < dynamic.getBootstrapMethodArgumentCount(); i++) {
                constant(dynamic.getBootstrapMethodArgument(i));
            }
        } else if (value instanceof String string && ClassNames.looksLikeClassName(string)) {
            strings.add(string);
        }
    }

    void handle(Handle handle) {
        internalName(handle.getOwner());
        if (handle.getDesc().startsWith("(")) {
            methodDescriptor(handle.getDesc());
        } else {
            descriptor(handle.getDesc());
        }
    }

    private void type(Type type) {
        switch (type.getSort()) {
            case Type.ARRAY -> type(type.getElementType());
            case Type.OBJECT -> types.add(type.getInternalName());
            case Type.METHOD -> methodDescriptor(type.getDescriptor());
            default -> {}
        }
    }

    void internalName(String name) {
        if (name == null) {
            return;
        }
        if (name.startsWith("[")) {
            descriptor(name);
        } else {
            types.add(name);
        }
    }

    void descriptor(String descriptor) {
        if (descriptor != null) {
            type(Type.getType(descriptor));
        }
    }

    void methodDescriptor(String descriptor) {
        if (descriptor == null) {
            return;
        }
        Type method = Type.getMethodType(descriptor);
        type(method.getReturnType());
        for (Type argument : method.getArgumentTypes()) {
            type(argument);
        }
    }

    void signature(String signature) {
        if (signature != null) {
            new SignatureReader(signature).accept(new SignatureTypes());
        }
    }

    /** Collects the class types of a generic signature; each nested type gets its own visitor. */
    private final class SignatureTypes extends SignatureVisitor {
        private String current;

        SignatureTypes() {
            super(API);
        }

        @Override
        public void visitClassType(String name) {
            current = name;
            types.add(name);
        }

        @Override
        public void visitInnerClassType(String name) {
            current = current + '$' + name;
            types.add(current);
        }

        @Override
        public SignatureVisitor visitTypeArgument(char wildcard) {
            return new SignatureTypes();
        }

        @Override
        public SignatureVisitor visitClassBound() {
            return new SignatureTypes();
        }

        @Override
        public SignatureVisitor visitInterfaceBound() {
            return new SignatureTypes();
        }

        @Override
        public SignatureVisitor visitSuperclass() {
            return new SignatureTypes();
        }

        @Override
        public SignatureVisitor visitInterface() {
            return new SignatureTypes();
        }

        @Override
        public SignatureVisitor visitParameterType() {
            return new SignatureTypes();
        }

        @Override
        public SignatureVisitor visitReturnType() {
            return new SignatureTypes();
        }

        @Override
        public SignatureVisitor visitExceptionType() {
            return new SignatureTypes();
        }

        @Override
        public SignatureVisitor visitArrayType() {
            return new SignatureTypes();
        }
    }
}
