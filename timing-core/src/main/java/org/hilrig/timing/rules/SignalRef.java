package org.hilrig.timing.rules;

import java.util.Objects;

/**
 * A signal as a rule names it: a trace reference ({@code door_closed}) or a full dotted path
 * ({@code rig.door_closed}), with the place the name was written so binding errors can point at it.
 */
public record SignalRef(String name, SourcePosition position) {
    public SignalRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        if (name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("signal name '" + name + "' is empty or contains white space");
        }
    }

    /** A reference built in code, with no file position. */
    public static SignalRef named(String name) {
        return new SignalRef(name, SourcePosition.UNKNOWN);
    }

    @Override
    public String toString() {
        return name;
    }
}
