package org.hilrig.timing.rules;

import org.hilrig.timing.Durations;

/**
 * The time a response may take, in nanoseconds: at most {@code maxNanos}, and at least {@code minNanos}
 * when a window gives one (null: no lower bound, so an answer at the trigger's own time stamp passes).
 * Both limits are inclusive.
 */
public record LatencyWindow(Long minNanos, long maxNanos) {
    public LatencyWindow {
        if (maxNanos < 0 || (minNanos != null && minNanos < 0)) {
            throw new IllegalArgumentException("latency limits must be 0 or more, found " + minNanos + " and " + maxNanos);
        }
        if (minNanos != null && minNanos > maxNanos) {
            throw new IllegalArgumentException("window min " + Durations.format(minNanos) + " is above its max "
                    + Durations.format(maxNanos));
        }
    }

    /** An upper bound only ({@code within: 1ms}). */
    public static LatencyWindow atMost(long maxNanos) {
        return new LatencyWindow(null, maxNanos);
    }

    /** A window ({@code within: [20ms, 1500ms]}). */
    public static LatencyWindow between(long minNanos, long maxNanos) {
        return new LatencyWindow(minNanos, maxNanos);
    }

    /** As people read it: {@code <= 1 ms} or {@code 20 ms .. 1.5 s}. */
    @Override
    public String toString() {
        return minNanos == null ? "<= " + Durations.format(maxNanos)
                : Durations.format(minNanos) + " .. " + Durations.format(maxNanos);
    }
}
