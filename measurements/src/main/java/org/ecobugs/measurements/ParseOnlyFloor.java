package org.ecobugs.measurements;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ecobugs.rules.engine.JavaParsers;

/**
 * The floor a source analyser is compared with: a JavaParser parse of every {@code .java} file under the given
 * directories, one after the other on one thread, with the engine's parser configuration and nothing else. No rule,
 * no walk, no name resolution; each tree is dropped as soon as it is built.
 *
 * <p>Run it on its own, so that its wall time includes the start of a JVM as the analysers' do: {@code java -cp
 * measurements/target/measurements.jar org.ecobugs.measurements.ParseOnlyFloor [--no-validation] DIR...}. With
 * {@code --no-validation}, JavaParser's language-level validators do not run (its post-processing still does), as
 * in the engine.
 */
public final class ParseOnlyFloor {

    private ParseOnlyFloor() {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: ParseOnlyFloor [--no-validation] DIR...");
            System.exit(2);
        }
        run(args);
    }

    static void run(String[] args) throws IOException {
        List<Path> files = new ArrayList<>();
        boolean validate = true;
        for (String arg : args) {
            if (arg.equals("--no-validation")) {
                validate = false;
                continue;
            }
            try (Stream<Path> walk = Files.walk(Path.of(arg))) {
                walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                        .sorted()
                        .forEach(files::add);
            }
        }
        // Without validation: the engine's own parser (JavaParsers), at the same level.
        JavaParser parser = validate
                ? new JavaParser(new ParserConfiguration()
                        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25)
                        .setAttributeComments(false))
                : JavaParsers.create(25);
        long started = System.nanoTime();
        long lines = 0;
        int failed = 0;
        for (Path file : files) {
            String text = read(file);
            lines += text.lines().count();
            ParseResult<CompilationUnit> result = parser.parse(text);
            if (!result.isSuccessful()) {
                failed++;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("parsed " + files.size() + " files, " + lines + " lines, " + failed + " unparsable, in "
                + millis + " ms");
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
