package org.hilrig.device.protocol;

import java.util.Arrays;

/**
 * A valid frame as received: its value, its exact bytes (STX to ETX) and when its STX and its ETX arrived.
 * The bytes always equal {@code frame.encode()}: the decoder accepts only frames in canonical form.
 *
 * @param frame the decoded frame
 * @param bytes the bytes from STX to ETX inclusive
 * @param startNanos arrival time of the STX
 * @param endNanos arrival time of the ETX; the protocol's reply deadlines run from here
 */
public record ReceivedFrame(Frame frame, byte[] bytes, long startNanos, long endNanos) implements Decoded {
    public ReceivedFrame {
        bytes = Frame.copy(bytes);
    }

    @Override
    public byte[] bytes() {
        return Frame.copy(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedFrame r && frame.equals(r.frame) && Arrays.equals(bytes, r.bytes)
                && startNanos == r.startNanos && endNanos == r.endNanos;
    }

    @Override
    public int hashCode() {
        return frame.hashCode() * 31 + Long.hashCode(endNanos);
    }

    @Override
    public String toString() {
        return "ReceivedFrame[" + frame.text() + " @" + startNanos + ".." + endNanos + " ns]";
    }
}
