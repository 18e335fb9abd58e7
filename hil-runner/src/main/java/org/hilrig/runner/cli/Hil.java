package org.hilrig.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code hil} command: the rig's one entry point. Exit codes (CONTRACT.md): 0 all good, 1 a check or
 * scenario failed, 2 bad input or usage, 3 the rig itself broke. Errors print one line on standard
 * error, never a stack trace (set {@code HIL_DEBUG=1} to get one for a bug report).
 *
 * <p>Every {@link Throwable} has its exit code: {@link BadInputException} 2; a {@link RigException}, an I/O
 * error, any other exception and any {@link Error} (a stack overflow, the heap exhausted) 3, as an
 * internal error. Commands release what they hold (outputs to the safe state, ports closed) in their
 * {@code finally} blocks and {@code try}-with-resources, which run before the error arrives here.
 * Arguments nobody matched are a usage error (2) even when {@code --help} or {@code --version} is among
 * them: {@code hil nosuch --help} is a mistyped subcommand, not a request for help.
 */
@Command(name = "hil", mixinStandardHelpOptions = true, versionProvider = VersionText.class,
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
        PrintWriter err = new PrintWriter(System.err, true);
        // a thread of the rig's own (a port's reader, a pacer) that dies says so on one line, like the command
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            err.println("hil: thread " + thread.getName() + ": " + oneLine(e));
            if (System.getenv("HIL_DEBUG") != null) {
                e.printStackTrace(err);
            }
            err.flush();
        });
        System.exit(run(args, new PrintWriter(System.out, true), err));
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        try {
            return cl.execute(args);
        } catch (Throwable t) {
            // the execution strategy catches what a command throws; this is for what escapes picocli itself
            return reportUnexpected(cl, t);
        }
    }

    /** The command tree with the rig's error handling installed. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Hil());
        for (Object sub : Subcommands.all()) {
            CommandLine subcommand = new CommandLine(sub);
            // every subcommand answers --help and --version, whatever its annotation says
            subcommand.getCommandSpec().mixinStandardHelpOptions(true);
            subcommand.getCommandSpec().versionProvider(new VersionText());
            cl.addSubcommand(subcommand);
        }
        cl.setExitCodeExceptionMapper(Hil::exitCodeOf);
        cl.setExecutionStrategy(Hil::execute);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            for (String line : lines(ex)) {
                commandLine.getErr().println(prefix(commandLine) + line);
            }
            if (System.getenv("HIL_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            commandLine.getErr().flush();
            return exitCodeOf(ex);
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            // one line, the hint included: scripts and CI logs read the first line only
            c.getErr().println(prefix(c) + ex.getMessage() + " (try '" + c.getCommandSpec().qualifiedName() + " --help')");
            c.getErr().flush();
            return BAD_INPUT;
        });
        return cl;
    }

    /**
     * Runs the command that was asked for, once every argument is matched; an {@link Error} from it (which
     * picocli's exception handler never sees) is reported on one line like any other failure.
     */
    private static int execute(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                String first = p.unmatched().get(0);
                int index = parsed.originalArgs().indexOf(first);
                throw new UnmatchedArgumentException(p.commandSpec().commandLine(), first.startsWith("-")
                        ? "Unknown option: '" + first + "'"
                        : "Unmatched argument" + (p.unmatched().size() > 1 ? "s from" : "") + " at index " + index
                                + ": '" + String.join("', '", p.unmatched()) + "'");
            }
        }
        List<CommandLine> chain = parsed.asCommandLineList();
        CommandLine last = chain.get(chain.size() - 1);
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (Error e) {
            return reportUnexpected(last, e);
        }
    }

    /** One line for an {@link Error} or anything else no handler took; exit 3. */
    private static int reportUnexpected(CommandLine c, Throwable t) {
        try {
            c.getErr().println(prefix(c) + oneLine(t));
            if (System.getenv("HIL_DEBUG") != null) {
                t.printStackTrace(c.getErr());
            }
            c.getErr().flush();
        } catch (Throwable reporting) {
            // printing failed as well (the heap is gone): the exit code still tells
        }
        return exitCodeOf(t);
    }

    /** {@code hil: } for the root command, {@code hil check: } for a subcommand. */
    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName() + ": ";
    }

    /** 2 for bad input or usage, 3 for everything else: the rig, an I/O error, a bug, an {@link Error}. */
    static int exitCodeOf(Throwable ex) {
        Throwable t = unwrapped(ex);
        if (t instanceof BadInputException || t instanceof CommandLine.ParameterException) {
            return BAD_INPUT;
        }
        return RIG_BROKE;
    }

    /**
     * What to print for an error: one line for each problem of bad input ({@link BadInputException#located()},
     * each {@code where: what}), else the one line of {@link #oneLine}.
     */
    static List<String> lines(Throwable ex) {
        if (unwrapped(ex) instanceof BadInputException bad && bad.located().size() > 1) {
            return bad.located().stream().map(p -> p.toString().replaceAll("\\R", " ")).toList();
        }
        return List.of(oneLine(ex));
    }

    /** The message of an error as one line: a rig error's own message, an I/O error's, or an internal error. */
    static String oneLine(Throwable ex) {
        Throwable t = unwrapped(ex);
        String m = t.getMessage();
        if (t instanceof UncheckedIOException || t instanceof IOException) {
            m = "I/O error: " + (m == null ? t.getClass().getSimpleName() : m);
        } else if (!(t instanceof RigException)) {
            m = "internal error: " + t.getClass().getSimpleName() + (m == null ? "" : ": " + m)
                    + " (set HIL_DEBUG=1 for details)";
        }
        return m == null ? t.getClass().getSimpleName() : m.replaceAll("\\R", " ");
    }

    /** The cause a wrapper (a future's, picocli's) carries. */
    private static Throwable unwrapped(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof CompletionException || t instanceof ExecutionException
                || t instanceof CommandLine.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
