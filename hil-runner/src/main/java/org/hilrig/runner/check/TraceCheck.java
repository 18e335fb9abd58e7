package org.hilrig.runner.check;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.hilrig.timing.BadInputException;
import org.hilrig.timing.RigFailureException;
import org.hilrig.timing.rules.Listing;
import org.hilrig.timing.rules.RuleChecker;
import org.hilrig.timing.rules.TimingRule;
import org.hilrig.timing.rules.ViolationListener;
import org.hilrig.timing.vcd.VcdReader;

/**
 * Checks the rules of one file on one VCD trace: reads and validates the rules, then streams the trace
 * once through a {@link RuleChecker}. Memory does not grow with the trace's length: the reader holds the
 * declarations and one buffer, and each rule the triggers still inside their window and the occurrences
 * its {@link Listing} keeps (with {@link Listing#ALL}, every occurrence: the user's choice).
 */
public final class TraceCheck {
    private TraceCheck() {
    }

    /**
     * @param uncertaintyNanos the uncertainty to judge with, or null for the trace's resolution
     * @param listing how many occurrences and violations each rule lists
     * @param allowUnexercised true when every rule may go unexercised, as if each said {@code
     *     allow_unexercised: true}
     * @throws BadInputException for a missing or malformed rules file or trace, or a signal name the
     *     trace does not have
     * @throws RigFailureException when a file cannot be read
     */
    public static CheckReport run(Path trace, Path rulesFile, Long uncertaintyNanos, Listing listing,
            boolean allowUnexercised) {
        RuleSet rules = RuleFile.load(rulesFile);
        RuleChecker checker = new RuleChecker(rules.rules(), uncertaintyNanos, ViolationListener.NONE, listing);
        VcdReader.read(trace, checker);
        Set<String> allowed = allowUnexercised
                ? rules.rules().stream().map(TimingRule::id).collect(Collectors.toSet()) : rules.allowUnexercised();
        return new CheckReport(trace.toString(), rulesFile.toString(), checker.uncertaintyNanos(),
                checker.endNanos(), checker.results(), allowed, listing);
    }
}
