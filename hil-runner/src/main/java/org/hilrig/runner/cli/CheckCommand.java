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
import org.hilrig.timing.verdict.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hil check TRACE.vcd --rules RULES.yaml [--json] [--uncertainty DURATION]}: verifies timing rules
 * on a recorded trace. Exit 0 when every rule passes, 1 when any fails or is inconclusive, 2 for bad
 * input (a missing file, bad YAML or VCD, a signal the trace does not have). Bad input is reported on
 * standard error one problem a line, every problem of the rules file at once, never with a stack trace.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Verifies timing rules on a recorded trace (logic analyser, HDL simulator, or a rig run).",
            "Exit codes: 0 every rule passed, 1 a rule failed or was inconclusive, 2 bad input."})
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
        CheckReport report;
        try {
            report = TraceCheck.run(trace, rules, uncertaintyNanos);
        } catch (BadInputException e) {
            if (e.problems().size() == 1) {
                throw e;
            }
            PrintWriter err = spec.commandLine().getErr();
            for (String problem : e.problems()) {
                err.println("hil check: " + problem);
            }
            err.flush();
            return Hil.BAD_INPUT;
        }
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
