package org.hilrig.timing.rules;

import java.util.Objects;

/** An edge of one signal, as a rule writes it: {@code door_closed falls}. */
public record SignalEdge(SignalRef signal, Edge edge) {
    public SignalEdge {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(edge, "edge");
    }

    public static SignalEdge of(String signal, Edge edge) {
        return new SignalEdge(SignalRef.named(signal), edge);
    }

    @Override
    public String toString() {
        return signal.name() + " " + edge.word();
    }
}
