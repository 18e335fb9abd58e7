package org.hilrig.runner.gpio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The argument of {@code GPIO_V2_GET_LINE_IOCTL}: which line offsets to request, under which consumer
 * label, with which default flags and per-line attributes. Encoded as {@code struct gpio_v2_line_request}
 * (592 bytes, see {@link GpioV2#REQUEST_SIZE}); the kernel writes the new line request's file descriptor
 * at {@link GpioV2#REQUEST_FD}.
 *
 * @param offsets line offsets (BCM numbers on a Pi), 1 to 64; attribute masks index into this list
 * @param consumer label shown by {@code gpioinfo}, at most 31 ASCII bytes
 * @param flags default {@code gpio_v2_line_flag} bits for every line
 * @param attributes up to 10 per-line overrides
 * @param eventBufferSize suggested kernel event buffer, in events (0: the kernel's default, 16 per line)
 */
record LineRequest(List<Integer> offsets, String consumer, long flags, List<Attribute> attributes, int eventBufferSize) {
    /**
     * One {@code struct gpio_v2_line_config_attribute}: an attribute and the mask of request indices it
     * applies to.
     *
     * @param id {@code GPIO_V2_LINE_ATTR_ID_*}
     * @param value the union: flags, output values bitmap, or the debounce period in microseconds
     * @param mask bit i set: applies to {@code offsets.get(i)}
     */
    record Attribute(int id, long value, long mask) {
        static Attribute debounce(long periodMicros, long mask) {
            if (periodMicros < 0 || periodMicros > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("debounce " + periodMicros + " us does not fit the kernel's __u32");
            }
            return new Attribute(GpioV2.ATTR_ID_DEBOUNCE, periodMicros, mask);
        }
    }

    LineRequest {
        offsets = List.copyOf(offsets);
        attributes = List.copyOf(attributes);
        if (offsets.isEmpty() || offsets.size() > GpioV2.LINES_MAX) {
            throw new IllegalArgumentException("a line request has 1 to " + GpioV2.LINES_MAX + " lines, found " + offsets.size());
        }
        if (attributes.size() > GpioV2.LINE_NUM_ATTRS_MAX) {
            throw new IllegalArgumentException("a line request has at most " + GpioV2.LINE_NUM_ATTRS_MAX
                    + " attributes, found " + attributes.size());
        }
        if (consumer.getBytes(StandardCharsets.US_ASCII).length >= GpioV2.MAX_NAME_SIZE) {
            throw new IllegalArgumentException("consumer label '" + consumer + "' is longer than "
                    + (GpioV2.MAX_NAME_SIZE - 1) + " bytes");
        }
        if ((flags & (GpioV2.FLAG_EVENT_CLOCK_REALTIME | GpioV2.FLAG_EVENT_CLOCK_HTE)) != 0) {
            throw new IllegalArgumentException("the rig requests monotonic event stamps only");
        }
    }

    /** The request as {@code struct gpio_v2_line_request} in {@code order}; the fd field is 0. */
    byte[] encode(ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(GpioV2.REQUEST_SIZE).order(order);
        for (int i = 0; i < offsets.size(); i++) {
            b.putInt(GpioV2.REQUEST_OFFSETS + 4 * i, offsets.get(i));
        }
        byte[] label = consumer.getBytes(StandardCharsets.US_ASCII);
        b.put(GpioV2.REQUEST_CONSUMER, label);
        int config = GpioV2.REQUEST_CONFIG;
        b.putLong(config + GpioV2.CONFIG_FLAGS, flags);
        b.putInt(config + GpioV2.CONFIG_NUM_ATTRS, attributes.size());
        for (int i = 0; i < attributes.size(); i++) {
            Attribute a = attributes.get(i);
            int at = config + GpioV2.CONFIG_ATTRS + i * GpioV2.CONFIG_ATTRIBUTE_SIZE;
            b.putInt(at, a.id());
            if (a.id() == GpioV2.ATTR_ID_DEBOUNCE) {
                b.putInt(at + 8, (int) a.value());
            } else {
                b.putLong(at + 8, a.value());
            }
            b.putLong(at + GpioV2.ATTRIBUTE_SIZE, a.mask());
        }
        b.putInt(GpioV2.REQUEST_NUM_LINES, offsets.size());
        b.putInt(GpioV2.REQUEST_EVENT_BUFFER_SIZE, eventBufferSize);
        return b.array();
    }

    /** The file descriptor the kernel wrote into an encoded request after a successful ioctl. */
    static int fdOf(byte[] encoded, ByteOrder order) {
        return ByteBuffer.wrap(encoded).order(order).getInt(GpioV2.REQUEST_FD);
    }
}
