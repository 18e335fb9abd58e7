package org.hilrig.timing.rules;

import java.util.Locale;
import java.util.Objects;
import org.hilrig.timing.trace.Level;

/**
 * A signal holding a definite level, as a rule writes it: {@code door_closed low}. The state surely holds
 * while the signal is at exactly that level; while it is {@code X}, {@code Z} or has no value yet the state
 * may hold, which can make a check inconclusive but never makes it fail.
 */
public record SignalState(SignalRef signal, Level level) {
    public SignalState {
        Objects.requireNonNull(signal, "signal");
        if (level != Level.HIGH && level != Level.LOW) {
            throw new IllegalArgumentException("a state is high or low, not " + level);
        }
    }

    public static SignalState of(String signal, Level level) {
        return new SignalState(SignalRef.named(signal), level);
    }

    @Override
    public String toString() {
        return signal.name() + " " + level.name().toLowerCase(Locale.ROOT);
    }
}
