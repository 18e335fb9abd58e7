package org.hilrig.runner.cli;

import java.io.PrintWriter;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigException;
import org.hilrig.timing.RigFailureException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hil} command: the rig's one entry point. Exit codes (CONTRACT.md): 0 all good, 1 a check or
 * scenario failed, 2 bad input or usage, 3 the rig itself broke. Errors print one line on standard
 * error, never a stack trace (set {@code HIL_DEBUG=1} to get one for a bug report).
 */
@Command(name = "hil", mixinStandardHelpOptions = true, versionProvider = ToolVersion.class,
        description = "Hardware-in-the-loop rig and firmware emulator for X-ray generator and tube-controller boards.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Hil implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int RIG_BROKE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The command tree with the rig's error handling installed. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Hil());
        for (Object sub : Subcommands.all()) {
            CommandLine subcommand = new CommandLine(sub);
            // every subcommand answers --help and --version, whatever its annotation says
            subcommand.getCommandSpec().mixinStandardHelpOptions(true);
            subcommand.getCommandSpec().versionProvider(new ToolVersion());
            cl.addSubcommand(subcommand);
        }
        cl.setExitCodeExceptionMapper(Hil::exitCodeOf);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(prefix(commandLine) + oneLine(ex));
            if (System.getenv("HIL_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return exitCodeOf(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(prefix(c) + ex.getMessage());
            c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
            c.getErr().flush();
            return BAD_INPUT;
        });
        return cl;
    }

    /** {@code hil: } for the root command, {@code hil check: } for a subcommand. */
    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName() + ": ";
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof BadInputException) {
            return BAD_INPUT;
        }
        if (ex instanceof RigFailureException) {
            return RIG_BROKE;
        }
        if (ex instanceof RigException) {
            return RIG_BROKE;
        }
        return RIG_BROKE;
    }

    /** The message of an error as one line, with the cause's message when the error has none of its own. */
    static String oneLine(Throwable ex) {
        String m = ex.getMessage();
        if (!(ex instanceof RigException)) {
            m = "internal error: " + ex.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                    + " (set HIL_DEBUG=1 for details)";
        }
        return m == null ? ex.getClass().getSimpleName() : m.replace('\n', ' ');
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
