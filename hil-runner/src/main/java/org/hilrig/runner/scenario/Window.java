package org.hilrig.runner.scenario;

import org.hilrig.timing.Durations;

/**
 * A resolved time window in nanoseconds, both ends inclusive.
 *
 * @param minNanos lower bound, or null for none
 * @param maxNanos upper bound, or null for none (then a response is awaited only until the step's own end)
 */
public record Window(Long minNanos, Long maxNanos) {
    public static Window upTo(long maxNanos) {
        return new Window(null, maxNanos);
    }

    @Override
    public String toString() {
        if (minNanos == null) {
            return maxNanos == null ? "any time" : "<= " + Durations.format(maxNanos);
        }
        return "[" + Durations.format(minNanos) + ", " + (maxNanos == null ? "-" : Durations.format(maxNanos)) + "]";
    }
}
