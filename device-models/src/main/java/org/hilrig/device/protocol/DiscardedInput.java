package org.hilrig.device.protocol;

import java.util.Arrays;

/**
 * Input the decoder threw away, with the receiver rule that made it do so.
 *
 * @param reason the rule
 * @param bytes the discarded bytes as received (for {@link DiscardReason#OUTSIDE_FRAME} one byte)
 * @param startNanos arrival time of the first discarded byte
 * @param endNanos arrival time of the last discarded byte
 * @param detail one line for people: what was wrong, found vs allowed
 */
public record DiscardedInput(DiscardReason reason, byte[] bytes, long startNanos, long endNanos, String detail)
        implements Decoded {
    public DiscardedInput {
        bytes = Frame.copy(bytes);
    }

    @Override
    public byte[] bytes() {
        return Frame.copy(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiscardedInput d && reason == d.reason && Arrays.equals(bytes, d.bytes)
                && startNanos == d.startNanos && endNanos == d.endNanos && detail.equals(d.detail);
    }

    @Override
    public int hashCode() {
        return reason.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "DiscardedInput[" + reason + ": " + detail + " '" + Frame.escape(bytes) + "' @" + startNanos + ".."
                + endNanos + " ns]";
    }
}
