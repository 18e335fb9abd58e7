package org.hilrig.timing.trace;

/**
 * Receives a trace as a stream: the header, then changes in non-decreasing time order, then the end.
 * Live traces, recorded traces and VCD files all deliver themselves this way, so one monitor checks
 * them all, online or offline. Times are nanoseconds from the trace's time zero.
 *
 * <p>Values at the start of a trace arrive as changes at its first time stamp. A listener must not
 * keep the {@code bits} or {@code bytes} arrays it is handed beyond the call.
 */
public interface ChangeListener {
    default void begin(TraceHeader header) {
    }

    void digital(long timeNanos, int signalId, Level level);

    /** A vector value as its bit characters, most significant first ({@code 0 1 x z}). */
    default void vector(long timeNanos, int signalId, String bits) {
    }

    default void real(long timeNanos, int signalId, double value) {
    }

    /** A serial frame seen on a link ({@code direction} is e.g. {@code "tx"} or {@code "rx"}). */
    default void frame(long timeNanos, String link, String direction, byte[] bytes) {
    }

    /** The trace ends at {@code endNanos} (at or after its last change). */
    default void end(long endNanos) {
    }
}
