package org.hilrig.runner.gpio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Builds byte streams as a Raspberry Pi's kernel writes them: {@code struct gpio_v2_line_event} records,
 * 48 bytes each, little-endian, laid out from include/uapi/linux/gpio.h independently of the decoder.
 */
final class KernelEventBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    KernelEventBytes event(long timestampNanos, int id, int offset, long seqno, long lineSeqno) {
        ByteBuffer b = ByteBuffer.allocate(48).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(timestampNanos);   // __aligned_u64 timestamp_ns
        b.putInt(id);                // __u32 id
        b.putInt(offset);            // __u32 offset
        b.putInt((int) seqno);       // __u32 seqno
        b.putInt((int) lineSeqno);   // __u32 line_seqno
        for (int i = 0; i < 6; i++) {
            b.putInt(0xA5A5A5A5);    // __u32 padding[6]: whatever is there must not matter
        }
        out.writeBytes(b.array());
        return this;
    }

    KernelEventBytes rising(long timestampNanos, int offset, long seqno, long lineSeqno) {
        return event(timestampNanos, 1, offset, seqno, lineSeqno);
    }

    KernelEventBytes falling(long timestampNanos, int offset, long seqno, long lineSeqno) {
        return event(timestampNanos, 2, offset, seqno, lineSeqno);
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
