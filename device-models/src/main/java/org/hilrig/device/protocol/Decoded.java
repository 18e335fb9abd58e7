package org.hilrig.device.protocol;

/**
 * What a {@link FrameDecoder} makes of its input: every byte ends up in exactly one {@link ReceivedFrame}
 * or one {@link DiscardedInput}, in arrival order.
 */
public sealed interface Decoded permits ReceivedFrame, DiscardedInput {
    /** The bytes as received, STX and ETX included where present; a fresh copy on every call. */
    byte[] bytes();

    /** Arrival time of the first byte, in the decoder's nanoseconds. */
    long startNanos();

    /** Arrival time of the last byte, in the decoder's nanoseconds. */
    long endNanos();
}
