package org.ecobugs.cli;

import java.io.PrintWriter;
import org.ecobugs.rules.report.TerminalText;
import picocli.CommandLine;

/** {@code java -jar ecobugs.jar}: runs the command line and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line with the given streams: exit 0 when clean, 1 with findings, 2 on bad usage, 3 when inputs
     * could not be processed and the user asked for that to fail.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new EcobugsCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler(Main::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof IllegalArgumentException || e instanceof UsageException) {
                cmd.getErr().println("ecobugs: " + TerminalText.escape(e.getMessage()));
                return ExitCodes.USAGE;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        // One line, as every usage error: scripts and CI logs show it whole.
        err.println("ecobugs: " + TerminalText.escape(e.getMessage()) + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }
}
