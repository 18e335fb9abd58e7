package org.hilrig.timing.rules;

import java.util.List;
import java.util.Objects;
import org.hilrig.timing.verdict.Verdict;

/**
 * The overlaps that violate a {@link NeverWhile} (or come within the uncertainty of its tolerance), in
 * time order: all of them, or as many as the checker's {@link Listing} keeps. Overlaps inside the
 * tolerance are neither listed nor counted, but count for {@code longestOverlapNanos}.
 *
 * <p>Exercised: {@code never A while B} could have failed only if the trace shows {@code B} surely
 * holding for some time, and shows one of the two signals change level somewhere (a trace in which
 * neither signal moved, such as one with no value changes, or a probe left unconnected, shows nothing
 * about how they relate). A rule about one state ({@code never x high while x high}, i.e. never
 * {@code x high}) cannot see its signal change without failing; it is exercised when the signal surely
 * held the other level for some time.
 *
 * @param overlaps the overlaps listed, in time order
 * @param longestOverlapNanos the longest time both states held together, listed or not, or null when
 *     they never did
 * @param tally every overlap that violates the rule or is inconclusive, listed or not, by verdict
 * @param unexercisedReason why the trace could not have broken the rule, or null when it could have
 */
public record NeverResult(NeverWhile rule, long uncertaintyNanos, List<Overlap> overlaps, Long longestOverlapNanos,
        Tally tally, String unexercisedReason) implements RuleResult {
    public NeverResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(tally, "tally");
        overlaps = List.copyOf(overlaps);
        if (overlaps.size() > tally.total()) {
            throw new IllegalArgumentException(overlaps.size() + " overlaps listed of " + tally.total());
        }
    }

    /** The worst verdict of all overlaps; {@code PASS} when there were none (see {@link #exercised()}). */
    @Override
    public Verdict verdict() {
        return tally.verdict();
    }

    /** How many overlaps violate the rule or are inconclusive, listed or not. */
    public long violationCount() {
        return tally.total();
    }

    /** True when some overlaps are counted but not listed. */
    public boolean truncated() {
        return overlaps.size() < tally.total();
    }
}
