package org.ecobugs.rules.engine.dependencies;

import com.github.javaparser.ast.CompilationUnit;
import java.nio.file.Path;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;

/**
 * What the walkers tell the dependency analysis while they read the project's files once: the names each source file
 * uses and the classes each class refers to. Shared by all worker threads. When no dependency rule runs, {@link #NONE}
 * records nothing and costs nothing.
 */
public interface UsageRecorder {

    /** Records nothing: no dependency rule runs, or the request has no dependency facts. */
    UsageRecorder NONE = new UsageRecorder() {
        @Override
        public boolean isRecording() {
            return false;
        }

        @Override
        public Set<String> sourceParsed(Path file, CompilationUnit unit) {
            return null;
        }

        @Override
        public Set<String> sourceNotParsed(Path file, String text) {
            return null;
        }

        @Override
        public void sourceFromCache(Path file, Set<String> names) {}

        @Override
        public void sourceImports(Path file, String text) {}

        @Override
        public ClassVisitor classVisitor(String input, ClassReader reader, ClassVisitor delegate) {
            return delegate;
        }

        @Override
        public void classNotVisited(String input, ClassReader reader) {}

        @Override
        public void classFromCache(String input, byte[] bytes) {}
    };

    /**
     * Whether it records: then every input is read, those the request leaves out of the findings too (what they use
     * keeps a dependency used), and every class of an archive, since an archive's cached findings do not tell what its
     * classes refer to.
     */
    boolean isRecording();

    /**
     * Records the names a parsed source file imports or spells out; returns them, for the result cache, or null when it
     * records nothing.
     */
    Set<String> sourceParsed(Path file, CompilationUnit unit);

    /** The same, read from the text of a file that is not parsed because no rule looks at it. */
    Set<String> sourceNotParsed(Path file, String text);

    /** Records the names a source file used when it was last analysed, which the result cache kept (null: none kept). */
    void sourceFromCache(Path file, Set<String> names);

    /** Records the imports of a source file read for usage only: test code the analysis does not walk. */
    void sourceImports(Path file, String text);

    /**
     * A visitor that records what one class refers to and passes every event on to {@code delegate}, so that the rules'
     * tree and the usage come from the same read; {@code delegate} itself when it records nothing.
     */
    ClassVisitor classVisitor(String input, ClassReader reader, ClassVisitor delegate);

    /**
     * Reads, for what it refers to only, a class that no rule visits.
     *
     * @throws RuntimeException when it is not a readable class
     */
    void classNotVisited(String input, ClassReader reader);

    /**
     * Reads what a class refers to when its findings came from the result cache; a class that is not readable is passed
     * over, since its processing error came from the cache with its findings.
     */
    void classFromCache(String input, byte[] bytes);
}
