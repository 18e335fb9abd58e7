package org.hilrig.runner.gpio;

/**
 * When something happened on a pin, in the rig's time base.
 *
 * @param timeNanos the best estimate
 * @param uncertaintyNanos it happened within {@code timeNanos} plus or minus this; 0 or more
 */
public record Stamp(long timeNanos, long uncertaintyNanos) {
    public Stamp {
        if (uncertaintyNanos < 0) {
            throw new IllegalArgumentException("uncertainty " + uncertaintyNanos + " ns is negative");
        }
    }

    /** The stamp of something that happened between two clock readings: their middle, plus or minus half the gap. */
    public static Stamp between(long beforeNanos, long afterNanos) {
        long width = afterNanos - beforeNanos;
        return new Stamp(beforeNanos + width / 2, (width + 1) / 2);
    }
}
