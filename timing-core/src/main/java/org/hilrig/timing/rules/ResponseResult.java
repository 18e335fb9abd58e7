package org.hilrig.timing.rules;

import java.util.List;
import org.hilrig.timing.verdict.Measurement;
import org.hilrig.timing.verdict.Verdict;

/**
 * The occurrences of a {@link BoundedResponse} in trigger order (an unmodifiable list, stored compactly
 * when the checker made it).
 */
public record ResponseResult(BoundedResponse rule, long uncertaintyNanos, List<Occurrence> occurrences)
        implements RuleResult {
    public ResponseResult {
        occurrences = occurrences instanceof OccurrenceLog ? occurrences : List.copyOf(occurrences);
    }

    @Override
    public Verdict verdict() {
        Verdict v = Verdict.PASS;
        for (Occurrence o : occurrences) {
            v = v.worst(o.verdict());
        }
        return v;
    }

    /**
     * The answered occurrence nearest to, or furthest beyond, a limit of the window (the largest latency
     * when the window is an upper bound only), or null when no trigger was answered.
     */
    public Occurrence worst() {
        Occurrence worst = null;
        long worstMargin = Long.MAX_VALUE;
        for (Occurrence o : occurrences) {
            if (!o.answered()) {
                continue;
            }
            long margin = Measurement.judge(rule.id(), o.latencyNanos(), uncertaintyNanos, rule.window().minNanos(),
                    rule.window().maxNanos()).marginNanos();
            if (worst == null || margin < worstMargin) {
                worst = o;
                worstMargin = margin;
            }
        }
        return worst;
    }

    /** The latency of {@link #worst()}, or null when no trigger was answered. */
    public Long worstLatencyNanos() {
        Occurrence w = worst();
        return w == null ? null : w.latencyNanos();
    }

    /** How many occurrences have this verdict. */
    public long count(Verdict verdict) {
        return occurrences.stream().filter(o -> o.verdict() == verdict).count();
    }
}
