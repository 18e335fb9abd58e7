package org.hilrig.timing.signal;

import java.util.ArrayList;
import java.util.List;
import org.hilrig.timing.Clock;
import org.hilrig.timing.trace.Level;
import org.hilrig.timing.trace.Trace;

/**
 * A live one-bit signal in logical terms: high means active (door closed, HV enabled). Each change is
 * recorded in the trace with its time, then handed to the edge listeners in the order they were added.
 * Setting the level it already has does nothing.
 */
public final class DigitalSignal {
    private final String path;
    private final int traceId;
    private final Clock clock;
    private final Trace trace;
    private final List<EdgeListener> listeners = new ArrayList<>(2);
    private boolean high;
    private long lastChangeNanos;

    DigitalSignal(String path, int traceId, boolean initialHigh, Clock clock, Trace trace) {
        this.path = path;
        this.traceId = traceId;
        this.high = initialHigh;
        this.clock = clock;
        this.trace = trace;
    }

    /** Called when the level changes; {@code timeNanos} is when it changed. */
    @FunctionalInterface
    public interface EdgeListener {
        void edge(DigitalSignal signal, boolean high, long timeNanos);
    }

    public String path() {
        return path;
    }

    public boolean isHigh() {
        return high;
    }

    /** When the level last changed (trace time zero when it never did). */
    public long lastChangeNanos() {
        return lastChangeNanos;
    }

    /** Sets the level now (by the set's clock). */
    public void set(boolean newHigh) {
        setAt(clock.nowNanos(), newHigh);
    }

    /**
     * Sets the level at an explicit time: for sources that stamp their own edges (kernel GPIO events).
     * Times must not go backwards across the trace.
     */
    public void setAt(long timeNanos, boolean newHigh) {
        if (newHigh == high) {
            return;
        }
        high = newHigh;
        lastChangeNanos = timeNanos;
        trace.digital(timeNanos, traceId, Level.of(newHigh));
        for (int i = 0; i < listeners.size(); i++) {
            listeners.get(i).edge(this, newHigh, timeNanos);
        }
    }

    public void onEdge(EdgeListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EdgeListener listener) {
        listeners.remove(listener);
    }

    void recordInitial(long t) {
        lastChangeNanos = t;
        trace.digital(t, traceId, Level.of(high));
    }

    @Override
    public String toString() {
        return path + "=" + (high ? "1" : "0");
    }
}
