package org.hilrig.runner.check;

import java.nio.file.Path;
import java.util.List;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.rules.RuleChecker;
import org.hilrig.timing.rules.TimingRule;
import org.hilrig.timing.rules.ViolationListener;
import org.hilrig.timing.vcd.VcdReader;

/**
 * Checks the rules of one file on one VCD trace: reads and validates the rules, then streams the trace
 * once through a {@link RuleChecker}. Memory does not grow with the trace's length, only with the
 * triggers waiting for an answer and the occurrences found.
 */
public final class TraceCheck {
    private TraceCheck() {
    }

    /**
     * @param uncertaintyNanos the uncertainty to judge with, or null for the trace's resolution
     * @throws BadInputException for a missing or malformed rules file or trace, or a signal name the
     *     trace does not have
     * @throws RigFailureException when a file cannot be read
     */
    public static CheckReport run(Path trace, Path rulesFile, Long uncertaintyNanos) {
        List<TimingRule> rules = RuleFile.load(rulesFile);
        RuleChecker checker = new RuleChecker(rules, uncertaintyNanos, ViolationListener.NONE);
        VcdReader.read(trace, checker);
        return new CheckReport(trace.toString(), rulesFile.toString(), checker.uncertaintyNanos(),
                checker.endNanos(), checker.results());
    }
}
