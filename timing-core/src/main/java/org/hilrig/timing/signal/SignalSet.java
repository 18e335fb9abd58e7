package org.hilrig.timing.signal;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hilrig.timing.Clock;
import org.hilrig.timing.trace.Trace;

/**
 * The named live signals of one rig, all recorded into one {@link Trace} against one {@link Clock}.
 * Declare every signal before the first change (the trace's header is fixed then). Names are dotted
 * paths ({@code gen.hv_enable}); they are the names the trace, the VCD and the rules use.
 *
 * <p>Confined to the clock's thread (the scheduler's, in simulation).
 */
public final class SignalSet {
    private final Clock clock;
    private final Trace trace;
    private final Map<String, DigitalSignal> digital = new LinkedHashMap<>();
    private final Map<String, AnalogSignal> analog = new LinkedHashMap<>();

    public SignalSet(Clock clock, Trace trace) {
        this.clock = clock;
        this.trace = trace;
    }

    public Clock clock() {
        return clock;
    }

    public Trace trace() {
        return trace;
    }

    /** Declares a digital signal with its level at time zero of the trace. */
    public DigitalSignal digital(String path, boolean initialHigh) {
        if (digital.containsKey(path) || analog.containsKey(path)) {
            throw new IllegalArgumentException("signal " + path + " is declared twice");
        }
        DigitalSignal s = new DigitalSignal(path, trace.declareDigital(path), initialHigh, clock, trace);
        digital.put(path, s);
        return s;
    }

    /** Declares an analog signal with its value at time zero of the trace. */
    public AnalogSignal analog(String path, double initialValue) {
        if (digital.containsKey(path) || analog.containsKey(path)) {
            throw new IllegalArgumentException("signal " + path + " is declared twice");
        }
        AnalogSignal s = new AnalogSignal(path, trace.declareReal(path), initialValue, clock, trace);
        analog.put(path, s);
        return s;
    }

    /**
     * Writes every signal's initial value into the trace at the current time. Call once, after the last
     * declaration and before the first change.
     */
    public void start() {
        long t = clock.nowNanos();
        for (DigitalSignal s : digital.values()) {
            s.recordInitial(t);
        }
        for (AnalogSignal s : analog.values()) {
            s.recordInitial(t);
        }
    }

    /** The digital signal with this path, or null. */
    public DigitalSignal findDigital(String path) {
        return digital.get(path);
    }

    /** The analog signal with this path, or null. */
    public AnalogSignal findAnalog(String path) {
        return analog.get(path);
    }

    public Collection<DigitalSignal> digitalSignals() {
        return Collections.unmodifiableCollection(digital.values());
    }

    public Collection<AnalogSignal> analogSignals() {
        return Collections.unmodifiableCollection(analog.values());
    }
}
