package org.hilrig.runner.gpio;

/**
 * One decoded {@code struct gpio_v2_line_event}.
 *
 * @param timestampNanos {@code timestamp_ns}: CLOCK_MONOTONIC nanoseconds, unsigned in the kernel (fits a
 *     long for 292 years of uptime)
 * @param rising {@code id == GPIO_V2_LINE_EVENT_RISING_EDGE}: electrical low to high (the rig never requests
 *     active-low, so rising is always electrical)
 * @param offset the line's offset on the chip (BCM number)
 * @param seqno position in the sequence of all events of the request, from 1; unsigned 32-bit, wraps
 * @param lineSeqno position in the sequence of this line's events, from 1; unsigned 32-bit, wraps
 */
record KernelLineEvent(long timestampNanos, boolean rising, int offset, long seqno, long lineSeqno) {
}
