package org.ecobugs.rules.engine.dependencies;

import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The packages a class-level scanning annotation covers ({@code @SpringBootApplication}, {@code @ComponentScan},
 * {@code @EntityScan}, {@code @Enable…Repositories}…): its base packages and the packages of its base package
 * classes, or, as Spring does without them, the annotated class's own package.
 */
final class ComponentScans extends AnnotationVisitor {
    private static final int API = Opcodes.ASM9;
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

    private final UsageCollector.Side side;
    /** The annotated class. */
    private final String className;

    private final String attribute;
    private final ComponentScans top;
    private boolean listed;

    /** Records in {@code side} the packages the annotation on {@code className} covers. */
    ComponentScans(AnnotationVisitor next, UsageCollector.Side side, String className) {
        super(API, next);
        this.side = side;
        this.className = className;
        this.attribute = null;
        this.top = this;
    }

    private ComponentScans(AnnotationVisitor next, String attribute, ComponentScans top) {
        super(API, next);
        this.side = top.side;
        this.className = top.className;
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
        return new ComponentScans(super.visitArray(name), name, top);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String nested) {
        // @ComponentScans holds @ComponentScan values, each a scan of its own.
        AnnotationVisitor next = super.visitAnnotation(name, nested);
        if (!scans(nested)) {
            return next;
        }
        top.listed = true;
        return new ComponentScans(next, side, className);
    }
}
