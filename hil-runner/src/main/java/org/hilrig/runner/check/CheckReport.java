package org.hilrig.runner.check;

import java.util.List;
import org.hilrig.timing.rules.RuleResult;
import org.hilrig.timing.verdict.Verdict;

/**
 * The outcome of {@code hil check}: every rule's result on one trace.
 *
 * @param trace the trace file as the user named it
 * @param rulesFile the rules file as the user named it
 * @param uncertaintyNanos the uncertainty every latency and overlap was judged with
 * @param endNanos when the trace ended, in nanoseconds from its time zero
 * @param results one per rule, in file order
 */
public record CheckReport(String trace, String rulesFile, long uncertaintyNanos, long endNanos,
        List<RuleResult> results) {
    public CheckReport {
        results = List.copyOf(results);
    }

    /** The worst of the rules' verdicts; {@code PASS} only when every rule passed. */
    public Verdict verdict() {
        Verdict v = Verdict.PASS;
        for (RuleResult r : results) {
            v = v.worst(r.verdict());
        }
        return v;
    }

    /** How many rules have this verdict. */
    public long count(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).count();
    }
}
