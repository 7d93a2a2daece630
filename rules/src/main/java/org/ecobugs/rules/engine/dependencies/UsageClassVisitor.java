package org.ecobugs.rules.engine.dependencies;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Records every type one class refers to, wherever the class file names it: super types, descriptors and generic
 * signatures, annotations of every retention and type annotations (with their values), instructions, {@code
 * invokedynamic} bootstrap arguments, method handles, class constants and local variables. Also keeps string
 * constants shaped like class names, and calls to the classes some libraries dispatch on by name. Every event is
 * passed on to the delegate.
 */
final class UsageClassVisitor extends ClassVisitor {

    private static final int API = Opcodes.ASM9;
    private static final int CONSTANT_CLASS = 7;

    private final UsageCollector.Side side;
    private final Set<String> types = new HashSet<>();
    /** Types named only by annotations the JVM does not keep at run time (CLASS retention). */
    private final Set<String> invisibleTypes = new HashSet<>();

    private final Set<String> strings = new HashSet<>();
    private final Set<String> members = new HashSet<>();
    private String className = "?";

    UsageClassVisitor(UsageCollector.Side side, ClassVisitor delegate) {
        super(API, delegate);
        this.side = side;
    }

    /** Adds the class entries of the constant pool: they name every class the code refers to. */
    void recordConstantPoolClasses(ClassReader reader) {
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS) {
                internalName(reader.readUTF8(offset, buffer));
            }
        }
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name;
        side.ownClasses.add(name);
        internalName(superName);
        if (interfaces != null) {
            for (String type : interfaces) {
                internalName(type);
            }
        }
        signature(signature);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
        internalName(owner);
        methodDescriptor(descriptor);
        super.visitOuterClass(owner, name, descriptor);
    }

    @Override
    public void visitNestHost(String nestHost) {
        internalName(nestHost);
        super.visitNestHost(nestHost);
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
        internalName(permittedSubclass);
        super.visitPermittedSubclass(permittedSubclass);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        AnnotationVisitor recorded = annotation(descriptor, visible, super.visitAnnotation(descriptor, visible));
        return visible && PackageScans.scans(descriptor) ? new PackageScans(recorded) : recorded;
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return annotation(descriptor, visible, super.visitTypeAnnotation(typeRef, typePath, descriptor, visible));
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        descriptor(descriptor);
        signature(signature);
        RecordComponentVisitor next = super.visitRecordComponent(name, descriptor, signature);
        return new RecordComponentVisitor(API, next) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation, visible, super.visitAnnotation(annotation, visible));
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(
                    int typeRef, TypePath typePath, String annotation, boolean visible) {
                return annotation(
                        annotation, visible, super.visitTypeAnnotation(typeRef, typePath, annotation, visible));
            }
        };
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        descriptor(descriptor);
        signature(signature);
        FieldVisitor next = super.visitField(access, name, descriptor, signature, value);
        return new FieldVisitor(API, next) {
            @Override
            public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                return annotation(annotation, visible, super.visitAnnotation(annotation, visible));
            }

            @Override
            public AnnotationVisitor visitTypeAnnotation(
                    int typeRef, TypePath typePath, String annotation, boolean visible) {
                return annotation(
                        annotation, visible, super.visitTypeAnnotation(typeRef, typePath, annotation, visible));
            }
        };
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        methodDescriptor(descriptor);
        signature(signature);
        if (exceptions != null) {
            for (String exception : exceptions) {
                internalName(exception);
            }
        }
        return new Methods(super.visitMethod(access, name, descriptor, signature, exceptions));
    }

    @Override
    public void visitEnd() {
        super.visitEnd();
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

    /** Records an annotation's type and values, as run-time references only when the JVM keeps it. */
    private AnnotationVisitor annotation(String descriptor, boolean visible, AnnotationVisitor next) {
        if (visible) {
            descriptor(descriptor);
        } else {
            Type type = Type.getType(descriptor);
            if (type.getSort() == Type.OBJECT) {
                invisibleTypes.add(type.getInternalName());
            }
        }
        return new Annotations(next, visible);
    }

    private final class Annotations extends AnnotationVisitor {
        private final boolean visible;

        Annotations(AnnotationVisitor next, boolean visible) {
            super(API, next);
            this.visible = visible;
        }

        @Override
        public void visit(String name, Object value) {
            if (visible) {
                constant(value);
            } else if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                invisibleTypes.add(type.getInternalName());
            }
            super.visit(name, value);
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            if (visible) {
                descriptor(descriptor);
            } else {
                invisibleTypes.add(Type.getType(descriptor).getInternalName());
            }
            super.visitEnum(name, descriptor, value);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String descriptor) {
            return annotation(descriptor, visible, super.visitAnnotation(name, descriptor));
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return new Annotations(super.visitArray(name), visible);
        }
    }

    /**
     * The packages a class-level scanning annotation covers ({@code @SpringBootApplication}, {@code @ComponentScan},
     * {@code @EntityScan}, {@code @Enable…Repositories}…): its base packages and the packages of its base package
     * classes, or, as Spring does without them, the annotated class's own package.
     */
    private final class PackageScans extends AnnotationVisitor {
        private static final Set<String> BASE_PACKAGE_ATTRIBUTES =
                Set.of("value", "basePackages", "basePackageClasses", "scanBasePackages", "scanBasePackageClasses");
        private static final Set<String> SCANNING = Set.of(
                "Lorg/springframework/context/annotation/ComponentScan;",
                "Lorg/springframework/context/annotation/ComponentScans;",
                "Lorg/springframework/boot/autoconfigure/SpringBootApplication;",
                "Lorg/springframework/boot/autoconfigure/domain/EntityScan;",
                "Lorg/springframework/boot/persistence/autoconfigure/EntityScan;",
                "Lorg/springframework/boot/web/servlet/ServletComponentScan;",
                "Lorg/springframework/boot/context/properties/ConfigurationPropertiesScan;");

        private final String attribute;
        private final PackageScans top;
        private boolean listed;

        PackageScans(AnnotationVisitor next) {
            super(API, next);
            this.attribute = null;
            this.top = this;
        }

        private PackageScans(AnnotationVisitor next, String attribute, PackageScans top) {
            super(API, next);
            this.attribute = attribute;
            this.top = top;
        }

        @Override
        public void visitEnd() {
            super.visitEnd();
            if (top == this && !listed) {
                scanned(className);
            }
        }

        private void scanned(String typeOrPackageClass) {
            int slash = typeOrPackageClass.lastIndexOf('/');
            side.scannedPackages.putIfAbsent(slash < 0 ? "" : typeOrPackageClass.substring(0, slash), className);
        }

        static boolean scans(String descriptor) {
            return SCANNING.contains(descriptor)
                    || (descriptor.startsWith("Lorg/springframework/data/")
                            && descriptor.contains("/Enable")
                            && descriptor.endsWith("Repositories;"));
        }

        @Override
        public void visit(String name, Object value) {
            String named = name == null ? attribute : name;
            if (named != null && BASE_PACKAGE_ATTRIBUTES.contains(named)) {
                if (value instanceof String packages) {
                    // Spring splits base packages on commas, semicolons and blanks.
                    for (String pkg : packages.split("[,;\\s]+")) {
                        if (!pkg.isBlank()) {
                            top.listed = true;
                            side.scannedPackages.putIfAbsent(pkg.strip().replace('.', '/'), className);
                        }
                    }
                } else if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                    top.listed = true;
                    scanned(type.getInternalName());
                }
            }
            super.visit(name, value);
        }

        @Override
        public AnnotationVisitor visitArray(String name) {
            return new PackageScans(super.visitArray(name), name, top);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String name, String nested) {
            // @ComponentScans holds @ComponentScan values, each a scan of its own.
            AnnotationVisitor next = super.visitAnnotation(name, nested);
            if (!scans(nested)) {
                return next;
            }
            top.listed = true;
            return new PackageScans(next);
        }
    }

    private final class Methods extends MethodVisitor {
        Methods(MethodVisitor next) {
            super(API, next);
        }

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
            return new Annotations(super.visitAnnotationDefault(), true);
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            return annotation(descriptor, visible, super.visitAnnotation(descriptor, visible));
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(
                int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor, visible, super.visitTypeAnnotation(typeRef, typePath, descriptor, visible));
        }

        @Override
        public AnnotationVisitor visitParameterAnnotation(int parameter, String descriptor, boolean visible) {
            return annotation(descriptor, visible, super.visitParameterAnnotation(parameter, descriptor, visible));
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            internalName(type);
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            internalName(owner);
            descriptor(descriptor);
            member(owner, name);
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            internalName(owner);
            methodDescriptor(descriptor);
            member(owner, name);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(
                String name, String descriptor, Handle bootstrapMethodHandle, Object... bootstrapMethodArguments) {
            methodDescriptor(descriptor);
            handle(bootstrapMethodHandle);
            for (Object argument : bootstrapMethodArguments) {
                constant(argument);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
            super.visitLdcInsn(value);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            descriptor(descriptor);
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(
                int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor, visible, super.visitInsnAnnotation(typeRef, typePath, descriptor, visible));
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            internalName(type);
            super.visitTryCatchBlock(start, end, handler, type);
        }

        @Override
        public AnnotationVisitor visitTryCatchAnnotation(
                int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(
                    descriptor, visible, super.visitTryCatchAnnotation(typeRef, typePath, descriptor, visible));
        }

        @Override
        public void visitLocalVariable(
                String name, String descriptor, String signature, Label start, Label end, int index) {
            descriptor(descriptor);
            signature(signature);
            super.visitLocalVariable(name, descriptor, signature, start, end, index);
        }

        @Override
        public AnnotationVisitor visitLocalVariableAnnotation(
                int typeRef,
                TypePath typePath,
                Label[] start,
                Label[] end,
                int[] index,
                String descriptor,
                boolean visible) {
            return annotation(
                    descriptor,
                    visible,
                    super.visitLocalVariableAnnotation(typeRef, typePath, start, end, index, descriptor, visible));
        }
    }

    private void member(String owner, String name) {
        if (NameLoadedFamilies.DISPATCHERS.contains(owner)) {
            members.add(owner + '.' + name);
        }
    }

    private void constant(Object value) {
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

    private void handle(Handle handle) {
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

    private void internalName(String name) {
        if (name == null) {
            return;
        }
        if (name.startsWith("[")) {
            descriptor(name);
        } else {
            types.add(name);
        }
    }

    private void descriptor(String descriptor) {
        if (descriptor != null) {
            type(Type.getType(descriptor));
        }
    }

    private void methodDescriptor(String descriptor) {
        if (descriptor == null) {
            return;
        }
        Type method = Type.getMethodType(descriptor);
        type(method.getReturnType());
        for (Type argument : method.getArgumentTypes()) {
            type(argument);
        }
    }

    private void signature(String signature) {
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
