package org.hilrig.timing.rules;

import java.util.List;
import java.util.Objects;
import org.hilrig.timing.Durations;

/**
 * Two states must never hold together: {@code never xray_on high while door_closed low}. Without a
 * tolerance any overlap of positive length violates the rule (states are judged after all changes at a
 * time stamp, so a glitch inside one stamp is no overlap); with {@code longerThanNanos} only overlaps
 * longer than that do. A time when the states only may overlap, because a signal is {@code X} or
 * {@code Z}, is reported as an inconclusive overlap when it would otherwise break the rule.
 *
 * @param longerThanNanos the overlap allowed, in nanoseconds, or null for none at all
 */
public record NeverWhile(String id, String requirement, SourcePosition position, SignalState state,
        SignalState whileState, Long longerThanNanos) implements TimingRule {
    public NeverWhile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(whileState, "whileState");
        if (longerThanNanos != null && longerThanNanos < 0) {
            throw new IllegalArgumentException("tolerance " + longerThanNanos + " ns is negative");
        }
    }

    /** A rule built in code, with no requirement, no file position and no tolerance. */
    public static NeverWhile of(String id, SignalState state, SignalState whileState) {
        return new NeverWhile(id, null, SourcePosition.UNKNOWN, state, whileState, null);
    }

    /** This rule with a tolerance: only overlaps longer than {@code nanos} violate it. */
    public NeverWhile longerThan(long nanos) {
        return new NeverWhile(id, requirement, position, state, whileState, nanos);
    }

    @Override
    public List<SignalRef> signals() {
        return List.of(state.signal(), whileState.signal());
    }

    /** Opposite levels of one signal never hold together; one state twice is {@code never x high}, which is fine. */
    @Override
    public String meaninglessOnOneSignal() {
        return state.level() == whileState.level() ? null : "'" + state + "' and '" + whileState
                + "' are opposite levels of one signal, which never hold together: the rule can never fail";
    }

    @Override
    public String toString() {
        return "never " + state + " while " + whileState
                + (longerThanNanos == null ? "" : " for longer than " + Durations.format(longerThanNanos));
    }
}
