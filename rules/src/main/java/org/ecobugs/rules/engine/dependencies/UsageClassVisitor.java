package org.ecobugs.rules.engine.dependencies;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;

/**
 * Records every type one class refers to, wherever the class file names it: super types, descriptors and generic
 * signatures, annotations of every retention and type annotations (with their values), instructions, {@code
 * invokedynamic} bootstrap arguments, method handles, class constants and local variables. Also keeps string
 * constants shaped like class names, and calls to the classes some libraries dispatch on by name. Every event is
 * passed on to the delegate.
 */
final class UsageClassVisitor extends ClassVisitor {

    private static final int API = Opcodes.ASM9;

    private final UsageCollector.Side side;
    private final ClassReferences references = new ClassReferences();
    private String className = "?";

    UsageClassVisitor(UsageCollector.Side side, ClassVisitor delegate) {
        super(API, delegate);
        this.side = side;
    }

    /** Adds the class entries of the constant pool: they name every class the code refers to. */
    void recordConstantPoolClasses(ClassReader reader) {
        references.constantPoolClasses(reader);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name;
        side.ownClasses.add(name);
        references.internalName(superName);
        if (interfaces != null) {
            for (String type : interfaces) {
                references.internalName(type);
            }
        }
        references.signature(signature);
        super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitOuterClass(String owner, String name, String descriptor) {
        references.internalName(owner);
        references.methodDescriptor(descriptor);
        super.visitOuterClass(owner, name, descriptor);
    }

    @Override
    public void visitNestHost(String nestHost) {
        references.internalName(nestHost);
        super.visitNestHost(nestHost);
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
        references.internalName(permittedSubclass);
        super.visitPermittedSubclass(permittedSubclass);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
        AnnotationVisitor recorded = annotation(descriptor, visible, super.visitAnnotation(descriptor, visible));
        return visible && ComponentScans.scans(descriptor) ? new ComponentScans(recorded, side, className) : recorded;
    }

    @Override
    public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
        return annotation(descriptor, visible, super.visitTypeAnnotation(typeRef, typePath, descriptor, visible));
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
        references.descriptor(descriptor);
        references.signature(signature);
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
        references.descriptor(descriptor);
        references.signature(signature);
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
        references.methodDescriptor(descriptor);
        references.signature(signature);
        if (exceptions != null) {
            for (String exception : exceptions) {
                references.internalName(exception);
            }
        }
        return new Methods(super.visitMethod(access, name, descriptor, signature, exceptions));
    }

    @Override
    public void visitEnd() {
        super.visitEnd();
        references.recordInto(side, className);
    }

    /** Records an annotation's type and values, as run-time references only when the JVM keeps it. */
    private AnnotationVisitor annotation(String descriptor, boolean visible, AnnotationVisitor next) {
        if (visible) {
            references.descriptor(descriptor);
        } else {
            Type type = Type.getType(descriptor);
            if (type.getSort() == Type.OBJECT) {
                references.invisible(type.getInternalName());
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
                references.constant(value);
            } else if (value instanceof Type type && type.getSort() == Type.OBJECT) {
                references.invisible(type.getInternalName());
            }
            super.visit(name, value);
        }

        @Override
        public void visitEnum(String name, String descriptor, String value) {
            if (visible) {
                references.descriptor(descriptor);
            } else {
                references.invisible(Type.getType(descriptor).getInternalName());
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
            references.internalName(type);
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            references.internalName(owner);
            references.descriptor(descriptor);
            references.member(owner, name);
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            references.internalName(owner);
            references.methodDescriptor(descriptor);
            references.member(owner, name);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(
                String name, String descriptor, Handle bootstrapMethodHandle, Object... bootstrapMethodArguments) {
            references.methodDescriptor(descriptor);
            references.handle(bootstrapMethodHandle);
            for (Object argument : bootstrapMethodArguments) {
                references.constant(argument);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
        }

        @Override
        public void visitLdcInsn(Object value) {
            references.constant(value);
            super.visitLdcInsn(value);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            references.descriptor(descriptor);
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }

        @Override
        public AnnotationVisitor visitInsnAnnotation(
                int typeRef, TypePath typePath, String descriptor, boolean visible) {
            return annotation(descriptor, visible, super.visitInsnAnnotation(typeRef, typePath, descriptor, visible));
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            references.internalName(type);
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
            references.descriptor(descriptor);
            references.signature(signature);
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
}
