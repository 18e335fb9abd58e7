package org.hilrig.timing.rules;

import java.util.List;
import java.util.Objects;
import org.hilrig.timing.verdict.Verdict;

/**
 * What checking a {@link BoundedResponse} found: every occurrence counted by verdict, the worst one, and
 * the occurrences listed in trigger order (all of them, or as many as the checker's {@link Listing}
 * keeps; an unmodifiable list, stored compactly when the checker made it).
 *
 * @param occurrences the occurrences listed, in trigger order
 * @param tally every occurrence, listed or not, by verdict
 * @param worst the answered occurrence nearest to, or furthest beyond, a limit of the window (the
 *     largest latency when the window is an upper bound only; the earliest of equals), listed or not, or
 *     null when no trigger was answered
 */
public record ResponseResult(BoundedResponse rule, long uncertaintyNanos, List<Occurrence> occurrences, Tally tally,
        Occurrence worst) implements RuleResult {
    public ResponseResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(tally, "tally");
        occurrences = occurrences instanceof OccurrenceLog ? occurrences : List.copyOf(occurrences);
        if (occurrences.size() > tally.total()) {
            throw new IllegalArgumentException(occurrences.size() + " occurrences listed of " + tally.total());
        }
    }

    /** The worst verdict of all occurrences; {@code PASS} when there were none (see {@link #exercised()}). */
    @Override
    public Verdict verdict() {
        return tally.verdict();
    }

    /** Exercised when at least one trigger edge came. */
    @Override
    public String unexercisedReason() {
        return tally.total() == 0 ? "no '" + rule.trigger() + "' in the trace" : null;
    }

    /** The latency of {@link #worst()}, or null when no trigger was answered. */
    public Long worstLatencyNanos() {
        return worst == null ? null : worst.latencyNanos();
    }

    /** How many triggers came, listed or not. */
    public long occurrenceCount() {
        return tally.total();
    }

    /** True when some occurrences are counted but not listed. */
    public boolean truncated() {
        return occurrences.size() < tally.total();
    }

    /** How many occurrences, listed or not, have this verdict. */
    public long count(Verdict verdict) {
        return tally.count(verdict);
    }
}
