package org.hilrig.timing.rules;

import java.util.Objects;
import org.hilrig.timing.verdict.Verdict;

/**
 * A time the two states of a {@link NeverWhile} held together: {@code [startNanos, endNanos)}, in
 * nanoseconds from the trace's time zero, always of positive length. An overlap still open when the
 * trace ended ends at the trace's end.
 *
 * @param verdict {@code FAIL} when both states surely held for longer than allowed; {@code INCONCLUSIVE}
 *     when the length is within the check's uncertainty of the rule's tolerance, or when the states
 *     only may have held (a signal was X, Z or had no value yet) and would then have broken the rule
 */
public record Overlap(long startNanos, long endNanos, Verdict verdict) {
    public Overlap {
        Objects.requireNonNull(verdict, "verdict");
        if (endNanos <= startNanos) {
            throw new IllegalArgumentException("overlap [" + startNanos + ", " + endNanos + ") is empty");
        }
    }

    public long durationNanos() {
        return endNanos - startNanos;
    }
}
