package org.ecobugs.rules.checks.code;

import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.util.List;
import org.ecobugs.rules.api.SourceContext;
import org.objectweb.asm.tree.ClassNode;

/**
 * Code of the user interface: classes of Swing, AWT, SwingX, JavaFX and Android views, widgets, activities and
 * fragments, and files that work with them. Such code runs on the one UI thread, once per user action or screen
 * refresh, over what one screen shows: a lock there is never contended and a loop there is as long as a screen.
 */
public final class UserInterfaceCode {

    /** Packages (and Android component types) whose import marks a file as user-interface code. */
    private static final List<String> TOOLKITS = List.of(
            "javax.swing",
            "java.awt.event",
            "java.awt.dnd",
            "javafx.scene",
            "javafx.stage",
            "org.jdesktop.swingx",
            "android.view",
            "android.widget",
            "android.app.Activity",
            "android.app.ListActivity",
            "android.app.Fragment",
            "android.app.DialogFragment",
            "android.app.Dialog",
            "android.app.AlertDialog",
            "androidx.appcompat",
            "androidx.fragment.app",
            "androidx.recyclerview",
            "com.google.android.material");

    /** AWT's components, which a class may extend; the rest of {@code java.awt} also serves headless image code. */
    private static final List<String> AWT_COMPONENTS = List.of(
            "java.awt.Component",
            "java.awt.Container",
            "java.awt.Canvas",
            "java.awt.Panel",
            "java.awt.Window",
            "java.awt.Frame",
            "java.awt.Dialog");

    private UserInterfaceCode() {}

    /**
     * Whether {@code type} belongs to the user interface: it extends or implements a toolkit type, or its file imports
     * toolkit types (a class extending one of the project's own components, a table model, a key handler).
     */
    public static boolean isUserInterface(TypeDeclaration<?> type, SourceContext context) {
        if (type instanceof ClassOrInterfaceDeclaration declaration) {
            for (ClassOrInterfaceType supertype : declaration.getExtendedTypes()) {
                if (isToolkitType(context, supertype)) {
                    return true;
                }
            }
            for (ClassOrInterfaceType supertype : declaration.getImplementedTypes()) {
                if (isToolkitType(context, supertype)) {
                    return true;
                }
            }
        }
        return importsToolkit(context);
    }

    /** Whether the file imports a type of a user-interface toolkit (or lives in a toolkit's package). */
    static boolean importsToolkit(SourceContext context) {
        if (isToolkit(context.names().packageName())) {
            return true;
        }
        for (ImportDeclaration imported : context.compilationUnit().getImports()) {
            if (!imported.isStatic() && isToolkit(imported.getNameAsString())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a compiled class extends or implements a type of a user-interface toolkit. */
    public static boolean isUserInterface(ClassNode classNode) {
        if (classNode.superName != null && isToolkitClass(classNode.superName)) {
            return true;
        }
        return classNode.interfaces != null
                && classNode.interfaces.stream().anyMatch(UserInterfaceCode::isToolkitClass);
    }

    private static boolean isToolkitType(SourceContext context, ClassOrInterfaceType type) {
        return context.names()
                .resolve(type)
                .filter(name -> isToolkit(name) || AWT_COMPONENTS.contains(name))
                .isPresent();
    }

    private static boolean isToolkitClass(String internalName) {
        String name = internalName.replace('/', '.').replace('$', '.');
        return isToolkit(name) || AWT_COMPONENTS.contains(name);
    }

    private static boolean isToolkit(String name) {
        return TOOLKITS.stream().anyMatch(t -> name.equals(t) || name.startsWith(t + "."));
    }
}
