package org.hilrig.timing.rules;

import org.hilrig.timing.verdict.Verdict;

/** What checking one rule on one trace found. */
public sealed interface RuleResult permits ResponseResult, NeverResult {
    TimingRule rule();

    /**
     * The rule's verdict: the worst of its occurrences or overlaps; {@code PASS} when there were none (a
     * response rule whose trigger never came has nothing to fail).
     */
    Verdict verdict();

    /** The uncertainty every time difference was judged with, in nanoseconds. */
    long uncertaintyNanos();
}
