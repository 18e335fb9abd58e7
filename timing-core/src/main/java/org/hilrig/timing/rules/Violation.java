package org.hilrig.timing.rules;

import java.util.Objects;

/**
 * A rule found broken while the trace streams by, reported as soon as it is certain.
 *
 * @param eventNanos when the offending trigger or overlap began
 * @param knownAtNanos the trace time after which the violation was certain (once every change at that
 *     time stamp was in): the time of a response that came too early, the end of a response window
 *     (widened by the uncertainty) that closed with no response, the time an overlap outgrew its
 *     tolerance (its start when it has none), or the end of a trace that ended first
 * @param description one line for people, e.g. {@code no 'hv_enable falls' within <= 1 ms of
 *     'door_closed falls' at 5000000 ns}
 */
public record Violation(TimingRule rule, long eventNanos, long knownAtNanos, String description) {
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(description, "description");
    }
}
