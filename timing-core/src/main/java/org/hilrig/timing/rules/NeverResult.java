package org.hilrig.timing.rules;

import java.util.List;
import org.hilrig.timing.verdict.Verdict;

/**
 * The overlaps that violate a {@link NeverWhile} (or come within the uncertainty of its tolerance), in
 * time order. Overlaps inside the tolerance are not listed, but count for {@code longestOverlapNanos}.
 *
 * @param longestOverlapNanos the longest time both states held together, listed or not, or null when
 *     they never did
 */
public record NeverResult(NeverWhile rule, long uncertaintyNanos, List<Overlap> overlaps, Long longestOverlapNanos)
        implements RuleResult {
    public NeverResult {
        overlaps = List.copyOf(overlaps);
    }

    @Override
    public Verdict verdict() {
        Verdict v = Verdict.PASS;
        for (Overlap o : overlaps) {
            v = v.worst(o.verdict());
        }
        return v;
    }
}
