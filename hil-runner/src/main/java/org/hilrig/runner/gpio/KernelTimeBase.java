package org.hilrig.runner.gpio;

import java.util.function.LongSupplier;
import org.hilrig.timing.Clock;

/**
 * Converts kernel {@code CLOCK_MONOTONIC} nanoseconds (the GPIO event stamps) into the rig's time base:
 * {@code rig = kernel - offsetNanos}, good to plus or minus {@code uncertaintyNanos}.
 *
 * <p>{@link #calibrate} reads the rig clock, then the kernel clock, then the rig clock again, several
 * times, and keeps the tightest bracket: the offset is taken at the bracket's middle and the uncertainty is
 * half its width, rounded up. Both clocks are monotonic and run at the same rate (HotSpot's {@code
 * System.nanoTime()} is itself {@code CLOCK_MONOTONIC} on Linux), so one calibration holds for the run.
 */
record KernelTimeBase(long offsetNanos, long uncertaintyNanos) {
    KernelTimeBase {
        if (uncertaintyNanos < 0) {
            throw new IllegalArgumentException("time base uncertainty " + uncertaintyNanos + " ns is negative");
        }
    }

    /** A kernel stamp in the rig's time base. */
    long toRigNanos(long kernelNanos) {
        return kernelNanos - offsetNanos;
    }

    /**
     * Measures the offset between the rig clock and the kernel's monotonic clock.
     *
     * @param rounds how many brackets to take, 1 or more
     */
    static KernelTimeBase calibrate(Clock rig, LongSupplier kernelMonotonicNanos, int rounds) {
        if (rounds < 1) {
            throw new IllegalArgumentException("calibration needs at least one round, found " + rounds);
        }
        long bestWidth = Long.MAX_VALUE;
        long bestOffset = 0;
        for (int i = 0; i < rounds; i++) {
            long before = rig.nowNanos();
            long kernel = kernelMonotonicNanos.getAsLong();
            long after = rig.nowNanos();
            long width = after - before;
            if (width < bestWidth) {
                bestWidth = width;
                bestOffset = kernel - (before + width / 2);
            }
        }
        return new KernelTimeBase(bestOffset, (bestWidth + 1) / 2);
    }
}
