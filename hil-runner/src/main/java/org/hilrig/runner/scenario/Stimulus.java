package org.hilrig.runner.scenario;

import java.util.List;
import org.hilrig.runner.rig.StampKind;
import org.hilrig.timing.Durations;

/**
 * The last stimulus of a run, which limits are measured from by default (see {@link Step}): when it took
 * effect on the rig, what its time was taken from, how messages name it, and the lines it moved.
 *
 * <p>Immutable; a run replaces its stimulus with each {@code set}, {@code fault} and {@code send}.
 *
 * @param nanos the rig time it took effect: the last edge driven, the fault injected, the frame's last byte
 * @param kind what that time was taken from, for the rig's timestamp uncertainty
 * @param what the stimulus in messages: {@code the stimulus at 1.000ms}
 * @param signals full paths of the lines a {@code set} drove, as driven and as the board sees them; empty
 *     after a fault or a frame
 */
record Stimulus(long nanos, StampKind kind, String what, List<String> signals) {
    /** Before any step: the board's power-up at time 0, which counts as a line. */
    static final Stimulus START = new Stimulus(0, StampKind.LINE, "the start", List.of());

    Stimulus {
        signals = List.copyOf(signals);
    }

    /** Lines a {@code set} drove, the last of which took effect at {@code nanos}. */
    static Stimulus lines(long nanos, List<String> signals) {
        return new Stimulus(nanos, StampKind.LINE, "the stimulus at " + Durations.format(nanos), signals);
    }

    /** The plant fault {@code name}, injected at {@code nanos}. */
    static Stimulus fault(long nanos, String name) {
        return new Stimulus(nanos, StampKind.FAULT, "fault " + name + " at " + Durations.format(nanos), List.of());
    }

    /** A command frame ({@code frameText} without STX and ETX) sent {@code copies} times, its last byte at {@code etxNanos}. */
    static Stimulus frame(long etxNanos, String frameText, int copies) {
        return new Stimulus(etxNanos, StampKind.FRAME, "the end of frame " + frameText
                + (copies > 1 ? " (x" + copies + ")" : "") + " at " + Durations.format(etxNanos), List.of());
    }
}
