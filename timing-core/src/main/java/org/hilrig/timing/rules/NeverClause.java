package org.hilrig.timing.rules;

import java.util.Objects;
import org.hilrig.timing.trace.Level;

/**
 * A {@code never} clause as written, parsed by {@link NeverText}: {@code <signal> <state> [while <signal>
 * <state>] [for more than <limit>]}. What the names and the limit mean is for the reader of the file: a
 * scenario resolves the limit as a profile limit or a duration, a rules file as a duration.
 *
 * @param first the state that must not hold (while {@code whileTerm} holds)
 * @param whileTerm the second state, or null for {@code never: a high} alone
 * @param toleranceText the limit after {@code for more than}, or null when there is none inline
 * @param toleranceAt where the limit starts, or null when there is none
 */
public record NeverClause(Term first, Term whileTerm, String toleranceText, SourcePosition toleranceAt) {
    public NeverClause {
        Objects.requireNonNull(first, "first");
        if ((toleranceText == null) != (toleranceAt == null)) {
            throw new IllegalArgumentException("a tolerance needs its text and its place, found " + toleranceText
                    + " at " + toleranceAt);
        }
    }

    /**
     * One signal's state: {@code xray_on high}, {@code DOOR_CLOSED inactive}. {@code active} is
     * {@link Level#HIGH}, {@code inactive} {@link Level#LOW}: a trace records a rig signal's logical state.
     *
     * @param at where the signal's name starts
     */
    public record Term(String signal, SourcePosition at, Level level) {
        public Term {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(at, "at");
            if (level != Level.HIGH && level != Level.LOW) {
                throw new IllegalArgumentException("a state is high or low, found " + level);
            }
        }

        /** The state as a rule signal with its place. */
        public SignalState state() {
            return new SignalState(new SignalRef(signal, at), level);
        }
    }

    /** The state that must not hold together with {@link #first()}: {@code whileTerm}, or {@code first} itself. */
    public Term whileOrFirst() {
        return whileTerm == null ? first : whileTerm;
    }
}
