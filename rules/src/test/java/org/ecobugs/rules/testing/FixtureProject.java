package org.ecobugs.rules.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.ecobugs.rules.deps.Coordinates;
import org.ecobugs.rules.deps.Dependency;
import org.ecobugs.rules.deps.DependencyGraph;
import org.ecobugs.rules.deps.PomLocation;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A dependency-rule fixture: a directory of {@code test-fixtures} holding the project's code (its {@code .java} files;
 * {@code test/} for test code; {@code resources/} for main resources), the libraries it may use ({@code lib/<name>/},
 * compiled with the module, with their {@code META-INF} files beside the sources) and a {@code pom.xml} that declares the
 * dependencies. The fixture POM is Maven's dependency syntax with a few fixture-only elements:
 *
 * <ul>
 *   <li>the jar of a dependency holds the classes of {@code lib/<artifactId without non-letters>} and the files under its
 *       {@code META-INF}, plus empty classes named in {@code <classes>} (comma-separated binary names) and {@code
 *       <padding>} bytes of a stored entry; a {@code pom} type has no jar;
 *   <li>nested {@code <dependencies>} list what a dependency brings in (a dependency nested twice is one node required by
 *       both parents; the first declaration wins, as in Maven);
 *   <li>{@code <origin>inherited</origin>} marks a dependency inherited from a parent POM, {@code <module>true</module>}
 *       a module of the same build.
 * </ul>
 */
public final class FixtureProject {

    private static final String PACKAGE_PATH = "org/ecobugs/fixtures/";

    private final String name;
    private final Path directory;
    private final Path pom;

    private FixtureProject(String name) {
        this.name = name;
        this.directory = Fixtures.source(name);
        this.pom = directory.resolve("pom.xml");
    }

    /** The fixture in {@code org/ecobugs/fixtures/<name>}, e.g. {@code eb401}. */
    public static FixtureProject of(String name) {
        return new FixtureProject(name);
    }

    public Path pom() {
        return pom;
    }

    /** The project's main source files: the {@code .java} files directly in the fixture directory. */
    public List<Path> mainSources() {
        return list(directory, ".java");
    }

    /** The compiled classes of the main sources. */
    public List<Path> mainClasses() {
        return list(compiled().resolve(PACKAGE_PATH + name), ".class");
    }

    /**
     * The dependency graph of the fixture POM, with the jars built into {@code jarDirectory}; the project's test code
     * and resources are given as the graph's test inputs and resource roots.
     */
    public DependencyGraph graph(Path jarDirectory) {
        List<Declared> declared = read();
        Map<String, Dependency> byKey = new LinkedHashMap<>();
        Map<String, Set<String>> requiredBy = new LinkedHashMap<>();
        for (Declared top : declared) {
            collectEdges(top, null, requiredBy);
        }
        for (Declared top : declared) {
            add(top, null, 1, "compile", jarDirectory, requiredBy, byKey);
        }
        DependencyGraph.Builder graph = DependencyGraph.builder(pom);
        byKey.values().forEach(graph::add);
        Path testClasses = compiled().resolve(PACKAGE_PATH + name + "/test");
        if (Files.isDirectory(testClasses)) {
            graph.addTestClassInput(testClasses);
            graph.addTestSourceRoot(directory.resolve("test"));
        }
        graph.addResourceRoot(directory.resolve("resources"));
        return graph.build();
    }

    /** A {@code <dependency>} of the fixture POM. */
    private record Declared(
            String groupId,
            String artifactId,
            String version,
            String type,
            String scope,
            boolean optional,
            boolean inherited,
            boolean module,
            List<String> classes,
            long padding,
            int line,
            int column,
            List<Declared> children) {

        String key() {
            return groupId + ':' + artifactId;
        }
    }

    private void collectEdges(Declared node, String parent, Map<String, Set<String>> requiredBy) {
        Set<String> parents = requiredBy.computeIfAbsent(node.key(), k -> new LinkedHashSet<>());
        if (parent != null) {
            parents.add(parent);
        }
        for (Declared child : node.children()) {
            collectEdges(child, node.key(), requiredBy);
        }
    }

