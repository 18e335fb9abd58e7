package org.hilrig.timing.rules;

import java.util.Objects;

/**
 * A rule found broken while the trace streams by, reported as soon as it is certain.
 *
 * @param eventNanos when the offending trigger or overlap began
 * @param knownAtNanos the earliest trace time at which the violation was certain: the late or early
 *     response, the moment the window closed with no response, or the moment an overlap outgrew its
 *     tolerance
 * @param description one line for people, e.g. {@code no 'hv_enable falls' within <= 1 ms of
 *     'door_closed falls' at 5000000 ns}
 */
public record Violation(TimingRule rule, long eventNanos, long knownAtNanos, String description) {
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(description, "description");
    }
}
