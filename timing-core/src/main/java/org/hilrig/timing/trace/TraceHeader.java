package org.hilrig.timing.trace;

import java.util.List;

/**
 * What a trace declares before its first change.
 *
 * @param signals every signal, indexed by {@link SignalInfo#id()}
 * @param resolutionPicos the smallest time step the source can express (a VCD's timescale; 1000 for the
 *     rig's own nanosecond traces); measurements taken from the trace are uncertain by at least this much
 */
public record TraceHeader(List<SignalInfo> signals, long resolutionPicos) {
    public TraceHeader {
        signals = List.copyOf(signals);
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).id() != i) {
                throw new IllegalArgumentException("signal " + signals.get(i).path() + " has id " + signals.get(i).id()
                        + " at position " + i);
            }
        }
    }
}
