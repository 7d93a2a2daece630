package org.ecobugs.cli;

import org.ecobugs.rules.ProductInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code ecobugs} command. */
@Command(
        name = "ecobugs",
        mixinStandardHelpOptions = true,
        versionProvider = EcobugsCommand.Version.class,
        description = "Finds energy bugs in Java code and maps them to the RGESN eco-design criteria.",
        subcommands = {AnalyzeCommand.class, BenchmarkCommand.class, RulesCommand.class, CommandLine.HelpCommand.class})
final class EcobugsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: use analyze, benchmark or rules");
    }

    /** The version stamped by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ProductInfo.NAME + " " + ProductInfo.version()};
        }
    }
}
