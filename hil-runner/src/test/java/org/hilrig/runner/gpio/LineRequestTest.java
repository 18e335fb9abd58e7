package org.hilrig.runner.gpio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ioctl argument layouts against the sizes and offsets of include/uapi/linux/gpio.h. */
class LineRequestTest {
    @Test
    void ioctlNumbersAreTheKernels() {
        // _IOWR(0xB4, 0x07, struct gpio_v2_line_request): dir 3 << 30 | 592 << 16 | 0xB4 << 8 | 0x07
        assertThat(GpioV2.GET_LINE_IOCTL).isEqualTo(0xC250B407L);
        // _IOWR(0xB4, 0x0E, struct gpio_v2_line_values), 16 bytes
        assertThat(GpioV2.LINE_GET_VALUES_IOCTL).isEqualTo(0xC010B40EL);
        // _IOWR(0xB4, 0x0F, struct gpio_v2_line_values), 16 bytes
        assertThat(GpioV2.LINE_SET_VALUES_IOCTL).isEqualTo(0xC010B40FL);
        // _IOR(0xB4, 0x01, struct gpiochip_info), 68 bytes
        assertThat(GpioV2.GET_CHIPINFO_IOCTL).isEqualTo(0x8044B401L);
    }

    @Test
    void structSizesFollowFromTheirFields() {
        assertThat(GpioV2.ATTRIBUTE_SIZE).isEqualTo(4 + 4 + 8);
        assertThat(GpioV2.CONFIG_ATTRIBUTE_SIZE).isEqualTo(GpioV2.ATTRIBUTE_SIZE + 8);
        assertThat(GpioV2.CONFIG_SIZE).isEqualTo(8 + 4 + 5 * 4 + 10 * GpioV2.CONFIG_ATTRIBUTE_SIZE);
        assertThat(GpioV2.REQUEST_SIZE).isEqualTo(64 * 4 + 32 + GpioV2.CONFIG_SIZE + 4 + 4 + 5 * 4 + 4);
        assertThat(GpioV2.REQUEST_CONFIG % 8).as("config is 8-byte aligned").isZero();
        assertThat(GpioV2.EVENT_SIZE).isEqualTo(8 + 4 * 4 + 6 * 4);
    }

    @Test
    void aRequestEncodesOffsetsConsumerFlagsAttributesAndCounts() {
        long flags = GpioV2.FLAG_INPUT | GpioV2.FLAG_EDGE_RISING | GpioV2.FLAG_EDGE_FALLING;
        LineRequest r = new LineRequest(List.of(5, 6, 13), "hil-rig", flags,
                List.of(LineRequest.Attribute.debounce(250, 0b101),
                        new LineRequest.Attribute(GpioV2.ATTR_ID_FLAGS, flags | GpioV2.FLAG_BIAS_DISABLED, 0b010)),
                256);

        byte[] encoded = r.encode(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN);

        assertThat(encoded).hasSize(592);
        assertThat(List.of(b.getInt(0), b.getInt(4), b.getInt(8), b.getInt(12))).containsExactly(5, 6, 13, 0);
        assertThat(new String(encoded, 256, 7, StandardCharsets.US_ASCII)).isEqualTo("hil-rig");
        assertThat(encoded[256 + 7]).as("consumer is NUL-terminated").isZero();
        assertThat(b.getLong(288)).as("config.flags").isEqualTo(0b11_0100L);
        assertThat(b.getInt(288 + 8)).as("config.num_attrs").isEqualTo(2);
        // attrs[0] at config + 32: id, padding, union (u32 debounce_period_us), mask
        assertThat(b.getInt(288 + 32)).isEqualTo(3);
        assertThat(b.getInt(288 + 36)).isZero();
        assertThat(b.getInt(288 + 40)).isEqualTo(250);
        assertThat(b.getInt(288 + 44)).as("rest of the union").isZero();
        assertThat(b.getLong(288 + 48)).isEqualTo(0b101L);
        // attrs[1] at config + 56: flags attribute, u64 in the union
        assertThat(b.getInt(288 + 56)).isEqualTo(1);
        assertThat(b.getLong(288 + 64)).isEqualTo(0b100_0011_0100L);
        assertThat(b.getLong(288 + 72)).isEqualTo(0b010L);
        assertThat(b.getInt(560)).as("num_lines").isEqualTo(3);
        assertThat(b.getInt(564)).as("event_buffer_size").isEqualTo(256);
        for (int i = 568; i < 592; i++) {
            assertThat(encoded[i]).as("padding and fd at %d", i).isZero();
        }
    }

    @Test
    void theFileDescriptorIsReadFromTheLastField() {
        byte[] encoded = new LineRequest(List.of(5), "x", GpioV2.FLAG_INPUT, List.of(), 0).encode(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer.wrap(encoded).order(ByteOrder.LITTLE_ENDIAN).putInt(588, 42);

        assertThat(LineRequest.fdOf(encoded, ByteOrder.LITTLE_ENDIAN)).isEqualTo(42);
    }

    @Test
    void realtimeOrHardwareEventClocksAreNeverRequested() {
        assertThatThrownBy(() -> new LineRequest(List.of(5), "x", GpioV2.FLAG_INPUT | GpioV2.FLAG_EVENT_CLOCK_REALTIME,
                List.of(), 0)).hasMessage("the rig requests monotonic event stamps only");
        assertThat(GpioV2.FLAG_EVENT_CLOCK_REALTIME).isEqualTo(1L << 11);
        assertThat(GpioV2.FLAG_EVENT_CLOCK_HTE).isEqualTo(1L << 12);
    }

    @Test
    void limitsOfTheRequestAreChecked() {
        assertThatThrownBy(() -> new LineRequest(List.of(), "x", 0, List.of(), 0))
                .hasMessage("a line request has 1 to 64 lines, found 0");
        assertThatThrownBy(() -> new LineRequest(List.of(5), "x".repeat(32), 0, List.of(), 0))
                .hasMessage("consumer label '" + "x".repeat(32) + "' is longer than 31 bytes");
        List<LineRequest.Attribute> eleven = java.util.Collections.nCopies(11, LineRequest.Attribute.debounce(1, 1));
        assertThatThrownBy(() -> new LineRequest(List.of(5), "x", 0, eleven, 0))
                .hasMessage("a line request has at most 10 attributes, found 11");
    }
}
