package org.ecobugs.rules.java;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves type names of one compilation unit the way {@code javac} does for most code, without a symbol solver:
 * types declared in the file, single-type imports, on-demand imports checked against the JDK and the classpath,
 * {@code java.lang}, then the file's own package.
 */
public final class JavaNames {

    private final String packageName;
    private final Map<String, String> declared = new HashMap<>();
    private final Map<String, String> singleImports = new HashMap<>();
    private final Map<String, String> staticMemberOwners = new HashMap<>();
    private final List<String> onDemandPackages = new ArrayList<>();
    private final List<String> staticOnDemandOwners = new ArrayList<>();
    private final List<String> allImports = new ArrayList<>();
    private final KnownTypes knownTypes;

    public JavaNames(CompilationUnit unit, KnownTypes knownTypes) {
        this.knownTypes = knownTypes;
        this.packageName =
                unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
        for (ImportDeclaration imp : unit.getImports()) {
            String name = imp.getNameAsString();
            allImports.add(name);
            if (imp.isStatic()) {
                if (imp.isAsterisk()) {
                    staticOnDemandOwners.add(name);
                } else {
                    int dot = name.lastIndexOf('.');
                    staticMemberOwners.put(name.substring(dot + 1), name.substring(0, dot));
                }
            } else if (imp.isAsterisk()) {
                onDemandPackages.add(name);
            } else {
                singleImports.put(name.substring(name.lastIndexOf('.') + 1), name);
            }
        }
        for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
            type.getFullyQualifiedName().ifPresent(fqn -> declared.putIfAbsent(type.getNameAsString(), fqn));
        }
    }

    public String packageName() {
        return packageName;
    }

    /**
     * The fully qualified name that {@code name} (simple, or qualified like {@code Map.Entry} or
     * {@code java.util.Map}) denotes in this file, or empty when it cannot be told without a classpath.
     */
    public Optional<String> resolve(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return resolveSimple(name);
        }
        String first = name.substring(0, dot);
        Optional<String> outer = Character.isUpperCase(first.charAt(0)) ? resolveSimple(first) : Optional.empty();
        return outer.map(o -> o + name.substring(dot)).or(() -> Optional.of(name));
    }

    /**
     * The fully qualified names {@code name} may denote: the one it resolves to, else each of the on-demand imports'
     * packages and the file's own package (a type of the analysed project, which no classpath knows, may be in any).
     */
    public List<String> possibleNames(String name) {
        Optional<String> resolved = resolve(name);
        if (resolved.isPresent()) {
            return List.of(resolved.get());
        }
        List<String> possible = new ArrayList<>(onDemandPackages.size() + 1);
        possible.add(packageName.isEmpty() ? name : packageName + "." + name);
        onDemandPackages.forEach(pkg -> possible.add(pkg + "." + name));
        return possible;
    }

    /** The fully qualified name of a class type, without its type arguments. */
    public Optional<String> resolve(Type type) {
        if (type instanceof ClassOrInterfaceType classType) {
            return resolve(classType.getNameWithScope());
        }
        return Optional.empty();
    }

    /**
     * Whether {@code name} may denote {@code qualifiedName}: it resolves to it, or it cannot be resolved and its simple
     * name matches (the bare-sources fallback).
     */
    public boolean mayBe(String name, String qualifiedName) {
        Optional<String> resolved = resolve(name);
        if (resolved.isPresent()) {
            return resolved.get().equals(qualifiedName);
        }
        return simpleName(name).equals(simpleName(qualifiedName));
    }

    /** Whether {@code expression} is a type name ({@code Thread}, {@code java.lang.Thread}) denoting the type. */
    public boolean isTypeName(Expression expression, String qualifiedName) {
        if (expression instanceof NameExpr || expression instanceof FieldAccessExpr) {
            String text = expression.toString();
            if (!Character.isUpperCase(simpleName(text).charAt(0))) {
                return false;
            }
            return mayBe(text, qualifiedName);
        }
        return false;
    }

    /** The class a statically imported member comes from ({@code sleep} → {@code java.lang.Thread}). */
    public Optional<String> staticImportOwner(String member) {
        String owner = staticMemberOwners.get(member);
        if (owner != null) {
            return Optional.of(owner);
        }
        return staticOnDemandOwners.size() == 1 ? Optional.of(staticOnDemandOwners.get(0)) : Optional.empty();
    }

    /**
     * Whether this file is Android code: it imports or lives in {@code android.*}, or the project's classpath is an
     * Android one (a file of an Android project need not import anything of Android).
     */
    public boolean targetsAndroid() {
        return imports("android") || knownTypes.targetsAndroid();
    }

    /** Whether the file imports anything from {@code prefix} (a package or a type, static imports included). */
    public boolean imports(String prefix) {
        for (String imported : allImports) {
            if (imported.equals(prefix) || imported.startsWith(prefix + ".")) {
                return true;
            }
        }
        return packageName.equals(prefix) || packageName.startsWith(prefix + ".");
    }

    private Optional<String> resolveSimple(String name) {
        String found = declared.get(name);
        if (found == null) {
            found = singleImports.get(name);
        }
        if (found != null) {
            return Optional.of(found);
        }
        for (String pkg : onDemandPackages) {
            if (knownTypes.exists(pkg + "." + name)) {
                return Optional.of(pkg + "." + name);
            }
        }
        if (knownTypes.exists("java.lang." + name)) {
            return Optional.of("java.lang." + name);
        }
        if (onDemandPackages.isEmpty()) {
            return Optional.of(packageName.isEmpty() ? name : packageName + "." + name);
        }
        return Optional.empty();
    }

    public static String simpleName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