    private void add(
            Declared node,
            Declared top,
            int depth,
            String parentScope,
            Path jarDirectory,
            Map<String, Set<String>> requiredBy,
            Map<String, Dependency> byKey) {
        String scope = node.scope() != null ? node.scope() : parentScope;
        boolean direct = top == null;
        if (!byKey.containsKey(node.key())) {
            Path jar = node.type().equals("pom") ? null : jar(node, jarDirectory);
            Dependency.Origin origin = direct
                    ? (node.inherited() ? Dependency.Origin.INHERITED : Dependency.Origin.DECLARED)
                    : Dependency.Origin.TRANSITIVE;
            byKey.put(
                    node.key(),
                    new Dependency(
                            new Coordinates(node.groupId(), node.artifactId(), node.version(), node.type(), ""),
                            scope,
                            node.optional(),
                            depth,
                            origin,
                            direct ? null : top.key(),
                            requiredBy.getOrDefault(node.key(), Set.of()),
                            jar,
                            direct ? new PomLocation(pom, node.line(), node.column()) : null,
                            node.module()));
        }
        for (Declared child : node.children()) {
            add(child, direct ? node : top, depth + 1, scope, jarDirectory, requiredBy, byKey);
        }
    }

    private Path jar(Declared node, Path jarDirectory) {
        Path jar = jarDirectory.resolve(node.artifactId() + "-" + node.version() + ".jar");
        String library = node.artifactId().replaceAll("[^A-Za-z0-9]", "");
        Path classes = compiled().resolve(PACKAGE_PATH + name + "/lib/" + library);
        Path metaInf = directory.resolve("lib/" + library + "/META-INF");
        try (OutputStream file = Files.newOutputStream(jar);
                ZipOutputStream zip = new ZipOutputStream(file)) {
            if (Files.isDirectory(classes)) {
                for (Path clazz : walk(classes)) {
                    put(zip, compiled().relativize(clazz).toString().replace('\\', '/'), Files.readAllBytes(clazz));
                }
            }
            if (Files.isDirectory(metaInf)) {
                for (Path entry : walk(metaInf)) {
                    String relative = metaInf.relativize(entry).toString().replace('\\', '/');
                    put(zip, "META-INF/" + relative, Files.readAllBytes(entry));
                }
            }
            for (String className : node.classes()) {
                put(zip, className.replace('.', '/') + ".class", emptyClass(className));
            }
            if (node.padding() > 0) {
                ZipEntry padding = new ZipEntry("META-INF/padding.bin");
                byte[] bytes = new byte[(int) node.padding()];
                padding.setMethod(ZipEntry.STORED);
                padding.setSize(bytes.length);
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                crc.update(bytes);
                padding.setCrc(crc.getValue());
                padding.setTime(0);
                zip.putNextEntry(padding);
                zip.write(bytes);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(0);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] emptyClass(String binaryName) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, binaryName.replace('.', '/'), null, "java/lang/Object", null);
        writer.visitEnd();
        return writer.toByteArray();
    }

    private List<Declared> read() {
        try (InputStream in = Files.newInputStream(pom)) {
            XMLStreamReader xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            List<Declared> top = new ArrayList<>();
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT
                        && xml.getLocalName().equals("dependency")) {
                    top.add(dependency(xml));
                }
            }
            return top;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Malformed fixture POM " + pom + ": " + e.getMessage(), e);
        }
    }

    /** Reads one {@code <dependency>} element; the reader is on its start tag. */
    private Declared dependency(XMLStreamReader xml) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        int column = columnOfTag(line);
        Map<String, String> fields = new LinkedHashMap<>();
        List<Declared> children = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                if (element.equals("dependency")) {
                    children.add(dependency(xml));
                } else if (!element.equals("dependencies")) {
                    fields.put(element, xml.getElementText().strip());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT
                    && xml.getLocalName().equals("dependency")) {
                break;
            }
        }
        List<String> classes = new ArrayList<>();
        for (String className : fields.getOrDefault("classes", "").split(",")) {
            if (!className.isBlank()) {
                classes.add(className.strip());
            }
        }
        return new Declared(
                fields.get("groupId"),
                fields.get("artifactId"),
                fields.get("version"),
                fields.getOrDefault("type", "jar"),
                fields.get("scope"),
                Boolean.parseBoolean(fields.get("optional")),
                "inherited".equals(fields.get("origin")),
                Boolean.parseBoolean(fields.get("module")),
                classes,
                Long.parseLong(fields.getOrDefault("padding", "0")),
                line,
                column,
                children);
    }

    /** StAX gives the position after a start tag; Maven points at the tag itself: the column of its {@code <}. */
    private int columnOfTag(int line) {
        try {
            String text = Files.readAllLines(pom).get(line - 1);
            return text.indexOf("<dependency") + 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path compiled() {
        return Fixtures.moduleDir().resolve("target/classes");
    }

    private static List<Path> list(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
