package org.hilrig.runner.gpio;

/**
 * The Linux GPIO character device ABI, version 2, as far as the rig uses it. Every number here is copied
 * from the kernel's user-space headers (torvalds/linux, {@code include/uapi/linux/gpio.h} and {@code
 * include/uapi/asm-generic/ioctl.h}); the struct sizes and offsets follow from the C layouts quoted on each
 * constant. {@code __aligned_u64} is 8-byte aligned on 32-bit ARM too, so the layouts are the same on a
 * 32-bit and a 64-bit Raspberry Pi OS; the byte order is the machine's (little-endian on the Pi).
 */
final class GpioV2 {
    private GpioV2() {
    }

    /** {@code #define GPIO_MAX_NAME_SIZE 32}. */
    static final int MAX_NAME_SIZE = 32;
    /** {@code #define GPIO_V2_LINES_MAX 64}. */
    static final int LINES_MAX = 64;
    /** {@code #define GPIO_V2_LINE_NUM_ATTRS_MAX 10}. */
    static final int LINE_NUM_ATTRS_MAX = 10;

    // enum gpio_v2_line_flag (each _BITULL(n))
    /** {@code GPIO_V2_LINE_FLAG_USED = _BITULL(0)}. */
    static final long FLAG_USED = 1L << 0;
    /** {@code GPIO_V2_LINE_FLAG_ACTIVE_LOW = _BITULL(1)}: never requested; polarity is applied once, in Java. */
    static final long FLAG_ACTIVE_LOW = 1L << 1;
    /** {@code GPIO_V2_LINE_FLAG_INPUT = _BITULL(2)}. */
    static final long FLAG_INPUT = 1L << 2;
    /** {@code GPIO_V2_LINE_FLAG_OUTPUT = _BITULL(3)}. */
    static final long FLAG_OUTPUT = 1L << 3;
    /** {@code GPIO_V2_LINE_FLAG_EDGE_RISING = _BITULL(4)}. */
    static final long FLAG_EDGE_RISING = 1L << 4;
    /** {@code GPIO_V2_LINE_FLAG_EDGE_FALLING = _BITULL(5)}. */
    static final long FLAG_EDGE_FALLING = 1L << 5;
    /** {@code GPIO_V2_LINE_FLAG_BIAS_DISABLED = _BITULL(10)}. */
    static final long FLAG_BIAS_DISABLED = 1L << 10;
    /**
     * {@code GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME = _BITULL(11)}: never requested. Without it (and without
     * {@code _EVENT_CLOCK_HTE = _BITULL(12)}) {@code timestamp_ns} is read from {@code CLOCK_MONOTONIC}, which
     * does not jump when the wall clock is set; realtime stamps would.
     */
    static final long FLAG_EVENT_CLOCK_REALTIME = 1L << 11;
    /** {@code GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE = _BITULL(12)}: never requested. */
    static final long FLAG_EVENT_CLOCK_HTE = 1L << 12;

    // enum gpio_v2_line_attr_id
    /** {@code GPIO_V2_LINE_ATTR_ID_FLAGS = 1}. */
    static final int ATTR_ID_FLAGS = 1;
    /** {@code GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES = 2}. */
    static final int ATTR_ID_OUTPUT_VALUES = 2;
    /** {@code GPIO_V2_LINE_ATTR_ID_DEBOUNCE = 3}. */
    static final int ATTR_ID_DEBOUNCE = 3;

    // enum gpio_v2_line_event_id
    /** {@code GPIO_V2_LINE_EVENT_RISING_EDGE = 1}. */
    static final int EVENT_RISING_EDGE = 1;
    /** {@code GPIO_V2_LINE_EVENT_FALLING_EDGE = 2}. */
    static final int EVENT_FALLING_EDGE = 2;

