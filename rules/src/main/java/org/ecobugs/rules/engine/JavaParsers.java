package org.ecobugs.rules.engine;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Processor;
import com.github.javaparser.Provider;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.validator.postprocessors.Java10PostProcessor;

/**
 * The parser the source walker uses: JavaParser at the requested language level, without comment attribution and
 * without the language level's validators.
 *
 * <p>The validators check that a tree the grammar accepted is legal Java of that level (no {@code var} before Java 10,
 * no record patterns before 21, modifiers in the right places). They walk the whole tree several times: a quarter of
 * the parse time on a large project, as profiled. The code analysed compiles, so they would find nothing the rules
 * need; code newer than the level is analysed instead of being reported as unparsable. The level still decides how
 * the grammar reads {@code yield} and whether {@code var} is a type of its own.
 */
public final class JavaParsers {

    private JavaParsers() {}

    /** A parser of this Java level, without the level's validators; the engine parses with it. */
    public static JavaParser create(int javaVersion) {
        return create(javaVersion, true);
    }

    /**
     * With {@code mayUseVar} false (the code does not hold the word {@code var}), the search for {@code var} types, a
     * walk of the whole tree, is skipped too.
     */
    static JavaParser create(int javaVersion, boolean mayUseVar) {
        ParserConfiguration.LanguageLevel level = ParserConfiguration.LanguageLevel.valueOf("JAVA_" + javaVersion);
        ParserConfiguration configuration =
                new ParserConfiguration().setLanguageLevel(level).setAttributeComments(false);
        skipValidation(configuration, javaVersion >= 10 && mayUseVar);
        return new JavaParser(configuration);
    }

    /**
     * JavaParser's language-level processor reads the level when the tree is post-processed: between a first processor
     * that hides the level and a last one that restores it, it sees none and does nothing. The last one then applies
     * the level's only post-processing (from Java 10 on, {@code var} as its own type; the later levels add none). The
     * level is back before the next parse starts, even when a parse failed half-way.
     */
    private static void skipValidation(ParserConfiguration configuration, boolean varIsAType) {
        ParserConfiguration.LanguageLevel level = configuration.getLanguageLevel();
        Java10PostProcessor varTypes = varIsAType ? new Java10PostProcessor() : null;
        Processor hide = new Processor() {
            @Override
            public Provider preProcess(Provider provider) {
                configuration.setLanguageLevel(level);
                return provider;
            }

            @Override
            public void postProcess(ParseResult<? extends Node> result, ParserConfiguration config) {
                config.setLanguageLevel(null);
            }
        };
        Processor restore = new Processor() {
            @Override
            public void postProcess(ParseResult<? extends Node> result, ParserConfiguration config) {
                config.setLanguageLevel(level);
                if (varTypes != null && result.getResult().isPresent()) {
                    varTypes.postProcess(result, config);
                }
            }
        };
        configuration.getProcessors().add(0, () -> hide);
        configuration.getProcessors().add(() -> restore);
    }
}
