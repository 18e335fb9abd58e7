package org.hilrig.timing.rules;

import org.hilrig.timing.verdict.Verdict;

/** What checking one rule on one trace found. */
public sealed interface RuleResult permits ResponseResult, NeverResult {
    TimingRule rule();

    /**
     * The rule's verdict: the worst of its occurrences or overlaps, listed or not; {@code PASS} when there
     * were none. A {@code PASS} says only that nothing failed: whether the trace could have shown a
     * failure at all is {@link #exercised()}, which a caller that reports a verdict must weigh ({@code hil
     * check} reports an unexercised pass as inconclusive unless told to allow it).
     */
    Verdict verdict();

    /**
     * Why the trace could not have broken this rule, for people (e.g. {@code no 'door_closed falls' in the
     * trace}), or null when it could have: a response rule is exercised by a trigger edge, a {@code
     * never} rule as {@link NeverResult} says.
     */
    String unexercisedReason();

    /** True when the trace could have broken this rule (see {@link #unexercisedReason()}). */
    default boolean exercised() {
        return unexercisedReason() == null;
    }

    /** The uncertainty every time difference was judged with, in nanoseconds. */
    long uncertaintyNanos();
}
