package org.hilrig.runner.gpio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

/**
 * Decodes the byte stream read from a line request's file descriptor into {@link KernelLineEvent}s.
 *
 * <pre>
 * offset  size  field            (struct gpio_v2_line_event, 48 bytes)
 *      0     8  timestamp_ns     CLOCK_MONOTONIC, ns
 *      8     4  id               1 rising, 2 falling
 *     12     4  offset           line offset on the chip
 *     16     4  seqno            request-wide sequence number
 *     20     4  line_seqno       per-line sequence number
 *     24    24  padding
 * </pre>
 *
 * The kernel hands out whole records, but the decoder does not rely on it: bytes of an unfinished record
 * are kept until the rest arrives. A record with an unknown id is a broken stream and raises
 * {@link IllegalStateException} naming the id. Confined to the reader thread.
 */
final class LineEventDecoder {
    private final ByteOrder order;
    private final byte[] pending = new byte[GpioV2.EVENT_SIZE];
    private int pendingLength;

    LineEventDecoder(ByteOrder order) {
        this.order = order;
    }

    /** Decodes {@code length} bytes from {@code bytes[0]}, handing each completed record to {@code out} in order. */
    void feed(byte[] bytes, int length, Consumer<KernelLineEvent> out) {
        int i = 0;
        while (i < length) {
            int take = Math.min(GpioV2.EVENT_SIZE - pendingLength, length - i);
            System.arraycopy(bytes, i, pending, pendingLength, take);
            pendingLength += take;
            i += take;
            if (pendingLength == GpioV2.EVENT_SIZE) {
                pendingLength = 0;
                out.accept(decode(ByteBuffer.wrap(pending).order(order)));
            }
        }
    }

    /** Bytes of a record still waiting for the rest of it. */
    int pendingBytes() {
        return pendingLength;
    }

    private static KernelLineEvent decode(ByteBuffer b) {
        long timestamp = b.getLong(0);
        int id = b.getInt(8);
        if (id != GpioV2.EVENT_RISING_EDGE && id != GpioV2.EVENT_FALLING_EDGE) {
            throw new IllegalStateException("GPIO line event with id " + Integer.toUnsignedString(id)
                    + " (allowed: 1 rising, 2 falling); the event stream is out of step");
        }
        return new KernelLineEvent(timestamp, id == GpioV2.EVENT_RISING_EDGE, b.getInt(12),
                Integer.toUnsignedLong(b.getInt(16)), Integer.toUnsignedLong(b.getInt(20)));
    }
}