    /**
     * {@code struct gpio_v2_line_attribute { __u32 id; __u32 padding; union { __aligned_u64 flags;
     * __aligned_u64 values; __u32 debounce_period_us; }; }}: id at 0, padding at 4, the union at 8; 16 bytes.
     */
    static final int ATTRIBUTE_SIZE = 16;
    /** {@code struct gpio_v2_line_config_attribute { struct gpio_v2_line_attribute attr; __aligned_u64 mask; }}: 24 bytes. */
    static final int CONFIG_ATTRIBUTE_SIZE = 24;
    /**
     * {@code struct gpio_v2_line_config { __aligned_u64 flags; __u32 num_attrs; __u32 padding[5]; struct
     * gpio_v2_line_config_attribute attrs[10]; }}: flags at 0, num_attrs at 8, padding 12..31, attrs at 32;
     * 32 + 10 x 24 = 272 bytes.
     */
    static final int CONFIG_SIZE = 272;
    static final int CONFIG_FLAGS = 0;
    static final int CONFIG_NUM_ATTRS = 8;
    static final int CONFIG_ATTRS = 32;
    /**
     * {@code struct gpio_v2_line_request { __u32 offsets[64]; char consumer[32]; struct gpio_v2_line_config
     * config; __u32 num_lines; __u32 event_buffer_size; __u32 padding[5]; __s32 fd; }}: offsets at 0,
     * consumer at 256, config at 288, num_lines at 560, event_buffer_size at 564, padding 568..587, fd at 588;
     * 592 bytes.
     */
    static final int REQUEST_SIZE = 592;
    static final int REQUEST_OFFSETS = 0;
    static final int REQUEST_CONSUMER = 256;
    static final int REQUEST_CONFIG = 288;
    static final int REQUEST_NUM_LINES = 560;
    static final int REQUEST_EVENT_BUFFER_SIZE = 564;
    static final int REQUEST_FD = 588;
    /** {@code struct gpio_v2_line_values { __aligned_u64 bits; __aligned_u64 mask; }}: 16 bytes. */
    static final int VALUES_SIZE = 16;
    /**
     * {@code struct gpio_v2_line_event { __aligned_u64 timestamp_ns; __u32 id; __u32 offset; __u32 seqno;
     * __u32 line_seqno; __u32 padding[6]; }}: timestamp at 0, id at 8, offset at 12, seqno at 16, line_seqno
     * at 20, padding 24..47; 48 bytes.
     */
    static final int EVENT_SIZE = 48;
    /** {@code struct gpiochip_info { char name[32]; char label[32]; __u32 lines; }}: 68 bytes. */
    static final int CHIP_INFO_SIZE = 68;

    // asm-generic/ioctl.h: _IOC(dir,type,nr,size) = dir << 30 | size << 16 | type << 8 | nr; _IOC_WRITE 1, _IOC_READ 2.
    private static final int IOC_WRITE = 1;
    private static final int IOC_READ = 2;
    /** The GPIO ioctl type byte of every request below. */
    private static final int GPIO_IOC_TYPE = 0xB4;

    /** {@code GPIO_GET_CHIPINFO_IOCTL = _IOR(0xB4, 0x01, struct gpiochip_info)} = 0x8044B401. */
    static final long GET_CHIPINFO_IOCTL = ioc(IOC_READ, GPIO_IOC_TYPE, 0x01, CHIP_INFO_SIZE);
    /** {@code GPIO_V2_GET_LINE_IOCTL = _IOWR(0xB4, 0x07, struct gpio_v2_line_request)} = 0xC250B407. */
    static final long GET_LINE_IOCTL = ioc(IOC_READ | IOC_WRITE, GPIO_IOC_TYPE, 0x07, REQUEST_SIZE);
    /** {@code GPIO_V2_LINE_GET_VALUES_IOCTL = _IOWR(0xB4, 0x0E, struct gpio_v2_line_values)} = 0xC010B40E. */
    static final long LINE_GET_VALUES_IOCTL = ioc(IOC_READ | IOC_WRITE, GPIO_IOC_TYPE, 0x0E, VALUES_SIZE);

    /** {@code GPIO_V2_LINE_SET_VALUES_IOCTL = _IOWR(0xB4, 0x0F, struct gpio_v2_line_values)} = 0xC010B40F. */
    static final long LINE_SET_VALUES_IOCTL = ioc(IOC_READ | IOC_WRITE, GPIO_IOC_TYPE, 0x0F, VALUES_SIZE);

    /** {@code _IOC} of asm-generic/ioctl.h, as an unsigned 32-bit value in a long. */
    static long ioc(int dir, int type, int nr, int size) {
        return ((long) dir << 30) | ((long) size << 16) | ((long) type << 8) | nr;
    }
}
