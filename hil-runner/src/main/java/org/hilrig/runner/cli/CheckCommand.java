package org.hilrig.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hilrig.runner.check.CheckJson;
import org.hilrig.runner.check.CheckReport;
import org.hilrig.runner.check.CheckTable;
import org.hilrig.runner.check.TraceCheck;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.Durations;
import org.hilrig.timing.rules.Listing;
import org.hilrig.timing.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hil check TRACE.vcd --rules RULES.yaml [--json] [--uncertainty DURATION] [--list-limit N |
 * --all-occurrences] [--allow-unexercised]}: verifies timing rules on a recorded trace, streaming it once.
 * Exit 0 when every rule passes, 1 when any fails or is inconclusive (a rule the trace did not exercise
 * is inconclusive unless allowed), 2 for bad input (a missing file, bad YAML or VCD, a signal the trace
 * does not have, a rule that can never mean anything). Bad input is reported on standard error one
 * problem a line, every problem of the rules file at once, never with a stack trace.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verifies timing rules on a recorded trace (logic analyser, HDL simulator, or a rig run).",
            "A rule the trace did not exercise (its trigger never came; for a never rule, its while-state never"
                + " held or neither signal changed level) is inconclusive, not a pass, unless allowed.",
            "Exit codes: 0 every rule passed, 1 a rule failed or was inconclusive (or not exercised), 2 bad input."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRACE.vcd", description = "The trace, a VCD file.")
    Path trace;

    @Option(names = "--rules", required = true, paramLabel = "RULES.yaml", description = "The timing rules.")
    Path rules;

    @Option(names = "--json", description = "Print the results as JSON (CONTRACT.md) instead of a table.")
    boolean json;

    @Option(names = "--uncertainty", paramLabel = "DURATION",
            description = "Uncertainty of every measured time (e.g. 10us); default: the trace's resolution.")
    String uncertainty;

    @Option(names = "--list-limit", paramLabel = "N", defaultValue = "1000",
            description = "Each rule lists its first N and its worst N occurrences or violations (default:"
                    + " ${DEFAULT-VALUE}); counts, statuses and worst latencies always cover every one.")
    int listLimit;

    @Option(names = "--all-occurrences", description = "List every occurrence and violation; memory then grows"
            + " with the trace (about 17 bytes an occurrence).")
    boolean allOccurrences;

    @Option(names = "--allow-unexercised", description = "A rule the trace did not exercise passes instead of"
            + " being inconclusive, as if every rule said allow_unexercised: true.")
    boolean allowUnexercised;

    @Override
    public Integer call() {
        Long uncertaintyNanos = null;
        if (uncertainty != null) {
            try {
                uncertaintyNanos = Durations.parse(uncertainty);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--uncertainty", 0, 0, e.getMessage(), e);
            }
        }
        if (listLimit < 0) {
            throw new BadInputException("--list-limit", 0, 0, "'" + listLimit + "' is negative (give 0 or more;"
                    + " 0 lists none)");
        }
        Listing listing = allOccurrences ? Listing.ALL : Listing.firstAndWorst(listLimit);
        CheckReport report = TraceCheck.run(trace, rules, uncertaintyNanos, listing, allowUnexercised);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            CheckJson.write(report, out);
            out.println();
            out.flush();
        } else {
            CheckTable.write(report, out);
        }
        return report.verdict() == Verdict.PASS ? Hil.OK : Hil.FAILED;
    }
}
