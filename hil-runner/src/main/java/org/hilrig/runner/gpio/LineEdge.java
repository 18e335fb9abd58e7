package org.hilrig.runner.gpio;

import org.hilrig.runner.fixture.HardwareLine;

/**
 * An input line changed its logical state.
 *
 * @param line which line
 * @param active the logical state after the edge (polarity already applied)
 * @param timeNanos when the pin changed, in the rig's time base
 * @param uncertaintyNanos the pin changed within {@code timeNanos} plus or minus this (kernel stamp latency,
 *     time-base calibration, debounce); 0 or more
 */
public record LineEdge(HardwareLine line, boolean active, long timeNanos, long uncertaintyNanos) implements LineEvent {
    public LineEdge {
        if (uncertaintyNanos < 0) {
            throw new IllegalArgumentException(line + ": uncertainty " + uncertaintyNanos + " ns is negative");
        }
    }
}
