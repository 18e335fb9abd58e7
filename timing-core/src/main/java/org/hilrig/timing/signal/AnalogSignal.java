package org.hilrig.timing.signal;

import org.hilrig.timing.Clock;
import org.hilrig.timing.trace.Trace;

/**
 * A live real-valued signal (kV feedback, tube current, rotor speed) in its engineering unit. Each change
 * is recorded in the trace; models decide how often to publish a value (on their own events), so the
 * trace grows with what happens, not with simulated time.
 */
public final class AnalogSignal {
    private final String path;
    private final int traceId;
    private final Clock clock;
    private final Trace trace;
    private double value;

    AnalogSignal(String path, int traceId, double initialValue, Clock clock, Trace trace) {
        this.path = path;
        this.traceId = traceId;
        this.value = initialValue;
        this.clock = clock;
        this.trace = trace;
    }

    public String path() {
        return path;
    }

    public double value() {
        return value;
    }

    /** Publishes a new value now; an equal value records nothing. */
    public void set(double newValue) {
        setAt(clock.nowNanos(), newValue);
    }

    public void setAt(long timeNanos, double newValue) {
        if (Double.compare(newValue, value) == 0) {
            return;
        }
        value = newValue;
        trace.real(timeNanos, traceId, newValue);
    }

    void recordInitial(long t) {
        trace.real(t, traceId, value);
    }

    @Override
    public String toString() {
        return path + "=" + value;
    }
}
