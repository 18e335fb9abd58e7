package org.hilrig.runner.check;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hilrig.timing.rules.Listing;
import org.hilrig.timing.rules.RuleResult;
import org.hilrig.timing.verdict.Verdict;

/**
 * The outcome of {@code hil check}: every rule's result on one trace, and each rule's status.
 *
 * <p>A rule's status is its verdict, except that a pass the trace could not have broken (a response rule
 * whose trigger never came, a {@code never} rule whose {@code while} state never held or whose signals
 * never changed level; see {@link RuleResult#unexercisedReason()}) is {@code inconclusive}: no evidence
 * is not a pass. A rule allowed to go unexercised ({@code allow_unexercised: true}, or {@code
 * --allow-unexercised} for all) passes then.
 *
 * @param trace the trace file as the user named it
 * @param rulesFile the rules file as the user named it
 * @param uncertaintyNanos the uncertainty every latency and overlap was judged with
 * @param endNanos when the trace ended, in nanoseconds from its time zero
 * @param results one per rule, in file order
 * @param allowUnexercised the ids of the rules that pass when unexercised
 * @param listing how many occurrences and violations each result lists
 */
public record CheckReport(String trace, String rulesFile, long uncertaintyNanos, long endNanos,
        List<RuleResult> results, Set<String> allowUnexercised, Listing listing) {
    public CheckReport {
        results = List.copyOf(results);
        allowUnexercised = Set.copyOf(allowUnexercised);
        Objects.requireNonNull(listing, "listing");
    }

    /** The rule's status: its verdict, or {@code INCONCLUSIVE} for a pass with no evidence that is not allowed. */
    public Verdict status(RuleResult r) {
        return r.verdict() == Verdict.PASS && !r.exercised() && !allowUnexercised.contains(r.rule().id())
                ? Verdict.INCONCLUSIVE : r.verdict();
    }

    /** The worst of the rules' statuses; {@code PASS} only when every rule passed. */
    public Verdict verdict() {
        Verdict v = Verdict.PASS;
        for (RuleResult r : results) {
            v = v.worst(status(r));
        }
        return v;
    }

    /** How many rules have this status. */
    public long count(Verdict status) {
        return results.stream().filter(r -> status(r) == status).count();
    }

    /** How many rules the trace did not exercise, allowed or not. */
    public long unexercised() {
        return results.stream().filter(r -> !r.exercised()).count();
    }
}
